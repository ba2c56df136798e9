/*
 * check-name: v5.12 fbdev probe in strict mode selects screen_base/buffer
 * check-description: old generation. Idiom I9 (store screen_base for an
 *   I/O map, screen_buffer plus FBINFO_VIRTFB otherwise) is accepted by
 *   the default rules; strict mode reports each member load.
 * check-enable: IOM010
 */
#include <linux/types.h>
#include <linux/dma-buf-map.h>
#include <linux/fb.h>

struct fbdev_client {
	struct dma_buf_map map;
	size_t size;
};

void fbdev_client_fill_info(struct fb_info *info, struct fbdev_client *fc)
{
	struct dma_buf_map map = fc->map;

	if (map.is_iomem) {
		info->screen_base = map.vaddr_iomem;	/* expect: IOM010 */
	} else {
		info->screen_buffer = map.vaddr;	/* expect: IOM010 */
		info->flags |= FBINFO_VIRTFB;
	}
	info->screen_size = fc->size;
}
