/*
 * check-name: format conversion loop tests a local copy of is_iomem
 * check-description: the flag is read once into a const bool before the
 *   loops; each pixel store tests the copy and uses writew or a plain
 *   store.  Testing the copy refines the map like testing the flag.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/iosys-map.h>

static inline u16 xrgb8888_to_rgb565(u32 pix)
{
	return ((pix & 0x00f80000) >> 8) |
	       ((pix & 0x0000fc00) >> 5) |
	       ((pix & 0x000000f8) >> 3);
}

void mydrv_xrgb8888_to_rgb565(struct iosys_map *dst, unsigned int dst_pitch,
			      const void *src, unsigned int src_pitch,
			      unsigned int width, unsigned int height)
{
	const bool io = dst->is_iomem;
	unsigned int x, y;

	for (y = 0; y < height; y++) {
		const u32 *sline = src + (size_t)y * src_pitch;
		size_t off = (size_t)y * dst_pitch;

		for (x = 0; x < width; x++) {
			u16 px = xrgb8888_to_rgb565(sline[x]);

			if (io)
				writew(px, dst->vaddr_iomem + off + x * 2);
			else
				((u16 *)(dst->vaddr + off))[x] = px;
		}
	}
}
