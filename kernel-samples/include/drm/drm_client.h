/* SPDX-License-Identifier: MIT */
/* iomemcheck kernel-samples: in-kernel DRM clients (fbdev emulation). */
#ifndef _KS_DRM_CLIENT_H_
#define _KS_DRM_CLIENT_H_

#include <linux/types.h>
#include <linux/ksamples-map-api.h>
#include <drm/drm_device.h>

struct drm_framebuffer;
struct drm_gem_object;

struct drm_client_dev {
	struct drm_device *dev;
	const char *name;
};

struct drm_client_buffer {
	struct drm_client_dev *client;
	u32 pitch;
	struct drm_gem_object *gem;
	struct __ks_vmap_map map;
	struct drm_framebuffer *fb;
};

extern struct drm_client_buffer *
drm_client_framebuffer_create(struct drm_client_dev *client, u32 width,
			      u32 height, u32 format);
extern void drm_client_framebuffer_delete(struct drm_client_buffer *buffer);

/* Copies the buffer's mapping into *map_copy; system or I/O memory. */
extern int drm_client_buffer_vmap(struct drm_client_buffer *buffer,
				  struct __ks_vmap_map *map_copy);
extern void drm_client_buffer_vunmap(struct drm_client_buffer *buffer);

#endif
