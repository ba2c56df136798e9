/*
 * check-name: a static pixel writer is handed the flag of a map inside the caller's struct
 * check-description: the only caller passes &fb->screen and
 *   fb->screen.is_iomem (v5.10-v5.17 API): myfb_put_pixel() picks the right
 *   member on both branches; myfb_put_pixel_swapped() is handed the
 *   negation as 'sysmem' and uses each member on the wrong branch.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/dma-buf-map.h>

struct myfb {
	struct dma_buf_map screen;
	size_t pitch;
};

static void myfb_put_pixel(struct dma_buf_map *dst, bool iomem, size_t off, u32 px)
{
	if (iomem)
		writel(px, dst->vaddr_iomem + off);
	else
		*(u32 *)(dst->vaddr + off) = px;
}

static void myfb_put_pixel_swapped(struct dma_buf_map *dst, bool sysmem, size_t off, u32 px)
{
	if (sysmem)
		writel(px, dst->vaddr_iomem + off);	/* expect: IOM004 */
	else
		*(u32 *)(dst->vaddr + off) = px;	/* expect: IOM001 */
}

void myfb_draw(struct myfb *fb, unsigned int x, unsigned int y, u32 px)
{
	size_t off = y * fb->pitch + x * 4;

	myfb_put_pixel(&fb->screen, fb->screen.is_iomem, off, px);
	myfb_put_pixel_swapped(&fb->screen, !fb->screen.is_iomem, off, px);
}
