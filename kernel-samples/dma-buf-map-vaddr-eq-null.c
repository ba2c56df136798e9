/*
 * check-name: v5.11 fbdev damage worker compares vaddr with NULL
 * check-description: old generation. The worker skips an unmapped buffer
 *   by comparing the member with NULL instead of dma_buf_map_is_null().
 */
#include <linux/types.h>
#include <linux/dma-buf-map.h>
#include <linux/errno.h>

struct fbdev_shadow {
	struct dma_buf_map map;
	const u8 *shadow;
	size_t pitch;
	unsigned int dirty_y1, dirty_y2;
};

int fbdev_shadow_flush(struct fbdev_shadow *fs)
{
	struct dma_buf_map dst;
	unsigned int y;

	if (fs->map.vaddr == NULL)	/* expect: IOM006 */
		return -EINVAL;
	if (fs->dirty_y2 <= fs->dirty_y1)
		return 0;

	dst = fs->map;
	dma_buf_map_incr(&dst, fs->dirty_y1 * fs->pitch);
	for (y = fs->dirty_y1; y < fs->dirty_y2; y++) {
		dma_buf_map_memcpy_to(&dst, fs->shadow + y * fs->pitch, fs->pitch);
		dma_buf_map_incr(&dst, fs->pitch);
	}
	fs->dirty_y1 = fs->dirty_y2 = 0;
	return 0;
}
