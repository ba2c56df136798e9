/*
 * check-name: dma-buf exporter's vunmap releases the vmap its sibling built
 * check-description: the exporter's vmap callback vmaps its pages and sets
 *   the map with iosys_map_set_vaddr(), or fails without touching it;
 *   dma-buf hands vunmap that same map (dma_buf_vunmap BUG()s otherwise),
 *   so map->vaddr is a system address there. The rules pair vmap and
 *   vunmap of one struct dma_buf_ops initialiser.
 */
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <linux/dma-buf.h>
#include <linux/iosys-map.h>

struct mock_exporter {
	struct page **pages;
	unsigned int npages;
};

extern struct mock_exporter *to_mock_exporter(struct dma_buf *dmabuf);

static int mock_exporter_vmap(struct dma_buf *dmabuf, struct iosys_map *map)
{
	struct mock_exporter *exp = to_mock_exporter(dmabuf);
	void *vaddr;

	vaddr = vmap(exp->pages, exp->npages, VM_MAP, PAGE_KERNEL);
	if (!vaddr)
		return -ENOMEM;

	iosys_map_set_vaddr(map, vaddr);
	return 0;
}

static void mock_exporter_vunmap(struct dma_buf *dmabuf, struct iosys_map *map)
{
	vunmap(map->vaddr);
}

const struct dma_buf_ops mock_exporter_ops = {
	.vmap = mock_exporter_vmap,
	.vunmap = mock_exporter_vunmap,
};
