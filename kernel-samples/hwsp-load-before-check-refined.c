/*
 * check-name: pointer loaded from vaddr before the is_iomem test
 * check-description: a derived pointer keeps the link to its map; the
 *   later early return on is_iomem refines it too, because the map is not
 *   written in between.  The stores are therefore system-memory stores.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

struct mydrv_hwsp {
	struct iosys_map map;
	unsigned int slots;
};

int mydrv_hwsp_reset(struct mydrv_hwsp *hwsp, u32 seqno)
{
	u32 *slot = hwsp->map.vaddr;
	unsigned int i;

	if (!hwsp->slots)
		return 0;

	if (hwsp->map.is_iomem)
		return -EOPNOTSUPP;

	for (i = 0; i < hwsp->slots; i++)
		slot[i * 16] = seqno;
	return 0;
}

u32 mydrv_hwsp_peek(struct mydrv_hwsp *hwsp, unsigned int idx)
{
	const u32 *slot = hwsp->map.vaddr;

	if (WARN_ON(hwsp->map.is_iomem) || idx >= hwsp->slots)
		return 0;
	return READ_ONCE(slot[idx * 16]);
}
