/*
 * check-name: conversion self-test builds system maps with iosys_map_set_vaddr
 * check-description: idiom I3: both maps are set from kmalloc buffers in
 *   the same function, so their vaddr members are system memory.  The source
 *   map is passed as a const pointer, which does not change its state.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/iosys-map.h>
#include <drm/drm_format_helper.h>

int mydrv_selftest_rgb565(const struct drm_framebuffer *fb,
			  const struct drm_rect *clip)
{
	static const u32 pattern[4] = { 0x00ff0000, 0x0000ff00, 0x000000ff, 0x00ffffff };
	static const u16 want[4] = { 0xf800, 0x07e0, 0x001f, 0xffff };
	unsigned int dst_pitch = sizeof(want);
	struct iosys_map src, dst;
	u32 *xrgb;
	u16 *out;
	int ret = 0;

	xrgb = kmalloc(sizeof(pattern), GFP_KERNEL);
	out = kmalloc(sizeof(want), GFP_KERNEL);
	if (!xrgb || !out) {
		ret = -ENOMEM;
		goto out_free;
	}

	iosys_map_set_vaddr(&src, xrgb);
	iosys_map_set_vaddr(&dst, out);
	memcpy(src.vaddr, pattern, sizeof(pattern));
	memset(dst.vaddr, 0xa5, sizeof(want));

	drm_fb_xrgb8888_to_rgb565(&dst, &dst_pitch, &src, fb, clip, false);

	if (memcmp(src.vaddr, pattern, sizeof(pattern)))
		ret = -EFAULT;	/* the helper wrote to its source */
	else if (memcmp(out, want, sizeof(want)))
		ret = -EINVAL;

out_free:
	kfree(out);
	kfree(xrgb);
	return ret;
}
