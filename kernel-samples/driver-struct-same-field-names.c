/*
 * check-name: driver struct with vaddr and is_iomem members is not a map
 * check-description: only struct iosys_map / struct dma_buf_map are
 *   tracked; a private region descriptor with look-alike member names is
 *   written and tested freely.
 */
#include <linux/types.h>
#include <linux/io.h>
#include <linux/errno.h>
#include <linux/slab.h>

struct sram_region {
	void *vaddr;
	phys_addr_t phys;
	size_t size;
	bool is_iomem;
};

int sram_region_init(struct sram_region *r, phys_addr_t phys, size_t size,
		     bool on_chip)
{
	r->phys = phys;
	r->size = size;
	r->is_iomem = on_chip;
	if (on_chip)
		r->vaddr = (void __force *)ioremap(phys, size);
	else
		r->vaddr = kzalloc(size, GFP_KERNEL);
	if (!r->vaddr)
		return -ENOMEM;
	return 0;
}

void sram_region_fini(struct sram_region *r)
{
	if (r->is_iomem)
		iounmap((void __iomem __force *)r->vaddr);
	else
		kfree(r->vaddr);
	r->vaddr = NULL;
	r->is_iomem = false;
}
