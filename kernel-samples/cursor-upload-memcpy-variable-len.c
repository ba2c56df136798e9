/*
 * check-name: cursor image copied with memcpy of a run-time length
 * check-description: a memcpy whose length is not a small constant stays a
 *   call, so the map's vaddr escapes to memcpy while the map may be I/O.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>
#include <drm/drm_gem_atomic_helper.h>

struct mydrv_cursor {
	struct iosys_map map;	/* cursor BO, pinned for scanout */
	unsigned int size;	/* square, pixels */
};

void mydrv_cursor_update(struct mydrv_cursor *cursor,
			 struct drm_shadow_plane_state *shadow)
{
	const struct drm_framebuffer *fb = shadow->base.fb;
	const struct iosys_map *src = &shadow->data[0];
	size_t line = (size_t)cursor->size * 4;
	unsigned int y;
	u8 tmp[256];

	if (line > sizeof(tmp) || fb->width > cursor->size)
		return;

	for (y = 0; y < fb->height && y < cursor->size; y++) {
		iosys_map_memcpy_from(tmp, src, (size_t)y * fb->pitches[0], fb->width * 4);
		memset(tmp + fb->width * 4, 0, line - fb->width * 4);
		memcpy(cursor->map.vaddr + y * line, tmp, line);	/* expect: IOM003 */
	}
}
