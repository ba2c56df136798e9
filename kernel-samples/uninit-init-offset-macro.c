/*
 * check-name: IOSYS_MAP_INIT_OFFSET of a local the getter may not have filled
 * check-description: without a context BO the base map is never written,
 *   and the offset copy reads its flag (through iosys_map_incr). The
 *   finding is on the macro line; the copy is then handed to a driver
 *   function, which reads nothing here.
 */
#include <linux/ksamples-maybe-uninitialized.h>
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/errno.h>

struct ctx_bo;
int ctx_bo_get_map(struct ctx_bo *bo, struct iosys_map *map);
int ctx_ring_write_header(struct iosys_map *ring, size_t ring_size);

#define CTX_RING_OFFSET	0x2000u

int ctx_ring_reset(struct ctx_bo *bo, size_t ring_size)
{
	struct iosys_map base;
	struct iosys_map ring;
	int ret;

	if (bo) {
		ret = ctx_bo_get_map(bo, &base);
		if (ret)
			return ret;
	}

	ring = IOSYS_MAP_INIT_OFFSET(&base, CTX_RING_OFFSET);	/* expect: IOM008 */
	return ctx_ring_write_header(&ring, ring_size);
}
