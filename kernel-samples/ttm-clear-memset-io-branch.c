/*
 * check-name: TTM-style page clear branches between memset_io and memset
 * check-description: idiom I1 from ttm_move_memcpy's clear path: the
 *   destination of each page is a map filled by a map_local callback.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/iosys-map.h>

struct mydrv_kmap_iter {
	void (*map_local)(struct mydrv_kmap_iter *iter, struct iosys_map *dmap,
			  unsigned long i);
	void (*unmap_local)(struct mydrv_kmap_iter *iter, struct iosys_map *dmap);
};

void mydrv_move_clear(struct mydrv_kmap_iter *dst_iter, unsigned long num_pages)
{
	struct iosys_map dst_map;
	unsigned long i;

	for (i = 0; i < num_pages; i++) {
		dst_iter->map_local(dst_iter, &dst_map, i);
		if (dst_map.is_iomem)
			memset_io(dst_map.vaddr_iomem, 0, PAGE_SIZE);
		else
			memset(dst_map.vaddr, 0, PAGE_SIZE);
		if (dst_iter->unmap_local)
			dst_iter->unmap_local(dst_iter, &dst_map);
	}
}
