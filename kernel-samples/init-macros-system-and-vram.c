/*
 * check-name: maps declared with the header's initialiser macros
 * check-description: IOSYS_MAP_INIT_VADDR and IOSYS_MAP_INIT_VADDR_IOMEM
 *   expand to designated initialisers in the caller; they are helper code,
 *   so their member stores are not IOM005.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/slab.h>
#include <linux/errno.h>

struct mga_like_dev {
	void __iomem *vram;
	size_t vram_size;
	size_t pitch;
};

int mga_like_fill_line_white(struct mga_like_dev *mdev, unsigned int y)
{
	struct iosys_map dst = IOSYS_MAP_INIT_VADDR_IOMEM(mdev->vram);
	void *line = kzalloc(mdev->pitch, GFP_KERNEL);
	struct iosys_map src = IOSYS_MAP_INIT_VADDR(line);

	if (!line)
		return -ENOMEM;
	if ((y + 1) * mdev->pitch > mdev->vram_size)
		goto out;

	iosys_map_memset(&src, 0, 0xff, mdev->pitch);
	iosys_map_incr(&dst, y * mdev->pitch);
	iosys_map_memcpy_to(&dst, 0, line, mdev->pitch);
out:
	kfree(line);
	return 0;
}
