/*
 * check-name: kmap result copied into a map field by field
 * check-description: the TTM kmap pair (virtual address, is_iomem out
 *   parameter) is converted into a map with raw stores. The flag-from-flag
 *   idiom I10 does the same with the two set helpers.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/errno.h>
#include <drm/ttm/ttm_bo.h>

struct gart_bo {
	struct ttm_buffer_object tbo;
	struct ttm_bo_kmap_obj kmap;
	struct iosys_map map;
	unsigned long num_pages;
};

int gart_bo_kmap(struct gart_bo *gbo)
{
	bool is_iomem;
	void *virt;
	int ret;

	ret = ttm_bo_kmap(&gbo->tbo, 0, gbo->num_pages, &gbo->kmap);
	if (ret)
		return ret;

	virt = ttm_kmap_obj_virtual(&gbo->kmap, &is_iomem);
	gbo->map.vaddr = virt;		/* expect: IOM005 */
	gbo->map.is_iomem = is_iomem;	/* expect: IOM005 */
	return 0;
}

void gart_bo_kunmap(struct gart_bo *gbo)
{
	ttm_bo_kunmap(&gbo->kmap);
	iosys_map_clear(&gbo->map);
}
