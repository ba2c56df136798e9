/*
 * check-name: driver macro yields vaddr + offset without any test
 * check-description: MYDRV_BO_PTR() is a statement expression that only
 *   computes vaddr + offset; the accesses through its result are unchecked
 *   accesses to a map that may be I/O (IOM002), and handing it to memset is
 *   an escape (IOM003).  Findings are on the lines that use the macro.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

struct mydrv_bo {
	struct iosys_map vmap;
	size_t size;
};

#define MYDRV_BO_PTR(bo, off) ({					\
	size_t __off = (off);						\
	(bo)->vmap.vaddr + __off;					\
})

#define SEMA_OFFSET	0x80

void mydrv_bo_signal(struct mydrv_bo *bo, u32 value)
{
	*(u32 *)MYDRV_BO_PTR(bo, SEMA_OFFSET) = value;	/* expect: IOM002 */
}

bool mydrv_bo_signaled(struct mydrv_bo *bo, u32 value)
{
	return *(const u32 *)MYDRV_BO_PTR(bo, SEMA_OFFSET) >= value;	/* expect: IOM002 */
}

void mydrv_bo_scrub(struct mydrv_bo *bo)
{
	memset(MYDRV_BO_PTR(bo, 0), 0, bo->size);	/* expect: IOM003 */
}
