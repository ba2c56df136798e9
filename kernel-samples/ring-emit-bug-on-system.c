/*
 * check-name: ring emission after BUG_ON on is_iomem
 * check-description: idiom I2 with BUG_ON: the ring buffer is required to be
 *   system memory; after the assertion the dwords are stored directly.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

struct mydrv_ring {
	struct iosys_map vmap;
	u32 tail;	/* bytes */
	u32 size;	/* bytes, power of two */
};

#define MI_NOOP		0x00000000
#define MI_BATCH_END	0x05000000

void mydrv_ring_emit(struct mydrv_ring *ring, const u32 *dw, unsigned int count)
{
	u32 *cs;
	unsigned int i;

	BUG_ON(ring->vmap.is_iomem);

	cs = ring->vmap.vaddr + ring->tail;
	for (i = 0; i < count; i++)
		cs[i] = dw[i];
	if (count & 1)
		cs[count++] = MI_NOOP;

	ring->tail = (ring->tail + count * 4) & (ring->size - 1);
}

void mydrv_ring_end(struct mydrv_ring *ring)
{
	static const u32 end[2] = { MI_BATCH_END, MI_NOOP };

	mydrv_ring_emit(ring, end, 2);
}
