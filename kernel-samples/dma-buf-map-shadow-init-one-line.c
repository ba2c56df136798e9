/*
 * check-name: v5.10 shadow buffer map spelled as a designated initialiser
 * check-description: old generation. DMA_BUF_MAP_INIT_VADDR() exists for
 *   this; the hand-written one-line initialiser is one IOM005.
 */
#include <linux/types.h>
#include <linux/dma-buf-map.h>
#include <linux/errno.h>
#include <linux/vmalloc.h>

struct fb_shadow {
	void *buf;
	size_t pitch;
	unsigned int height;
	struct dma_buf_map map;
};

int fb_shadow_init(struct fb_shadow *sh, size_t pitch, unsigned int height)
{
	void *buf = vzalloc(pitch * height);
	struct dma_buf_map map = { .vaddr = buf, .is_iomem = false };	/* expect: IOM005 */

	if (!buf)
		return -ENOMEM;

	sh->buf = buf;
	sh->pitch = pitch;
	sh->height = height;
	sh->map = map;
	return 0;
}

void fb_shadow_fini(struct fb_shadow *sh)
{
	dma_buf_map_clear(&sh->map);
	vfree(sh->buf);
}
