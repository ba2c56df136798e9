/*
 * check-name: inside the system branch the map is rebuilt as I/O memory
 * check-description: the source is known to be system memory here, and
 *   its vaddr is turned into an I/O map with a __force cast.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/errno.h>

struct ctb_desc {
	struct iosys_map desc;
	struct iosys_map cmds;
};

int ctb_bind(struct ctb_desc *ctb, struct iosys_map *blob, size_t desc_off, size_t cmds_off)
{
	if (!blob->is_iomem) {
		iosys_map_set_vaddr(&ctb->desc, blob->vaddr + desc_off);
		iosys_map_set_vaddr_iomem(&ctb->cmds, (void __force __iomem *)(blob->vaddr + cmds_off));	/* expect: IOM007 */
		return 0;
	}

	iosys_map_set_vaddr_iomem(&ctb->desc, blob->vaddr_iomem + desc_off);
	iosys_map_set_vaddr_iomem(&ctb->cmds, blob->vaddr_iomem + cmds_off);
	return 0;
}

void ctb_reset(struct ctb_desc *ctb)
{
	iosys_map_memset(&ctb->desc, 0, 0, 64);
}
