/*
 * check-name: one vunmap serves a system table and a VRAM table
 * check-description: two drm_gem_object_funcs initialisers share the
 *   vunmap callback; one vmap sets system memory, the other I/O memory.
 *   The vunmap must branch on is_iomem; it calls vunmap() on map->vaddr
 *   unconditionally, which is wrong for objects of the VRAM table. A third
 *   table without a vmap gives its vunmap no fact at all.
 */
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/io.h>
#include <linux/vmalloc.h>
#include <drm/drm_gem.h>
#include <linux/iosys-map.h>

struct dual_bo {
	struct drm_gem_object base;
	void *vaddr;
	void __iomem *aperture;
};

#define to_dual_bo(o)	((struct dual_bo *)(o))

static int dual_sys_vmap(struct drm_gem_object *obj, struct iosys_map *map)
{
	iosys_map_set_vaddr(map, to_dual_bo(obj)->vaddr);
	return 0;
}

static int dual_vram_vmap(struct drm_gem_object *obj, struct iosys_map *map)
{
	struct dual_bo *bo = to_dual_bo(obj);

	if (!bo->aperture)
		return -ENOMEM;
	iosys_map_set_vaddr_iomem(map, bo->aperture);
	return 0;
}

static void dual_vunmap(struct drm_gem_object *obj, struct iosys_map *map)
{
	vunmap(map->vaddr);	/* expect: IOM003 */
}

static void lone_vunmap(struct drm_gem_object *obj, struct iosys_map *map)
{
	vunmap(map->vaddr);	/* expect: IOM003 */
}

const struct drm_gem_object_funcs dual_sys_funcs = {
	.vmap = dual_sys_vmap,
	.vunmap = dual_vunmap,
};

const struct drm_gem_object_funcs dual_vram_funcs = {
	.vmap = dual_vram_vmap,
	.vunmap = dual_vunmap,
};

const struct drm_gem_object_funcs lone_funcs = {
	.vunmap = lone_vunmap,
};
