/* SPDX-License-Identifier: GPL-2.0 */
/* iomemcheck kernel-samples: pages. */
#ifndef _KS_LINUX_MM_H
#define _KS_LINUX_MM_H

#include <linux/types.h>

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))
#define PAGE_ALIGN(x)	(((x) + PAGE_SIZE - 1) & PAGE_MASK)
#define offset_in_page(p)	((unsigned long)(p) & ~PAGE_MASK)

struct page;

typedef struct {
	unsigned long pgprot;
} pgprot_t;

#define PAGE_KERNEL	((pgprot_t){ 0x163 })

extern struct page *virt_to_page(const void *addr);
extern phys_addr_t page_to_phys(struct page *page);
extern void *page_address(const struct page *page);

#endif /* _KS_LINUX_MM_H */
