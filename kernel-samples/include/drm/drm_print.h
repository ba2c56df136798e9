/* SPDX-License-Identifier: MIT */
/*
 * iomemcheck kernel-samples: DRM logging.  drm_WARN*() are built on WARN(),
 * so a path on which the condition holds reaches __warn_printk().
 */
#ifndef _KS_DRM_PRINT_H_
#define _KS_DRM_PRINT_H_

#include <linux/kernel.h>
#include <linux/device.h>
#include <drm/drm_device.h>

extern __printf(3, 4) void drm_dev_printk(const struct device *dev,
					  const char *level,
					  const char *format, ...);
enum drm_debug_category {
	DRM_UT_CORE,
	DRM_UT_DRIVER,
	DRM_UT_KMS,
};

extern __printf(4, 5) void __drm_dev_dbg(struct _ddebug *desc,
					 const struct device *dev,
					 enum drm_debug_category category,
					 const char *format, ...);

#define drm_err(drm, fmt, ...)						\
	drm_dev_printk((drm) ? (drm)->dev : NULL, KERN_ERR,		\
		       "[drm] *ERROR* " fmt, ##__VA_ARGS__)
#define drm_warn(drm, fmt, ...)						\
	drm_dev_printk((drm) ? (drm)->dev : NULL, KERN_WARNING,		\
		       "[drm] " fmt, ##__VA_ARGS__)
#define drm_info(drm, fmt, ...)						\
	drm_dev_printk((drm) ? (drm)->dev : NULL, KERN_INFO,		\
		       "[drm] " fmt, ##__VA_ARGS__)
#define drm_dbg(drm, fmt, ...)						\
	__drm_dev_dbg(NULL, (drm) ? (drm)->dev : NULL, DRM_UT_DRIVER, fmt, ##__VA_ARGS__)
#define drm_dbg_kms(drm, fmt, ...)					\
	__drm_dev_dbg(NULL, (drm) ? (drm)->dev : NULL, DRM_UT_KMS, fmt, ##__VA_ARGS__)

#define drm_WARN(drm, condition, format, arg...)			\
	WARN(condition, "%s: " format, (drm)->unique, ##arg)

#define drm_WARN_ONCE(drm, condition, format, arg...)			\
	WARN_ONCE(condition, "%s: " format, (drm)->unique, ##arg)

#define drm_WARN_ON(drm, x)						\
	drm_WARN((drm), (x), "%s",					\
		 "drm_WARN_ON(" __stringify(x) ")")

#define drm_WARN_ON_ONCE(drm, x)					\
	drm_WARN_ONCE((drm), (x), "%s",					\
		      "drm_WARN_ON_ONCE(" __stringify(x) ")")

#endif /* _KS_DRM_PRINT_H_ */
