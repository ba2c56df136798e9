/* SPDX-License-Identifier: GPL-2.0 */
/* iomemcheck kernel-samples: vmap/vunmap and vmalloc. */
#ifndef _KS_LINUX_VMALLOC_H
#define _KS_LINUX_VMALLOC_H

#include <linux/types.h>
#include <linux/mm.h>

#define VM_MAP		0x00000004

extern void *vmap(struct page **pages, unsigned int count,
		  unsigned long flags, pgprot_t prot);
extern void vunmap(const void *addr);
extern void *vmalloc(unsigned long size);
extern void *vzalloc(unsigned long size);
extern void vfree(const void *addr);

#endif /* _KS_LINUX_VMALLOC_H */
