/*
 * check-name: map set with set_vaddr, then passed to a driver function, then used raw
 * check-description: mydrv_pin_and_map() receives &map and may move the
 *   buffer to VRAM; after the call the map may be I/O, so the raw stores
 *   through map.vaddr are unchecked accesses.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

struct mydrv_device {
	void *splash_sysmem;
	size_t splash_size;
};

extern int mydrv_pin_and_map(struct mydrv_device *mdev, struct iosys_map *map);

int mydrv_load_splash(struct mydrv_device *mdev, const u32 *logo, size_t npix)
{
	struct iosys_map map;
	u32 *dst;
	size_t i;
	int ret;

	if (npix * sizeof(u32) > mdev->splash_size)
		return -E2BIG;

	iosys_map_set_vaddr(&map, mdev->splash_sysmem);
	ret = mydrv_pin_and_map(mdev, &map);
	if (ret)
		return ret;

	dst = map.vaddr;
	for (i = 0; i < npix; i++)
		dst[i] = logo[i];	/* expect: IOM002 */

	return 0;
}
