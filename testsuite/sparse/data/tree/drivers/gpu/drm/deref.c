// SPDX-License-Identifier: GPL-2.0
/*
 * "dereference of noderef expression" names no address space: the map's
 * must be told from an __iomem one, also through a macro.
 */
#include <linux/iosys-map.h>

struct hw {
	u32 ctrl;
	u32 status;
};

#define HW_STATUS(map)	(((struct hw __iosys *)(map)->vaddr)->status)

u32 hw_read(struct iosys_map *m, struct hw __iomem *regs);

u32 hw_read(struct iosys_map *m, struct hw __iomem *regs)
{
	u32 v = regs->ctrl;

	v += HW_STATUS(m);	/* expect: IOM010 */
	v += regs->status;
	return v + ((u8 __iosys *)m->vaddr)[3];	/* expect: IOM010 */
}
