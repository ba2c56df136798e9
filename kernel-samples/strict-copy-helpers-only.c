/*
 * check-name: strict mode accepts snapshots made with the copy helpers
 * check-description: memcpy_from, memcpy_to, memset and is_null are
 *   functions of the helper header; nothing outside them touches a member.
 * check-enable: IOM010
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/slab.h>
#include <linux/errno.h>

struct ctx_snapshot {
	void *data;
	size_t len;
};

int ctx_snapshot_take(struct ctx_snapshot *snap, const struct iosys_map *ctx, size_t len)
{
	if (iosys_map_is_null(ctx))
		return -ENODEV;

	snap->data = kmalloc(len, GFP_KERNEL);
	if (!snap->data)
		return -ENOMEM;

	iosys_map_memcpy_from(snap->data, ctx, 0, len);
	snap->len = len;
	return 0;
}

void ctx_snapshot_restore(const struct ctx_snapshot *snap, struct iosys_map *ctx, size_t total)
{
	iosys_map_memcpy_to(ctx, 0, snap->data, snap->len);
	if (total > snap->len)
		iosys_map_memset(ctx, snap->len, 0, total - snap->len);
}
