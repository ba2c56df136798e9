/* SPDX-License-Identifier: GPL-2.0 */
/* iomemcheck kernel-samples: masks and fields of registers. */
#ifndef _KS_LINUX_BITFIELD_H
#define _KS_LINUX_BITFIELD_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>

#define __bf_shf(x)	(__builtin_ffsll(x) - 1)

/* The register is checked for size (an unevaluated use of it), then read once. */
#define __BF_FIELD_CHECK(_mask, _reg)						\
	BUILD_BUG_ON(sizeof(_reg) * 8 < (unsigned int)(64 - __builtin_clzll(_mask)))

#define FIELD_GET(_mask, _reg) ({						\
	__BF_FIELD_CHECK(_mask, _reg);						\
	(__typeof__(_mask))(((_reg) & (_mask)) >> __bf_shf(_mask));		\
})

#define FIELD_PREP(_mask, _val) ({						\
	__BF_FIELD_CHECK(_mask, _mask);						\
	((__typeof__(_mask))(_val) << __bf_shf(_mask)) & (_mask);		\
})

#endif /* _KS_LINUX_BITFIELD_H */
