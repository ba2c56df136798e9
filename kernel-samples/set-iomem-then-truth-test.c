/*
 * check-name: a freshly set I/O map is tested with its member as a bool
 * check-description: the map is known to be I/O memory; the member test is
 *   still decoding by hand and is reported. The accesses are through
 *   helpers.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/io.h>
#include <linux/errno.h>

struct doorbell_page {
	phys_addr_t phys;
	struct iosys_map map;
};

int doorbell_page_map(struct doorbell_page *db)
{
	struct iosys_map m;

	iosys_map_set_vaddr_iomem(&m, ioremap(db->phys, 4096));
	if (m.vaddr_iomem) {	/* expect: IOM006 */
		iosys_map_wr(&m, 0, u32, 0u);
		db->map = m;
		return 0;
	}
	return -ENOMEM;
}
