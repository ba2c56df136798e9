/*
 * check-name: v5.10 getter hands out a copy of its map
 * check-description: old generation. A whole-map assignment through an
 *   out parameter copies address and flag together; it is not a field
 *   write. The map itself comes from DMA_BUF_MAP_INIT_VADDR().
 */
#include <linux/types.h>
#include <linux/dma-buf-map.h>
#include <linux/errno.h>
#include <linux/vmalloc.h>

struct udl_like_fb {
	void *shadow;
	size_t size;
	struct dma_buf_map map;
};

int udl_like_fb_init(struct udl_like_fb *fb, size_t size)
{
	void *shadow = vzalloc(size);
	struct dma_buf_map map = DMA_BUF_MAP_INIT_VADDR(shadow);

	if (!shadow)
		return -ENOMEM;
	fb->shadow = shadow;
	fb->size = size;
	fb->map = map;
	return 0;
}

int udl_like_fb_get_map(const struct udl_like_fb *fb, struct dma_buf_map *out)
{
	if (dma_buf_map_is_null(&fb->map))
		return -ENOMEM;
	*out = fb->map;
	return 0;
}
