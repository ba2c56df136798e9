/*
 * check-name: suballocator keeps a CPU shadow when its BO is I/O memory
 * check-description: idiom I5: for an I/O BO the CPU pointer is a kvzalloc
 *   shadow that is flushed with iosys_map_memcpy_to; for a system BO it is
 *   vaddr itself, stored and cleared on the !is_iomem side only.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/iosys-map.h>

struct mydrv_bo {
	struct iosys_map vmap;
	size_t size;
};

struct mydrv_sa_manager {
	struct mydrv_bo *bo;
	void *cpu_ptr;
	size_t size;
};

int mydrv_sa_init(struct mydrv_sa_manager *sa, struct mydrv_bo *bo)
{
	sa->bo = bo;
	sa->size = bo->size;

	if (bo->vmap.is_iomem) {
		sa->cpu_ptr = kvzalloc(bo->size, GFP_KERNEL);
		if (!sa->cpu_ptr)
			return -ENOMEM;
	} else {
		sa->cpu_ptr = bo->vmap.vaddr;
		memset(bo->vmap.vaddr, 0, bo->size);
	}
	return 0;
}

void mydrv_sa_flush_write(struct mydrv_sa_manager *sa)
{
	if (!sa->bo->vmap.is_iomem)
		return;

	iosys_map_memcpy_to(&sa->bo->vmap, 0, sa->cpu_ptr, sa->size);
}

void mydrv_sa_fini(struct mydrv_sa_manager *sa)
{
	if (sa->bo->vmap.is_iomem)
		kvfree(sa->cpu_ptr);
	sa->cpu_ptr = NULL;
}
