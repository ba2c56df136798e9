/* SPDX-License-Identifier: GPL-2.0 */
/*
 * iomemcheck kernel-samples: BUG/WARN.
 *
 * WARN_ON() and friends are GNU statement expressions that evaluate to their
 * condition; every path on which the condition holds calls the extern
 * __warn_printk() (rules/kernel.rules lists it as a "warn" entry point, so
 * the checker treats such a path as dead).  WARN_ON_ONCE() calls it
 * unconditionally too: the "once" bookkeeping lives at run time in the
 * reporting code, as with the x86 bug-table implementation.
 *
 * BUG() is an asm statement that emits a __bug_table entry (the "warn-asm"
 * rule) followed by __builtin_unreachable().
 */
#ifndef _KS_LINUX_BUG_H
#define _KS_LINUX_BUG_H

#include <linux/compiler.h>
#include <linux/types.h>

extern __printf(1, 2) __cold void __warn_printk(const char *fmt, ...);

#define BUG()								\
	do {								\
		__asm__ __volatile__(".pushsection __bug_table,\"aw\"\n\t" \
				     ".popsection" : : : "memory");	\
		__builtin_unreachable();				\
	} while (0)

#define BUG_ON(condition)						\
	do {								\
		if (unlikely(condition))				\
			BUG();						\
	} while (0)

#define __WARN_printf(arg...)	__warn_printk(arg)

#define WARN_ON(condition) ({						\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on))					\
		__WARN_printf("WARNING: %s:%d: %s\n", __FILE__,		\
			      __LINE__, #condition);			\
	unlikely(__ret_warn_on);					\
})

#define WARN_ON_ONCE(condition) ({					\
	int __ret_warn_once = !!(condition);				\
	if (unlikely(__ret_warn_once))					\
		__WARN_printf("WARNING (once): %s:%d: %s\n", __FILE__,	\
			      __LINE__, #condition);			\
	unlikely(__ret_warn_once);					\
})

#define WARN(condition, format...) ({					\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on))					\
		__WARN_printf(format);					\
	unlikely(__ret_warn_on);					\
})

#define WARN_ONCE(condition, format...)	WARN(condition, format)

#endif /* _KS_LINUX_BUG_H */
