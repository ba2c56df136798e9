/*
 * check-name: vmap, reject I/O with goto, use, vunmap
 * check-description: a complete dma_buf_vmap/dma_buf_vunmap lifecycle: the
 *   I/O case jumps to the unmap label, so the checksum loop reads a system
 *   map; the map itself is passed back to dma_buf_vunmap.
 */
#include <linux/kernel.h>
#include <linux/dma-buf.h>
#include <linux/iosys-map.h>

int mydrv_dmabuf_checksum(struct dma_buf *dmabuf, u32 *csum)
{
	struct iosys_map map;
	const u32 *words;
	size_t i;
	u32 sum = 0;
	int ret;

	ret = dma_buf_vmap(dmabuf, &map);
	if (ret)
		return ret;

	if (map.is_iomem) {
		ret = -EOPNOTSUPP;
		goto out_vunmap;
	}

	words = map.vaddr;
	for (i = 0; i < dmabuf->size / 4; i++)
		sum += words[i];
	*csum = sum;

out_vunmap:
	dma_buf_vunmap(dmabuf, &map);
	return ret;
}
