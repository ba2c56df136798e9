/* SPDX-License-Identifier: GPL-2.0-only */
/* iomemcheck kernel-samples: shared buffers and their kernel mapping. */
#ifndef _KS_LINUX_DMA_BUF_H
#define _KS_LINUX_DMA_BUF_H

#include <linux/types.h>
#include <linux/mutex.h>
#include <linux/ksamples-map-api.h>

struct dma_buf;

struct dma_buf_ops {
	int (*vmap)(struct dma_buf *dmabuf, struct __ks_vmap_map *map);
	void (*vunmap)(struct dma_buf *dmabuf, struct __ks_vmap_map *map);
};

struct dma_buf {
	size_t size;
	const struct dma_buf_ops *ops;
	unsigned int vmapping_counter;
	struct __ks_vmap_map vmap_ptr;
	const char *exp_name;
	struct mutex lock;
	void *priv;
};

/*
 * The memory type of the result is decided by the exporter: system or I/O.
 * dma_buf_vunmap() must get the map dma_buf_vmap() returned.
 */
extern int dma_buf_vmap(struct dma_buf *dmabuf, struct __ks_vmap_map *map);
extern void dma_buf_vunmap(struct dma_buf *dmabuf, struct __ks_vmap_map *map);
extern int dma_buf_vmap_unlocked(struct dma_buf *dmabuf, struct __ks_vmap_map *map);
extern void dma_buf_vunmap_unlocked(struct dma_buf *dmabuf, struct __ks_vmap_map *map);

#endif /* _KS_LINUX_DMA_BUF_H */
