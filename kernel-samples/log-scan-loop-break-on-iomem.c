/*
 * check-name: loop over log buffers stops at the first I/O one
 * check-description: inside the loop, "if (map->is_iomem) break" leaves the
 *   rest of the iteration with a system map; the scan reads through vaddr
 *   there.  Each map is an element of an array indexed by the loop counter.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

#define LOG_ENTRY_WORDS	4
#define LOG_VALID	BIT(31)

struct mydrv_logs {
	struct iosys_map maps[4];
	unsigned int count;
	size_t entries;
};

unsigned int mydrv_logs_count_valid(struct mydrv_logs *logs)
{
	unsigned int i, valid = 0;
	size_t e;

	for (i = 0; i < logs->count && i < 4; i++) {
		const struct iosys_map *map = &logs->maps[i];
		const u32 *ent;

		if (map->is_iomem)
			break;

		ent = map->vaddr;
		for (e = 0; e < logs->entries; e++)
			if (ent[e * LOG_ENTRY_WORDS] & LOG_VALID)
				valid++;
	}
	return valid;
}
