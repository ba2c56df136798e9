/*
 * check-name: line-by-line format conversion through a bounce line and helpers
 * check-description: the source and destination maps are of unknown kind;
 *   each line is read with iosys_map_memcpy_from into a kmalloc'ed line,
 *   converted there, and written with iosys_map_memcpy_to.  The
 *   destination starts from an IOSYS_MAP_INIT_OFFSET copy moved with
 *   iosys_map_incr.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/iosys-map.h>
#include <drm/drm_rect.h>

int mydrv_xrgb8888_to_argb8888(struct iosys_map *dst, unsigned int dst_pitch,
			       const struct iosys_map *src, unsigned int src_pitch,
			       const struct drm_rect *clip)
{
	size_t width = drm_rect_width(clip);
	size_t src_off = (size_t)clip->y1 * src_pitch + (size_t)clip->x1 * 4;
	struct iosys_map d = IOSYS_MAP_INIT_OFFSET(dst, (size_t)clip->y1 * dst_pitch + (size_t)clip->x1 * 4);
	u32 *line;
	size_t x;
	int y;

	line = kmalloc_array(width, sizeof(u32), GFP_KERNEL);
	if (!line)
		return -ENOMEM;

	for (y = clip->y1; y < clip->y2; y++) {
		iosys_map_memcpy_from(line, src, src_off, width * 4);
		for (x = 0; x < width; x++)
			line[x] |= 0xff000000;
		iosys_map_memcpy_to(&d, 0, line, width * 4);
		iosys_map_incr(&d, dst_pitch);
		src_off += src_pitch;
	}

	kfree(line);
	return 0;
}
