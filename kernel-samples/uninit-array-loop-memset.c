/*
 * check-name: plane maps cleared in a loop before they are looked up
 * check-description: allmodconfig shape: the array elements are read through
 *   a variable index (one summary location) before any write.
 */
#include <linux/ksamples-maybe-uninitialized.h>
#include <linux/types.h>
#include <linux/iosys-map.h>

struct plane_lookup {
	unsigned int num_planes;
	size_t plane_size[4];
};

void plane_get_maps(struct plane_lookup *pl, struct iosys_map *maps);

void plane_scrub(struct plane_lookup *pl)
{
	struct iosys_map maps[4];
	unsigned int i;

	for (i = 0; i < pl->num_planes && i < 4; i++)
		iosys_map_memset(&maps[i], 0, 0, pl->plane_size[i]);	/* expect: IOM008 */

	plane_get_maps(pl, maps);
}
