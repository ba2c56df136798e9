/*
 * check-name: pixel read back with memcpy of the pixel size (3 or 4 bytes)
 * check-description: a memcpy of 3 bytes is not folded by GCC, so it stays
 *   a call and vaddr escapes while the map may be I/O (IOM003).  The 4-byte
 *   copy of an XRGB pixel is folded into a load and a store (IOM002).  The
 *   destination is a caller's buffer, not a local array of the same size.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>
#include <drm/drm_framebuffer.h>

int mydrv_fb_read_pixel(const struct iosys_map *map,
			const struct drm_framebuffer *fb,
			unsigned int x, unsigned int y, u8 *out)
{
	size_t off = (size_t)y * fb->pitches[0];

	if (x >= fb->width || y >= fb->height)
		return -EINVAL;

	switch (fb->format->cpp[0]) {
	case 3:
		memcpy(out, map->vaddr + off + x * 3, 3);	/* expect: IOM003 */
		return 3;
	case 4:
		memcpy(out, map->vaddr + off + x * 4, 4);	/* expect: IOM002 */
		return 4;
	}
	return -EINVAL;
}
