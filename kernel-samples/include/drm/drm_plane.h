/* SPDX-License-Identifier: MIT */
/* iomemcheck kernel-samples: planes and plane state. */
#ifndef _KS_DRM_PLANE_H_
#define _KS_DRM_PLANE_H_

#include <linux/types.h>
#include <drm/drm_device.h>
#include <drm/drm_rect.h>
#include <drm/drm_framebuffer.h>

struct drm_crtc;
struct drm_plane;

struct drm_plane_state {
	struct drm_plane *plane;
	struct drm_crtc *crtc;
	struct drm_framebuffer *fb;
	int crtc_x, crtc_y;
	unsigned int crtc_w, crtc_h;
	u32 src_x, src_y, src_h, src_w;
	struct drm_rect src, dst;
	bool visible;
};

struct drm_plane {
	struct drm_device *dev;
	struct drm_plane_state *state;
	unsigned int index;
};

#endif
