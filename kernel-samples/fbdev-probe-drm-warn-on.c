/*
 * check-name: fbdev probe rejects I/O buffers with drm_WARN_ON in an else-if
 * check-description: idiom I2 as in the shmem/dma fbdev probes: the
 *   drm_WARN_ON(dev, map.is_iomem) branch bails out, so screen_buffer gets a
 *   system address.
 */
#include <linux/kernel.h>
#include <linux/fb.h>
#include <linux/iosys-map.h>
#include <drm/drm_client.h>
#include <drm/drm_gem.h>
#include <drm/drm_print.h>

struct mydrv_fbdev {
	struct fb_info *info;
	struct drm_client_buffer *buffer;
};

int mydrv_fbdev_probe(struct mydrv_fbdev *fbdev, struct drm_client_buffer *buffer)
{
	struct drm_device *dev = buffer->client->dev;
	struct fb_info *info = fbdev->info;
	struct iosys_map map;
	int ret;

	ret = drm_client_buffer_vmap(buffer, &map);
	if (ret) {
		return ret;
	} else if (drm_WARN_ON(dev, map.is_iomem)) {
		ret = -ENODEV;
		goto err_vunmap;
	}

	info->screen_buffer = map.vaddr;
	info->screen_size = buffer->gem->size;
	info->fix.smem_len = info->screen_size;
	info->flags |= FBINFO_VIRTFB;
	fbdev->buffer = buffer;

	return 0;

err_vunmap:
	drm_client_buffer_vunmap(buffer);
	return ret;
}
