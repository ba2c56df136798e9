/*
 * check-name: all planes of a framebuffer cleared with memset on maps[i].vaddr
 * check-description: drm_gem_fb_vmap fills the array; each plane may be
 *   I/O.  memset with a run-time length is a call, so vaddr escapes
 *   (IOM003).  iosys_map_memset(&maps[i], ...) is the fix.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>
#include <drm/drm_fourcc.h>
#include <drm/drm_framebuffer.h>
#include <drm/drm_gem_framebuffer_helper.h>

int mydrv_fb_clear(struct drm_framebuffer *fb)
{
	struct iosys_map maps[DRM_FORMAT_MAX_PLANES];
	struct iosys_map data[DRM_FORMAT_MAX_PLANES];
	unsigned int i;
	int ret;

	ret = drm_gem_fb_vmap(fb, maps, data);
	if (ret)
		return ret;

	for (i = 0; i < fb->format->num_planes; i++)
		memset(data[i].vaddr, 0, (size_t)fb->pitches[i] * fb->height);	/* expect: IOM003 */

	drm_gem_fb_vunmap(fb, maps);
	return 0;
}
