/*
 * check-name: fast paths guarded by && and || on is_iomem
 * check-description: the true edge of "!is_iomem && cached" and the false
 *   edge of "is_iomem || off >= SZ_4K" both imply system memory.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

void mydrv_load_palette(struct iosys_map *dst, const u32 *lut, size_t n,
			bool cached)
{
	if (!dst->is_iomem && cached) {
		memcpy(dst->vaddr, lut, n * sizeof(*lut));
		return;
	}
	iosys_map_memcpy_to(dst, 0, lut, n * sizeof(*lut));
}

int mydrv_read_status(const struct iosys_map *map, size_t off, u32 *out)
{
	if (map->is_iomem || off >= SZ_4K)
		return -EINVAL;

	*out = *(const u32 *)(map->vaddr + off);
	return 0;
}
