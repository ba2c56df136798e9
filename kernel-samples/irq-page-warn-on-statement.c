/*
 * check-name: interrupt status page asserted system memory by a WARN_ON statement
 * check-description: idiom I2: WARN_ON(x) used as a statement asserts !x, so
 *   the byte reads through source.vaddr after it are system-memory reads.
 *   The address is also printed with pr_debug, which is not an escape.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

struct mydrv_irq_page {
	struct iosys_map source;	/* one byte per vector, written by the GPU */
	unsigned int nvec;
};

u32 mydrv_irq_pending(struct mydrv_irq_page *irq)
{
	const u8 *src;
	u32 pending = 0;
	unsigned int i;

	WARN_ON(irq->source.is_iomem);

	src = irq->source.vaddr;
	for (i = 0; i < irq->nvec && i < 32; i++) {
		if (READ_ONCE(src[i]))
			pending |= 1u << i;
	}

	pr_debug("irq source page %p pending %#x\n", irq->source.vaddr, pending);
	return pending;
}

void mydrv_irq_ack(struct mydrv_irq_page *irq, unsigned int vector)
{
	u8 *src;

	WARN_ON_ONCE(irq->source.is_iomem);
	src = irq->source.vaddr;
	WRITE_ONCE(src[vector], 0);
}
