/* SPDX-License-Identifier: GPL-2.0 */
/* iomemcheck kernel-samples: masks and fields of registers. */
#ifndef _KS_LINUX_BITFIELD_H
#define _KS_LINUX_BITFIELD_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>

#define __bf_shf(x)	(__builtin_ffsll(x) - 1)

/*
 * The kernel's checks of an optimised build: a call of a function that is
 * never defined, under a constant condition, so that only a failed check
 * leaves the call in the object.
 */
#define __ks_field_assert(cond, id)						\
	do {									\
		extern void __noreturn __PASTE(__ks_field_check_, id)(void);	\
		if (!(cond))							\
			__PASTE(__ks_field_check_, id)();			\
	} while (0)

/* The unsigned type of a scalar, from an unevaluated use of it. */
#define __ks_unsigned_typeof(x) __typeof__(_Generic((x),			\
	char: (unsigned char)0, signed char: (unsigned char)0,			\
	unsigned char: (unsigned char)0, short: (unsigned short)0,		\
	unsigned short: (unsigned short)0, int: (unsigned int)0,		\
	unsigned int: (unsigned int)0, long: (unsigned long)0,			\
	unsigned long: (unsigned long)0, long long: (unsigned long long)0,	\
	unsigned long long: (unsigned long long)0, default: (x)))

#define __BF_FIELD_CHECK(_mask, _reg)						\
	({									\
		__ks_field_assert(__builtin_constant_p(_mask), __COUNTER__);	\
		__ks_field_assert((_mask) != 0, __COUNTER__);			\
		__ks_field_assert((__ks_unsigned_typeof(_mask))(_mask) <=	\
				  (__ks_unsigned_typeof(_reg))(~0ull), __COUNTER__); \
	})

#define FIELD_GET(_mask, _reg)							\
	({									\
		__BF_FIELD_CHECK(_mask, _reg);					\
		(__typeof__(_mask))(((_reg) & (_mask)) >> __bf_shf(_mask));	\
	})

#define FIELD_PREP(_mask, _val)							\
	({									\
		__BF_FIELD_CHECK(_mask, 0ULL);					\
		((__typeof__(_mask))(_val) << __bf_shf(_mask)) & (_mask);	\
	})

#endif /* _KS_LINUX_BITFIELD_H */
