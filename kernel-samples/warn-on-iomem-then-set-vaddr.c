/*
 * check-name: WARN_ON rules out I/O memory before a system re-wrap
 * check-description: idiom I2: the early return under WARN_ON(is_iomem)
 *   leaves the source system memory, so wrapping its vaddr with
 *   iosys_map_set_vaddr() is consistent.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/bug.h>
#include <linux/errno.h>

struct oa_buffer {
	struct iosys_map report;
	u32 head;
	u32 size;
};

int oa_buffer_bind(struct oa_buffer *oa, struct iosys_map *bo_map, u32 size)
{
	if (WARN_ON(bo_map->is_iomem))
		return -EIO;

	iosys_map_set_vaddr(&oa->report, bo_map->vaddr);
	oa->head = 0;
	oa->size = size;
	return 0;
}

u32 oa_buffer_read_report_id(struct oa_buffer *oa)
{
	return iosys_map_rd(&oa->report, oa->head, u32);
}
