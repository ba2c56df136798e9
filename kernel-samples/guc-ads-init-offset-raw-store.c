/*
 * check-name: ADS policy block filled through the vaddr of an IOSYS_MAP_INIT_OFFSET copy
 * check-description: the copy takes the state of guc->ads_map, which may be
 *   local memory (I/O); the fields are stored through a raw struct pointer
 *   instead of iosys_map_wr_field.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

struct myguc_policies {
	u32 submission_queue_depth;
	u32 dpc_promote_time;
	u32 is_valid;
	u32 max_num_work_items;
};

struct myguc_ads {
	u32 reg_state_list;
	u32 reserved[15];
	struct myguc_policies policies;
};

struct myguc {
	struct iosys_map ads_map;
	u32 ads_size;
};

void myguc_ads_init_policies(struct myguc *guc, u32 dpc_promote_time)
{
	struct iosys_map pmap = IOSYS_MAP_INIT_OFFSET(&guc->ads_map,
						      offsetof(struct myguc_ads, policies));
	struct myguc_policies *p = pmap.vaddr;

	p->submission_queue_depth = 32;	/* expect: IOM002 */
	p->dpc_promote_time = dpc_promote_time;	/* expect: IOM002 */
	p->max_num_work_items = 64;	/* expect: IOM002 */
	p->is_valid = 1;	/* expect: IOM002 */
}
