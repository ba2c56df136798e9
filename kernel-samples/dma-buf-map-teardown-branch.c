/*
 * check-name: v5.11 TTM-style vunmap branches on the dma_buf_map flag
 * check-description: old generation, idiom I11 with idiom I6: early
 *   return through dma_buf_map_is_null(), vunmap() or iounmap() by the
 *   flag, then dma_buf_map_clear().
 */
#include <linux/types.h>
#include <linux/dma-buf-map.h>
#include <linux/io.h>
#include <linux/vmalloc.h>

struct old_ttm_bo {
	struct dma_buf_map map;
	bool bus_premapped;
};

void old_ttm_bo_vunmap(struct old_ttm_bo *bo, struct dma_buf_map *map)
{
	if (dma_buf_map_is_null(map))
		return;

	if (!map->is_iomem)
		vunmap(map->vaddr);
	else if (!bo->bus_premapped)
		iounmap(map->vaddr_iomem);

	dma_buf_map_clear(map);
}
