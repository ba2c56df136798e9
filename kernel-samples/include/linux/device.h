/* SPDX-License-Identifier: GPL-2.0 */
/* iomemcheck kernel-samples: struct device and dev_*() printing. */
#ifndef _KS_LINUX_DEVICE_H
#define _KS_LINUX_DEVICE_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/printk.h>

struct device {
	struct device *parent;
	const char *init_name;
	void *driver_data;
};

extern __printf(2, 3) __cold void _dev_err(const struct device *dev, const char *fmt, ...);
extern __printf(2, 3) __cold void _dev_warn(const struct device *dev, const char *fmt, ...);
extern __printf(2, 3) __cold void _dev_info(const struct device *dev, const char *fmt, ...);
extern __printf(3, 4) void __dynamic_dev_dbg(struct _ddebug *descriptor,
					     const struct device *dev,
					     const char *fmt, ...);

#define dev_err(dev, fmt, ...)	_dev_err(dev, fmt, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...)	_dev_warn(dev, fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...)	_dev_info(dev, fmt, ##__VA_ARGS__)

#define dev_dbg(dev, fmt, ...)						\
	do {								\
		static struct _ddebug __aligned(8) __ks_ddebug = {	\
			.modname	= KBUILD_MODNAME,		\
			.function	= __func__,			\
			.filename	= __FILE__,			\
			.format		= (fmt),			\
			.lineno		= __LINE__,			\
		};							\
		if (unlikely(__ks_ddebug.flags & _DPRINTK_FLAGS_PRINT))	\
			__dynamic_dev_dbg(&__ks_ddebug, dev, fmt,	\
					  ##__VA_ARGS__);		\
	} while (0)

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

#endif /* _KS_LINUX_DEVICE_H */
