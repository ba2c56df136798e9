// SPDX-License-Identifier: GPL-2.0
/* Uses every helper of both map headers the way they are meant: no output. */
#include <linux/iosys-map.h>
#include <linux/dma-buf-map.h>

struct regs {
	u32 ctrl;
	u64 seqno;
};

u32 helpers_iosys(struct iosys_map *m, void *buf, void __iomem *io);
u32 helpers_dma_buf(struct dma_buf_map *d, void *buf, void __iomem *io);

#ifdef KBUILD_MODNAME
/* kbuild passes -DKBUILD_MODNAME='"m"': a string, or this is an error */
const char *helpers_modname(void);

const char *helpers_modname(void)
{
	return KBUILD_MODNAME;
}
#endif

u32 helpers_iosys(struct iosys_map *m, void *buf, void __iomem *io)
{
	struct iosys_map sys = IOSYS_MAP_INIT_VADDR(buf);
	struct iosys_map vram = IOSYS_MAP_INIT_VADDR_IOMEM(io);
	struct iosys_map at = IOSYS_MAP_INIT_OFFSET(m, 64);
	struct iosys_map pair[2];

	iosys_map_set_vaddr(&pair[0], buf);
	iosys_map_set_vaddr_iomem(&pair[1], io);
	iosys_map_memcpy_to(&at, 0, buf, 16);
	iosys_map_memcpy_from(buf, &vram, 4, 16);
	iosys_map_memset(&sys, 0, 0xff, 16);
	iosys_map_incr(&sys, 8);
	iosys_map_wr(m, 0, u32, 1);
	iosys_map_wr_field(m, 0, struct regs, seqno, 2);
	if (iosys_map_is_equal(&sys, m) || iosys_map_test_same_sys(pair, 1))
		return iosys_map_rd_field(m, 0, struct regs, ctrl);
	if (iosys_map_is_set(&vram) && iosys_map_test_ptr_size(&vram) == 8)
		iosys_map_clear(&vram);
	return iosys_map_rd(m, 4, u32);
}

u32 helpers_dma_buf(struct dma_buf_map *d, void *buf, void __iomem *io)
{
	struct dma_buf_map sys = DMA_BUF_MAP_INIT_VADDR(buf);
	struct dma_buf_map vram;

	dma_buf_map_set_vaddr_iomem(&vram, io);
	dma_buf_map_memcpy_to(d, buf, 16);
	dma_buf_map_incr(&sys, 4);
	if (dma_buf_map_is_equal(&sys, &vram) || dma_buf_map_is_vaddr(d, buf))
		return 1;
	dma_buf_map_clear(&vram);
	dma_buf_map_set_vaddr(d, buf);
	return dma_buf_map_is_set(d) && !dma_buf_map_is_null(&sys);
}
