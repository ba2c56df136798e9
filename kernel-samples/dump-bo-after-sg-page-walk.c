/*
 * check-name: crash dump copies a BO after walking its scatter-gather pages
 * check-description: the page walk's header is an init call and a condition
 *   call with no increment (for_each_sgtable_page), or a condition call alone;
 *   the code after such a loop runs.  A BO mapped by drm_gem_vmap_unlocked()
 *   may be VRAM: copying it out with memcpy() from vaddr is the bug,
 *   iosys_map_memcpy_from() the idiom.
 */
#include <linux/types.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/scatterlist.h>
#include <linux/iosys-map.h>
#include <drm/drm_gem.h>

struct mydrv_dump_bo {
	struct drm_gem_object base;
	struct sg_table *sgt;
	size_t size;
};

#define mydrv_for_each_left(piter) for (; __sg_page_iter_next(piter);)

int mydrv_dump_bo_raw(struct mydrv_dump_bo *bo, u64 *pages, void *out)
{
	struct sg_page_iter page_iter;
	struct iosys_map map;
	void *vaddr;
	int ret;

	ret = drm_gem_vmap_unlocked(&bo->base, &map);
	if (ret)
		return ret;

	for_each_sgtable_page(bo->sgt, &page_iter, 0)
		*pages++ = page_to_phys(sg_page_iter_page(&page_iter));

	vaddr = map.vaddr;
	memcpy(out, vaddr, bo->size);	/* expect: IOM003 */

	drm_gem_vunmap_unlocked(&bo->base, &map);
	return 0;
}

int mydrv_dump_bo_rest(struct mydrv_dump_bo *bo, struct sg_page_iter *it, u64 *pages, void *out)
{
	struct iosys_map map;
	int ret;

	ret = drm_gem_vmap_unlocked(&bo->base, &map);
	if (ret)
		return ret;

	mydrv_for_each_left(it)
		*pages++ = page_to_phys(sg_page_iter_page(it));

	memcpy(out, map.vaddr, bo->size);	/* expect: IOM003 */

	drm_gem_vunmap_unlocked(&bo->base, &map);
	return 0;
}

int mydrv_dump_bo(struct mydrv_dump_bo *bo, u64 *pages, void *out)
{
	struct sg_page_iter page_iter;
	struct iosys_map map;
	int ret;

	ret = drm_gem_vmap_unlocked(&bo->base, &map);
	if (ret)
		return ret;

	for_each_sgtable_page(bo->sgt, &page_iter, 0)
		*pages++ = page_to_phys(sg_page_iter_page(&page_iter));

	iosys_map_memcpy_from(out, &map, 0, bo->size);

	drm_gem_vunmap_unlocked(&bo->base, &map);
	return 0;
}
