/*
 * check-name: fbdev damage blit writes through a raw vaddr
 * check-description: the client buffer is whatever the GEM backend gives
 *   (VRAM helpers give I/O memory); the damage loop stores pixels through
 *   buffer->map.vaddr with plain stores and never looks at is_iomem.
 */
#include <linux/kernel.h>
#include <linux/fb.h>
#include <linux/iosys-map.h>
#include <drm/drm_client.h>

struct mydrv_fbdev {
	struct fb_info *info;
	struct drm_client_buffer *buffer;
	void *shadow;		/* what fbcon draws into */
};

void mydrv_fbdev_damage_blit(struct mydrv_fbdev *fbdev, u32 x, u32 y,
			     u32 width, u32 height)
{
	struct drm_client_buffer *buffer = fbdev->buffer;
	struct fb_info *info = fbdev->info;
	size_t pitch = info->fix.line_length;
	u32 cpp = info->var.bits_per_pixel / 8;
	const u32 *src;
	u32 *dst;
	u32 line, i;

	if (cpp != 4)
		return;

	for (line = y; line < y + height; line++) {
		src = fbdev->shadow + line * pitch + x * cpp;
		dst = buffer->map.vaddr + line * pitch + x * cpp;
		for (i = 0; i < width; i++)
			dst[i] = src[i];	/* expect: IOM002 */
	}
}
