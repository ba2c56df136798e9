/*
 * check-name: ioremap() memory labelled as system memory, kzalloc() as I/O
 * check-description: ioremap and friends return I/O memory; set_vaddr() with
 *   a __force cast of it says the opposite.  kzalloc() memory cast to __iomem
 *   and labelled as I/O memory is the mirror image.  Both are IOM007.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/slab.h>
#include <linux/iosys-map.h>

struct mydev {
	phys_addr_t vram_base;
	struct iosys_map fb, scratch;
};

void mydev_map_fb(struct mydev *d)
{
	iosys_map_set_vaddr(&d->fb, (void __force *)ioremap_wc(d->vram_base, 4096));	/* expect: IOM007 */
}

void mydev_map_scratch(struct mydev *d)
{
	iosys_map_set_vaddr_iomem(&d->scratch, (void __iomem *)kzalloc(256, GFP_KERNEL));	/* expect: IOM007 */
}

void mydev_map_fb_local(struct mydev *d, u32 *out)
{
	void __iomem *io = ioremap(d->vram_base, 4096);
	struct iosys_map m;

	iosys_map_set_vaddr(&m, (void __force *)io);	/* expect: IOM007 */
	*out = 0;
}
