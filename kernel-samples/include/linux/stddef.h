/* SPDX-License-Identifier: GPL-2.0 */
/* iomemcheck kernel-samples: NULL, bool constants, offsetof. */
#ifndef _KS_LINUX_STDDEF_H
#define _KS_LINUX_STDDEF_H

#undef NULL
#define NULL ((void *)0)

enum {
	false	= 0,
	true	= 1
};

#undef offsetof
#define offsetof(TYPE, MEMBER)	__builtin_offsetof(TYPE, MEMBER)

#define sizeof_field(TYPE, MEMBER) sizeof((((TYPE *)0)->MEMBER))

#endif /* _KS_LINUX_STDDEF_H */
