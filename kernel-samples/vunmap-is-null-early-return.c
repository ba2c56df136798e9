/*
 * check-name: GEM vunmap returns early on a NULL map through the helper
 * check-description: idiom I6 with idiom I8: the map, not its pointer, is
 *   handed to the backend, which branches internally.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <drm/drm_gem.h>

struct gem_backend_ops {
	void (*vunmap)(struct drm_gem_object *obj, struct iosys_map *map);
};

struct my_gem_object {
	struct drm_gem_object base;
	const struct gem_backend_ops *ops;
	unsigned int vmap_count;
};

void my_gem_vunmap(struct my_gem_object *obj, struct iosys_map *map)
{
	if (iosys_map_is_null(map))
		return;

	if (obj->vmap_count && --obj->vmap_count == 0 && obj->ops->vunmap)
		obj->ops->vunmap(&obj->base, map);

	iosys_map_clear(map);
}
