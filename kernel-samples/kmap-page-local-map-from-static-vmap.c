/*
 * check-name: a page pointer derived from vaddr of a map filled by a helper
 * check-description: the atomic page mapping calls the file's own vmap helper
 *   with the address of a local map, then returns vaddr plus the page offset.
 *   The helper's map comes from ttm_bo_vmap(), which may give I/O memory, so
 *   the returned pointer may point to I/O memory (the driver marks it
 *   "TODO: Use mapping abstraction properly").
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>
#include <drm/ttm/ttm_bo.h>

struct mybo {
	struct ttm_buffer_object tbo;
	struct iosys_map map;
	int map_count;
};

static int mybo_vmap_locked(struct mybo *bo, struct iosys_map *map)
{
	int r;

	if (bo->map_count) {
		bo->map_count++;
		goto out;
	}
	r = ttm_bo_vmap(&bo->tbo, &bo->map);
	if (r)
		return r;
	bo->map_count = 1;
out:
	*map = bo->map;
	return 0;
}

void *mybo_kmap_atomic_page(struct mybo *bo, unsigned long page_offset)
{
	struct iosys_map bo_map;
	void *rptr;
	int ret;

	ret = mybo_vmap_locked(bo, &bo_map);
	if (ret)
		return NULL;
	rptr = bo_map.vaddr;
	rptr += page_offset * 4096;
	return rptr;	/* expect: IOM003 */
}
