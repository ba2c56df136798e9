/*
 * check-name: OA scans a context image for a register through a raw vaddr
 * check-description: the context image's BO may be VRAM.  The scan reads
 *   the image with plain loads: the first one is in the loop's condition
 *   macro (a FIELD_GET() of the dword), which is where the finding goes;
 *   the same loads in the WARN below are not reported again.
 */
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/bitfield.h>
#include <linux/iosys-map.h>
#include <drm/drm_device.h>
#include <drm/drm_print.h>

struct mydrv_bo {
	struct iosys_map vmap;
};

struct mydrv_lrc {
	struct mydrv_bo *bo;
	u32 regs_offset;
	u32 size;
};

struct mydrv_oa_stream {
	struct drm_device *drm;
	struct mydrv_lrc *lrc;
};

#define MYDRV_MI_OPCODE		GENMASK(28, 23)
#define MYDRV_MI_LRI		(0x22 << 23)
#define MYDRV_IS_LRI(x)		((u32)FIELD_GET(MYDRV_MI_OPCODE, (x)) == \
				 (u32)FIELD_GET(MYDRV_MI_OPCODE, MYDRV_MI_LRI))
#define MYDRV_LRI_LEN(x)	(((x) & 0xff) + 1)

extern bool mydrv_find_reg_in_lri(u32 *state, u32 reg, u32 *offset, u32 end);

u32 mydrv_oa_image_offset(struct mydrv_oa_stream *stream, u32 reg)
{
	struct mydrv_lrc *lrc = stream->lrc;
	u32 len = lrc->size / sizeof(u32);
	u32 offset = lrc->regs_offset / sizeof(u32);
	u32 *state = (u32 *)lrc->bo->vmap.vaddr;

	for (; offset < len; ) {
		if (MYDRV_IS_LRI(state[offset])) {	/* expect: IOM002 */
			drm_WARN_ON(stream->drm,
				    MYDRV_LRI_LEN(state[offset]) & 0x1);

			if (mydrv_find_reg_in_lri(state, reg, &offset, len))	/* expect: IOM003 */
				break;
		} else {
			offset++;
		}
	}

	return offset < len ? offset : ~0U;
}
