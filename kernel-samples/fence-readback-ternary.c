/*
 * check-name: fence seqno read with a ?: on is_iomem
 * check-description: idiom I1 as a conditional expression: readl on the
 *   I/O arm, READ_ONCE through vaddr on the system arm.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

struct mydrv_fence_ctx {
	struct iosys_map hwsp;	/* hardware status page */
	size_t seqno_offset;
	u32 last_seen;
};

static u32 mydrv_hwsp_read(const struct iosys_map *map, size_t off)
{
	return map->is_iomem ? readl(map->vaddr_iomem + off) :
			       READ_ONCE(*(const u32 *)(map->vaddr + off));
}

bool mydrv_fence_signaled(struct mydrv_fence_ctx *ctx, u32 seqno)
{
	u32 hw = mydrv_hwsp_read(&ctx->hwsp, ctx->seqno_offset);

	ctx->last_seen = hw;
	return (s32)(hw - seqno) >= 0;
}

u32 mydrv_fence_breadcrumb(const struct mydrv_fence_ctx *ctx)
{
	const struct iosys_map *map = &ctx->hwsp;

	return map->is_iomem ? readl(map->vaddr_iomem + ctx->seqno_offset + 4) :
			       READ_ONCE(*(const u32 *)(map->vaddr + ctx->seqno_offset + 4));
}
