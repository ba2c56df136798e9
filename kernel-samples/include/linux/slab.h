/* SPDX-License-Identifier: GPL-2.0 */
/* iomemcheck kernel-samples: heap allocation. */
#ifndef _KS_LINUX_SLAB_H
#define _KS_LINUX_SLAB_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/gfp.h>

extern void *kmalloc(size_t size, gfp_t flags) __malloc;
extern void *kzalloc(size_t size, gfp_t flags) __malloc;
extern void *kcalloc(size_t n, size_t size, gfp_t flags) __malloc;
extern void *kmalloc_array(size_t n, size_t size, gfp_t flags) __malloc;
extern void kfree(const void *objp);

extern void *kvmalloc(size_t size, gfp_t flags) __malloc;
extern void *kvzalloc(size_t size, gfp_t flags) __malloc;
extern void kvfree(const void *addr);

#endif /* _KS_LINUX_SLAB_H */
