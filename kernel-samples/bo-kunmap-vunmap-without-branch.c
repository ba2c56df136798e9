/*
 * check-name: BO teardown calls vunmap on vaddr without looking at is_iomem
 * check-description: the BO may have been mapped from VRAM (ioremap); vunmap
 *   of vaddr is an escape of the system member while the map may be I/O.
 *   The teardown must branch (vunmap / iounmap) or use ttm_bo_vunmap.
 */
#include <linux/kernel.h>
#include <linux/vmalloc.h>
#include <linux/iosys-map.h>
#include <drm/ttm/ttm_bo.h>

struct mydrv_bo {
	struct ttm_buffer_object tbo;
	struct iosys_map vmap;
	unsigned int vmap_count;
};

void mydrv_bo_kunmap(struct mydrv_bo *bo)
{
	if (iosys_map_is_null(&bo->vmap))
		return;
	if (--bo->vmap_count)
		return;

	vunmap(bo->vmap.vaddr);	/* expect: IOM003 */
	iosys_map_clear(&bo->vmap);
}

void mydrv_bo_destroy(struct mydrv_bo *bo)
{
	bo->vmap_count = 1;
	mydrv_bo_kunmap(bo);
}
