/*
 * check-name: staging map set on the VRAM path only, then written
 * check-description: the system-memory path forgot its
 *   iosys_map_set_vaddr(); the helper copy reads the flag of a map that
 *   may be uninitialised.
 */
#include <linux/ksamples-maybe-uninitialized.h>
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
	else if (!t->sysmem)
		return;

	iosys_map_memcpy_to(&dst, 0, data, len);	/* expect: IOM008 */
}
