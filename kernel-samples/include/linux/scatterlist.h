/* SPDX-License-Identifier: GPL-2.0 */
/* iomemcheck kernel-samples: scatter-gather tables and their page iterators. */
#ifndef _KS_LINUX_SCATTERLIST_H
#define _KS_LINUX_SCATTERLIST_H

#include <linux/types.h>
#include <linux/mm.h>

struct scatterlist {
	unsigned long page_link;
	unsigned int offset;
	unsigned int length;
	dma_addr_t dma_address;
};

struct sg_table {
	struct scatterlist *sgl;
	unsigned int nents;
	unsigned int orig_nents;
};

struct sg_page_iter {
	struct scatterlist *sg;
	unsigned int sg_pgoffset;
	unsigned int __nents;
	int __pg_advance;
};

extern void __sg_page_iter_start(struct sg_page_iter *piter, struct scatterlist *sglist,
				 unsigned int nents, unsigned long pgoffset);
extern bool __sg_page_iter_next(struct sg_page_iter *piter);
extern struct page *sg_page_iter_page(struct sg_page_iter *piter);
extern struct scatterlist *sg_next(struct scatterlist *sg);

/* The iterators' header has an init and a condition, both calls, and no increment. */
#define for_each_sg_page(sglist, piter, nents, pgoffset)			\
	for (__sg_page_iter_start((piter), (sglist), (nents), (pgoffset));	\
	     __sg_page_iter_next(piter);)

#define for_each_sgtable_page(sgt, piter, pgoffset)				\
	for_each_sg_page((sgt)->sgl, piter, (sgt)->orig_nents, pgoffset)

#define for_each_sg(sglist, sg, nr, __i)					\
	for (__i = 0, sg = (sglist); __i < (nr); __i++, sg = sg_next(sg))

#define for_each_sgtable_sg(sgt, sg, i)						\
	for_each_sg((sgt)->sgl, sg, (sgt)->orig_nents, i)

#endif /* _KS_LINUX_SCATTERLIST_H */
