/*
 * check-name: shmem-only USB display reads its shadow plane through vaddr
 * check-description: right in this driver, reported anyway (a known false
 *   positive). The driver's GEM objects are shmem objects, whose vmap
 *   refuses I/O memory, so the shadow plane's data[0] is always system
 *   memory; but that is decided by the drm_driver in another file, and the
 *   maps were filled by drm_gem_fb_vmap() before this function runs. Nothing
 *   in this file says so. The fix that also documents it is an assertion,
 *   e.g. `if (drm_WARN_ON(dev, map->is_iomem)) return;`, which iomemcheck
 *   honours (fbdev-probe-drm-warn-on.c).
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>
#include <drm/drm_gem_atomic_helper.h>
#include <drm/drm_rect.h>

struct usbdisp_device;

extern int usbdisp_send_line(struct usbdisp_device *udev, int y, const void *pixels,
			     unsigned int len);

static int usbdisp_flush_damage(struct usbdisp_device *udev, const struct iosys_map *map,
				unsigned int pitch, const struct drm_rect *clip)
{
	int y, ret;

	for (y = clip->y1; y < clip->y2; y++) {
		const u8 *line = map->vaddr + (size_t)y * pitch + clip->x1 * 4;

		ret = usbdisp_send_line(udev, y, line, (clip->x2 - clip->x1) * 4);	/* known-fp: IOM003 */
		if (ret)
			return ret;
	}
	return 0;
}

int usbdisp_plane_update(struct usbdisp_device *udev, struct drm_shadow_plane_state *shadow,
			 const struct drm_rect *clip)
{
	return usbdisp_flush_damage(udev, &shadow->data[0], shadow->base.fb->pitches[0], clip);
}
