/*
 * check-name: READ_ONCE/WRITE_ONCE through vaddr_iomem in the I/O branch
 * check-description: a volatile access is still a plain load or store; on
 *   the is_iomem side it must be readl/writel.  No IOM004: the flag is true.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

#define RING_HEAD	0x0
#define RING_TAIL	0x4

struct mydrv_ring {
	struct iosys_map ctl;	/* head/tail page */
};

u32 mydrv_ring_get_head(struct mydrv_ring *ring)
{
	if (ring->ctl.is_iomem)
		return READ_ONCE(*(u32 __force *)(ring->ctl.vaddr_iomem + RING_HEAD));	/* expect: IOM001 */

	return READ_ONCE(*(u32 *)(ring->ctl.vaddr + RING_HEAD));
}

void mydrv_ring_set_tail(struct mydrv_ring *ring, u32 tail)
{
	if (!ring->ctl.is_iomem) {
		WRITE_ONCE(*(u32 *)(ring->ctl.vaddr + RING_TAIL), tail);
		return;
	}
	WRITE_ONCE(*(u32 __force *)(ring->ctl.vaddr_iomem + RING_TAIL), tail);	/* expect: IOM001 */
}
