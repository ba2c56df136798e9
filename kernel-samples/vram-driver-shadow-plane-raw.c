/*
 * check-name: a VRAM driver's plane update reads its shadow plane through vaddr
 * check-description: the file declares its own struct drm_driver, whose
 *   PRIME import is the VRAM helpers': its buffers may be I/O memory, so the
 *   shadow plane's data[0] handed to a static worker that reads vaddr is
 *   reported.  The same driver with the shmem import is silent
 *   (shmem-driver-shadow-plane-own-decl.c).
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <drm/drm_drv.h>
#include <drm/drm_gem_atomic_helper.h>

int vrampanel2_send(const void *pixels, size_t len);

static int vrampanel2_flush(const struct iosys_map *src, size_t len)
{
	return vrampanel2_send(src->vaddr, len);	/* expect: IOM003 */
}

int vrampanel2_plane_update(struct drm_shadow_plane_state *shadow, size_t len)
{
	return vrampanel2_flush(&shadow->data[0], len);
}

const struct drm_driver vrampanel2_driver = {
	.name = "vrampanel2",
	.gem_prime_import_sg_table = drm_gem_vram_prime_import_sg_table,
};
