/*
 * check-name: dma_buf_map: ioremap memory labelled as system memory
 * check-description: the same label bug on the v5.10-v5.17 API: ioremap()
 *   returns I/O memory, dma_buf_map_set_vaddr() says system memory.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/slab.h>
#include <linux/dma-buf-map.h>

void oldapi_map(phys_addr_t base, struct dma_buf_map *m)
{
	dma_buf_map_set_vaddr(m, (void __force *)ioremap(base, 4096));	/* expect: IOM007 */
}

void oldapi_map_ok(phys_addr_t base, struct dma_buf_map *m)
{
	dma_buf_map_set_vaddr(m, kmalloc(128, GFP_KERNEL));
}
