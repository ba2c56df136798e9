/* SPDX-License-Identifier: MIT */
/* iomemcheck kernel-samples: mapping all planes of a GEM framebuffer. */
#ifndef _KS_DRM_GEM_FRAMEBUFFER_HELPER_H_
#define _KS_DRM_GEM_FRAMEBUFFER_HELPER_H_

#include <linux/ksamples-map-api.h>
#include <drm/drm_framebuffer.h>

struct drm_gem_object;

extern struct drm_gem_object *drm_gem_fb_get_obj(struct drm_framebuffer *fb,
						 unsigned int plane);

/*
 * Maps every plane: map[i] is the plane's GEM mapping, data[i] (if data is
 * not NULL) a copy moved to fb->offsets[i].  Each plane may be system or I/O
 * memory.
 */
extern int drm_gem_fb_vmap(struct drm_framebuffer *fb,
			   struct __ks_vmap_map *map,
			   struct __ks_vmap_map *data);
extern void drm_gem_fb_vunmap(struct drm_framebuffer *fb,
			      struct __ks_vmap_map *map);

#endif
