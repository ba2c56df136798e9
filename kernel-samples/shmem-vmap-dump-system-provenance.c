/*
 * check-name: crash dump copies a shmem BO through its vmap
 * check-description: drm_gem_shmem_vmap() never returns I/O memory (it refuses
 *   such imports), so memcpy() from map.vaddr is the right call; the rules
 *   data says so with "producer drm_gem_shmem_vmap set-system map=2".
 */
#include <linux/iosys-map.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <drm/drm_gem_shmem_helper.h>

struct mydrv_dump_chunk {
	u32 size;
	u8 data[];
};

int mydrv_dump_bo(struct drm_gem_shmem_object *bo, struct mydrv_dump_chunk *chunk)
{
	struct iosys_map map;
	int ret;

	ret = drm_gem_shmem_vmap(bo, &map);
	if (ret)
		return ret;
	memcpy(chunk->data, map.vaddr, chunk->size);
	drm_gem_shmem_vunmap(bo, &map);
	return 0;
}
