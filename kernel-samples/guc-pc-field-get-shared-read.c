/*
 * check-name: a field of a shared-data read taken with FIELD_GET()
 * check-description: the driver's read macro wraps iosys_map_rd_field(),
 *   which branches on is_iomem: the read is helper code even when it is the
 *   register argument of FIELD_GET() (a macro that also names it in an
 *   unevaluated size check) or of any other macro.  The same FIELD_GET() of a raw read through
 *   vaddr is the bug.
 */
#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/bitfield.h>
#include <linux/iosys-map.h>

struct mydrv_slpc_shared {
	struct {
		u32 state;
	} header;
	struct {
		u32 freq;
		u32 status;
	} task;
};

struct mydrv_dev;
struct mydrv_bo {
	struct iosys_map vmap;
};

struct mydrv_pc {
	struct mydrv_dev *xe;
	struct mydrv_bo *bo;
};

#define MYDRV_MIN_FREQ_MASK	GENMASK(7, 0)
#define MYDRV_MAX_FREQ_MASK	GENMASK(15, 8)

extern void mydrv_assert_mem_access(struct mydrv_dev *xe);

#define mydrv_map_rd_field(xe__, map__, off__, type__, field__) ({		\
	struct mydrv_dev *__xe = xe__;						\
	mydrv_assert_mem_access(__xe);						\
	iosys_map_rd_field(map__, off__, type__, field__);			\
})

static struct iosys_map *pc_to_maps(struct mydrv_pc *pc)
{
	return &pc->bo->vmap;
}

#define slpc_shared_read(pc_, field_)						\
	mydrv_map_rd_field((pc_)->xe, pc_to_maps(pc_), 0, struct mydrv_slpc_shared, field_)

u32 mydrv_pc_min_freq(struct mydrv_pc *pc)
{
	u32 freq;

	freq = FIELD_GET(MYDRV_MIN_FREQ_MASK,
			 slpc_shared_read(pc, task.freq));
	return freq * 50 / 3;
}

u32 mydrv_pc_max_freq(struct mydrv_pc *pc)
{
	return FIELD_GET(MYDRV_MAX_FREQ_MASK, slpc_shared_read(pc, task.freq)) * 50 / 3;
}

#define mydrv_decode_freq(x)	(((x) & 0xff) * 50 / 3)

u32 mydrv_pc_cur_freq(struct mydrv_pc *pc)
{
	return mydrv_decode_freq(slpc_shared_read(pc, task.status));
}

u32 mydrv_pc_state(struct mydrv_pc *pc)
{
	return slpc_shared_read(pc, header.state) & 0xf;
}

u32 mydrv_pc_min_freq_raw(struct mydrv_pc *pc)
{
	u32 *shared = pc->bo->vmap.vaddr;

	return FIELD_GET(MYDRV_MIN_FREQ_MASK, shared[1]);	/* expect: IOM002 */
}
