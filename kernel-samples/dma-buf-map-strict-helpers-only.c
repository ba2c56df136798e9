/*
 * check-name: v5.11 strict mode accepts a log ring driven by helpers only
 * check-description: old generation: set_vaddr from kmalloc, memcpy_to
 *   without offset, incr, is_equal and clear; no member is touched outside
 *   dma-buf-map.h.
 * check-enable: IOM010
 */
#include <linux/types.h>
#include <linux/dma-buf-map.h>
#include <linux/slab.h>
#include <linux/errno.h>

struct msg_ring {
	struct dma_buf_map base;
	struct dma_buf_map cursor;
	size_t entry_size;
	unsigned int count, used;
};

int msg_ring_init(struct msg_ring *r, size_t entry_size, unsigned int count)
{
	void *buf = kzalloc(entry_size * count, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	dma_buf_map_set_vaddr(&r->base, buf);
	r->cursor = r->base;
	r->entry_size = entry_size;
	r->count = count;
	r->used = 0;
	return 0;
}

void msg_ring_push(struct msg_ring *r, const void *msg)
{
	if (r->used == r->count) {
		r->cursor = r->base;
		r->used = 0;
	}
	dma_buf_map_memcpy_to(&r->cursor, msg, r->entry_size);
	dma_buf_map_incr(&r->cursor, r->entry_size);
	r->used++;
}

bool msg_ring_is_empty(const struct msg_ring *r)
{
	return dma_buf_map_is_equal(&r->cursor, &r->base) && !r->used;
}

void msg_ring_reset(struct msg_ring *r)
{
	dma_buf_map_clear(&r->cursor);
}
