/*
 * check-name: command emission rebuilds a ring map at an offset as system
 * check-description: the ring map is a parameter and may be VRAM; taking
 *   its vaddr and feeding it to iosys_map_set_vaddr() invents a system map.
 *   The later helper copy then uses plain stores on I/O memory.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/errno.h>

#define MI_NOOP			0x00000000u
#define MI_BATCH_BUFFER_END	0x05000000u

struct ring_ctx {
	u32 tail;
	u32 size;
};

int ring_emit(struct ring_ctx *ring, struct iosys_map *ring_map,
	      const u32 *cmds, unsigned int count)
{
	struct iosys_map tail;
	size_t len = count * sizeof(u32);

	if (ring->tail + len + sizeof(u32) > ring->size)
		return -ENOSPC;

	iosys_map_set_vaddr(&tail, ring_map->vaddr + ring->tail);	/* expect: IOM007 */
	iosys_map_memcpy_to(&tail, 0, cmds, len);
	iosys_map_wr(&tail, len, u32, MI_BATCH_BUFFER_END);

	ring->tail += (u32)len + (u32)sizeof(u32);
	return 0;
}
