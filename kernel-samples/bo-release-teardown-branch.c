/*
 * check-name: driver BO release unmaps with vunmap or iounmap by is_iomem
 * check-description: idiom I11 in a driver release path: vaddr goes to
 *   vunmap on the system side, vaddr_iomem to iounmap on the I/O side;
 *   the map is then cleared with the helper.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/iosys-map.h>

struct mydrv_bo {
	struct iosys_map vmap;
	struct page **pages;
	unsigned int vmap_use_count;
};

static void mydrv_bo_vunmap_locked(struct mydrv_bo *bo)
{
	if (iosys_map_is_null(&bo->vmap))
		return;

	if (!bo->vmap.is_iomem)
		vunmap(bo->vmap.vaddr);
	else
		iounmap(bo->vmap.vaddr_iomem);
	iosys_map_clear(&bo->vmap);
}

void mydrv_bo_release(struct mydrv_bo *bo)
{
	if (bo->vmap_use_count) {
		pr_warn("mydrv: releasing BO %p still mapped at %p\n", bo, bo->vmap.vaddr);
		mydrv_bo_vunmap_locked(bo);
	}
	kvfree(bo->pages);
	kfree(bo);
}
