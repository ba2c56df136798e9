/*
 * check-name: v5.14 plane update re-wraps the source map's vaddr as system
 * check-description: old generation. dma_buf_map_set_vaddr() gets the
 *   vaddr of a map that came in as a parameter and may be VRAM.
 */
#include <linux/types.h>
#include <linux/dma-buf-map.h>

struct plane_blit {
	struct dma_buf_map src_line;
	unsigned int pitch;
	unsigned int y;
};

void plane_blit_start_line(struct plane_blit *pb, const struct dma_buf_map *src)
{
	dma_buf_map_set_vaddr(&pb->src_line, src->vaddr + pb->y * pb->pitch);	/* expect: IOM007 */
}

void plane_blit_next_line(struct plane_blit *pb)
{
	dma_buf_map_incr(&pb->src_line, pb->pitch);
	pb->y++;
}
