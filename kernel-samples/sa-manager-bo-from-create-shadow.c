/*
 * check-name: suballocator keeps a shadow of a BO it has just created
 * check-description: the BO comes from a create call into a local pointer;
 *   the same pointer's map is tested (is_iomem) and, on the system side,
 *   its vaddr is cached and cleared through the cache: silent.  A memset()
 *   of vaddr on the I/O side is the bug.
 */
#include <linux/types.h>
#include <linux/err.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/iosys-map.h>

struct mydrv_bo {
	struct iosys_map vmap;
	size_t size;
};

struct mydrv_sa_manager {
	struct mydrv_bo *bo;
	void *cpu_ptr;
	bool is_iomem;
};

extern struct mydrv_bo *mydrv_bo_create_pin_map(void *dev, size_t size);
extern void mydrv_err(void *dev, const char *fmt, ...);

struct mydrv_sa_manager *mydrv_sa_init(void *dev, size_t size)
{
	struct mydrv_bo *bo;
	struct mydrv_sa_manager *sa = kzalloc(sizeof(*sa), GFP_KERNEL);

	if (!sa)
		return ERR_PTR(-ENOMEM);
	sa->bo = NULL;

	bo = mydrv_bo_create_pin_map(dev, size);
	if (IS_ERR(bo)) {
		mydrv_err(dev, "no bo: %ld\n", PTR_ERR(bo));
		return (struct mydrv_sa_manager *)bo;
	}
	sa->bo = bo;
	sa->is_iomem = bo->vmap.is_iomem;

	if (bo->vmap.is_iomem) {
		sa->cpu_ptr = kvzalloc(size, GFP_KERNEL);
		if (!sa->cpu_ptr) {
			sa->bo = NULL;
			return ERR_PTR(-ENOMEM);
		}
	} else {
		sa->cpu_ptr = bo->vmap.vaddr;
		memset(sa->cpu_ptr, 0, bo->size);
	}
	return sa;
}

int mydrv_sa_reset(struct mydrv_sa_manager *sa)
{
	struct mydrv_bo *bo = sa->bo;

	if (!bo->vmap.is_iomem)
		return 0;
	memset(bo->vmap.vaddr, 0, bo->size);	/* expect: IOM003 */
	return 0;
}
