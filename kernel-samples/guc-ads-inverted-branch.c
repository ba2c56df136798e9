/*
 * check-name: blob setup with the is_iomem branch inverted
 * check-description: inside "if (map->is_iomem)" the code takes the raw
 *   struct pointer path meant for system memory: stores to I/O memory.
 *   The other side uses the helper and is fine.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

struct myguc_ads_header {
	u32 version;
	u32 size;
	u32 num_engines;
	u32 flags;
};

void myguc_ads_write_header(struct iosys_map *map, u32 size, u32 engines)
{
	if (map->is_iomem) {
		struct myguc_ads_header *h = map->vaddr;

		h->version = 0x70000;	/* expect: IOM001 */
		h->size = size;	/* expect: IOM001 */
		h->num_engines = engines;	/* expect: IOM001 */
		h->flags = 0;	/* expect: IOM001 */
	} else {
		iosys_map_wr_field(map, 0, struct myguc_ads_header, version, 0x70000);
		iosys_map_wr_field(map, 0, struct myguc_ads_header, size, size);
		iosys_map_wr_field(map, 0, struct myguc_ads_header, num_engines, engines);
		iosys_map_wr_field(map, 0, struct myguc_ads_header, flags, 0);
	}
}
