/*
 * check-name: a static helper of the same file fills the out-parameter map
 * check-description: the helper sets the caller's local map with
 *   iosys_map_set_vaddr(); a second helper only reads the map it is handed
 *   and leaves it alone.  The caller's loads through vaddr are right.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/iosys-map.h>

static void myshadow_map(struct iosys_map *map, void *buf)
{
	iosys_map_set_vaddr(map, buf);
}

static size_t myshadow_peek(struct iosys_map *map)
{
	return map->is_iomem ? 0 : 16;
}

u32 myshadow_first(void *buf)
{
	struct iosys_map map;

	myshadow_map(&map, buf);
	return *(u32 *)map.vaddr;
}

u32 myshadow_second(void *buf)
{
	struct iosys_map map;
	size_t off;

	iosys_map_set_vaddr(&map, buf);
	off = myshadow_peek(&map);
	return *(u32 *)(map.vaddr + off);
}
