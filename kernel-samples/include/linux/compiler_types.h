/* SPDX-License-Identifier: GPL-2.0 */
/*
 * iomemcheck kernel-samples: minimal stand-in for the kernel's type annotations.
 * Written for the sample corpus; not taken from the kernel.
 */
#ifndef _KS_LINUX_COMPILER_TYPES_H
#define _KS_LINUX_COMPILER_TYPES_H

#ifdef __CHECKER__
# define __user		__attribute__((noderef, address_space(__user)))
# define __iomem	__attribute__((noderef, address_space(__iomem)))
# define __force	__attribute__((force))
#else
# define __user
# define __iomem
# define __force
#endif

#define __always_inline		inline __attribute__((__always_inline__))
#define noinline		__attribute__((__noinline__))
#define __noreturn		__attribute__((__noreturn__))
#define __cold			__attribute__((__cold__))
#define __packed		__attribute__((__packed__))
#define __aligned(x)		__attribute__((__aligned__(x)))
#define __maybe_unused		__attribute__((__unused__))
#define __always_unused		__attribute__((__unused__))
#define __must_check		__attribute__((__warn_unused_result__))
#define __printf(a, b)		__attribute__((__format__(printf, a, b)))
#define __section(s)		__attribute__((__section__(s)))
#define __malloc		__attribute__((__malloc__))

#define barrier()		__asm__ __volatile__("" : : : "memory")

#endif /* _KS_LINUX_COMPILER_TYPES_H */
