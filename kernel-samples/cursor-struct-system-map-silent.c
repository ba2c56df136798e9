/*
 * check-name: a cursor struct over a map known to be system memory
 * check-description: the map was just set with iosys_map_set_vaddr(), so the
 *   pointer parked in the cursor is system memory and the copy through it is
 *   right.  A cursor over the I/O branch uses memcpy_fromio.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/iosys-map.h>

struct mycur {
	void *data;
	void __iomem *io;
	size_t rd;
};

void mycur_read(void *buf, void *dst, size_t n)
{
	struct iosys_map map;
	struct mycur cur;

	iosys_map_set_vaddr(&map, buf);
	cur.data = map.vaddr;
	cur.rd = 8;
	memcpy(dst, cur.data + cur.rd, n);
}

void mycur_read_any(struct iosys_map *map, void *dst, size_t n)
{
	struct mycur cur;

	cur.rd = 8;
	if (map->is_iomem) {
		cur.io = map->vaddr_iomem;
		memcpy_fromio(dst, cur.io + cur.rd, n);
	} else {
		cur.data = map->vaddr;
		memcpy(dst, cur.data + cur.rd, n);
	}
}
