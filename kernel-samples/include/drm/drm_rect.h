/* SPDX-License-Identifier: MIT */
/* iomemcheck kernel-samples: rectangles. */
#ifndef _KS_DRM_RECT_H_
#define _KS_DRM_RECT_H_

#include <linux/types.h>

struct drm_rect {
	int x1, y1, x2, y2;
};

#define DRM_RECT_INIT(x, y, w, h) ((struct drm_rect){			\
		.x1 = (x), .y1 = (y), .x2 = (x) + (w), .y2 = (y) + (h) })

static inline void drm_rect_init(struct drm_rect *r, int x, int y,
				 int width, int height)
{
	r->x1 = x;
	r->y1 = y;
	r->x2 = x + width;
	r->y2 = y + height;
}

static inline int drm_rect_width(const struct drm_rect *r)
{
	return r->x2 - r->x1;
}

static inline int drm_rect_height(const struct drm_rect *r)
{
	return r->y2 - r->y1;
}

extern bool drm_rect_intersect(struct drm_rect *r, const struct drm_rect *clip);

#endif
