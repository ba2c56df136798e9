/* SPDX-License-Identifier: MIT */
/* iomemcheck kernel-samples: shadow-buffered plane state. */
#ifndef _KS_DRM_GEM_ATOMIC_HELPER_H_
#define _KS_DRM_GEM_ATOMIC_HELPER_H_

#include <linux/kernel.h>
#include <linux/ksamples-map-api.h>
#include <drm/drm_fourcc.h>
#include <drm/drm_plane.h>

/*
 * Filled by the shadow-plane prepare_fb helper with drm_gem_fb_vmap():
 * map[] are the plane mappings, data[] the same moved to the plane offsets.
 */
struct drm_shadow_plane_state {
	struct drm_plane_state base;
	struct __ks_vmap_map map[DRM_FORMAT_MAX_PLANES];
	struct __ks_vmap_map data[DRM_FORMAT_MAX_PLANES];
};

static inline struct drm_shadow_plane_state *
to_drm_shadow_plane_state(struct drm_plane_state *state)
{
	return container_of(state, struct drm_shadow_plane_state, base);
}

#endif
