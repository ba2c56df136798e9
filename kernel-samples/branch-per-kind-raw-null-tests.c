/*
 * check-name: NULL tests inside a correct I/O-or-system branch
 * check-description: IOM006 is flow-insensitive: both raw tests are
 *   reported although each sits on the side where its member is valid.
 *   The accesses themselves follow idiom I1 and are fine.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/io.h>
#include <linux/string.h>

void scratch_clear(struct iosys_map *map, size_t len)
{
	if (map->is_iomem) {
		if (!map->vaddr_iomem)	/* expect: IOM006 */
			return;
		memset_io(map->vaddr_iomem, 0, len);
	} else {
		if (!map->vaddr)	/* expect: IOM006 */
			return;
		memset(map->vaddr, 0, len);
	}
}

void scratch_clear_all(struct iosys_map *maps, unsigned int n, size_t len)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		scratch_clear(&maps[i], len);
}
