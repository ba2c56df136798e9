/*
 * check-name: readl/writel on vaddr_iomem of a map parameter that was never tested
 * check-description: the accessors are right for I/O memory, but nothing
 *   says this map is I/O: for a system map vaddr_iomem is not an MMIO
 *   address.  Using the I/O member while is_iomem may be false is IOM004.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/iosys-map.h>

#define CTB_HEAD	0x00
#define CTB_TAIL	0x04
#define CTB_STATUS	0x08

struct mydrv_ctb {
	struct iosys_map desc;
	u32 size;
};

u32 mydrv_ctb_read_head(struct iosys_map *desc)
{
	return readl(desc->vaddr_iomem + CTB_HEAD);	/* expect: IOM004 */
}

void mydrv_ctb_update_tail(struct mydrv_ctb *ctb, u32 tail)
{
	if (tail >= ctb->size)
		return;
	writel(tail, ctb->desc.vaddr_iomem + CTB_TAIL);	/* expect: IOM004 */
}

bool mydrv_ctb_broken(struct mydrv_ctb *ctb)
{
	return ioread32(ctb->desc.vaddr_iomem + CTB_STATUS) != 0;	/* expect: IOM004 */
}
