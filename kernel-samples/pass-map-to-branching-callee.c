/*
 * check-name: the map, not its pointer, is passed to a branching callee
 * check-description: idiom I8: the caller hands &dst to a blit routine;
 *   the routine branches on the flag itself (idiom I1) and uses the
 *   matching accessor on each side.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/io.h>
#include <linux/string.h>

struct rect {
	unsigned int x, y, w, h;
};

void blit_rows(struct iosys_map *dst, unsigned int dst_pitch,
	       const u8 *src, unsigned int src_pitch, const struct rect *r)
{
	size_t off = (size_t)r->y * dst_pitch + (size_t)r->x * 4;
	unsigned int y;

	for (y = 0; y < r->h; y++, off += dst_pitch, src += src_pitch) {
		if (dst->is_iomem)
			memcpy_toio(dst->vaddr_iomem + off, src, (size_t)r->w * 4);
		else
			memcpy(dst->vaddr + off, src, (size_t)r->w * 4);
	}
}

struct scanout {
	struct iosys_map fb_addr;
	unsigned int pitch;
};

void scanout_damage(struct scanout *so, const u8 *shadow, unsigned int shadow_pitch,
		    const struct rect *damage, unsigned int n)
{
	struct iosys_map dst = so->fb_addr;
	unsigned int i;

	for (i = 0; i < n; i++)
		blit_rows(&dst, so->pitch, shadow, shadow_pitch, &damage[i]);
}
