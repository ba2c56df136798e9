/*
 * check-name: sub-allocation rebuilds the map on the side of the pool's flag
 * check-description: each set helper gets the member that is valid for the
 *   branch it is in, so the new map has the pool's memory kind.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>

struct sub_alloc {
	struct iosys_map map;
	u32 offset;
	u32 size;
};

void sub_alloc_bind(struct sub_alloc *sa, const struct iosys_map *pool, u32 offset, u32 size)
{
	if (pool->is_iomem)
		iosys_map_set_vaddr_iomem(&sa->map, pool->vaddr_iomem + offset);
	else
		iosys_map_set_vaddr(&sa->map, pool->vaddr + offset);

	sa->offset = offset;
	sa->size = size;
}

void sub_alloc_fill(struct sub_alloc *sa, int value)
{
	iosys_map_memset(&sa->map, 0, value, sa->size);
}
