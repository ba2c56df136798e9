/*
 * check-name: single pixel copied with memcpy(4) into a map set to VRAM
 * check-description: after iosys_map_set_vaddr_iomem the map is I/O; a
 *   4-byte memcpy becomes a plain 32-bit store through vaddr.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

struct mycirrus_device {
	void __iomem *vram;
	unsigned int pitch;
};

void mycirrus_put_pixels(struct mycirrus_device *cirrus, const u32 *xy,
			 const u32 *colors, unsigned int n)
{
	struct iosys_map dst;
	unsigned int i;

	iosys_map_set_vaddr_iomem(&dst, cirrus->vram);

	for (i = 0; i < n; i++) {
		size_t off = (size_t)(xy[i] >> 16) * cirrus->pitch + (xy[i] & 0xffff) * 4;

		iosys_map_memcpy_to(&dst, off, &colors[i], sizeof(u32));	/* expect: IOM001 */
	}
}

u32 mycirrus_get_pixel(struct mycirrus_device *cirrus, unsigned int x, unsigned int y)
{
	struct iosys_map src;
	u32 pix;

	iosys_map_set_vaddr_iomem(&src, cirrus->vram);
	iosys_map_memcpy_from(&pix, &src, (size_t)y * cirrus->pitch + x * 4, sizeof(pix));	/* expect: IOM001 */
	return pix;
}
