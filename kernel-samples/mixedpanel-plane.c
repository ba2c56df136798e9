/*
 * check-name: a plane update in a folder with a shmem and a VRAM driver
 * check-description: the folder declares two drivers, one with shmem
 *   objects (usbpanel-drv.c) and one whose objects may be VRAM
 *   (vrampanel-drv.c): which one this file belongs to is not known, so the
 *   shadow plane's map and drm_gem_vmap()'s stay of unknown kind.
 * check-facts: usbpanel-drv.c, vrampanel-drv.c
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <drm/drm_gem.h>
#include <drm/drm_gem_atomic_helper.h>

int mixedpanel_send(const void *pixels, size_t len);

int mixedpanel_plane_update(struct drm_shadow_plane_state *shadow, size_t len)
{
	return mixedpanel_send(shadow->data[0].vaddr, len);	/* expect: IOM003 */
}

int mixedpanel_cursor(struct drm_gem_object *obj, size_t len)
{
	struct iosys_map map;

	if (drm_gem_vmap(obj, &map))
		return -12;
	return mixedpanel_send(map.vaddr, len);			/* expect: IOM003 */
}
