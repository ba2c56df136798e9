/*
 * check-name: a kernel pointer taken from either member is cleared with memset
 * check-description: the buffer object keeps one plain pointer for both kinds,
 *   casting vaddr_iomem with __force when the map is I/O memory.  The cast
 *   hides the address space from sparse, but the memory is still I/O memory:
 *   memset() on it is the same bug as memset() on vaddr.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

struct mybo {
	struct iosys_map map;
	size_t size;
};

void mybo_clear(struct mybo *bo)
{
	void *kptr;

	if (bo->map.is_iomem)
		kptr = (void __force *)bo->map.vaddr_iomem;
	else
		kptr = bo->map.vaddr;
	memset(kptr, 0, bo->size);	/* expect: IOM002 */
}

void mybo_fill_io(struct mybo *bo, const void *src, size_t len)
{
	if (bo->map.is_iomem) {
		u8 *dst = (u8 __force *)bo->map.vaddr_iomem;

		memcpy(dst + 16, src, len);	/* expect: IOM001 */
	}
}
