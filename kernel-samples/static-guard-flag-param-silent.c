/*
 * check-name: a static worker is handed the map's flag as a bool by every caller
 * check-description: mycon_emit() branches on its 'io' parameter; the only
 *   callers pass map->is_iomem (directly, or through a local copied from it)
 *   with the same map, so the branch picks the right member on both paths.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/string.h>
#include <linux/iosys-map.h>

static void mycon_emit(struct iosys_map *dst, bool io, size_t off, const void *src, size_t len)
{
	if (io)
		memcpy_toio(dst->vaddr_iomem + off, src, len);
	else
		memcpy(dst->vaddr + off, src, len);
}

static void mycon_fill(struct iosys_map *dst, bool sys, size_t len)
{
	if (sys)
		memset(dst->vaddr, 0, len);
	else
		memset_io(dst->vaddr_iomem, 0, len);
}

void mycon_write_line(struct iosys_map *map, const void *line, size_t pitch, unsigned int y)
{
	mycon_emit(map, map->is_iomem, y * pitch, line, pitch);
}

void mycon_clear_screen(struct iosys_map *map, const void *blank, size_t pitch, unsigned int rows)
{
	bool io = map->is_iomem;
	unsigned int y;

	for (y = 0; y < rows; y++)
		mycon_emit(map, io, y * pitch, blank, pitch);
	mycon_fill(map, !map->is_iomem, pitch * rows);
}
