/*
 * check-name: a shmem driver's declaration, for the files of its folder
 * check-description: the struct drm_driver of a small USB panel driver takes
 *   its PRIME import from the shmem helpers: its buffers are shmem objects,
 *   whose vmap gives system memory (rules/drm.rules).  Nothing to report
 *   here; usbpanel-plane.c is checked with this file's facts.
 */
#include <linux/types.h>
#include <drm/drm_drv.h>

const struct drm_driver usbpanel_driver = {
	.name = "usbpanel",
	.gem_prime_import_sg_table = drm_gem_shmem_prime_import_sg_table,
	.dumb_create = drm_gem_shmem_dumb_create,
};
