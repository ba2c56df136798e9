/* SPDX-License-Identifier: GPL-2.0 */
/* iomemcheck kernel-samples: a small fbdev. */
#ifndef _KS_LINUX_FB_H
#define _KS_LINUX_FB_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/device.h>

#define FBINFO_VIRTFB		0x0004	/* FB is System RAM, not device. */
#define FBINFO_READS_FAST	0x0080

struct fb_fix_screeninfo {
	char id[16];
	unsigned long smem_start;
	u32 smem_len;
	u32 line_length;
};

struct fb_var_screeninfo {
	u32 xres;
	u32 yres;
	u32 xres_virtual;
	u32 yres_virtual;
	u32 xoffset;
	u32 yoffset;
	u32 bits_per_pixel;
};

struct fb_fillrect {
	u32 dx, dy, width, height, color, rop;
};

struct fb_copyarea {
	u32 dx, dy, width, height, sx, sy;
};

struct fb_image {
	u32 dx, dy, width, height, fg_color, bg_color;
	u8 depth;
	const char *data;
};

struct fb_info;

struct fb_ops {
	void (*fb_fillrect)(struct fb_info *info, const struct fb_fillrect *rect);
	void (*fb_copyarea)(struct fb_info *info, const struct fb_copyarea *region);
	void (*fb_imageblit)(struct fb_info *info, const struct fb_image *image);
};

struct fb_info {
	int node;
	int flags;
	struct fb_var_screeninfo var;
	struct fb_fix_screeninfo fix;
	const struct fb_ops *fbops;
	struct device *device;
	union {
		char __iomem *screen_base;	/* I/O memory: cfb_* / fb_io_* */
		char *screen_buffer;		/* FBINFO_VIRTFB: sys_* */
	};
	unsigned long screen_size;
	void *pseudo_palette;
	void *par;
};

extern void cfb_fillrect(struct fb_info *info, const struct fb_fillrect *rect);
extern void cfb_copyarea(struct fb_info *info, const struct fb_copyarea *area);
extern void cfb_imageblit(struct fb_info *info, const struct fb_image *image);
extern void sys_fillrect(struct fb_info *info, const struct fb_fillrect *rect);
extern void sys_copyarea(struct fb_info *info, const struct fb_copyarea *area);
extern void sys_imageblit(struct fb_info *info, const struct fb_image *image);

extern struct fb_info *framebuffer_alloc(size_t size, struct device *dev);
extern void framebuffer_release(struct fb_info *info);
extern int register_framebuffer(struct fb_info *info);

#endif /* _KS_LINUX_FB_H */
