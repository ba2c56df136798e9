/*
 * check-name: map reached through two pointers, read raw
 * check-description: log->obj->bo->vmap may be a VRAM placement; the
 *   pointers are read straight through vaddr.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

#define LOG_READ_PTR	0x00
#define LOG_WRITE_PTR	0x04
#define LOG_DATA	0x40

struct mydrv_bo {
	struct iosys_map vmap;
	size_t size;
};

struct mydrv_obj {
	struct mydrv_bo *bo;
};

struct mydrv_guc_log {
	struct mydrv_obj *obj;
	u32 last_read;
};

size_t mydrv_guc_log_pending(struct mydrv_guc_log *log)
{
	u32 rd = *(u32 *)(log->obj->bo->vmap.vaddr + LOG_READ_PTR);	/* expect: IOM002 */
	u32 wr = *(u32 *)(log->obj->bo->vmap.vaddr + LOG_WRITE_PTR);	/* expect: IOM002 */
	size_t ring = log->obj->bo->size - LOG_DATA;

	log->last_read = rd;
	return (wr - rd) % ring;
}
