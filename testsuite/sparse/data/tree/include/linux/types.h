/* SPDX-License-Identifier: GPL-2.0 */
/* iomemcheck-sparse test tree: basic types. */
#ifndef FIXTURE_TYPES_H
#define FIXTURE_TYPES_H

#include <linux/compiler_types.h>

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef unsigned long size_t;
typedef _Bool bool;

#define true	1
#define false	0
#define NULL	((void *)0)
#define offsetof(t, m)	__builtin_offsetof(t, m)

#define READ_ONCE(x)		(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v)	(*(volatile __typeof__(x) *)&(x) = (v))

#endif
