/*
 * check-name: cursor update uses the shadow plane state's data[0]
 * check-description: idiom I7 with a nested array member:
 *   `struct iosys_map map = shadow_plane_state->data[0];` keeps the flag
 *   that drm_gem_fb_vmap() stored; the pixels are read with the helper.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/errno.h>
#include <drm/drm_gem_atomic_helper.h>

#define CURSOR_W	64u
#define CURSOR_H	64u

struct vbox_like_cursor {
	u8 mask_and_image[CURSOR_W * CURSOR_H * 4 + CURSOR_W * CURSOR_H / 8];
	u32 width, height;
};

int cursor_atomic_update(struct vbox_like_cursor *cur,
			 struct drm_shadow_plane_state *shadow_plane_state,
			 u32 width, u32 height)
{
	struct iosys_map map = shadow_plane_state->data[0];
	size_t len = (size_t)width * height * 4;

	if (width > CURSOR_W || height > CURSOR_H)
		return -EINVAL;
	if (iosys_map_is_null(&map))
		return -ENOMEM;

	iosys_map_memcpy_from(cur->mask_and_image, &map, 0, len);
	if (!iosys_map_is_equal(&shadow_plane_state->map[0], &shadow_plane_state->data[0]))
		iosys_map_memset(&shadow_plane_state->data[0], 0, 0, len);

	cur->width = width;
	cur->height = height;
	return 0;
}
