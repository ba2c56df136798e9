/*
 * check-name: v5.11 damage copy moves a local map that one path never set
 * check-description: old generation. With no shadow buffer the local map
 *   is left unset and dma_buf_map_incr() reads its flag. The moved map
 *   then goes to a driver function, which reads nothing here.
 */
#include <linux/ksamples-maybe-uninitialized.h>
#include <linux/types.h>
#include <linux/dma-buf-map.h>

void fbdev_damage_write_line(struct dma_buf_map *dst, const void *line, size_t len);

struct fbdev_damage {
	void *shadow;
	void __iomem *screen;
	bool use_shadow;
	size_t pitch;
};

void fbdev_damage_copy(struct fbdev_damage *fd, unsigned int y, const void *line)
{
	struct dma_buf_map dst;

	if (fd->use_shadow && fd->shadow)
		dma_buf_map_set_vaddr(&dst, fd->shadow);
	else if (!fd->use_shadow)
		dma_buf_map_set_vaddr_iomem(&dst, fd->screen);

	dma_buf_map_incr(&dst, y * fd->pitch);	/* expect: IOM008 */
	fbdev_damage_write_line(&dst, line, fd->pitch);
}
