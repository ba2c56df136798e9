/*
 * check-name: accessor returns map.vaddr of an object that may be in VRAM
 * check-description: returning the system member is an escape; callers
 *   then access it with plain loads and stores.  Returning the map (or a
 *   pointer to it) would be fine.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>
#include <drm/drm_gem.h>

struct mydrv_gem_object {
	struct drm_gem_object base;
	struct iosys_map map;
	unsigned int vmap_count;
};

static inline struct mydrv_gem_object *to_mydrv_obj(struct drm_gem_object *obj)
{
	return container_of(obj, struct mydrv_gem_object, base);
}

void *mydrv_gem_vaddr(struct drm_gem_object *obj)
{
	struct mydrv_gem_object *mobj = to_mydrv_obj(obj);

	if (!mobj->vmap_count)
		return NULL;
	return mobj->map.vaddr;	/* expect: IOM003 */
}

struct iosys_map *mydrv_gem_map(struct drm_gem_object *obj)
{
	struct mydrv_gem_object *mobj = to_mydrv_obj(obj);

	return mobj->vmap_count ? &mobj->map : NULL;
}
