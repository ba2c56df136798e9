/*
 * check-name: TTM kmap iterators: each unmap_local matches its map_local
 * check-description: two iterator tables in one file. The aperture
 *   iterator's map_local maps a page of the I/O window and sets the map
 *   with iosys_map_set_vaddr_iomem(); the page iterator's uses
 *   kmap_local_page() and iosys_map_set_vaddr(). Each unmap_local releases
 *   the member its own map_local set, which is right for the map it gets.
 */
#include <linux/types.h>
#include <linux/mm.h>
#include <linux/highmem.h>
#include <linux/io-mapping.h>
#include <linux/iosys-map.h>
#include <drm/ttm/ttm_kmap_iter.h>

struct aperture_iter {
	struct ttm_kmap_iter base;
	struct io_mapping *iomap;
	unsigned long first_page;
};

struct pages_iter {
	struct ttm_kmap_iter base;
	struct page **pages;
	pgprot_t prot;
};

#define to_aperture_iter(it)	((struct aperture_iter *)(it))
#define to_pages_iter(it)	((struct pages_iter *)(it))

static void aperture_map_local(struct ttm_kmap_iter *iter, struct iosys_map *dmap, pgoff_t i)
{
	struct aperture_iter *ai = to_aperture_iter(iter);
	void __iomem *addr;

	addr = io_mapping_map_local_wc(ai->iomap, (ai->first_page + i) << PAGE_SHIFT);
	iosys_map_set_vaddr_iomem(dmap, addr);
}

static void aperture_unmap_local(struct ttm_kmap_iter *iter, struct iosys_map *map)
{
	io_mapping_unmap_local(map->vaddr_iomem);
}

static void pages_map_local(struct ttm_kmap_iter *iter, struct iosys_map *dmap, pgoff_t i)
{
	struct pages_iter *pi = to_pages_iter(iter);

	iosys_map_set_vaddr(dmap, kmap_local_page_prot(pi->pages[i], pi->prot));
}

static void pages_unmap_local(struct ttm_kmap_iter *iter, struct iosys_map *map)
{
	kunmap_local(map->vaddr);
}

const struct ttm_kmap_iter_ops aperture_iter_ops = {
	.map_local = aperture_map_local,
	.unmap_local = aperture_unmap_local,
	.maps_tt = false,
};

const struct ttm_kmap_iter_ops pages_iter_ops = {
	.map_local = pages_map_local,
	.unmap_local = pages_unmap_local,
	.maps_tt = true,
};
