/*
 * check-name: teardown resets the map by writing NULL and false by hand
 * check-description: the release itself branches on the flag correctly
 *   (idiom I11); the reset afterwards open-codes iosys_map_clear().
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/io.h>
#include <linux/vmalloc.h>

struct scanout_buf {
	struct iosys_map map;
	unsigned int pin_count;
};

void scanout_buf_unmap(struct scanout_buf *sb)
{
	struct iosys_map *map = &sb->map;

	if (iosys_map_is_null(map))
		return;

	if (map->is_iomem)
		iounmap(map->vaddr_iomem);
	else
		vunmap(map->vaddr);

	map->vaddr = NULL;	/* expect: IOM005 */
	map->is_iomem = false;	/* expect: IOM005 */
	sb->pin_count = 0;
}
