/* SPDX-License-Identifier: MIT */
/* iomemcheck kernel-samples: TTM resources. */
#ifndef _KS_TTM_RESOURCE_H_
#define _KS_TTM_RESOURCE_H_

#include <linux/types.h>

enum ttm_caching {
	ttm_uncached,
	ttm_write_combined,
	ttm_cached
};

struct ttm_bus_placement {
	void *addr;
	phys_addr_t offset;
	bool is_iomem;
	enum ttm_caching caching;
};

struct ttm_resource {
	unsigned long start;
	size_t size;
	u32 mem_type;
	u32 placement;
	struct ttm_bus_placement bus;
};

#define TTM_PL_SYSTEM	0
#define TTM_PL_TT	1
#define TTM_PL_VRAM	2

#endif
