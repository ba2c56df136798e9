/*
 * check-name: driver macro yields vaddr from a statement expression after WARN_ON
 * check-description: MYDRV_SYS_PTR() asserts !is_iomem with a WARN_ON
 *   statement and then yields vaddr + offset; the pointer it returns is a
 *   system-memory pointer, so the stores through it are fine.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

#define MYDRV_SYS_PTR(map, off) ({					\
	WARN_ON((map)->is_iomem);					\
	(map)->vaddr + (off);						\
})

struct mydrv_pt {
	struct iosys_map vmap;	/* page-table BO, always system memory */
	unsigned int level;
};

#define PTE_VALID	BIT_ULL(0)

void mydrv_pt_write_entries(struct mydrv_pt *pt, unsigned int first,
			    const u64 *addrs, unsigned int n)
{
	u64 *pte = MYDRV_SYS_PTR(&pt->vmap, first * sizeof(u64));
	unsigned int i;

	for (i = 0; i < n; i++)
		pte[i] = addrs[i] | PTE_VALID;
}

void mydrv_pt_clear(struct mydrv_pt *pt, unsigned int first, unsigned int n)
{
	memset(MYDRV_SYS_PTR(&pt->vmap, first * sizeof(u64)), 0, n * sizeof(u64));
}
