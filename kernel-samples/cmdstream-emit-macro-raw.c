/*
 * check-name: OUT_RING-style macro hides a raw store through vaddr
 * check-description: the ring BO may be VRAM; every use of the macro
 *   stores through ring->map.vaddr without a test.  The finding is on the
 *   line where the macro is used.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

struct mydrv_ring {
	struct iosys_map map;
	u32 tail;	/* bytes */
	u32 mask;
};

#define OUT_RING(ring, val) do {					\
	*(u32 *)((ring)->map.vaddr + (ring)->tail) = (val);		\
	(ring)->tail = ((ring)->tail + 4) & (ring)->mask;		\
} while (0)

#define CMD_FENCE	0x7a000004
#define CMD_IRQ		0x01000000

void mydrv_emit_fence(struct mydrv_ring *ring, u64 addr, u32 seqno)
{
	OUT_RING(ring, CMD_FENCE);	/* expect: IOM002 */
	OUT_RING(ring, lower_32_bits(addr));	/* expect: IOM002 */
	OUT_RING(ring, upper_32_bits(addr));	/* expect: IOM002 */
	OUT_RING(ring, seqno);	/* expect: IOM002 */
}

void mydrv_emit_irq(struct mydrv_ring *ring)
{
	OUT_RING(ring, CMD_IRQ);	/* expect: IOM002 */
}
