/*
 * check-name: guards written as is_iomem != 0 and is_iomem == 0
 * check-description: comparisons of the flag with 0 split the state like a
 *   truth test.  The 8-byte memcpy (a load) happens on a system map only.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

struct mydrv_oa_buffer {
	struct iosys_map vmap;
	u32 head;
	u32 size;
};

int mydrv_oa_read_report(struct mydrv_oa_buffer *oa, u64 *report)
{
	if (oa->vmap.is_iomem != 0)
		return -EOPNOTSUPP;

	memcpy(report, oa->vmap.vaddr + oa->head, sizeof(*report));
	oa->head = (oa->head + 8) % oa->size;
	return 0;
}

void *mydrv_oa_cpu_ptr(struct mydrv_oa_buffer *oa)
{
	if (oa->vmap.is_iomem == 0)
		return oa->vmap.vaddr;
	return NULL;
}
