/* SPDX-License-Identifier: GPL-2.0 */
/* iomemcheck kernel-samples: write-combined windows into a device aperture. */
#ifndef _KS_LINUX_IO_MAPPING_H
#define _KS_LINUX_IO_MAPPING_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/mm.h>

struct io_mapping {
	resource_size_t base;
	unsigned long size;
	pgprot_t prot;
	void __iomem *iomem;
};

/* One page of the aperture at 'offset', mapped for the current context. */
extern void __iomem *io_mapping_map_local_wc(struct io_mapping *mapping,
					     unsigned long offset);
extern void io_mapping_unmap_local(void __iomem *vaddr);

#endif /* _KS_LINUX_IO_MAPPING_H */
