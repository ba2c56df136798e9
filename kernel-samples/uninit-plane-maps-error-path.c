/*
 * check-name: error path tests per-plane maps that were never vmapped
 * check-description: allmodconfig shape: the early goto reaches the cleanup
 *   label before drm_gem_fb_vmap() has filled the array; the element read
 *   by iosys_map_is_set() is uninitialised on that path.
 */
#include <linux/ksamples-maybe-uninitialized.h>
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/errno.h>
#include <drm/drm_gem_framebuffer_helper.h>

struct snapshot {
	struct drm_framebuffer *fb;
	void *dst;
	size_t len;
};

int snapshot_capture(struct snapshot *snap)
{
	struct iosys_map map[DRM_FORMAT_MAX_PLANES];
	struct iosys_map data[DRM_FORMAT_MAX_PLANES];
	int ret = -EINVAL;

	if (!snap->fb || !snap->dst)
		goto out;

	ret = drm_gem_fb_vmap(snap->fb, map, data);
	if (ret)
		return ret;

	iosys_map_memcpy_from(snap->dst, &data[0], 0, snap->len);
	ret = 0;
out:
	if (iosys_map_is_set(&map[0]))	/* expect: IOM008 */
		drm_gem_fb_vunmap(snap->fb, map);
	return ret;
}
