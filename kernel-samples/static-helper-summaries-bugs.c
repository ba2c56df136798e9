/*
 * check-name: a static helper fills the out-parameter map with I/O memory
 * check-description: the helper of the same file sets the caller's local map
 *   with set_vaddr_iomem(), so the caller's plain load through vaddr reads
 *   I/O memory.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/iosys-map.h>

static void myvram_map(struct iosys_map *map, void __iomem *vram)
{
	iosys_map_set_vaddr_iomem(map, vram);
}

u32 myvram_first(void __iomem *vram)
{
	struct iosys_map map;

	myvram_map(&map, vram);
	return *(u32 *)map.vaddr;	/* expect: IOM001 */
}
