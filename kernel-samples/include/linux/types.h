/* SPDX-License-Identifier: GPL-2.0 */
/* iomemcheck kernel-samples: fixed-size integer and address types (LP64 or ILP32). */
#ifndef _KS_LINUX_TYPES_H
#define _KS_LINUX_TYPES_H

#include <linux/stddef.h>

typedef signed char		s8;
typedef unsigned char		u8;
typedef signed short		s16;
typedef unsigned short		u16;
typedef signed int		s32;
typedef unsigned int		u32;
typedef signed long long	s64;
typedef unsigned long long	u64;

typedef u8  __u8;
typedef u16 __u16;
typedef u32 __u32;
typedef u64 __u64;
typedef s32 __s32;

typedef u16 __le16;
typedef u32 __le32;
typedef u64 __le64;
typedef u16 __be16;
typedef u32 __be32;

typedef _Bool			bool;

typedef __SIZE_TYPE__		size_t;
typedef __PTRDIFF_TYPE__	ssize_t;
typedef __PTRDIFF_TYPE__	ptrdiff_t;
typedef __UINTPTR_TYPE__	uintptr_t;
typedef long long		loff_t;

typedef u64			phys_addr_t;
typedef u64			dma_addr_t;
typedef phys_addr_t		resource_size_t;
typedef unsigned int		gfp_t;
typedef unsigned long		pgoff_t;

typedef struct {
	int counter;
} atomic_t;

#endif /* _KS_LINUX_TYPES_H */
