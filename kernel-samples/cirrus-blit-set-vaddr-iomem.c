/*
 * check-name: cirrus-style blit into a map set with iosys_map_set_vaddr_iomem
 * check-description: idiom I3: the destination is set to the ioremapped
 *   VRAM, so vaddr_iomem goes to memcpy_toio line by line.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/iosys-map.h>
#include <drm/drm_framebuffer.h>
#include <drm/drm_rect.h>

struct mycirrus_device {
	void __iomem *vram;
	unsigned int pitch;
};

void mycirrus_fb_blit_rect(struct mycirrus_device *cirrus,
			   const struct drm_framebuffer *fb, const void *vmap,
			   const struct drm_rect *rect)
{
	unsigned int cpp = fb->format->cpp[0];
	size_t len = (size_t)drm_rect_width(rect) * cpp;
	size_t src_off = (size_t)rect->y1 * fb->pitches[0] + (size_t)rect->x1 * cpp;
	size_t dst_off = (size_t)rect->y1 * cirrus->pitch + (size_t)rect->x1 * cpp;
	struct iosys_map dst;
	int y;

	iosys_map_set_vaddr_iomem(&dst, cirrus->vram);

	for (y = rect->y1; y < rect->y2; y++) {
		memcpy_toio(dst.vaddr_iomem + dst_off, vmap + src_off, len);
		src_off += fb->pitches[0];
		dst_off += cirrus->pitch;
	}
}
