/* SPDX-License-Identifier: MIT */
/* iomemcheck kernel-samples: format conversion helpers (they branch on is_iomem inside). */
#ifndef _KS_DRM_FORMAT_HELPER_H_
#define _KS_DRM_FORMAT_HELPER_H_

#include <linux/iosys-map.h>
#include <drm/drm_framebuffer.h>
#include <drm/drm_rect.h>

extern unsigned int drm_fb_clip_offset(unsigned int pitch,
				       const struct drm_format_info *format,
				       const struct drm_rect *clip);
extern void drm_fb_memcpy(struct iosys_map *dst, const unsigned int *dst_pitch,
			  const struct iosys_map *src, const struct drm_framebuffer *fb,
			  const struct drm_rect *clip);
extern void drm_fb_swab(struct iosys_map *dst, const unsigned int *dst_pitch,
			const struct iosys_map *src, const struct drm_framebuffer *fb,
			const struct drm_rect *clip, bool cached);
extern void drm_fb_xrgb8888_to_rgb565(struct iosys_map *dst, const unsigned int *dst_pitch,
				      const struct iosys_map *src,
				      const struct drm_framebuffer *fb,
				      const struct drm_rect *clip, bool swab);
extern int drm_fb_blit(struct iosys_map *dst, const unsigned int *dst_pitch,
		       u32 dst_format, const struct iosys_map *src,
		       const struct drm_framebuffer *fb, const struct drm_rect *clip);

#endif
