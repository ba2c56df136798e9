/*
 * check-name: v5.11 staging map set from a fresh kmalloc buffer
 * check-description: old generation. The pointer handed to
 *   dma_buf_map_set_vaddr() does not come from another map.
 */
#include <linux/types.h>
#include <linux/dma-buf-map.h>
#include <linux/slab.h>
#include <linux/errno.h>

struct edid_stage {
	struct dma_buf_map map;
	void *buf;
	size_t len;
};

int edid_stage_alloc(struct edid_stage *st, size_t len)
{
	void *buf = kzalloc(len, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;

	dma_buf_map_set_vaddr(&st->map, buf);
	st->buf = buf;
	st->len = len;
	return 0;
}

void edid_stage_store(struct edid_stage *st, const u8 *block, size_t len)
{
	if (len > st->len)
		len = st->len;
	dma_buf_map_memcpy_to(&st->map, block, len);
}
