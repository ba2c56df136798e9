/* SPDX-License-Identifier: GPL-2.0 */
/*
 * iomemcheck kernel-samples: MMIO accessors.  The single-word accessors are
 * static inline volatile accesses; the block ones and the mapping functions
 * are extern.
 */
#ifndef _KS_LINUX_IO_H
#define _KS_LINUX_IO_H

#include <linux/compiler.h>
#include <linux/types.h>

static inline u8 readb(const volatile void __iomem *addr)
{
	return *(const volatile u8 __force *)addr;
}

static inline u16 readw(const volatile void __iomem *addr)
{
	return *(const volatile u16 __force *)addr;
}

static inline u32 readl(const volatile void __iomem *addr)
{
	return *(const volatile u32 __force *)addr;
}

static inline u64 readq(const volatile void __iomem *addr)
{
	return *(const volatile u64 __force *)addr;
}

static inline void writeb(u8 value, volatile void __iomem *addr)
{
	*(volatile u8 __force *)addr = value;
}

static inline void writew(u16 value, volatile void __iomem *addr)
{
	*(volatile u16 __force *)addr = value;
}

static inline void writel(u32 value, volatile void __iomem *addr)
{
	*(volatile u32 __force *)addr = value;
}

static inline void writeq(u64 value, volatile void __iomem *addr)
{
	*(volatile u64 __force *)addr = value;
}

#define readl_relaxed(addr)		readl(addr)
#define writel_relaxed(value, addr)	writel(value, addr)

static inline unsigned int ioread8(const void __iomem *addr)
{
	return readb(addr);
}

static inline unsigned int ioread16(const void __iomem *addr)
{
	return readw(addr);
}

static inline unsigned int ioread32(const void __iomem *addr)
{
	return readl(addr);
}

static inline void iowrite8(u8 value, void __iomem *addr)
{
	writeb(value, addr);
}

static inline void iowrite16(u16 value, void __iomem *addr)
{
	writew(value, addr);
}

static inline void iowrite32(u32 value, void __iomem *addr)
{
	writel(value, addr);
}

extern void memcpy_fromio(void *to, const volatile void __iomem *from, size_t count);
extern void memcpy_toio(volatile void __iomem *to, const void *from, size_t count);
extern void memset_io(volatile void __iomem *addr, int value, size_t count);

extern void __iomem *ioremap(phys_addr_t offset, size_t size);
extern void __iomem *ioremap_wc(phys_addr_t offset, size_t size);
extern void iounmap(volatile void __iomem *addr);

#endif /* _KS_LINUX_IO_H */
