/*
 * check-name: a static worker whose every caller hands it a system-memory map
 * check-description: the blit worker reads src->vaddr without a test; the
 *   file calls it twice, each time with a map it set to a kernel buffer (or
 *   whose I/O kind it refused with WARN_ON before the call), so the map
 *   enters as system memory and nothing is reported.  A second worker, also
 *   called with an I/O map, is reported; so is one whose address is taken.
 */
#include <linux/types.h>
#include <linux/bug.h>
#include <linux/string.h>
#include <linux/iosys-map.h>

int panel_send(const void *buf, size_t len);

static int blit_rows(const struct iosys_map *src, size_t len)
{
	return panel_send(src->vaddr, len);
}

int flush_shadow(u8 *shadow, size_t len)
{
	struct iosys_map src = IOSYS_MAP_INIT_VADDR(shadow);

	return blit_rows(&src, len);
}

int flush_checked(const struct iosys_map *map, size_t len)
{
	if (WARN_ON(map->is_iomem))
		return -22;
	return blit_rows(map, len);
}

static int blit_mixed(const struct iosys_map *src, size_t len)
{
	return panel_send(src->vaddr, len);	/* expect: IOM003 */
}

int flush_mixed(u8 *shadow, void __iomem *regs, size_t len)
{
	struct iosys_map a = IOSYS_MAP_INIT_VADDR(shadow);
	struct iosys_map b = IOSYS_MAP_INIT_VADDR_IOMEM(regs);

	return blit_mixed(&a, len) + blit_mixed(&b, len);
}

static int blit_hooked(const struct iosys_map *src, size_t len)
{
	return panel_send(src->vaddr, len);	/* expect: IOM003 */
}

int (*blit_hook)(const struct iosys_map *src, size_t len) = blit_hooked;

int flush_hooked(u8 *shadow, size_t len)
{
	struct iosys_map src = IOSYS_MAP_INIT_VADDR(shadow);

	return blit_hooked(&src, len);
}
