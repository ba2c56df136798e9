/*
 * check-name: clear loop stores 64-bit words on the I/O side of a bool copy
 * check-description: "io" holds the flag; under "if (io)" the code casts
 *   vaddr_iomem to a plain pointer and stores through it: an access to I/O
 *   memory (IOM001).  The system side uses memset.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

struct mydrv_bo {
	struct iosys_map vmap;
	size_t size;
};

void mydrv_bo_clear(struct mydrv_bo *bo, u64 pattern)
{
	bool io = bo->vmap.is_iomem;
	size_t i;

	if (io) {
		u64 *p = (u64 __force *)bo->vmap.vaddr_iomem;

		for (i = 0; i < bo->size / 8; i++)
			p[i] = pattern;	/* expect: IOM001 */
	} else {
		memset64(bo->vmap.vaddr, pattern, bo->size / 8);
	}
}
