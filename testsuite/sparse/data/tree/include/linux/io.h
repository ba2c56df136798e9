/* SPDX-License-Identifier: GPL-2.0 */
/* iomemcheck-sparse test tree: I/O accessors (declarations only). */
#ifndef FIXTURE_IO_H
#define FIXTURE_IO_H

#include <linux/types.h>

u8 readb(const volatile void __iomem *addr);
u16 readw(const volatile void __iomem *addr);
u32 readl(const volatile void __iomem *addr);
u64 readq(const volatile void __iomem *addr);
void writeb(u8 val, volatile void __iomem *addr);
void writew(u16 val, volatile void __iomem *addr);
void writel(u32 val, volatile void __iomem *addr);
void writeq(u64 val, volatile void __iomem *addr);
void memcpy_toio(volatile void __iomem *dst, const void *src, size_t n);
void memcpy_fromio(void *dst, const volatile void __iomem *src, size_t n);
void memset_io(volatile void __iomem *dst, int c, size_t n);
void __iomem *ioremap(u64 offset, size_t size);
void iounmap(volatile void __iomem *addr);

#endif
