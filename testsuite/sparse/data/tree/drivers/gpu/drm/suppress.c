// SPDX-License-Identifier: GPL-2.0
/*
 * An error about the map that stock sparse does not have silences stock
 * warnings: after an error in the last function of a file, sparse prints
 * none of the file's noderef warnings.  They must still be printed.
 */
#include <linux/iosys-map.h>

u32 status_read(u32 __iomem *reg);
u32 status_read2(u32 __iomem *reg);
void cursor_upload(struct iosys_map *m, const void *img);
long cursor_offset(struct iosys_map *m, void *pos);

u32 status_read(u32 __iomem *reg)
{
	return *reg;
}

u32 status_read2(u32 __iomem *reg)
{
	u32 *p = 0;

	return *reg + (p == 0);
}

void cursor_upload(struct iosys_map *m, const void *img)
{
	iosys_map_memcpy_to(m, 0, img, 64);
	iosys_map_memset(m, 64, 0, 64);
	iosys_map_wr(m, 128, u32, iosys_map_rd(m, 0, u32));
}

long cursor_offset(struct iosys_map *m, void *pos)
{
	return pos - m->vaddr;	/* expect: IOM010 */
}
