/*
 * check-name: freshly ioremapped VRAM cleared with memset on vaddr
 * check-description: the map was just set to I/O memory; memset of the
 *   system member (a run-time length, so a real call) is an escape while
 *   is_iomem is true.  memset_io or iosys_map_memset is the fix.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/iosys-map.h>

struct mydrv_vram {
	phys_addr_t base;
	size_t size;
	struct iosys_map map;
};

int mydrv_vram_init(struct mydrv_vram *vram)
{
	void __iomem *va;

	va = ioremap_wc(vram->base, vram->size);
	if (!va)
		return -ENOMEM;

	iosys_map_set_vaddr_iomem(&vram->map, va);
	memset(vram->map.vaddr, 0, vram->size);	/* expect: IOM003 */
	return 0;
}

void mydrv_vram_fini(struct mydrv_vram *vram)
{
	if (vram->map.is_iomem)
		iounmap(vram->map.vaddr_iomem);
	iosys_map_clear(&vram->map);
}
