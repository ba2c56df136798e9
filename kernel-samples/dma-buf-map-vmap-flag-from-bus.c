/*
 * check-name: v5.11 BO vmap picks the set helper from the bus flag
 * check-description: old generation, idiom I10: the resource's bus flag
 *   (a plain bool, not a map) decides between dma_buf_map_set_vaddr_iomem()
 *   and dma_buf_map_set_vaddr().
 */
#include <linux/types.h>
#include <linux/dma-buf-map.h>
#include <linux/io.h>
#include <linux/vmalloc.h>
#include <linux/errno.h>

struct old_bus_placement {
	bool is_iomem;
	phys_addr_t offset;
	void __iomem *addr;
};

struct old_bo {
	struct old_bus_placement bus;
	struct page **pages;
	unsigned int num_pages;
	size_t size;
};

int old_bo_vmap(struct old_bo *bo, struct dma_buf_map *map)
{
	if (bo->bus.is_iomem) {
		void __iomem *vaddr_iomem = bo->bus.addr;

		if (!vaddr_iomem)
			vaddr_iomem = ioremap_wc(bo->bus.offset, bo->size);
		if (!vaddr_iomem)
			return -ENOMEM;
		dma_buf_map_set_vaddr_iomem(map, vaddr_iomem);
	} else {
		void *vaddr = vmap(bo->pages, bo->num_pages, 0, PAGE_KERNEL);

		if (!vaddr)
			return -ENOMEM;
		dma_buf_map_set_vaddr(map, vaddr);
	}
	return 0;
}
