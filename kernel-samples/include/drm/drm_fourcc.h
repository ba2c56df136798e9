/* SPDX-License-Identifier: MIT */
/* iomemcheck kernel-samples: pixel formats. */
#ifndef _KS_DRM_FOURCC_H_
#define _KS_DRM_FOURCC_H_

#include <linux/types.h>

#define fourcc_code(a, b, c, d) ((u32)(a) | ((u32)(b) << 8) | \
				 ((u32)(c) << 16) | ((u32)(d) << 24))

#define DRM_FORMAT_C8		fourcc_code('C', '8', ' ', ' ')
#define DRM_FORMAT_RGB565	fourcc_code('R', 'G', '1', '6')
#define DRM_FORMAT_RGB888	fourcc_code('R', 'G', '2', '4')
#define DRM_FORMAT_XRGB8888	fourcc_code('X', 'R', '2', '4')
#define DRM_FORMAT_ARGB8888	fourcc_code('A', 'R', '2', '4')

#define DRM_FORMAT_MAX_PLANES	4u

struct drm_format_info {
	u32 format;
	u8 depth;
	u8 num_planes;
	u8 cpp[DRM_FORMAT_MAX_PLANES];
	u8 hsub;
	u8 vsub;
	bool has_alpha;
};

extern const struct drm_format_info *drm_format_info(u32 format);

#endif
