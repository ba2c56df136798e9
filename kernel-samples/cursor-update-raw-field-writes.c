/*
 * check-name: cursor update rebuilds the map by writing its fields
 * check-description: the plane keeps a system-memory copy of the cursor
 *   image and points its map at it with raw stores to vaddr and is_iomem
 *   instead of iosys_map_set_vaddr(). Each store is its own IOM005.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/errno.h>
#include <linux/slab.h>

#define CURSOR_BYTES	(64 * 64 * 4)

struct hw_cursor {
	struct iosys_map map;
	void *image;
	u32 hot_x, hot_y;
};

int hw_cursor_update(struct hw_cursor *cur, const void *argb, u32 hot_x, u32 hot_y)
{
	if (!cur->image) {
		cur->image = kzalloc(CURSOR_BYTES, GFP_KERNEL);
		if (!cur->image)
			return -ENOMEM;
	}

	cur->map.vaddr = cur->image;	/* expect: IOM005 */
	cur->map.is_iomem = false;	/* expect: IOM005 */

	iosys_map_memcpy_to(&cur->map, 0, argb, CURSOR_BYTES);
	cur->hot_x = hot_x;
	cur->hot_y = hot_y;
	return 0;
}
