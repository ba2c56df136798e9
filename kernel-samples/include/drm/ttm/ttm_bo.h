/* SPDX-License-Identifier: MIT */
/* iomemcheck kernel-samples: TTM buffer objects, kmap and vmap. */
#ifndef _KS_TTM_BO_H_
#define _KS_TTM_BO_H_

#include <linux/types.h>
#include <linux/ksamples-map-api.h>
#include <drm/drm_gem.h>
#include <drm/ttm/ttm_resource.h>

struct page;
struct ttm_device;
struct ttm_tt;

struct ttm_buffer_object {
	struct drm_gem_object base;
	struct ttm_device *bdev;
	struct ttm_resource *resource;
	struct ttm_tt *ttm;
	u32 page_alignment;
	bool deleted;
};

#define TTM_BO_MAP_IOMEM_MASK 0x80

enum ttm_bo_kmap_type {
	ttm_bo_map_iomap	= 1 | TTM_BO_MAP_IOMEM_MASK,
	ttm_bo_map_vmap		= 2,
	ttm_bo_map_kmap		= 3,
	ttm_bo_map_premapped	= 4 | TTM_BO_MAP_IOMEM_MASK,
};

struct ttm_bo_kmap_obj {
	void *virtual;
	struct page *page;
	enum ttm_bo_kmap_type bo_kmap_type;
	struct ttm_buffer_object *bo;
};

/* The address, and in *is_iomem whether it must be accessed with MMIO accessors. */
static inline void *ttm_kmap_obj_virtual(struct ttm_bo_kmap_obj *map,
					 bool *is_iomem)
{
	*is_iomem = !!(map->bo_kmap_type & TTM_BO_MAP_IOMEM_MASK);
	return map->virtual;
}

extern int ttm_bo_kmap(struct ttm_buffer_object *bo, unsigned long start_page,
		       unsigned long num_pages, struct ttm_bo_kmap_obj *map);
extern void ttm_bo_kunmap(struct ttm_bo_kmap_obj *map);

/* I/O memory if the BO lives in an I/O placement, system memory otherwise. */
extern int ttm_bo_vmap(struct ttm_buffer_object *bo, struct __ks_vmap_map *map);
extern void ttm_bo_vunmap(struct ttm_buffer_object *bo, struct __ks_vmap_map *map);

extern int ttm_bo_reserve(struct ttm_buffer_object *bo, bool interruptible,
			  bool no_wait, void *ticket);
extern void ttm_bo_unreserve(struct ttm_buffer_object *bo);

#endif
