/*
 * check-name: strict mode accepts offset maps and per-word writes
 * check-description: IOSYS_MAP_INIT_OFFSET and iosys_map_wr are helper
 *   macros; the page-table clear uses nothing else.
 * check-enable: IOM010
 */
#include <linux/types.h>
#include <linux/iosys-map.h>

struct pt_bo {
	struct iosys_map vmap;
	u32 level;
};

#define PT_ENTRIES	512u
#define PT_SCRATCH_PTE	0x2ull

void pt_clear_range(struct pt_bo *pt, u32 first, u32 count)
{
	struct iosys_map entries = IOSYS_MAP_INIT_OFFSET(&pt->vmap, (size_t)first * sizeof(u64));
	u32 i;

	if (first >= PT_ENTRIES)
		return;
	if (count > PT_ENTRIES - first)
		count = PT_ENTRIES - first;

	for (i = 0; i < count; i++)
		iosys_map_wr(&entries, (size_t)i * sizeof(u64), u64, PT_SCRATCH_PTE);
}
