/*
 * check-name: per-plane loop stores through maps[i].vaddr
 * check-description: an array indexed by a variable is one summary
 *   location, unknown at entry; every plane may be I/O.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>
#include <drm/drm_framebuffer.h>

#define MYDRV_CANARY	0xdeadbeef

void mydrv_fb_mark_planes(struct iosys_map *maps, const struct drm_framebuffer *fb)
{
	unsigned int i;

	for (i = 0; i < fb->format->num_planes; i++) {
		size_t last = (size_t)fb->pitches[i] * fb->height - sizeof(u32);
		u32 *first = maps[i].vaddr;

		first[0] = MYDRV_CANARY;	/* expect: IOM002 */
		*(u32 *)(maps[i].vaddr + last) = MYDRV_CANARY;	/* expect: IOM002 */
	}
}

bool mydrv_fb_check_planes(const struct iosys_map *maps, const struct drm_framebuffer *fb)
{
	unsigned int i;

	for (i = 0; i < fb->format->num_planes; i++) {
		const u32 *first = maps[i].vaddr;

		if (first[0] != MYDRV_CANARY)	/* expect: IOM002 */
			return false;
	}
	return true;
}
