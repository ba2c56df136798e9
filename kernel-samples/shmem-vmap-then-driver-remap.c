/*
 * check-name: shmem provenance ends when the map is handed to a driver call
 * check-description: after drm_gem_shmem_vmap() the map is system memory, but
 *   mydrv_remap() receives &map and may change it; the raw store after that
 *   call is no longer covered by the shmem guarantee.
 */
#include <linux/iosys-map.h>
#include <linux/errno.h>
#include <drm/drm_gem_shmem_helper.h>

extern int mydrv_remap(struct drm_gem_shmem_object *bo, struct iosys_map *map);

int mydrv_stamp_bo(struct drm_gem_shmem_object *bo, u32 stamp)
{
	struct iosys_map map;
	int ret;

	ret = drm_gem_shmem_vmap(bo, &map);
	if (ret)
		return ret;
	*(u32 *)map.vaddr = stamp;
	ret = mydrv_remap(bo, &map);
	if (ret)
		return ret;
	*(u32 *)(map.vaddr + 4) = stamp;	/* expect: IOM002 */
	drm_gem_shmem_vunmap(bo, &map);
	return 0;
}
