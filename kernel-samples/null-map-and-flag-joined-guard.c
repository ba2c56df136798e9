/*
 * check-name: a NULL test of the map pointer joined with the flag
 * check-description: page-table code takes an optional map: "map && is_iomem"
 *   picks the I/O path, and "else if (map)" is only reached when the map is
 *   present and not I/O memory, so memset64 on vaddr is right.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/iosys-map.h>

void mypt_clear(struct iosys_map *map, u64 empty, size_t off, size_t n)
{
	if (map && map->is_iomem)
		memset_io(map->vaddr_iomem + off, 0, n * 8);
	else if (map)
		memset64(map->vaddr + off, empty, n);
}

void mypt_write(struct iosys_map *map, size_t idx, u64 pte)
{
	if (!map)
		return;
	if (map->is_iomem)
		writeq(pte, map->vaddr_iomem + idx * 8);
	else
		((u64 *)map->vaddr)[idx] = pte;
}
