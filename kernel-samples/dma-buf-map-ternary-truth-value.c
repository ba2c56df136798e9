/*
 * check-name: v5.12 context save uses vaddr as the condition of ?:
 * check-description: old generation. The number of bytes to save is
 *   chosen from a raw truth test of the member; the copy itself goes
 *   through dma_buf_map_memcpy_to().
 */
#include <linux/types.h>
#include <linux/dma-buf-map.h>
#include <linux/errno.h>

struct ctx_image {
	struct dma_buf_map map;
	size_t size;
};

int ctx_image_save(struct ctx_image *img, const void *regs, size_t regs_size)
{
	size_t len = img->map.vaddr ? img->size : 0;	/* expect: IOM006 */

	if (!len)
		return -ENODEV;
	if (len > regs_size)
		len = regs_size;

	dma_buf_map_memcpy_to(&img->map, regs, len);
	return (int)len;
}
