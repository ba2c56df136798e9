/*
 * check-name: v5.10 local dma_buf_map initialised with the macro
 * check-description: old generation. DMA_BUF_MAP_INIT_VADDR() initialises
 *   the local, so the helper copy reads a defined (system) flag; the copy
 *   has no offset argument in this API.
 */
#include <linux/types.h>
#include <linux/dma-buf-map.h>
#include <linux/slab.h>
#include <linux/errno.h>

struct edid_blob {
	u8 *data;
	size_t len;
};

int edid_blob_dup(struct edid_blob *out, const u8 *raw, size_t len)
{
	u8 *data = kmalloc(len, GFP_KERNEL);
	struct dma_buf_map map = DMA_BUF_MAP_INIT_VADDR(data);

	if (dma_buf_map_is_null(&map))
		return -ENOMEM;

	dma_buf_map_memcpy_to(&map, raw, len);
	out->data = data;
	out->len = len;
	return 0;
}
