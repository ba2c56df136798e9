/*
 * check-name: shmem-style import vmap refuses I/O memory with WARN_ON
 * check-description: idiom I2: the WARN_ON(map->is_iomem) branch unmaps and
 *   fails, so after it the map is system memory and storing map->vaddr in
 *   the object is fine.
 */
#include <linux/kernel.h>
#include <linux/dma-buf.h>
#include <linux/iosys-map.h>
#include <drm/drm_gem.h>

struct mydrv_shmem_bo {
	struct drm_gem_object base;
	struct dma_buf *import;
	void *vaddr;
	unsigned int vmap_use_count;
};

int mydrv_shmem_vmap(struct mydrv_shmem_bo *bo, struct iosys_map *map)
{
	int ret;

	if (bo->vmap_use_count++ > 0) {
		iosys_map_set_vaddr(map, bo->vaddr);
		return 0;
	}

	ret = dma_buf_vmap(bo->import, map);
	if (ret)
		goto err_count;

	if (WARN_ON(map->is_iomem)) {
		dma_buf_vunmap(bo->import, map);
		ret = -EIO;
		goto err_count;
	}

	bo->vaddr = map->vaddr;
	return 0;

err_count:
	bo->vmap_use_count--;
	return ret;
}
