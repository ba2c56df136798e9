/* SPDX-License-Identifier: MIT */
/* iomemcheck kernel-samples: struct drm_device. */
#ifndef _KS_DRM_DEVICE_H_
#define _KS_DRM_DEVICE_H_

#include <linux/types.h>
#include <linux/device.h>

struct drm_device {
	struct device *dev;
	const char *unique;
	void *dev_private;
};

#endif
