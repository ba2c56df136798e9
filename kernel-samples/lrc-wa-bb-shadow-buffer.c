/*
 * check-name: workaround batch written through a temporary buffer for I/O BOs
 * check-description: idiom I5: cs is a kmalloc buffer when the BO is I/O,
 *   and vaddr + offset (under !is_iomem) otherwise; stores through the join
 *   never touch I/O memory, and the copy back goes through the helper.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/iosys-map.h>

#define MI_LOAD_REGISTER_IMM	0x11000001

struct mydrv_bo {
	struct iosys_map vmap;
};

struct mydrv_lrc {
	struct mydrv_bo *bo;
	size_t wa_offset;
};

int mydrv_lrc_setup_wa(struct mydrv_lrc *lrc, const u32 *regs, const u32 *vals,
		       unsigned int n)
{
	struct iosys_map *map = &lrc->bo->vmap;
	size_t len = (1 + 2 * (size_t)n) * sizeof(u32);
	u32 *buf = NULL, *cs;
	unsigned int i;

	if (map->is_iomem) {
		buf = kmalloc(len, GFP_KERNEL);
		if (!buf)
			return -ENOMEM;
		cs = buf;
	} else {
		cs = map->vaddr + lrc->wa_offset;
	}

	*cs++ = MI_LOAD_REGISTER_IMM | (2 * n - 1);
	for (i = 0; i < n; i++) {
		*cs++ = regs[i];
		*cs++ = vals[i];
	}

	if (buf) {
		iosys_map_memcpy_to(map, lrc->wa_offset, buf, len);
		kfree(buf);
	}
	return 0;
}
