/*
 * check-name: a driver header's inline functions map kernel BOs correctly
 * check-description: the header's inline functions (vmap keeping the CPU
 *   pointer only for system memory, vunmap, a flag getter, a helper write,
 *   a write branching on is_iomem) are analysed by every engine where the
 *   file uses them, and must stay silent; so must the file, which takes the
 *   CPU pointer only when the getter says system memory.
 */
#include <linux/types.h>
#include <linux/string.h>
#include <ksamples/driver-kernel-bo.h>

int ksdrv_ring_init(struct ksdrv_kernel_bo *ring, size_t size)
{
	int ret;

	ret = ksdrv_kernel_bo_vmap(ring);
	if (ret)
		return ret;

	if (ksdrv_kernel_bo_is_iomem(ring))
		iosys_map_memset(&ring->map, 0, 0, size);
	else
		memset(ring->map.vaddr, 0, size);
	ksdrv_kernel_bo_fill(ring, 0, 0x1);
	ksdrv_kernel_bo_poke(ring, 0x2);
	return 0;
}

void ksdrv_ring_fini(struct ksdrv_kernel_bo *ring)
{
	ksdrv_kernel_bo_vunmap(ring);
}
