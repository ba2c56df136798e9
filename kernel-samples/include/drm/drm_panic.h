/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/* iomemcheck kernel-samples: the panic screen's scanout buffer (v6.10 and later). */
#ifndef _KS_DRM_PANIC_H_
#define _KS_DRM_PANIC_H_

#include <linux/types.h>
#include <linux/iosys-map.h>
#include <drm/drm_fourcc.h>

struct drm_plane;

/*
 * What a driver's get_scanout_buffer() fills in for the panic handler: the
 * framebuffer's format and size, and a map per plane, system or I/O memory.
 * A driver that cannot write the buffer linearly gives set_pixel instead.
 */
struct drm_scanout_buffer {
	const struct drm_format_info *format;
	struct iosys_map map[DRM_FORMAT_MAX_PLANES];
	unsigned int width;
	unsigned int height;
	unsigned int pitch[DRM_FORMAT_MAX_PLANES];
	void (*set_pixel)(struct drm_scanout_buffer *sb, unsigned int x, unsigned int y,
			  u32 color);
};

#endif
