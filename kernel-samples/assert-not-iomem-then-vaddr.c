/*
 * check-name: a debug assert that the BO is system memory guards vaddr
 * check-description: the driver's assert is a drm_WARN() of the negated
 *   condition: when is_iomem holds the path ends in the WARN, so the copy
 *   from vaddr after it only runs for system memory.  Without the assert
 *   the same copy is the bug.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <drm/drm_device.h>
#include <drm/drm_print.h>

struct mydrv_device {
	struct drm_device drm;
};

struct mydrv_bo {
	struct iosys_map vmap;
	size_t size;
};

#define mydrv_assert(xe, condition) ({						\
	const struct mydrv_device *__xe = (xe);					\
	(void)drm_WARN(&__xe->drm, !(condition), "Assertion `%s` failed!\n",	\
		       #condition);						\
})

extern struct mydrv_bo *mydrv_bo_create_from_data(struct mydrv_device *xe, const void *data,
						  size_t size);

struct mydrv_bo *mydrv_bo_to_vram(struct mydrv_device *xe, struct mydrv_bo *src)
{
	mydrv_assert(xe, !src->vmap.is_iomem);
	return mydrv_bo_create_from_data(xe, src->vmap.vaddr, src->size);
}

struct mydrv_bo *mydrv_bo_to_vram_unchecked(struct mydrv_device *xe, struct mydrv_bo *src)
{
	return mydrv_bo_create_from_data(xe, src->vmap.vaddr, src->size);	/* expect: IOM003 */
}
