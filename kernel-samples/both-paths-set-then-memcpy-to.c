/*
 * check-name: staging map set on both paths, then written
 * check-description: the fixed form of the conditional set: VRAM and
 *   system paths both initialise the map before the helper reads it.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>

struct upload_target {
	void __iomem *vram;
	void *sysmem;
	bool use_vram;
};

void upload_target_write(struct upload_target *t, const void *data, size_t len)
{
	struct iosys_map dst;

	if (t->use_vram)
		iosys_map_set_vaddr_iomem(&dst, t->vram);
	else
		iosys_map_set_vaddr(&dst, t->sysmem);

	if (iosys_map_is_null(&dst))
		return;
	iosys_map_memcpy_to(&dst, 0, data, len);
}
