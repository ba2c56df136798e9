/* SPDX-License-Identifier: MIT */
/* iomemcheck kernel-samples: damage clip iteration. */
#ifndef _KS_DRM_DAMAGE_HELPER_H_
#define _KS_DRM_DAMAGE_HELPER_H_

#include <drm/drm_plane.h>
#include <drm/drm_rect.h>

struct drm_atomic_helper_damage_iter {
	struct drm_rect plane_src;
	const struct drm_rect *clips;
	u32 num_clips;
	u32 curr_clip;
	bool full_update;
};

extern void drm_atomic_helper_damage_iter_init(struct drm_atomic_helper_damage_iter *iter,
					       const struct drm_plane_state *old_state,
					       const struct drm_plane_state *new_state);
extern bool drm_atomic_helper_damage_iter_next(struct drm_atomic_helper_damage_iter *iter,
					       struct drm_rect *rect);
extern bool drm_atomic_helper_damage_merged(const struct drm_plane_state *old_state,
					    struct drm_plane_state *state,
					    struct drm_rect *rect);

#define drm_atomic_for_each_plane_damage(iter, rect) \
	while (drm_atomic_helper_damage_iter_next(iter, rect))

#endif
