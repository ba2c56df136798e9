/*
 * check-name: a VRAM driver's declaration in the folder of a shmem driver
 * check-description: its PRIME import is not one of the shmem or DMA helpers
 *   (the rules do not know it): its buffers may be I/O memory.  A folder
 *   whose drivers do not all say system memory gives no fact to its files
 *   (mixedpanel-plane.c).  Nothing to report here.
 */
#include <linux/types.h>
#include <drm/drm_drv.h>

const struct drm_driver vrampanel_driver = {
	.name = "vrampanel",
	.gem_prime_import_sg_table = drm_gem_vram_prime_import_sg_table,
};
