/*
 * check-name: shadow-plane update converts pixels through raw vaddr pointers
 * check-description: shadow_plane_state->data[0] is filled by
 *   drm_gem_fb_vmap and may be an imported I/O buffer; the destination is a
 *   parameter.  Both are used without a test.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>
#include <drm/drm_gem_atomic_helper.h>
#include <drm/drm_rect.h>

static inline u16 to_rgb565(u32 pix)
{
	return ((pix >> 8) & 0xf800) | ((pix >> 5) & 0x07e0) | ((pix >> 3) & 0x001f);
}

void mydrv_plane_update(struct drm_shadow_plane_state *shadow,
			struct iosys_map *dst, unsigned int dst_pitch,
			const struct drm_rect *clip)
{
	const struct drm_framebuffer *fb = shadow->base.fb;
	unsigned int src_pitch = fb->pitches[0];
	int x, y;

	for (y = clip->y1; y < clip->y2; y++) {
		const u32 *sline = shadow->data[0].vaddr + (size_t)y * src_pitch;
		u16 *dline = dst->vaddr + (size_t)y * dst_pitch;

		for (x = clip->x1; x < clip->x2; x++) {
			u32 pix = sline[x];	/* expect: IOM002 */

			dline[x] = to_rgb565(pix);	/* expect: IOM002 */
		}
	}
}
