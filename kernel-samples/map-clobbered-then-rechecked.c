/*
 * check-name: map passed to a driver function is tested again before raw use
 * check-description: after mydrv_pin_and_map(&map) the state is unknown;
 *   the following test of is_iomem makes each side correct again.
 */
#include <linux/kernel.h>
#include <linux/io.h>
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

	if (map.is_iomem) {
		memcpy_toio(map.vaddr_iomem, logo, npix * sizeof(u32));
		return 0;
	}

	dst = map.vaddr;
	for (i = 0; i < npix; i++)
		dst[i] = logo[i];

	return 0;
}
