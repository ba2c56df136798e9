/*
 * check-name: drm_gem_fb_vmap fills local per-plane arrays before use
 * check-description: the arrays are not zero-initialised, but the call that
 *   receives them initialises every element; element maps and data[0]
 *   are then used through helpers only.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/errno.h>
#include <drm/drm_gem_framebuffer_helper.h>

int fb_checksum_first_line(struct drm_framebuffer *fb, u32 *sum)
{
	struct iosys_map map[DRM_FORMAT_MAX_PLANES];
	struct iosys_map data[DRM_FORMAT_MAX_PLANES];
	unsigned int x;
	int ret;

	ret = drm_gem_fb_vmap(fb, map, data);
	if (ret)
		return ret;

	if (iosys_map_is_null(&data[0])) {
		ret = -ENOMEM;
		goto out;
	}

	*sum = 0;
	for (x = 0; x < fb->width; x++)
		*sum += iosys_map_rd(&data[0], x * 4u, u32);
out:
	drm_gem_fb_vunmap(fb, map);
	return ret;
}
