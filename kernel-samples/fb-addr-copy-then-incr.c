/*
 * check-name: plane update copies the framebuffer map and moves the copy
 * check-description: idiom I7: `struct iosys_map dst = sysfb->fb_addr;`
 *   then iosys_map_incr() on the local copy; the flag travels with the
 *   struct copy.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>

struct sysfb_dev {
	struct iosys_map fb_addr;
	unsigned int fb_pitch;
	unsigned int fb_cpp;
};

struct clip_rect {
	int x1, y1, x2, y2;
};

void sysfb_blit_rect(struct sysfb_dev *sysfb, const struct clip_rect *clip,
		     const u8 *src, unsigned int src_pitch)
{
	struct iosys_map dst = sysfb->fb_addr;
	size_t len = (size_t)(clip->x2 - clip->x1) * sysfb->fb_cpp;
	int y;

	iosys_map_incr(&dst, (size_t)clip->y1 * sysfb->fb_pitch +
			     (size_t)clip->x1 * sysfb->fb_cpp);
	for (y = clip->y1; y < clip->y2; y++) {
		iosys_map_memcpy_to(&dst, 0, src, len);
		iosys_map_incr(&dst, sysfb->fb_pitch);
		src += src_pitch;
	}
}
