/*
 * check-name: clearing a never-initialised local map
 * check-description: allmodconfig shape: with -ftrivial-auto-var-init=pattern
 *   the local is filled with a non-zero pattern, which is still not a
 *   valid initialisation: iosys_map_clear() reads is_iomem to choose the
 *   member to clear.
 */
#include <linux/ksamples-maybe-uninitialized.h>
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/errno.h>

struct overlay_plane {
	struct iosys_map map;
	u32 format;
	bool enabled;
};

int overlay_plane_disable(struct overlay_plane *ov)
{
	struct iosys_map map;

	if (!ov->enabled)
		return -EINVAL;

	iosys_map_clear(&map);	/* expect: IOM008 */
	ov->map = map;
	ov->format = 0;
	ov->enabled = false;
	return 0;
}
