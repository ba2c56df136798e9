/*
 * check-name: static helpers that do not return the map's flag on every path
 * check-description: mycur_small() returns a size test, mycur_vram() the
 *   flag only when the cursor has a shadow (false otherwise), and
 *   mycur_src_io() the flag of the source map, not of the cursor's.  None of
 *   the results says which member of the cursor's map is valid, so the plain
 *   accesses under them may reach I/O memory.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/string.h>
#include <linux/iosys-map.h>

struct mycur {
	struct iosys_map map;
	size_t size;
	void *shadow;
};

static bool mycur_small(struct mycur *cur)
{
	return cur->size < 4096;
}

static bool mycur_vram(struct mycur *cur)
{
	if (!cur->shadow)
		return false;
	return cur->map.is_iomem;
}

static bool mycur_src_io(struct mycur *cur, const struct iosys_map *src)
{
	return cur->size && src->is_iomem;
}

static bool mycur_from_io(const struct mycur *cur, const struct iosys_map *src)
{
	(void)cur;
	return src->is_iomem;
}

void mycur_update(struct mycur *cur, const void *img)
{
	if (mycur_small(cur))
		memcpy(cur->map.vaddr, img, cur->size);	/* expect: IOM003 */
}

void mycur_blank(struct mycur *cur)
{
	if (!mycur_vram(cur))
		memset(cur->map.vaddr, 0, cur->size);	/* expect: IOM003 */
}

void mycur_show(struct mycur *cur, const struct iosys_map *src, const void *img)
{
	if (!mycur_src_io(cur, src))
		memcpy(cur->map.vaddr, img, cur->size);	/* expect: IOM003 */
	if (!mycur_from_io(cur, src))
		memcpy(cur->map.vaddr, img, cur->size);	/* expect: IOM003 */
}
