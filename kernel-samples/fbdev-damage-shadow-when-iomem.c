/*
 * check-name: fbdev draws into a shadow buffer only when the scanout map is I/O
 * check-description: idiom I5: the drawing pointer is vmalloc'ed memory
 *   when the buffer is I/O and the buffer's own vaddr otherwise; damage is
 *   copied back with iosys_map_memcpy_to only when there is a shadow.
 */
#include <linux/kernel.h>
#include <linux/vmalloc.h>
#include <linux/iosys-map.h>

struct mydrv_fbdev {
	struct iosys_map map;	/* scanout buffer */
	void *shadow;		/* NULL unless map is I/O */
	u8 *draw;		/* what the console draws into */
	size_t size;
	unsigned int pitch;
};

int mydrv_fbdev_init_draw(struct mydrv_fbdev *fbdev)
{
	if (fbdev->map.is_iomem) {
		fbdev->shadow = vzalloc(fbdev->size);
		if (!fbdev->shadow)
			return -ENOMEM;
		fbdev->draw = fbdev->shadow;
	} else {
		fbdev->shadow = NULL;
		fbdev->draw = fbdev->map.vaddr;
	}
	return 0;
}

void mydrv_fbdev_flush_lines(struct mydrv_fbdev *fbdev, unsigned int y1,
			     unsigned int y2)
{
	size_t off = (size_t)y1 * fbdev->pitch;

	if (!fbdev->shadow)
		return;
	iosys_map_memcpy_to(&fbdev->map, off, fbdev->shadow + off,
			    (size_t)(y2 - y1) * fbdev->pitch);
}
