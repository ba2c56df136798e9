/*
 * check-name: fbdev damage blit branches on is_iomem for every line
 * check-description: idiom I1: memcpy_toio on the I/O side, memcpy on the
 *   system side, each with the member that is valid there.
 */
#include <linux/kernel.h>
#include <linux/fb.h>
#include <linux/iosys-map.h>
#include <drm/drm_client.h>
#include <drm/drm_rect.h>

struct mydrv_fbdev {
	struct fb_info *info;
	struct drm_client_buffer *buffer;
	void *shadow;
};

void mydrv_fbdev_damage_blit(struct mydrv_fbdev *fbdev,
			     const struct drm_rect *clip)
{
	struct iosys_map *dst = &fbdev->buffer->map;
	size_t pitch = fbdev->info->fix.line_length;
	u32 cpp = fbdev->info->var.bits_per_pixel / 8;
	size_t len = drm_rect_width(clip) * cpp;
	size_t off = clip->y1 * pitch + clip->x1 * cpp;
	const void *src = fbdev->shadow + off;
	int y;

	for (y = clip->y1; y < clip->y2; y++) {
		if (dst->is_iomem)
			memcpy_toio(dst->vaddr_iomem + off, src, len);
		else
			memcpy(dst->vaddr + off, src, len);
		src += pitch;
		off += pitch;
	}
}
