/*
 * check-name: cursor update with a per-pixel writel loop on the I/O side
 * check-description: idiom I1 with the branch hoisted out of the loops:
 *   writel through vaddr_iomem for I/O memory, plain stores through vaddr
 *   otherwise.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/iosys-map.h>

#define CURSOR_DIM	64

struct mydrv_cursor {
	struct iosys_map map;
	u32 hot_x, hot_y;
};

void mydrv_cursor_set_image(struct mydrv_cursor *cur, const u32 *argb,
			    unsigned int w, unsigned int h)
{
	unsigned int x, y;

	if (cur->map.is_iomem) {
		for (y = 0; y < CURSOR_DIM; y++)
			for (x = 0; x < CURSOR_DIM; x++)
				writel(x < w && y < h ? argb[y * w + x] : 0,
				       cur->map.vaddr_iomem + (y * CURSOR_DIM + x) * 4);
	} else {
		u32 *dst = cur->map.vaddr;

		for (y = 0; y < CURSOR_DIM; y++)
			for (x = 0; x < CURSOR_DIM; x++)
				dst[y * CURSOR_DIM + x] = x < w && y < h ? argb[y * w + x] : 0;
	}
}
