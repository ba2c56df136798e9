/*
 * check-name: plain store through vaddr_iomem of a map built with IOSYS_MAP_INIT_VADDR
 * check-description: the map is system memory by construction, so the
 *   store is not an I/O access (no IOM001/IOM002); but it goes through the
 *   I/O member of a system map, which is IOM004.  The member shares
 *   storage with vaddr, which is why it "works".
 * check-known-difference: sparse: SSA promotes the local map m, no map is left (no IOM004)
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/iosys-map.h>

struct mydrv_cmd_buf {
	u32 *cpu;
	size_t len;	/* dwords */
};

void mydrv_cmd_buf_seal(struct mydrv_cmd_buf *cb, u32 end_token)
{
	struct iosys_map m = IOSYS_MAP_INIT_VADDR(cb->cpu);
	u32 *tail = (u32 __force *)(m.vaddr_iomem + cb->len * sizeof(u32));

	*tail = end_token;	/* expect: IOM004 */
	cb->len++;
}

void __iomem *mydrv_cmd_buf_mmio(struct mydrv_cmd_buf *cb)
{
	struct iosys_map m = IOSYS_MAP_INIT_VADDR(cb->cpu);

	return m.vaddr_iomem;	/* expect: IOM004 */
}
