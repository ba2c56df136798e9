// SPDX-License-Identifier: GPL-2.0
/* Stock sparse warnings that have nothing to do with the map. */
#include <linux/iosys-map.h>

struct ring {
	struct iosys_map map;
	u32 __iomem *doorbell;
	u32 *tail;
};

int not_declared;

u32 ring_kick(struct ring *r, u32 __user *uptr, void *p)
{
	u32 *t = 0;

	if (r->doorbell == p)
		t = r->tail;
	memcpy(t, uptr, 4);
	iosys_map_wr(&r->map, 0, u32, 1);
	return *r->doorbell;
}
