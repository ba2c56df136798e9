/*
 * check-name: fbdev probe selects screen_base or screen_buffer by the flag
 * check-description: idiom I9: an I/O map goes to screen_base, a system map
 *   to screen_buffer together with FBINFO_VIRTFB.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/fb.h>
#include <linux/errno.h>
#include <drm/drm_client.h>

extern const struct fb_ops fbdev_generic_io_ops;
extern const struct fb_ops fbdev_generic_sys_ops;

int fbdev_generic_probe(struct fb_info *info, struct drm_client_buffer *buffer,
			size_t size)
{
	struct iosys_map map;
	int ret;

	ret = drm_client_buffer_vmap(buffer, &map);
	if (ret)
		return ret;

	if (map.is_iomem) {
		info->screen_base = map.vaddr_iomem;
		info->fbops = &fbdev_generic_io_ops;
	} else {
		info->screen_buffer = map.vaddr;
		info->flags |= FBINFO_VIRTFB;
		info->fbops = &fbdev_generic_sys_ops;
	}
	info->screen_size = size;
	info->fix.smem_len = (u32)size;
	return 0;
}
