/*
 * check-name: per-plane copy loop takes element copies of dst[i]
 * check-description: idiom I7: `struct iosys_map dst_i = dst[i];` copies the
 *   flag of each element; the copy is then moved and written through
 *   helpers only.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <drm/drm_gem_framebuffer_helper.h>

struct clip {
	unsigned int x1, y1, x2, y2;
};

void fb_memcpy_planes(struct iosys_map *dst, const unsigned int *dst_pitch,
		      const struct iosys_map *src, const struct drm_framebuffer *fb,
		      const struct clip *clip, unsigned int num_planes,
		      const unsigned int *cpp, void *line_buf)
{
	unsigned int i, y;

	for (i = 0; i < num_planes && i < DRM_FORMAT_MAX_PLANES; i++) {
		struct iosys_map dst_i = dst[i];
		struct iosys_map src_i = src[i];
		size_t len = (size_t)(clip->x2 - clip->x1) * cpp[i];

		iosys_map_incr(&src_i, (size_t)clip->y1 * fb->pitches[i] + (size_t)clip->x1 * cpp[i]);
		for (y = clip->y1; y < clip->y2; y++) {
			iosys_map_memcpy_from(line_buf, &src_i, 0, len);
			iosys_map_memcpy_to(&dst_i, 0, line_buf, len);
			iosys_map_incr(&src_i, fb->pitches[i]);
			iosys_map_incr(&dst_i, dst_pitch[i]);
		}
	}
}
