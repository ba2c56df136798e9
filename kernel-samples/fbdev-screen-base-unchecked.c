/*
 * check-name: fbdev probe stores map.vaddr_iomem into screen_base without a test
 * check-description: a shmem-backed client buffer gives a system map;
 *   storing its I/O member into fb_info for the cfb_* helpers is a use of
 *   vaddr_iomem while is_iomem may be false (IOM004).
 */
#include <linux/kernel.h>
#include <linux/fb.h>
#include <linux/iosys-map.h>
#include <drm/drm_client.h>
#include <drm/drm_gem.h>

static const struct fb_ops mydrv_fb_ops_io = {
	.fb_fillrect	= cfb_fillrect,
	.fb_copyarea	= cfb_copyarea,
	.fb_imageblit	= cfb_imageblit,
};

int mydrv_fbdev_probe_io(struct fb_info *info, struct drm_client_buffer *buffer)
{
	struct iosys_map map;
	int ret;

	ret = drm_client_buffer_vmap(buffer, &map);
	if (ret)
		return ret;

	info->fbops = &mydrv_fb_ops_io;
	info->screen_base = map.vaddr_iomem;	/* expect: IOM004 */
	info->screen_size = buffer->gem->size;
	info->fix.smem_len = info->screen_size;

	return register_framebuffer(info);
}
