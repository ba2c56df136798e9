/*
 * check-name: a static worker's bool is not the flag of the map it is handed at every call
 * check-description: mytile_emit() is called once with the destination's
 *   flag and once with the source map's flag; mytile_fill() is also stored
 *   in an ops table, so calls through the pointer can pass anything; and
 *   mytile_blit() is not static, so callers in other files can too; and
 *   mytile_stamp() hands the address of its bool to a tracer that may change
 *   it.  No bool says which member of 'dst' is valid: each branch may use
 *   the wrong one.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/string.h>
#include <linux/iosys-map.h>

extern void mytile_trace(bool *io);

struct mytile_ops {
	void (*fill)(struct iosys_map *dst, bool io, size_t len);
};

static void mytile_emit(struct iosys_map *dst, bool io, const void *src, size_t len)
{
	if (io)
		memcpy_toio(dst->vaddr_iomem, src, len);	/* expect: IOM004 */
	else
		memcpy(dst->vaddr, src, len);	/* expect: IOM003 */
}

static void mytile_fill(struct iosys_map *dst, bool io, size_t len)
{
	if (io)
		memset_io(dst->vaddr_iomem, 0, len);	/* expect: IOM004 */
	else
		memset(dst->vaddr, 0, len);	/* expect: IOM003 */
}

static void mytile_stamp(struct iosys_map *dst, bool io, u32 v)
{
	mytile_trace(&io);
	if (io)
		writel(v, dst->vaddr_iomem);	/* expect: IOM004 */
	else
		*(u32 *)dst->vaddr = v;	/* expect: IOM002 */
}

void mytile_blit(struct iosys_map *dst, bool io, const void *src, size_t len)
{
	if (io)
		memcpy_toio(dst->vaddr_iomem, src, len);	/* expect: IOM004 */
	else
		memcpy(dst->vaddr, src, len);	/* expect: IOM003 */
}

const struct mytile_ops mytile_ops = {
	.fill = mytile_fill,
};

void mytile_copy(struct iosys_map *dst, const void *tile, size_t len)
{
	mytile_emit(dst, dst->is_iomem, tile, len);
	mytile_blit(dst, dst->is_iomem, tile, len);
	mytile_stamp(dst, dst->is_iomem, 0);
}

void mytile_copy_back(struct iosys_map *dst, struct iosys_map *src, void *buf, size_t len)
{
	mytile_emit(dst, src->is_iomem, buf, len);
	mytile_fill(dst, dst->is_iomem, len);
}
