/*
 * check-name: cursor copy returns early for I/O shadow data
 * check-description: idiom I2 with an early return: after
 *   "if (map->is_iomem) return" the plane data is system memory and memcpy
 *   of whole cursor lines from it is fine.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>
#include <drm/drm_gem_atomic_helper.h>

#define MYDRV_CURSOR_W	64

int mydrv_cursor_copy(struct drm_shadow_plane_state *shadow, u8 *dst,
		      unsigned int width, unsigned int height)
{
	const struct iosys_map *map = &shadow->data[0];
	unsigned int pitch = shadow->base.fb->pitches[0];
	const u8 *src;
	unsigned int y;

	if (width > MYDRV_CURSOR_W || height > MYDRV_CURSOR_W)
		return -EINVAL;

	if (map->is_iomem)
		return -EOPNOTSUPP;

	src = map->vaddr;
	for (y = 0; y < height; y++) {
		memcpy(dst, src, width * 4);
		memset(dst + width * 4, 0, (MYDRV_CURSOR_W - width) * 4);
		dst += MYDRV_CURSOR_W * 4;
		src += pitch;
	}

	return 0;
}
