/*
 * check-name: GuC blob map built with a designated initialiser on one line
 * check-description: the user spells the initialiser that
 *   IOSYS_MAP_INIT_VADDR() provides; both members on one line are one
 *   IOM005. The later helper writes are fine: the map is system memory.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/errno.h>
#include <linux/slab.h>

struct guc_blob_hdr {
	u32 magic;
	u32 version;
	u32 size;
	u32 flags;
};

#define GUC_BLOB_MAGIC	0x47554342u

struct guc_ctx {
	void *blob;
	size_t blob_size;
};

int guc_blob_prepare(struct guc_ctx *guc, u32 version)
{
	void *buf = kzalloc(guc->blob_size, GFP_KERNEL);
	struct iosys_map blob = { .vaddr = buf, .is_iomem = false };	/* expect: IOM005 */

	if (!buf)
		return -ENOMEM;

	iosys_map_wr_field(&blob, 0, struct guc_blob_hdr, magic, GUC_BLOB_MAGIC);
	iosys_map_wr_field(&blob, 0, struct guc_blob_hdr, version, version);
	iosys_map_wr_field(&blob, 0, struct guc_blob_hdr, size, (u32)guc->blob_size);
	iosys_map_wr_field(&blob, 0, struct guc_blob_hdr, flags, 0u);

	guc->blob = buf;
	return 0;
}
