/*
 * check-name: strict mode accepts a flag test that picks fbdev ops
 * check-description: reading is_iomem is not IOM010 (only vaddr and
 *   vaddr_iomem are); the map itself is passed on (idiom I8).
 * check-enable: IOM010
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/fb.h>
#include <drm/drm_client.h>

extern const struct fb_ops fbdev_io_ops;
extern const struct fb_ops fbdev_sys_ops;

int fbdev_attach_screen(struct fb_info *info, const struct iosys_map *map);

int fbdev_setup_ops(struct fb_info *info, struct drm_client_buffer *buffer)
{
	struct iosys_map map;
	int ret;

	ret = drm_client_buffer_vmap(buffer, &map);
	if (ret)
		return ret;

	if (map.is_iomem) {
		info->fbops = &fbdev_io_ops;
	} else {
		info->fbops = &fbdev_sys_ops;
		info->flags |= FBINFO_VIRTFB;
	}
	return fbdev_attach_screen(info, &map);
}
