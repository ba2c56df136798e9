/*
 * check-name: v5.12 fbdev probe selects the screen pointer by the flag
 * check-description: old generation, idiom I9 with the client buffer's
 *   dma_buf_map: screen_base for I/O memory, screen_buffer and
 *   FBINFO_VIRTFB for system memory; the ops are picked the same way.
 */
#define KSAMPLES_DMA_BUF_MAP_API
#include <linux/types.h>
#include <linux/dma-buf-map.h>
#include <linux/fb.h>
#include <drm/drm_client.h>

extern const struct fb_ops fbdev_cfb_ops;
extern const struct fb_ops fbdev_sys_ops;

int fbdev_generic_setup_screen(struct fb_info *info, struct drm_client_buffer *buffer,
			       size_t size)
{
	struct dma_buf_map map;
	int ret;

	ret = drm_client_buffer_vmap(buffer, &map);
	if (ret)
		return ret;

	if (map.is_iomem) {
		info->screen_base = map.vaddr_iomem;
		info->fbops = &fbdev_cfb_ops;
	} else {
		info->screen_buffer = map.vaddr;
		info->flags |= FBINFO_VIRTFB;
		info->fbops = &fbdev_sys_ops;
	}
	info->screen_size = size;
	return 0;
}
