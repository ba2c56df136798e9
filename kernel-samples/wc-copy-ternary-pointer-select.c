/*
 * check-name: source pointer picked with ?: on is_iomem for a WC-aware copy
 * check-description: the shape of drm_memcpy_from_wc: each arm of the ?:
 *   takes the member that is valid on its side (a __force cast on the I/O
 *   arm), and the WC copy routine can read both kinds of memory.  The
 *   destination is tested separately; an I/O destination goes to a
 *   map-based fallback.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/iosys-map.h>

extern void mydrv_memcpy_from_wc(void *dst, const void *src, size_t len);
extern void mydrv_memcpy_fallback(struct iosys_map *dst,
				  const struct iosys_map *src, size_t len);

void mydrv_readback(struct iosys_map *dst, const struct iosys_map *src,
		    unsigned long len)
{
	const void *src_addr;

	if (dst->is_iomem) {
		mydrv_memcpy_fallback(dst, src, len);
		return;
	}

	src_addr = src->is_iomem ? (const void __force *)src->vaddr_iomem : src->vaddr;
	mydrv_memcpy_from_wc(dst->vaddr, src_addr, len);
}
