/*
 * check-name: strict mode reports both sides of a correct seqno branch
 * check-description: idiom I1 is safe on every architecture, but each raw
 *   member load outside the helpers is IOM010 in strict mode.
 * check-enable: IOM010
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/io.h>

struct fence_page {
	struct iosys_map map;
	u32 last;
};

#define FENCE_SEQNO_OFFSET	0x40u

u32 fence_page_read_seqno(struct fence_page *fp)
{
	u32 seqno;

	if (fp->map.is_iomem)
		seqno = readl(fp->map.vaddr_iomem + FENCE_SEQNO_OFFSET);	/* expect: IOM010 */
	else
		seqno = READ_ONCE(*(u32 *)(fp->map.vaddr + FENCE_SEQNO_OFFSET));	/* expect: IOM010 */

	fp->last = seqno;
	return seqno;
}
