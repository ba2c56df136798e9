// SPDX-License-Identifier: GPL-2.0
/* Looks underneath the map in every way sparse can see: one IOM010 per line. */
#include <linux/iosys-map.h>

#define PEEK_U8(map)	(*(u8 *)(map)->vaddr)

struct blit {
	struct iosys_map dst;
	void *shadow;
	size_t pitch;
};

u32 raw_read(struct iosys_map *m);
void raw_copy(struct blit *b, size_t len);
void *raw_pointer(struct blit *b);
void raw_store(struct blit *b, void *p, void __iomem *io);
u8 raw_macro(struct blit *b);
void __iomem *raw_retype(struct blit *b);

u32 raw_read(struct iosys_map *m)
{
	if (m->is_iomem)
		return readl(m->vaddr_iomem + 4);	/* expect: IOM010 */
	return *(u32 *)(m->vaddr + 4);	/* expect: IOM010 */
}

void raw_copy(struct blit *b, size_t len)
{
	memcpy(b->dst.vaddr, b->shadow, len);	/* expect: IOM010 */
	memcpy_toio(b->dst.vaddr_iomem, b->shadow, len);	/* expect: IOM010 */
}

void *raw_pointer(struct blit *b)
{
	u8 *line = b->dst.vaddr;	/* expect: IOM010 */

	return line + b->pitch;
}

void raw_store(struct blit *b, void *p, void __iomem *io)
{
	struct iosys_map tmp = { .vaddr = p };	/* expect: IOM010 */

	b->dst.vaddr_iomem = io;	/* expect: IOM010 */
	b->dst = tmp;
}

u8 raw_macro(struct blit *b)
{
	return PEEK_U8(&b->dst);	/* expect: IOM010 */
}

void __iomem *raw_retype(struct blit *b)
{
	return (void __iomem *)b->dst.vaddr;	/* expect: IOM010 */
}
