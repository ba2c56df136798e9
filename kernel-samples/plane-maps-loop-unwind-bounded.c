/*
 * check-name: plane maps filled in a loop, unwound only up to the failure
 * check-description: the unwind walks back from the plane that failed, so
 *   every element it touches was filled by drm_gem_vmap(); the second
 *   function zeroes the array first, so it may test every element.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>
#include <drm/drm_gem.h>

#define MY_MAX_PLANES 4

int myfb_vmap_zeroed(struct drm_gem_object **obj, unsigned int n, struct iosys_map *out)
{
	struct iosys_map map[MY_MAX_PLANES];
	unsigned int i;
	int ret;

	memset(map, 0, sizeof(map));
	for (i = 0; i < n; i++) {
		ret = drm_gem_vmap(obj[i], &map[i]);
		if (ret)
			goto err_vunmap;
	}
	out[0] = map[0];
	return 0;

err_vunmap:
	for (i = 0; i < MY_MAX_PLANES; i++) {
		if (iosys_map_is_null(&map[i]))
			continue;
		drm_gem_vunmap(obj[i], &map[i]);
	}
	return ret;
}

int myfb_vmap_back(struct drm_gem_object **obj, unsigned int n, struct iosys_map *out)
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
	while (i--)
		drm_gem_vunmap(obj[i], &map[i]);
	return ret;
}
