/*
 * check-name: a shmem driver's plane update reads its shadow plane through vaddr
 * check-description: the driver's struct drm_driver (usbpanel-drv.c, in the
 *   same folder) takes its GEM objects from the shmem helpers, so a shadow
 *   plane's maps and what drm_gem_vmap_unlocked() fills are system memory.
 *   The plane update hands &shadow->data[0] to a static worker that reads
 *   vaddr two calls down: silent.  A map from dma_buf_vmap() (another
 *   driver's buffer) is still reported, and so is a member of another struct.
 *   Every plane drm_gem_fb_vmap() fills is the backend's too.
 * check-facts: usbpanel-drv.c
 */
#include <linux/types.h>
#include <linux/dma-buf.h>
#include <linux/iosys-map.h>
#include <drm/drm_gem.h>
#include <drm/drm_gem_atomic_helper.h>
#include <drm/drm_gem_framebuffer_helper.h>

int usbpanel_send(const void *pixels, size_t len);

static int usbpanel_send_rows(const struct iosys_map *src, size_t len)
{
	return usbpanel_send(src->vaddr, len);
}

static int usbpanel_flush(const struct iosys_map *src, size_t len)
{
	return usbpanel_send_rows(src, len);
}

int usbpanel_plane_update(struct drm_shadow_plane_state *shadow, size_t len)
{
	struct iosys_map first = shadow->data[0];
	const u8 *p = first.vaddr;

	if (p[0] == 0xff)
		return 0;
	return usbpanel_flush(&shadow->data[0], len);
}

int usbpanel_cursor(struct drm_gem_object *obj, size_t len)
{
	struct iosys_map map;
	int ret = drm_gem_vmap_unlocked(obj, &map);

	if (ret)
		return ret;
	return usbpanel_send(map.vaddr, len);
}

int usbpanel_import(struct dma_buf *buf, size_t len)
{
	struct iosys_map map;
	int ret = dma_buf_vmap(buf, &map);

	if (ret)
		return ret;
	return usbpanel_send(map.vaddr, len);		/* expect: IOM003 */
}

struct usbpanel_state {
	struct iosys_map data[2];
};

int usbpanel_other(struct usbpanel_state *st, size_t len)
{
	return usbpanel_send(st->data[0].vaddr, len);	/* expect: IOM003 */
}

int usbpanel_planes(struct drm_framebuffer *fb, size_t len)
{
	struct iosys_map map[4], data[4];
	int ret = drm_gem_fb_vmap(fb, map, data);

	if (ret)
		return ret;
	return usbpanel_send(data[0].vaddr, len) + usbpanel_send(map[1].vaddr, len);
}
