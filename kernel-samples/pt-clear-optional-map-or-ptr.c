/*
 * check-name: page-table clear callback with an optional map
 * check-description: the callback gets a map (a BO's) or, when it is NULL,
 *   a plain CPU pointer.  `map && map->is_iomem` takes the helper loop,
 *   `else if (map)` is the system side where memset64() on vaddr is right.
 *   Testing only that the map is there before the memset64() is the bug.
 */
#include <linux/types.h>
#include <linux/string.h>
#include <linux/iosys-map.h>

struct mydrv_pt_update {
	u64 empty;
};

void mydrv_pt_clear(struct mydrv_pt_update *upd, struct iosys_map *map, void *ptr,
		    u32 qword_ofs, u32 num_qwords)
{
	u32 i;

	if (map && map->is_iomem)
		for (i = 0; i < num_qwords; ++i)
			iosys_map_wr(map, (qword_ofs + i) * sizeof(u64), u64, upd->empty);
	else if (map)
		memset64(map->vaddr + qword_ofs * sizeof(u64), upd->empty, num_qwords);
	else
		memset64(ptr, upd->empty, num_qwords);
}

void mydrv_pt_clear_unchecked(struct mydrv_pt_update *upd, struct iosys_map *map, void *ptr,
			      u32 qword_ofs, u32 num_qwords)
{
	if (map)
		memset64(map->vaddr + qword_ofs * sizeof(u64), upd->empty, num_qwords);	/* expect: IOM003 */
	else
		memset64(ptr, upd->empty, num_qwords);
}
