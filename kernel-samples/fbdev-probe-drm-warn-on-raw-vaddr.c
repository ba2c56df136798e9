/*
 * check-name: fbdev probe asserts a mapping with drm_WARN_ON on raw vaddr
 * check-description: the screen selection afterwards follows idiom I9; the
 *   assertion decodes the map by hand and is IOM006 (the helper spelling is
 *   drm_WARN_ON(dev, iosys_map_is_null(&map))).
 * check-known-difference: sparse: CSE merges the map.vaddr and map.vaddr_iomem loads (extra IOM003)
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/fb.h>
#include <linux/errno.h>
#include <drm/drm_print.h>
#include <drm/drm_client.h>

int fbdev_fb_probe(struct drm_device *dev, struct fb_info *info,
		   struct drm_client_buffer *buffer, size_t size)
{
	struct iosys_map map;
	int ret;

	ret = drm_client_buffer_vmap(buffer, &map);
	if (ret)
		return ret;
	if (drm_WARN_ON(dev, !map.vaddr))	/* expect: IOM006 */
		return -ENOMEM;

	if (map.is_iomem) {
		info->screen_base = map.vaddr_iomem;
	} else {
		info->screen_buffer = map.vaddr;
		info->flags |= FBINFO_VIRTFB;
	}
	info->screen_size = size;
	return 0;
}
