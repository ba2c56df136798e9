/*
 * check-name: sub-buffer map initialised from a BO's vaddr
 * check-description: IOSYS_MAP_INIT_VADDR() is a set-system macro; its
 *   argument comes from bo->vmap, which may be VRAM. The finding is on the
 *   line where the macro is used.
 * check-known-difference: sparse: SSA promotes the local map hwsp, its initialiser is gone (no IOM007)
 */
#include <linux/types.h>
#include <linux/iosys-map.h>

struct lrc_bo {
	struct iosys_map vmap;
	size_t size;
};

#define LRC_PPHWSP_OFFSET	0x1000u
#define LRC_SEQNO_SLOT		0x40u

u32 lrc_read_seqno(struct lrc_bo *bo)
{
	struct iosys_map hwsp = IOSYS_MAP_INIT_VADDR(bo->vmap.vaddr + LRC_PPHWSP_OFFSET);	/* expect: IOM007 */

	return iosys_map_rd(&hwsp, LRC_SEQNO_SLOT, u32);
}

void lrc_reset_seqno(struct lrc_bo *bo)
{
	struct iosys_map hwsp = IOSYS_MAP_INIT_OFFSET(&bo->vmap, LRC_PPHWSP_OFFSET);

	iosys_map_wr(&hwsp, LRC_SEQNO_SLOT, u32, 0u);
}
