/*
 * check-name: teardown calls iounmap on vaddr_iomem without looking at is_iomem
 * check-description: the mapping comes from ttm_bo_vmap and is system
 *   memory for BOs in system placements; iounmap of the I/O member is then
 *   wrong (IOM004).  ttm_bo_vunmap, or a branch, is the fix.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/iosys-map.h>
#include <drm/ttm/ttm_bo.h>

struct mydrv_bo {
	struct ttm_buffer_object tbo;
	struct iosys_map map;
};

int mydrv_bo_kmap(struct mydrv_bo *bo)
{
	if (iosys_map_is_set(&bo->map))
		return 0;
	return ttm_bo_vmap(&bo->tbo, &bo->map);
}

void mydrv_bo_kunmap(struct mydrv_bo *bo)
{
	if (iosys_map_is_null(&bo->map))
		return;

	iounmap(bo->map.vaddr_iomem);	/* expect: IOM004 */
	iosys_map_clear(&bo->map);
}
