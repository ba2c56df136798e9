/* SPDX-License-Identifier: GPL-2.0 */
/*
 * iomemcheck kernel-samples: printk and pr_*().
 * printk/pr_err/pr_warn/pr_info call the extern _printk(); pr_debug has the
 * dynamic-debug shape (a static descriptor and a call to __dynamic_pr_debug()).
 */
#ifndef _KS_LINUX_PRINTK_H
#define _KS_LINUX_PRINTK_H

#include <linux/compiler.h>
#include <linux/types.h>

#define KERN_SOH	"\001"
#define KERN_EMERG	KERN_SOH "0"
#define KERN_ERR	KERN_SOH "3"
#define KERN_WARNING	KERN_SOH "4"
#define KERN_NOTICE	KERN_SOH "5"
#define KERN_INFO	KERN_SOH "6"
#define KERN_DEBUG	KERN_SOH "7"

#ifndef KBUILD_MODNAME
#define KBUILD_MODNAME "ksample"
#endif

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

extern __printf(1, 2) __cold int _printk(const char *fmt, ...);
extern __printf(1, 0) int vprintk(const char *fmt, __builtin_va_list args);

#define printk(fmt, ...)	_printk(fmt, ##__VA_ARGS__)

#define pr_emerg(fmt, ...)	printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)	printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...)	printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)

/* Dynamic debug: one static descriptor per call site. */
struct _ddebug {
	const char *modname;
	const char *function;
	const char *filename;
	const char *format;
	unsigned int lineno:18;
	unsigned int flags:8;
};

#define _DPRINTK_FLAGS_PRINT	(1U << 0)

extern __printf(2, 3) void __dynamic_pr_debug(struct _ddebug *descriptor,
					       const char *fmt, ...);

#define pr_debug(fmt, ...)						\
	do {								\
		static struct _ddebug __aligned(8) __ks_ddebug = {	\
			.modname	= KBUILD_MODNAME,		\
			.function	= __func__,			\
			.filename	= __FILE__,			\
			.format		= pr_fmt(fmt),			\
			.lineno		= __LINE__,			\
		};							\
		if (unlikely(__ks_ddebug.flags & _DPRINTK_FLAGS_PRINT))	\
			__dynamic_pr_debug(&__ks_ddebug, pr_fmt(fmt),	\
					   ##__VA_ARGS__);		\
	} while (0)

#endif /* _KS_LINUX_PRINTK_H */
