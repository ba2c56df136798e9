/*
 * check-name: VRAM exporter's vunmap treats an I/O mapping as a vmap
 * check-description: the vmap callback ioremaps the aperture and sets the
 *   map with iosys_map_set_vaddr_iomem(), but the paired vunmap passes
 *   map->vaddr to vunmap() instead of map->vaddr_iomem to iounmap(). The
 *   finding's note points at the vmap callback that made the map I/O.
 */
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/io.h>
#include <linux/vmalloc.h>
#include <linux/dma-buf.h>
#include <linux/iosys-map.h>

struct vram_export {
	phys_addr_t base;
	size_t size;
};

extern struct vram_export *to_vram_export(struct dma_buf *dmabuf);

static int vram_export_vmap(struct dma_buf *dmabuf, struct iosys_map *map)
{
	struct vram_export *ve = to_vram_export(dmabuf);
	void __iomem *vaddr = ioremap_wc(ve->base, ve->size);

	if (!vaddr)
		return -ENOMEM;
	iosys_map_set_vaddr_iomem(map, vaddr);
	return 0;
}

static void vram_export_vunmap(struct dma_buf *dmabuf, struct iosys_map *map)
{
	vunmap(map->vaddr);	/* expect: IOM003 */
}

const struct dma_buf_ops vram_export_ops = {
	.vmap = vram_export_vmap,
	.vunmap = vram_export_vunmap,
};
