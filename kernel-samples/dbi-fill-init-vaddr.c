/*
 * check-name: MIPI DBI fill uses a map built with IOSYS_MAP_INIT_VADDR
 * check-description: idiom I3: the transmit buffer is kmalloc'ed system
 *   memory wrapped in a local map; storing through it and handing its vaddr
 *   to the SPI command function is fine.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>
#include <drm/drm_rect.h>

#define MIPI_DCS_WRITE_MEMORY_START	0x2c

struct mydbi {
	void *tx_buf;		/* kmalloc'ed, large enough for one frame */
	u16 bg_color;
	bool swap_bytes;
};

extern int mydbi_command_buf(struct mydbi *dbi, u8 cmd, u8 *data, size_t len);

int mydbi_fill_rect(struct mydbi *dbi, const struct drm_rect *clip)
{
	struct iosys_map dst = IOSYS_MAP_INIT_VADDR(dbi->tx_buf);
	size_t npix = (size_t)drm_rect_width(clip) * drm_rect_height(clip);
	u16 color = dbi->bg_color;
	u16 *px = dst.vaddr;
	size_t i;

	if (dbi->swap_bytes)
		color = (u16)((color << 8) | (color >> 8));

	for (i = 0; i < npix; i++)
		px[i] = color;

	return mydbi_command_buf(dbi, MIPI_DCS_WRITE_MEMORY_START,
				 dst.vaddr, npix * sizeof(u16));
}
