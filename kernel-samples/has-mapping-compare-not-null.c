/*
 * check-name: a predicate returns whether the BO's vaddr is non-NULL
 * check-description: the comparison result, not the pointer, is returned,
 *   so only the hand-written NULL test is reported.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>

struct ring_bo {
	struct iosys_map vmap;
	size_t size;
	u32 head, tail;
};

bool ring_bo_is_mapped(const struct ring_bo *bo)
{
	return bo->vmap.vaddr != NULL;	/* expect: IOM006 */
}

u32 ring_bo_space(const struct ring_bo *bo)
{
	if (!ring_bo_is_mapped(bo))
		return 0;
	if (bo->tail >= bo->head)
		return (u32)bo->size - (bo->tail - bo->head);
	return bo->head - bo->tail;
}
