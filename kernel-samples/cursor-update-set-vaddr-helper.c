/*
 * check-name: cursor update points the map at its buffer with the helper
 * check-description: the fixed form of the raw field writes: the shadow
 *   image is attached with iosys_map_set_vaddr() and filled through the map.
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

	iosys_map_set_vaddr(&cur->map, cur->image);
	iosys_map_memcpy_to(&cur->map, 0, argb, CURSOR_BYTES);
	cur->hot_x = hot_x;
	cur->hot_y = hot_y;
	return 0;
}

void hw_cursor_disable(struct hw_cursor *cur)
{
	iosys_map_clear(&cur->map);
	kfree(cur->image);
	cur->image = NULL;
}
