/*
 * check-name: map reached through two pointers, tested before each access
 * check-description: log->obj->bo->vmap is a nested member; the tests on it
 *   refine the same location that the accesses use.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/iosys-map.h>

#define LOG_READ_PTR	0x00
#define LOG_WRITE_PTR	0x04

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

u32 mydrv_guc_log_write_ptr(struct mydrv_guc_log *log)
{
	if (log->obj->bo->vmap.is_iomem)
		return readl(log->obj->bo->vmap.vaddr_iomem + LOG_WRITE_PTR);
	return READ_ONCE(*(u32 *)(log->obj->bo->vmap.vaddr + LOG_WRITE_PTR));
}

void mydrv_guc_log_ack(struct mydrv_guc_log *log, u32 read_ptr)
{
	struct mydrv_obj *obj = log->obj;

	if (!obj->bo->vmap.is_iomem)
		WRITE_ONCE(*(u32 *)(obj->bo->vmap.vaddr + LOG_READ_PTR), read_ptr);
	else
		writel(read_ptr, obj->bo->vmap.vaddr_iomem + LOG_READ_PTR);
	log->last_read = read_ptr;
}
