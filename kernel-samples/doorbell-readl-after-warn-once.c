/*
 * check-name: doorbell page asserted I/O with WARN_ON_ONCE, then readl/writel
 * check-description: "if (WARN_ON_ONCE(!map->is_iomem)) return" leaves the
 *   map I/O, so vaddr_iomem with MMIO accessors is right.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/iosys-map.h>

#define DB_VALUE	0x0
#define DB_ACK		0x8

struct mydrv_doorbell {
	struct iosys_map page;	/* BAR-mapped doorbell page */
	unsigned int index;
};

int mydrv_doorbell_ring(struct mydrv_doorbell *db, u32 value)
{
	size_t off = (size_t)db->index * 16;

	if (WARN_ON_ONCE(!db->page.is_iomem))
		return -ENODEV;

	pr_debug("ring doorbell %u at %p\n", db->index, db->page.vaddr_iomem + off);
	writel(value, db->page.vaddr_iomem + off + DB_VALUE);
	return readl(db->page.vaddr_iomem + off + DB_ACK) == value ? 0 : -EIO;
}
