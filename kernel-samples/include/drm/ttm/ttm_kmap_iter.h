/* SPDX-License-Identifier: MIT */
/* iomemcheck kernel-samples: TTM's page-at-a-time kmap iterators. */
#ifndef _KS_DRM_TTM_KMAP_ITER_H_
#define _KS_DRM_TTM_KMAP_ITER_H_

#include <linux/types.h>
#include <linux/ksamples-map-api.h>

struct ttm_kmap_iter;

/*
 * map_local() fills dmap with page i of the resource; unmap_local() gets that
 * same map back once the copy of the page is done.
 */
struct ttm_kmap_iter_ops {
	void (*map_local)(struct ttm_kmap_iter *res_iter, struct __ks_vmap_map *dmap,
			  pgoff_t i);
	void (*unmap_local)(struct ttm_kmap_iter *res_iter, struct __ks_vmap_map *dmap);
	bool maps_tt;
};

struct ttm_kmap_iter {
	const struct ttm_kmap_iter_ops *ops;
};

#endif
