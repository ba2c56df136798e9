/*
 * check-name: interrupt source and status maps at offsets of one BO
 * check-description: idiom I7: IOSYS_MAP_INIT_OFFSET(&bo->vmap, OFF) on a
 *   nested member; the new maps take the BO map's kind.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>

#define MEMIRQ_SOURCE_OFFSET	0x400u
#define MEMIRQ_STATUS_OFFSET	0x800u
#define MEMIRQ_PAGE_SIZE	0x1000u

struct irq_bo {
	struct iosys_map vmap;
	size_t size;
};

struct memirq_state {
	struct irq_bo *bo;
	struct iosys_map source;
	struct iosys_map status;
};

void memirq_alloc_pages(struct memirq_state *mi)
{
	mi->source = IOSYS_MAP_INIT_OFFSET(&mi->bo->vmap, MEMIRQ_SOURCE_OFFSET);
	mi->status = IOSYS_MAP_INIT_OFFSET(&mi->bo->vmap, MEMIRQ_STATUS_OFFSET);

	iosys_map_memset(&mi->bo->vmap, 0, 0, MEMIRQ_PAGE_SIZE);
}

u8 memirq_source_pending(struct memirq_state *mi, unsigned int instance)
{
	return iosys_map_rd(&mi->source, instance * 16u, u8);
}
