/*
 * check-name: v5.11 exporter pairs vmap and vunmap with struct dma_buf_map
 * check-description: the same pairing under the dma_buf_map API: vmap sets
 *   the map with dma_buf_map_set_vaddr() after vmalloc, vunmap frees
 *   map->vaddr with vfree(); the raw store of a sentinel through map->vaddr
 *   in vmap is on a system map too.
 */
#define KSAMPLES_DMA_BUF_MAP_API
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/vmalloc.h>
#include <linux/dma-buf.h>
#include <linux/dma-buf-map.h>

struct vbuf {
	unsigned long size;
};

extern struct vbuf *to_vbuf(struct dma_buf *dmabuf);

static int vbuf_vmap(struct dma_buf *dmabuf, struct dma_buf_map *map)
{
	void *vaddr = vmalloc(to_vbuf(dmabuf)->size);

	if (!vaddr)
		return -ENOMEM;
	dma_buf_map_set_vaddr(map, vaddr);
	return 0;
}

static void vbuf_vunmap(struct dma_buf *dmabuf, struct dma_buf_map *map)
{
	vfree(map->vaddr);
}

const struct dma_buf_ops vbuf_ops = {
	.vmap = vbuf_vmap,
	.vunmap = vbuf_vunmap,
};
