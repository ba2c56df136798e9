/*
 * check-name: GuC ADS population asserts the blob map with BUG_ON
 * check-description: idiom I6: the validity check goes through
 *   iosys_map_is_null(); the writes use iosys_map_wr_field() on the
 *   map reached through the GuC state (idiom I8 shape).
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/bug.h>

struct ads_scheduler_policies {
	u32 dpc_promote_time;
	u32 max_num_work_items;
	u32 global_flags;
	u32 is_valid;
};

struct ads_blob {
	u32 reg_state_list;
	u32 reg_state_buffer;
	struct ads_scheduler_policies policies;
};

struct guc_state {
	struct iosys_map ads_map;
	u32 ads_size;
};

#define ADS_POLICY_OFFSET	offsetof(struct ads_blob, policies)

void guc_ads_init_policies(struct guc_state *guc, u32 promote_us)
{
	BUG_ON(iosys_map_is_null(&guc->ads_map));

	iosys_map_wr_field(&guc->ads_map, ADS_POLICY_OFFSET,
			   struct ads_scheduler_policies, dpc_promote_time, promote_us);
	iosys_map_wr_field(&guc->ads_map, ADS_POLICY_OFFSET,
			   struct ads_scheduler_policies, max_num_work_items, 15u);
	iosys_map_wr_field(&guc->ads_map, ADS_POLICY_OFFSET,
			   struct ads_scheduler_policies, global_flags, 0u);
	iosys_map_wr_field(&guc->ads_map, ADS_POLICY_OFFSET,
			   struct ads_scheduler_policies, is_valid, 1u);
}
