/*
 * check-name: facts: a test hands its system-memory maps to converters of another file
 * check-description: the KUnit shape: a test sets its destination map to a
 *   kernel buffer, passes &dst to a conversion helper defined in another file
 *   and reads dst.vaddr back.  That file's facts say the helper never writes
 *   the map (also through a static helper of its own), and that another one
 *   fills its map with system memory: the maps stay system memory, nothing is
 *   reported.  Without the facts every call is a clobber.
 * check-facts: facts/conv-helpers.c
 */
#include <linux/types.h>
#include <linux/iosys-map.h>

void conv_xrgb_to_rgb565(struct iosys_map *dst, const struct iosys_map *src, size_t len);
void conv_xrgb_to_gray8(struct iosys_map *dst, const struct iosys_map *src, size_t len);
void shadow_fill(struct iosys_map *map, void *buf);

u16 test_rgb565(u16 *buf, const u32 *pixels, size_t len)
{
	struct iosys_map dst, src;

	iosys_map_set_vaddr(&dst, buf);
	iosys_map_set_vaddr(&src, (void *)pixels);
	conv_xrgb_to_rgb565(&dst, &src, len);
	buf = dst.vaddr;			/* the buffer back, to compare */
	return buf[0];
}

u8 test_gray8(u8 *buf, const u32 *pixels, size_t len)
{
	struct iosys_map dst = IOSYS_MAP_INIT_VADDR(buf);
	struct iosys_map src = IOSYS_MAP_INIT_VADDR((void *)pixels);

	conv_xrgb_to_gray8(&dst, &src, len);
	return ((u8 *)dst.vaddr)[len - 1];
}

u32 shadow_first_pixel(u32 *buf)
{
	struct iosys_map shadow;

	shadow_fill(&shadow, buf);
	return *(u32 *)shadow.vaddr;
}
