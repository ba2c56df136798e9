/*
 * check-name: damage blit tests the destination map's vaddr for NULL
 * check-description: the copy itself goes through the helper; only the
 *   validity check decodes the map by hand.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/errno.h>

struct damage_rect {
	unsigned int x1, y1, x2, y2;
};

int damage_blit_lines(struct iosys_map *dst, unsigned int dst_pitch,
		      const u8 *src, unsigned int src_pitch,
		      const struct damage_rect *r, unsigned int cpp)
{
	unsigned int y;
	size_t len = (size_t)(r->x2 - r->x1) * cpp;

	if (iosys_map_is_null(dst))	/* expect: IOM006 */
		return -ENOMEM;

	for (y = r->y1; y < r->y2; y++) {
		size_t doff = (size_t)y * dst_pitch + (size_t)r->x1 * cpp;
		const u8 *sline = src + (size_t)y * src_pitch + (size_t)r->x1 * cpp;

		iosys_map_memcpy_to(dst, doff, sline, len);
	}
	return 0;
}
