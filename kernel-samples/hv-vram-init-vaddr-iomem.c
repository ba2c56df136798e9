/*
 * check-name: VRAM accessed through a map built with IOSYS_MAP_INIT_VADDR_IOMEM
 * check-description: idiom I3 for I/O memory: the map is I/O by
 *   construction, and vaddr_iomem is only handed to memset_io and writel.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/iosys-map.h>
#include <drm/drm_rect.h>

struct myhv_device {
	void __iomem *vram;
	unsigned int screen_pitch;
	unsigned int cpp;
};

void myhv_clear_rect(struct myhv_device *hv, const struct drm_rect *rect)
{
	struct iosys_map vram = IOSYS_MAP_INIT_VADDR_IOMEM(hv->vram);
	size_t len = (size_t)drm_rect_width(rect) * hv->cpp;
	size_t off = (size_t)rect->y1 * hv->screen_pitch + (size_t)rect->x1 * hv->cpp;
	int y;

	for (y = rect->y1; y < rect->y2; y++) {
		memset_io(vram.vaddr_iomem + off, 0, len);
		off += hv->screen_pitch;
	}
}

void myhv_draw_hline(struct myhv_device *hv, unsigned int y, unsigned int x0,
		     unsigned int x1, u32 color)
{
	struct iosys_map vram = IOSYS_MAP_INIT_VADDR_IOMEM(hv->vram);
	size_t off = (size_t)y * hv->screen_pitch;
	unsigned int x;

	for (x = x0; x < x1; x++)
		writel(color, vram.vaddr_iomem + off + x * 4);
}
