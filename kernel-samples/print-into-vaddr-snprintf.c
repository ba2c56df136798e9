/*
 * check-name: snprintf() into a buffer that may be I/O memory
 * check-description: the vsprintf family writes the formatted text into its
 *   first argument: a store through vaddr while the map may be I/O memory.
 *   Formatting into a local buffer and copying it with the map helper is the
 *   right way.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

int mylog_stamp(struct iosys_map *map, unsigned int seq)
{
	return snprintf(map->vaddr, 32, "seq %u", seq);	/* expect: IOM002 */
}

int mylog_stamp_at(struct iosys_map *map, size_t off, unsigned int seq)
{
	return scnprintf(map->vaddr + off, 32, "seq %u", seq);	/* expect: IOM002 */
}

void mylog_stamp_ok(struct iosys_map *map, unsigned int seq)
{
	char buf[32];
	int n = scnprintf(buf, sizeof(buf), "seq %u", seq);

	iosys_map_memcpy_to(map, 0, buf, n);
}

void mylog_stamp_system(void *vaddr, unsigned int seq)
{
	struct iosys_map map;

	iosys_map_set_vaddr(&map, vaddr);
	sprintf(map.vaddr, "seq %u", seq);
}
