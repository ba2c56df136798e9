/*
 * check-name: strict mode accepts GuC ADS access through field macros
 * check-description: iosys_map_rd_field/wr_field expand raw member uses in
 *   the caller, but they are helper code and not IOM010.
 * check-enable: IOM010
 */
#include <linux/types.h>
#include <linux/iosys-map.h>

struct ads_engine_info {
	u32 engine_class;
	u32 instance_mask;
	u32 logical_mask;
	u32 reserved;
};

struct ads_system_info {
	u32 slice_enabled;
	u32 rcs_enabled;
	u32 vdbox_mask;
	u32 vebox_mask;
};

struct guc_fw {
	struct iosys_map ads_map;
	u32 sysinfo_offset;
};

void guc_ads_fill_sysinfo(struct guc_fw *guc, u32 vdbox_mask, u32 vebox_mask)
{
	u32 off = guc->sysinfo_offset;
	u32 rcs = iosys_map_rd_field(&guc->ads_map, off, struct ads_system_info, rcs_enabled);

	iosys_map_wr_field(&guc->ads_map, off, struct ads_system_info, slice_enabled, 1u);
	iosys_map_wr_field(&guc->ads_map, off, struct ads_system_info, rcs_enabled, rcs | 1u);
	iosys_map_wr_field(&guc->ads_map, off, struct ads_system_info, vdbox_mask, vdbox_mask);
	iosys_map_wr_field(&guc->ads_map, off, struct ads_system_info, vebox_mask, vebox_mask);
}

u32 guc_ads_engine_mask(struct guc_fw *guc, u32 info_offset)
{
	return iosys_map_rd_field(&guc->ads_map, info_offset,
				  struct ads_engine_info, instance_mask);
}
