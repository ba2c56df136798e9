/* SPDX-License-Identifier: MIT */
/* iomemcheck kernel-samples: GEM objects and their kernel mapping. */
#ifndef _KS_DRM_GEM_H_
#define _KS_DRM_GEM_H_

#include <linux/types.h>
#include <linux/ksamples-map-api.h>
#include <drm/drm_device.h>

struct dma_buf;
struct drm_gem_object;

struct drm_gem_object_funcs {
	void (*free)(struct drm_gem_object *obj);
	int (*vmap)(struct drm_gem_object *obj, struct __ks_vmap_map *map);
	void (*vunmap)(struct drm_gem_object *obj, struct __ks_vmap_map *map);
};

struct drm_gem_object {
	unsigned int handle_count;
	struct drm_device *dev;
	size_t size;
	int name;
	struct dma_buf *dma_buf;
	const struct drm_gem_object_funcs *funcs;
};

/* The memory type depends on the GEM backend: shmem/dma give system memory, VRAM gives I/O. */
extern int drm_gem_vmap(struct drm_gem_object *obj, struct __ks_vmap_map *map);
extern void drm_gem_vunmap(struct drm_gem_object *obj, struct __ks_vmap_map *map);
extern int drm_gem_vmap_unlocked(struct drm_gem_object *obj, struct __ks_vmap_map *map);
extern void drm_gem_vunmap_unlocked(struct drm_gem_object *obj, struct __ks_vmap_map *map);

extern void drm_gem_object_get(struct drm_gem_object *obj);
extern void drm_gem_object_put(struct drm_gem_object *obj);

#endif
