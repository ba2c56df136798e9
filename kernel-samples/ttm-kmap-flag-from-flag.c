/*
 * check-name: kmap result converted with the set helpers chosen by its flag
 * check-description: idiom I10: the memory kind comes from a plain bool
 *   filled by ttm_kmap_obj_virtual(), not from another map; the __force
 *   cast on the I/O side is the normal spelling.
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
	if (is_iomem)
		iosys_map_set_vaddr_iomem(&gbo->map, (void __force __iomem *)virt);
	else
		iosys_map_set_vaddr(&gbo->map, virt);
	return 0;
}

u32 gart_bo_peek(struct gart_bo *gbo, size_t off)
{
	return iosys_map_rd(&gbo->map, off, u32);
}
