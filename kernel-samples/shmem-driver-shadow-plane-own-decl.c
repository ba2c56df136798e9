/*
 * check-name: a shmem driver's plane update reads its shadow plane through vaddr
 * check-description: the file declares its own struct drm_driver, whose
 *   PRIME import is the shmem helpers': its buffers are system memory, and so
 *   is the shadow plane's data[0] that a static worker reads through vaddr.
 *   Silent.  With the VRAM import it is reported
 *   (vram-driver-shadow-plane-raw.c).
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <drm/drm_drv.h>
#include <drm/drm_gem_atomic_helper.h>

int shmpanel_send(const void *pixels, size_t len);

static int shmpanel_flush(const struct iosys_map *src, size_t len)
{
	return shmpanel_send(src->vaddr, len);
}

int shmpanel_plane_update(struct drm_shadow_plane_state *shadow, size_t len)
{
	return shmpanel_flush(&shadow->data[0], len);
}

const struct drm_driver shmpanel_driver = {
	.name = "shmpanel",
	.gem_prime_import_sg_table = drm_gem_shmem_prime_import_sg_table,
};
