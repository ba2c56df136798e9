// SPDX-License-Identifier: GPL-2.0
/* The v5.10 to v5.17 header: raw uses next to correct helper calls. */
#include <linux/dma-buf-map.h>

struct fbdev {
	struct dma_buf_map map;
	char *screen_buffer;
	char __iomem *screen_base;
};

void fbdev_setup(struct fbdev *fb, const void *logo, size_t len);

void fbdev_setup(struct fbdev *fb, const void *logo, size_t len)
{
	dma_buf_map_memcpy_to(&fb->map, logo, len);
	if (fb->map.is_iomem)
		fb->screen_base = fb->map.vaddr_iomem;	/* expect: IOM010 */
	else
		fb->screen_buffer = fb->map.vaddr;	/* expect: IOM010 */
	dma_buf_map_incr(&fb->map, len);
}
