/* SPDX-License-Identifier: MIT */
/* iomemcheck kernel-samples: map-to-map copies. */
#ifndef _KS_DRM_CACHE_H_
#define _KS_DRM_CACHE_H_

#include <linux/iosys-map.h>

extern void drm_memcpy_from_wc(struct iosys_map *dst,
			       const struct iosys_map *src,
			       unsigned long len);

#endif
