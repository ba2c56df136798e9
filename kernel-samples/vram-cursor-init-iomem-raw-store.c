/*
 * check-name: cursor image stored through vaddr of a VRAM map built with IOSYS_MAP_INIT_VADDR_IOMEM
 * check-description: the map is I/O by construction (idiom I3), yet the
 *   cursor loop stores through the system member with plain stores.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

#define MYDRV_CURSOR_SIZE	64

struct mydrv_device {
	void __iomem *vram;
	size_t cursor_offset;
};

void mydrv_cursor_upload(struct mydrv_device *mdev, const u32 *argb,
			 unsigned int width, unsigned int height)
{
	struct iosys_map dst = IOSYS_MAP_INIT_VADDR_IOMEM(mdev->vram + mdev->cursor_offset);
	unsigned int x, y;

	for (y = 0; y < MYDRV_CURSOR_SIZE; y++) {
		u32 *line = dst.vaddr + y * MYDRV_CURSOR_SIZE * 4;

		for (x = 0; x < MYDRV_CURSOR_SIZE; x++) {
			u32 pix = 0;

			if (x < width && y < height)
				pix = argb[y * width + x];
			line[x] = pix;	/* expect: IOM001 */
		}
	}
}
