/*
 * check-name: teardown branches on the flag before releasing the mapping
 * check-description: idiom I11: vunmap() on the system side, iounmap() on
 *   the I/O side; vaddr is only an address to release here. The map is
 *   then reset with the helper.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/io.h>
#include <linux/vmalloc.h>

struct vram_bo {
	struct iosys_map map;
	bool premapped;
	unsigned int vmap_use_count;
};

void vram_bo_vunmap(struct vram_bo *bo)
{
	struct iosys_map *m = &bo->map;

	if (iosys_map_is_null(m))
		return;
	if (--bo->vmap_use_count)
		return;

	if (!m->is_iomem)
		vunmap(m->vaddr);
	else if (!bo->premapped)
		iounmap(m->vaddr_iomem);

	iosys_map_clear(m);
}
