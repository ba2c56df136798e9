/*
 * check-name: v5.10 error path clears a dma_buf_map it never set
 * check-description: old generation. dma_buf_map_clear() reads is_iomem to
 *   choose the member to NULL; on the early error path the local is
 *   uninitialised.
 */
#include <linux/ksamples-maybe-uninitialized.h>
#include <linux/types.h>
#include <linux/dma-buf-map.h>
#include <linux/errno.h>
#include <linux/vmalloc.h>

struct damage_worker {
	struct dma_buf_map map;
	void *shadow;
	size_t size;
};

int damage_worker_setup(struct damage_worker *dw, size_t size)
{
	struct dma_buf_map map;
	void *shadow;

	if (!size)
		goto err;

	shadow = vzalloc(size);
	if (!shadow)
		return -ENOMEM;
	dma_buf_map_set_vaddr(&map, shadow);
	dw->shadow = shadow;
	dw->size = size;
	dw->map = map;
	return 0;

err:
	dma_buf_map_clear(&map);	/* expect: IOM008 */
	dw->map = map;
	return -EINVAL;
}
