// SPDX-License-Identifier: GPL-2.0
/* Stock sparse warnings that have nothing to do with the map. */
#include <linux/iosys-map.h>

struct ring {
	struct iosys_map map;
	u32 __iomem *doorbell;
	u32 *tail;
};

int not_declared;

void ring_map(struct ring *r, const void *cmd);

/* the wrong kind of pointer for the initialiser: stock sparse says so */
void ring_map(struct ring *r, const void *cmd)
{
	struct iosys_map sys = IOSYS_MAP_INIT_VADDR(r->doorbell);
	struct iosys_map io = IOSYS_MAP_INIT_VADDR_IOMEM(r->tail);

	iosys_map_memcpy_to(&sys, 0, cmd, 4);
	iosys_map_memcpy_to(&io, 0, cmd, 4);
}

u32 ring_kick(struct ring *r, u32 __user *uptr, void *p)
{
	u32 *t = 0;

	if (r->doorbell == p)
		t = r->tail;
	memcpy(t, uptr, 4);
	iosys_map_wr(&r->map, 0, u32, 1);
	return *r->doorbell;
}
