/*
 * check-name: producers outside the map API with the matching set helper
 * check-description: ioremap/ioremap_wc memory set with set_vaddr_iomem,
 *   kzalloc/vmalloc/page_address/kmap_local_page memory set with set_vaddr:
 *   every label is right, nothing is reported.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/highmem.h>
#include <linux/iosys-map.h>

void mydev_maps(phys_addr_t base, struct page *pg, struct iosys_map *m)
{
	iosys_map_set_vaddr_iomem(&m[0], ioremap_wc(base, 4096));
	iosys_map_set_vaddr_iomem(&m[1], ioremap(base + 4096, 4096));
	iosys_map_set_vaddr(&m[2], kzalloc(64, GFP_KERNEL));
	iosys_map_set_vaddr(&m[3], vmalloc(8192));
	iosys_map_set_vaddr(&m[4], page_address(pg));
	iosys_map_set_vaddr(&m[5], kmap_local_page(pg));
}
