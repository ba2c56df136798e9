/*
 * check-name: plane maps filled in a loop, unwound with is_null over all
 * check-description: when vmap of plane i fails, the unwind path tests
 *   iosys_map_is_null() on every element, including the ones after i that were
 *   never filled: it reads is_iomem/vaddr of uninitialised maps (the shape
 *   UBSAN caught in two USB display drivers).  The unwind must stop at i.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>
#include <drm/drm_gem.h>

#define MY_MAX_PLANES 4

int myfb_vmap(struct drm_gem_object **obj, unsigned int n, struct iosys_map *out)
{
	struct iosys_map map[MY_MAX_PLANES];
	unsigned int i;
	int ret;

	for (i = 0; i < n; i++) {
		ret = drm_gem_vmap(obj[i], &map[i]);
		if (ret)
			goto err_vunmap;
	}
	out[0] = map[0];
	return 0;

err_vunmap:
	for (i = 0; i < MY_MAX_PLANES; i++) {
		if (iosys_map_is_null(&map[i]))	/* expect: IOM008 */
			continue;
		drm_gem_vunmap(obj[i], &map[i]);
	}
	return ret;
}
