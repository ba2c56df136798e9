/* SPDX-License-Identifier: GPL-2.0 */
/* iomemcheck kernel-samples: allocation flags. */
#ifndef _KS_LINUX_GFP_H
#define _KS_LINUX_GFP_H

#include <linux/types.h>

#define __GFP_ZERO	((gfp_t)0x100u)
#define __GFP_NOWARN	((gfp_t)0x2000u)
#define GFP_ATOMIC	((gfp_t)0xa20u)
#define GFP_KERNEL	((gfp_t)0xcc0u)

#endif /* _KS_LINUX_GFP_H */
