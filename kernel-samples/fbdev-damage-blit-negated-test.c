/*
 * check-name: fbdev dirty handler tests !is_iomem and hoists the branch
 * check-description: idiom I1 written with the negated test first; the
 *   branch is taken once, outside the line loops, and each side hands the
 *   matching member to a line copier.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/iosys-map.h>
#include <drm/drm_rect.h>

struct mydrv_fb {
	struct iosys_map map;	/* scanout buffer */
	const u8 *shadow;
	unsigned int pitch;
	unsigned int cpp;
};

static void blit_lines_sys(u8 *dst, const u8 *src, unsigned int pitch,
			   size_t len, int lines)
{
	while (lines--) {
		memcpy(dst, src, len);
		dst += pitch;
		src += pitch;
	}
}

static void blit_lines_io(u8 __iomem *dst, const u8 *src, unsigned int pitch,
			  size_t len, int lines)
{
	while (lines--) {
		memcpy_toio(dst, src, len);
		dst += pitch;
		src += pitch;
	}
}

void mydrv_fb_dirty(struct mydrv_fb *fb, const struct drm_rect *clip)
{
	size_t off = (size_t)clip->y1 * fb->pitch + (size_t)clip->x1 * fb->cpp;
	size_t len = (size_t)drm_rect_width(clip) * fb->cpp;
	int lines = drm_rect_height(clip);

	if (!fb->map.is_iomem)
		blit_lines_sys(fb->map.vaddr + off, fb->shadow + off,
			       fb->pitch, len, lines);
	else
		blit_lines_io(fb->map.vaddr_iomem + off, fb->shadow + off,
			      fb->pitch, len, lines);
}
