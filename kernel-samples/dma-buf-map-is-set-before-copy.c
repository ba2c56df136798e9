/*
 * check-name: v5.11 cursor upload checks the map with dma_buf_map_is_set
 * check-description: old generation, fixed form: helper validity check,
 *   helper copy without offset argument.
 */
#include <linux/types.h>
#include <linux/dma-buf-map.h>
#include <linux/errno.h>

struct cursor_bo {
	struct dma_buf_map map;
	size_t size;
	unsigned int generation;
};

int cursor_bo_upload(struct cursor_bo *bo, const void *argb, size_t len)
{
	if (!dma_buf_map_is_set(&bo->map))
		return -ENODEV;
	if (len > bo->size)
		return -EINVAL;

	dma_buf_map_memcpy_to(&bo->map, argb, len);
	bo->generation++;
	return 0;
}

bool cursor_bo_same_image(const struct cursor_bo *a, const struct cursor_bo *b)
{
	return dma_buf_map_is_equal(&a->map, &b->map);
}
