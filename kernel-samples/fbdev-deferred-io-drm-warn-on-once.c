/*
 * check-name: page lookup guarded by !drm_WARN_ON_ONCE(dev, map.is_iomem)
 * check-description: idiom I2 as in the generic fbdev probe: only when the
 *   warning did not fire (the map is system memory) is the buffer handed to
 *   virt_to_page.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/fb.h>
#include <linux/iosys-map.h>
#include <drm/drm_client.h>
#include <drm/drm_print.h>

int mydrv_fbdev_setup_deferred_io(struct fb_info *info,
				  struct drm_client_buffer *buffer)
{
	struct drm_device *dev = buffer->client->dev;
	struct iosys_map map;
	int ret;

	ret = drm_client_buffer_vmap(buffer, &map);
	if (ret)
		return ret;

	if (!drm_WARN_ON_ONCE(dev, map.is_iomem)) {
		info->screen_buffer = map.vaddr;
		info->flags |= FBINFO_VIRTFB;
		info->fix.smem_start = page_to_phys(virt_to_page(map.vaddr));
		return 0;
	}

	drm_client_buffer_vunmap(buffer);
	return -ENODEV;
}
