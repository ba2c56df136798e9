/* SPDX-License-Identifier: MIT */
/* iomemcheck kernel-samples: framebuffers. */
#ifndef _KS_DRM_FRAMEBUFFER_H_
#define _KS_DRM_FRAMEBUFFER_H_

#include <linux/types.h>
#include <drm/drm_device.h>
#include <drm/drm_fourcc.h>

struct drm_gem_object;

struct drm_framebuffer {
	struct drm_device *dev;
	const struct drm_format_info *format;
	unsigned int pitches[DRM_FORMAT_MAX_PLANES];
	unsigned int offsets[DRM_FORMAT_MAX_PLANES];
	u64 modifier;
	unsigned int width;
	unsigned int height;
	int flags;
	struct drm_gem_object *obj[DRM_FORMAT_MAX_PLANES];
};

#endif
