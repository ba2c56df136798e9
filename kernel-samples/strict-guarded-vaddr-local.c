/*
 * check-name: strict mode reports a guarded vaddr load
 * check-description: after `if (WARN_ON(map->is_iomem)) return -EIO;` the
 *   direct command writes are fine for the default rules (idiom I2); only
 *   the raw member load is IOM010.
 * check-enable: IOM010
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/bug.h>
#include <linux/errno.h>

#define MI_STORE_DWORD_IMM	0x10400002u
#define MI_NOOP			0x00000000u

int emit_store_dword(struct iosys_map *batch, u32 offset, u32 addr, u32 value)
{
	u32 *cs;

	if (WARN_ON(batch->is_iomem))
		return -EIO;

	cs = batch->vaddr + offset;	/* expect: IOM010 */
	*cs++ = MI_STORE_DWORD_IMM;
	*cs++ = addr;
	*cs++ = 0;
	*cs++ = value;
	*cs = MI_NOOP;
	return 0;
}
