/*
 * check-name: a static worker is handed the map's flag by every caller but swaps the branches
 * check-description: every caller passes map->is_iomem as 'io', so the
 *   worker knows the kind on each branch, and it uses the wrong member on
 *   both: a plain memcpy into the I/O branch, memcpy_toio into the system one.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/string.h>
#include <linux/iosys-map.h>

static void mylog_emit(struct iosys_map *dst, bool io, size_t off, const void *src, size_t len)
{
	if (io)
		memcpy(dst->vaddr + off, src, len);	/* expect: IOM003 */
	else
		memcpy_toio(dst->vaddr_iomem + off, src, len);	/* expect: IOM004 */
}

void mylog_append(struct iosys_map *ring, size_t head, const void *rec, size_t len)
{
	mylog_emit(ring, ring->is_iomem, head, rec, len);
}

void mylog_append_twice(struct iosys_map *ring, size_t head, const void *rec, size_t len)
{
	bool io = ring->is_iomem;

	mylog_emit(ring, io, head, rec, len);
	mylog_emit(ring, io, head + len, rec, len);
}
