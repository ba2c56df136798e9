/* SPDX-License-Identifier: MIT */
/* iomemcheck kernel-samples: struct drm_driver and the GEM helpers' PRIME imports. */
#ifndef _KS_DRM_DRV_H_
#define _KS_DRM_DRV_H_

#include <linux/types.h>
#include <drm/drm_device.h>
#include <drm/drm_gem.h>

struct dma_buf_attachment;
struct sg_table;

struct drm_driver {
	const char *name;
	unsigned int driver_features;
	struct drm_gem_object *(*gem_create_object)(struct drm_device *dev, size_t size);
	struct drm_gem_object *(*gem_prime_import_sg_table)(struct drm_device *dev,
							    struct dma_buf_attachment *attach,
							    struct sg_table *sgt);
	int (*dumb_create)(struct drm_device *dev, void *args);
};

extern struct drm_gem_object *
drm_gem_shmem_prime_import_sg_table(struct drm_device *dev, struct dma_buf_attachment *attach,
				    struct sg_table *sgt);
extern struct drm_gem_object *
drm_gem_dma_prime_import_sg_table(struct drm_device *dev, struct dma_buf_attachment *attach,
				  struct sg_table *sgt);
extern struct drm_gem_object *
drm_gem_vram_prime_import_sg_table(struct drm_device *dev, struct dma_buf_attachment *attach,
				   struct sg_table *sgt);
extern int drm_gem_shmem_dumb_create(struct drm_device *dev, void *args);

#endif
