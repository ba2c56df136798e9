/*
 * check-name: ring vaddr handed to a driver fill routine without a test
 * check-description: mydrv_fill_nops() writes with plain stores; passing it
 *   the system member of a map that may be I/O is an escape (IOM003).
 *   Passing the map itself would not be a finding.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

#define MI_NOOP	0

struct mydrv_ring {
	struct iosys_map vmap;
	u32 tail;
	u32 size;
};

static void mydrv_fill_nops(u32 *cs, unsigned int count)
{
	while (count--)
		*cs++ = MI_NOOP;
}

void mydrv_ring_pad(struct mydrv_ring *ring, unsigned int align)
{
	unsigned int rem = (ring->tail / 4) % align;

	if (!rem)
		return;

	mydrv_fill_nops(ring->vmap.vaddr + ring->tail, align - rem);	/* expect: IOM003 */
	ring->tail = (ring->tail + (align - rem) * 4) & (ring->size - 1);
}
