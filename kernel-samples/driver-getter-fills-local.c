/*
 * check-name: a driver getter fills the local map before the read macro
 * check-description: any non-helper call that receives &m initialises it;
 *   iosys_map_rd() afterwards reads a defined flag.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/errno.h>

struct fw_obj;
int fw_obj_get_map(struct fw_obj *obj, struct iosys_map *map);
void fw_obj_put_map(struct fw_obj *obj, struct iosys_map *map);

#define FW_STATUS_OFFSET	0x10u
#define FW_STATUS_READY		0x1u

int fw_obj_wait_ready(struct fw_obj *obj)
{
	struct iosys_map m;
	u32 status;
	int ret;

	ret = fw_obj_get_map(obj, &m);
	if (ret)
		return ret;

	status = iosys_map_rd(&m, FW_STATUS_OFFSET, u32);
	fw_obj_put_map(obj, &m);

	return (status & FW_STATUS_READY) ? 0 : -EBUSY;
}
