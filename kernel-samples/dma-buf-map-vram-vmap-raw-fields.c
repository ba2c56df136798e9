/*
 * check-name: v5.11 VRAM vmap callback fills a dma_buf_map by hand
 * check-description: old generation (struct dma_buf_map). The callback
 *   stores the ioremapped address and sets the flag itself instead of
 *   calling dma_buf_map_set_vaddr_iomem().
 */
#include <linux/types.h>
#include <linux/dma-buf-map.h>
#include <linux/io.h>
#include <linux/errno.h>

struct vram_gem {
	phys_addr_t bar_base;
	size_t offset;
	size_t size;
	void __iomem *kva;
};

int vram_gem_vmap(struct vram_gem *vg, struct dma_buf_map *map)
{
	if (!vg->kva) {
		vg->kva = ioremap_wc(vg->bar_base + vg->offset, vg->size);
		if (!vg->kva)
			return -ENOMEM;
	}

	map->vaddr_iomem = vg->kva;	/* expect: IOM005 */
	map->is_iomem = true;		/* expect: IOM005 */
	return 0;
}

void vram_gem_vunmap(struct vram_gem *vg, struct dma_buf_map *map)
{
	dma_buf_map_clear(map);
}
