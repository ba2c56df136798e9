/*
 * check-name: map set on two branches, then written raw after the join
 * check-description: one branch sets an I/O mapping, the other a system
 *   one; after the join the map may be either, and the header is stored
 *   through vaddr without a test.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

#define MYDRV_PL_VRAM	2
#define MYDRV_HDR_MAGIC	0x4d594452

struct mydrv_bo {
	u32 placement;
	void __iomem *vram_base;
	size_t offset;
	void *pages_vaddr;
};

struct mydrv_bo_header {
	u32 magic;
	u32 version;
	u64 size;
};

void mydrv_bo_init_header(struct mydrv_bo *bo, u64 size)
{
	struct iosys_map map;
	struct mydrv_bo_header *hdr;

	if (bo->placement == MYDRV_PL_VRAM)
		iosys_map_set_vaddr_iomem(&map, bo->vram_base + bo->offset);
	else
		iosys_map_set_vaddr(&map, bo->pages_vaddr);

	hdr = map.vaddr;
	hdr->magic = MYDRV_HDR_MAGIC;	/* expect: IOM002 */
	hdr->version = 2;	/* expect: IOM002 */
	hdr->size = size;	/* expect: IOM002 */
}
