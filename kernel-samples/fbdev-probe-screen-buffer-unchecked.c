/*
 * check-name: fbdev probe stores map.vaddr into screen_buffer without a test
 * check-description: the client buffer mapping may be I/O (VRAM helpers);
 *   storing the system member into fb_info is an escape while is_iomem may
 *   be true.  Idiom I9 or I2 is the fix.
 */
#include <linux/kernel.h>
#include <linux/fb.h>
#include <linux/iosys-map.h>
#include <drm/drm_client.h>
#include <drm/drm_gem.h>

extern const struct fb_ops mydrv_fb_ops;

int mydrv_fbdev_probe(struct fb_info *info, struct drm_client_buffer *buffer)
{
	struct iosys_map map;
	int ret;

	ret = drm_client_buffer_vmap(buffer, &map);
	if (ret)
		return ret;

	info->fbops = &mydrv_fb_ops;
	info->screen_buffer = map.vaddr;	/* expect: IOM003 */
	info->screen_size = buffer->gem->size;
	info->fix.smem_len = info->screen_size;
	info->flags |= FBINFO_VIRTFB;

	ret = register_framebuffer(info);
	if (ret)
		drm_client_buffer_vunmap(buffer);
	return ret;
}
