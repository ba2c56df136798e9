/*
 * check-name: GuC-style blob set up entirely with iosys_map field helpers
 * check-description: every access goes through iosys_map_wr_field /
 *   iosys_map_rd_field / iosys_map_memset / iosys_map_memcpy_to on a map
 *   of unknown kind; the macros branch inside this function and are
 *   helper code, so nothing is reported.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

struct myguc_engine_info {
	u32 engine_mask;
	u8 class_count;
	u8 reserved[3];
	u32 instances[8];
};

struct myguc_blob {
	u32 version;
	u32 size;
	u64 log_buffer_addr;
	struct myguc_engine_info engines;
	u8 padding[64];
};

#define blob_wr(map_, field_, val_) \
	iosys_map_wr_field(map_, 0, struct myguc_blob, field_, val_)
#define blob_rd(map_, field_) \
	iosys_map_rd_field(map_, 0, struct myguc_blob, field_)

void myguc_blob_init(struct iosys_map *blob, u64 log_addr, u32 engine_mask,
		     const u32 *instances, unsigned int n)
{
	size_t inst = offsetof(struct myguc_blob, engines.instances);

	iosys_map_memset(blob, 0, 0, sizeof(struct myguc_blob));
	blob_wr(blob, version, 0x70000);
	blob_wr(blob, size, sizeof(struct myguc_blob));
	blob_wr(blob, log_buffer_addr, log_addr);
	blob_wr(blob, engines.engine_mask, engine_mask);
	blob_wr(blob, engines.class_count, (u8)min(n, 8u));
	iosys_map_memcpy_to(blob, inst, instances, min(n, 8u) * sizeof(u32));
}

bool myguc_blob_valid(struct iosys_map *blob)
{
	return blob_rd(blob, version) == 0x70000 &&
	       blob_rd(blob, size) == sizeof(struct myguc_blob);
}
