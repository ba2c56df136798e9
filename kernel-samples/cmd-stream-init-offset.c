/*
 * check-name: command emission takes an offset copy of the ring map
 * check-description: idiom I7: IOSYS_MAP_INIT_OFFSET() copies the flag
 *   with the address, so the tail map keeps the ring's memory kind.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/errno.h>

#define MI_BATCH_BUFFER_END	0x05000000u

struct ring_ctx {
	u32 tail;
	u32 size;
};

int ring_emit(struct ring_ctx *ring, struct iosys_map *ring_map,
	      const u32 *cmds, unsigned int count)
{
	struct iosys_map tail = IOSYS_MAP_INIT_OFFSET(ring_map, ring->tail);
	size_t len = count * sizeof(u32);

	if (ring->tail + len + sizeof(u32) > ring->size)
		return -ENOSPC;

	iosys_map_memcpy_to(&tail, 0, cmds, len);
	iosys_map_wr(&tail, len, u32, MI_BATCH_BUFFER_END);

	ring->tail += (u32)len + (u32)sizeof(u32);
	return 0;
}
