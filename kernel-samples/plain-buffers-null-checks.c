/*
 * check-name: NULL tests of plain buffers next to a map
 * check-description: the kmalloc'ed staging buffer and the fbdev
 *   screen_buffer are not map members; testing them is fine. The map is
 *   checked with iosys_map_is_set().
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/fb.h>
#include <linux/slab.h>
#include <linux/errno.h>

struct fbdev_stage {
	struct fb_info *info;
	struct iosys_map dst;
	void *staging;
	size_t size;
};

int fbdev_stage_flush(struct fbdev_stage *st)
{
	if (!st->info || !st->info->screen_buffer)
		return -ENODEV;
	if (!iosys_map_is_set(&st->dst))
		return -ENODEV;

	if (!st->staging) {
		st->staging = kmalloc(st->size, GFP_KERNEL);
		if (!st->staging)
			return -ENOMEM;
	}

	iosys_map_memcpy_from(st->staging, &st->dst, 0, st->size);
	return 0;
}
