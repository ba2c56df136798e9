/*
 * check-name: a read cursor on the stack carries vaddr to the copy
 * check-description: the ring reader parks map->vaddr plus an offset in a
 *   local cursor struct and copies out of it later.  Storing the pointer in a
 *   local struct is harmless; the memcpy() and the load through the cursor are the uses of
 *   memory that may be I/O memory, and that line is reported.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

struct myring_cursor {
	void *data;
	size_t rd, size;
};

size_t myring_read(struct iosys_map *map, size_t head, void *dst, size_t n)
{
	struct myring_cursor cur;

	cur.data = map->vaddr + head;
	cur.rd = 0;
	cur.size = n;
	memcpy(dst, cur.data + cur.rd, cur.size);	/* expect: IOM003 */
	return cur.size;
}

u32 myring_peek(struct iosys_map *map, size_t head)
{
	struct myring_cursor cur = { .data = map->vaddr + head, .rd = 4 };

	return *(u32 *)(cur.data + cur.rd);	/* expect: IOM002 */
}
