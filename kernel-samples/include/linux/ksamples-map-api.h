/* SPDX-License-Identifier: GPL-2.0 */
/*
 * iomemcheck kernel-samples (not a kernel header): which map type the
 * producer headers (dma-buf.h, drm_gem.h, ttm_bo.h, ...) use.
 *
 * By default they use struct iosys_map (v5.18 and later).  A sample written
 * against the v5.10-v5.17 API defines KSAMPLES_DMA_BUF_MAP_API before its
 * first #include; the same prototypes then take struct dma_buf_map.
 */
#ifndef _KS_LINUX_KSAMPLES_MAP_API_H
#define _KS_LINUX_KSAMPLES_MAP_API_H

#ifdef KSAMPLES_DMA_BUF_MAP_API
#include <linux/dma-buf-map.h>
#define __ks_vmap_map	dma_buf_map
#else
#include <linux/iosys-map.h>
#define __ks_vmap_map	iosys_map
#endif

#endif /* _KS_LINUX_KSAMPLES_MAP_API_H */
