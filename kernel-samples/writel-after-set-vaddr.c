/*
 * check-name: writel to vaddr_iomem of a map that was set to system memory
 * check-description: the status page lives in a kzalloc buffer and the
 *   map was set with iosys_map_set_vaddr; writel/readl on vaddr_iomem use
 *   the I/O member of a system map (IOM004).
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/slab.h>
#include <linux/iosys-map.h>

#define STATUS_SEQNO	0x00
#define STATUS_FLAGS	0x04

struct mydrv_status_page {
	struct iosys_map map;
	void *buf;
};

int mydrv_status_page_init(struct mydrv_status_page *sp)
{
	sp->buf = kzalloc(SZ_4K, GFP_KERNEL);
	if (!sp->buf)
		return -ENOMEM;

	iosys_map_set_vaddr(&sp->map, sp->buf);
	writel(0, sp->map.vaddr_iomem + STATUS_SEQNO);	/* expect: IOM004 */
	writel(1, sp->map.vaddr_iomem + STATUS_FLAGS);	/* expect: IOM004 */
	return 0;
}
