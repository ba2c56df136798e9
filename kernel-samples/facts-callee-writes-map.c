/*
 * check-name: facts: callees of another file that do write the map
 * check-description: the facts of another file say what its functions leave
 *   in the map they are handed.  One maps I/O memory into it, one copies a
 *   map of unknown kind into it, one writes it through a static helper of its
 *   own file; a fourth function was never summarised (its file is not among
 *   the facts).  A plain load through vaddr after each call is reported: the
 *   facts never hide a write.
 * check-facts: facts/conv-helpers.c
 */
#include <linux/types.h>
#include <linux/iosys-map.h>

struct bo_cache;

int regs_map(struct iosys_map *map, phys_addr_t base, size_t size);
void bo_cache_get(struct iosys_map *map, const struct bo_cache *cache);
void regs_touch(struct iosys_map *map, void __iomem *regs);
void panel_map_fb(struct iosys_map *map);

u32 regs_first_word(phys_addr_t base)
{
	struct iosys_map regs;

	if (regs_map(&regs, base, 4096))
		return 0;
	return *(u32 *)regs.vaddr;		/* expect: IOM001 */
}

u32 cached_first_word(const struct bo_cache *cache)
{
	struct iosys_map map;

	bo_cache_get(&map, cache);
	return *(u32 *)map.vaddr;		/* expect: IOM002 */
}

u32 touched_first_word(u32 *buf, void __iomem *regs)
{
	struct iosys_map map;

	iosys_map_set_vaddr(&map, buf);
	regs_touch(&map, regs);
	return *(u32 *)map.vaddr;		/* expect: IOM001 */
}

u32 panel_first_word(u32 *buf)
{
	struct iosys_map map;

	iosys_map_set_vaddr(&map, buf);
	panel_map_fb(&map);
	return *(u32 *)map.vaddr;		/* expect: IOM002 */
}
