/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * iomemcheck kernel-samples: struct dma_buf_map and its helpers.
 *
 * Same names, signatures and behaviour as the kernel's include/linux/dma-buf-map.h
 * in its last release (v5.17), written from the API description for the
 * sample corpus.  dma_buf_map_memcpy_to() has no offset argument.
 */
#ifndef __KS_LINUX_DMA_BUF_MAP_H__
#define __KS_LINUX_DMA_BUF_MAP_H__

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/io.h>
#include <linux/string.h>

struct dma_buf_map {
	union {
		void __iomem *vaddr_iomem;
		void *vaddr;
	};
	bool is_iomem;
};

#define DMA_BUF_MAP_INIT_VADDR(vaddr_)					\
	{								\
		.vaddr = (vaddr_),					\
		.is_iomem = false,					\
	}

static inline void dma_buf_map_set_vaddr(struct dma_buf_map *map, void *vaddr)
{
	map->vaddr = vaddr;
	map->is_iomem = false;
}

static inline void dma_buf_map_set_vaddr_iomem(struct dma_buf_map *map,
					       void __iomem *vaddr_iomem)
{
	map->vaddr_iomem = vaddr_iomem;
	map->is_iomem = true;
}

static inline bool dma_buf_map_is_equal(const struct dma_buf_map *lhs,
					const struct dma_buf_map *rhs)
{
	if (lhs->is_iomem != rhs->is_iomem)
		return false;
	if (lhs->is_iomem)
		return lhs->vaddr_iomem == rhs->vaddr_iomem;
	return lhs->vaddr == rhs->vaddr;
}

static inline bool dma_buf_map_is_null(const struct dma_buf_map *map)
{
	if (map->is_iomem)
		return !map->vaddr_iomem;
	return !map->vaddr;
}

static inline bool dma_buf_map_is_set(const struct dma_buf_map *map)
{
	return !dma_buf_map_is_null(map);
}

static inline void dma_buf_map_clear(struct dma_buf_map *map)
{
	if (map->is_iomem) {
		map->vaddr_iomem = NULL;
		map->is_iomem = false;
	} else {
		map->vaddr = NULL;
	}
}

/* Copy @len bytes from system memory at @src to the start of @dst. */
static inline void dma_buf_map_memcpy_to(struct dma_buf_map *dst,
					 const void *src, size_t len)
{
	if (dst->is_iomem)
		memcpy_toio(dst->vaddr_iomem, src, len);
	else
		memcpy(dst->vaddr, src, len);
}

static inline void dma_buf_map_incr(struct dma_buf_map *map, size_t incr)
{
	if (map->is_iomem)
		map->vaddr_iomem += incr;
	else
		map->vaddr += incr;
}

#endif /* __KS_LINUX_DMA_BUF_MAP_H__ */
