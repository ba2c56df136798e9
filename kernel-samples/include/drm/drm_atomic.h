/* SPDX-License-Identifier: MIT */
/* iomemcheck kernel-samples: atomic state lookup. */
#ifndef _KS_DRM_ATOMIC_H_
#define _KS_DRM_ATOMIC_H_

#include <drm/drm_plane.h>

struct drm_atomic_state;

extern struct drm_plane_state *
drm_atomic_get_new_plane_state(struct drm_atomic_state *state, struct drm_plane *plane);
extern struct drm_plane_state *
drm_atomic_get_old_plane_state(struct drm_atomic_state *state, struct drm_plane *plane);

#endif
