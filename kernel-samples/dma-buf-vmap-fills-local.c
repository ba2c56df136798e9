/*
 * check-name: a local map filled by dma_buf_vmap before any flag read
 * check-description: a producer that receives &map initialises it (to an
 *   unknown kind); the validity check and the copy after it read a
 *   defined flag.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/errno.h>
#include <linux/dma-buf.h>

int import_copy_header(struct dma_buf *dmabuf, void *hdr, size_t hdr_len)
{
	struct iosys_map map;
	int ret;

	ret = dma_buf_vmap(dmabuf, &map);
	if (ret)
		return ret;

	if (iosys_map_is_null(&map)) {
		ret = -ENOMEM;
		goto out;
	}

	iosys_map_memcpy_from(hdr, &map, 0, hdr_len);
out:
	dma_buf_vunmap(dmabuf, &map);
	return ret;
}
