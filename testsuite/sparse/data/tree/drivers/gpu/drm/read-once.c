// SPDX-License-Identifier: GPL-2.0
/* READ_ONCE() spells its argument twice: sparse warns twice, IOM010 once. */
#include <linux/iosys-map.h>

u32 seqno_peek(struct iosys_map *m);

u32 seqno_peek(struct iosys_map *m)
{
	return READ_ONCE(*(u32 *)m->vaddr);	/* expect: IOM010 */
}
