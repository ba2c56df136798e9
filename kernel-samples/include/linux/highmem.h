/* SPDX-License-Identifier: GPL-2.0 */
/* iomemcheck kernel-samples: short-lived kernel mappings of one page. */
#ifndef _KS_LINUX_HIGHMEM_H
#define _KS_LINUX_HIGHMEM_H

#include <linux/mm.h>

extern void *kmap_local_page(struct page *page);
extern void *kmap_local_page_prot(struct page *page, pgprot_t prot);
extern void __kunmap_local(const void *vaddr);

/* Takes the address kmap_local_page() gave, never the page. */
#define kunmap_local(addr)	__kunmap_local(addr)

#endif /* _KS_LINUX_HIGHMEM_H */
