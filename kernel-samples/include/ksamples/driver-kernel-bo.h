/* SPDX-License-Identifier: GPL-2.0 */
/*
 * iomemcheck kernel-samples: a driver's own header with inline functions
 * that map its kernel BOs (the shape of a GPU driver's *_gem.h).  Every
 * engine analyses the ones a sample uses; the code is right, so they must
 * stay silent.
 */
#ifndef _KS_DRIVER_KERNEL_BO_H
#define _KS_DRIVER_KERNEL_BO_H

#include <linux/types.h>
#include <linux/errno.h>
#include <linux/io.h>
#include <linux/iosys-map.h>
#include <drm/drm_gem.h>

struct ksdrv_kernel_bo {
	struct drm_gem_object *obj;
	struct iosys_map map;
	void *kmap;
};

/* The CPU pointer only for a system-memory mapping; VRAM stays in the map. */
static inline int ksdrv_kernel_bo_vmap(struct ksdrv_kernel_bo *bo)
{
	struct iosys_map map;
	int ret;

	if (bo->kmap || !iosys_map_is_null(&bo->map))
		return 0;

	ret = drm_gem_vmap_unlocked(bo->obj, &map);
	if (ret)
		return ret;

	bo->map = map;
	if (!map.is_iomem)
		bo->kmap = map.vaddr;
	return 0;
}

static inline void ksdrv_kernel_bo_vunmap(struct ksdrv_kernel_bo *bo)
{
	if (iosys_map_is_null(&bo->map))
		return;
	drm_gem_vunmap_unlocked(bo->obj, &bo->map);
	iosys_map_clear(&bo->map);
	bo->kmap = NULL;
}

static inline bool ksdrv_kernel_bo_is_iomem(const struct ksdrv_kernel_bo *bo)
{
	return bo->map.is_iomem;
}

static inline void ksdrv_kernel_bo_fill(struct ksdrv_kernel_bo *bo, size_t off, u32 value)
{
	iosys_map_wr(&bo->map, off, u32, value);
}

/* Not used by every sample: GCC emits (and analyses) only the used ones. */
static inline void ksdrv_kernel_bo_poke(struct ksdrv_kernel_bo *bo, u32 value)
{
	if (bo->map.is_iomem)
		writel(value, bo->map.vaddr_iomem);
	else
		*(u32 *)bo->map.vaddr = value;
}

#endif /* _KS_DRIVER_KERNEL_BO_H */
