/* SPDX-License-Identifier: MIT */
/* iomemcheck kernel-samples: shmem-backed GEM objects (always system memory). */
#ifndef _KS_DRM_GEM_SHMEM_HELPER_H_
#define _KS_DRM_GEM_SHMEM_HELPER_H_

#include <linux/types.h>
#include <linux/ksamples-map-api.h>
#include <drm/drm_gem.h>

struct drm_gem_shmem_object {
	struct drm_gem_object base;
	void *vaddr;
	unsigned int vmap_use_count;
};

/* Refuses an imported buffer that maps to I/O memory: the map is system memory. */
extern int drm_gem_shmem_vmap(struct drm_gem_shmem_object *shmem, struct __ks_vmap_map *map);
extern void drm_gem_shmem_vunmap(struct drm_gem_shmem_object *shmem, struct __ks_vmap_map *map);

#endif
