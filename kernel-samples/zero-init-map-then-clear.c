/*
 * check-name: empty-initialised map tested and cleared after an optional vmap
 * check-description: idiom I6: `= { }` gives a NULL system map, so
 *   iosys_map_is_null() and iosys_map_clear() read a defined flag even when
 *   the plane has no GEM object.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <drm/drm_gem.h>

struct overlay_plane {
	struct drm_gem_object *obj;
	struct iosys_map map;
	bool enabled;
};

int overlay_plane_update(struct overlay_plane *ov)
{
	struct iosys_map map = { };
	int ret;

	if (ov->obj) {
		ret = drm_gem_vmap(ov->obj, &map);
		if (ret)
			return ret;
	}

	if (iosys_map_is_null(&map)) {
		iosys_map_clear(&ov->map);
		ov->enabled = false;
		return 0;
	}

	ov->map = map;
	ov->enabled = true;
	return 0;
}
