/*
 * check-name: VRAM-only BO asserted I/O, then read with plain loads
 * check-description: after "if (WARN_ON(!map->is_iomem)) return" the map
 *   is I/O; the status words are then read through vaddr as if it were
 *   system memory.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

#define FW_STATUS	0x00
#define FW_ERROR	0x04

struct mydrv_fw_bo {
	struct iosys_map map;	/* always placed in VRAM */
	u32 last_status;
};

int mydrv_fw_poll(struct mydrv_fw_bo *fw)
{
	const u32 *regs;
	u32 status, err;

	if (WARN_ON(!fw->map.is_iomem))
		return -EINVAL;

	regs = fw->map.vaddr;
	status = regs[FW_STATUS / 4];	/* expect: IOM001 */
	err = regs[FW_ERROR / 4];	/* expect: IOM001 */

	fw->last_status = status;
	if (err)
		return -EIO;
	return status & 1 ? 0 : -EAGAIN;
}
