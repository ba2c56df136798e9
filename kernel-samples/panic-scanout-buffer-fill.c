/*
 * check-name: panic screen scanout buffers, set and filled
 * check-description: get_scanout_buffer() hands the panic handler the
 *   framebuffer as a map: the VRAM aperture with iosys_map_set_vaddr_iomem(),
 *   or a copy of the map the driver keeps.  Filling a rectangle goes through
 *   a local copy of the map moved with iosys_map_incr() and written with
 *   iosys_map_wr(): the buffer is often VRAM.  A raw store through vaddr is
 *   the bug.
 */
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/iosys-map.h>
#include <drm/drm_panic.h>
#include <drm/drm_rect.h>

struct mydrv_plane {
	void __iomem *vram;
	struct iosys_map screen;
	const struct drm_format_info *format;
	unsigned int width, height, pitch;
};

int mydrv_get_scanout_buffer(struct mydrv_plane *p, struct drm_scanout_buffer *sb)
{
	if (!p->vram)
		return -ENODEV;
	sb->format = p->format;
	sb->width = p->width;
	sb->height = p->height;
	sb->pitch[0] = p->pitch;
	iosys_map_set_vaddr_iomem(&sb->map[0], p->vram);
	return 0;
}

int mydrv_get_scanout_buffer_screen(struct mydrv_plane *p, struct drm_scanout_buffer *sb)
{
	if (iosys_map_is_null(&p->screen))
		return -ENODEV;
	sb->format = p->format;
	sb->map[0] = p->screen;
	sb->pitch[0] = p->pitch;
	return 0;
}

void mydrv_panic_fill(struct drm_scanout_buffer *sb, const struct drm_rect *clip, u32 color)
{
	struct iosys_map map;
	unsigned int x, y;

	map = sb->map[0];
	iosys_map_incr(&map, clip->y1 * sb->pitch[0] + clip->x1 * 4);
	for (y = 0; y < (unsigned int)drm_rect_height(clip); y++) {
		for (x = 0; x < (unsigned int)drm_rect_width(clip); x++)
			iosys_map_wr(&map, x * 4, u32, color);
		iosys_map_incr(&map, sb->pitch[0]);
	}
}

void mydrv_panic_fill_raw(struct drm_scanout_buffer *sb, const struct drm_rect *clip, u32 color)
{
	struct iosys_map map = sb->map[0];
	u32 *row;
	unsigned int x;

	iosys_map_incr(&map, clip->y1 * sb->pitch[0] + clip->x1 * 4);
	row = map.vaddr;
	for (x = 0; x < (unsigned int)drm_rect_width(clip); x++)
		row[x] = color;	/* expect: IOM002 */
}
