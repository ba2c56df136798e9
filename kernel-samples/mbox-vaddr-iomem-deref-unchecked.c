/*
 * check-name: mailbox read and written by dereferencing vaddr_iomem of an unchecked map
 * check-description: the parameter may be either kind.  A plain access
 *   through vaddr_iomem is an unchecked access to memory that may be I/O
 *   (IOM002) and a use of the I/O member while the map may be system
 *   memory (IOM004).
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

#define MBOX_SLOT_SIZE	4
#define MBOX_DOORBELL	0x100
#define MBOX_BUSY	BIT(31)

struct mydrv_mbox {
	struct iosys_map map;
	unsigned int nslots;
};

u32 mydrv_mbox_read(struct mydrv_mbox *mbox, unsigned int slot)
{
	volatile u32 *p;

	if (slot >= mbox->nslots)
		return 0;

	p = (volatile u32 __force *)(mbox->map.vaddr_iomem + slot * MBOX_SLOT_SIZE);
	return *p;	/* expect: IOM002, IOM004 */
}

void mydrv_mbox_ring(struct iosys_map *map, u32 value)
{
	*(volatile u32 __force *)(map->vaddr_iomem + MBOX_DOORBELL) = value | MBOX_BUSY;	/* expect: IOM002, IOM004 */
}
