/*
 * check-name: inside the I/O branch the map is rebuilt as system memory
 * check-description: the code knows the source is I/O memory and still
 *   passes its (force-cast) I/O address to iosys_map_set_vaddr(). The
 *   system branch next to it rebuilds correctly.
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
		iosys_map_set_vaddr(&sa->map, (void __force *)(pool->vaddr_iomem + offset));	/* expect: IOM007 */
	else
		iosys_map_set_vaddr(&sa->map, pool->vaddr + offset);

	sa->offset = offset;
	sa->size = size;
}
