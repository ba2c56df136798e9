/*
 * check-name: error capture copies a BO with iosys_map_memcpy_to(..., src->vaddr, ...)
 * check-description: the src argument of iosys_map_memcpy_to must be system
 *   memory; src is a map parameter that may be I/O, so passing src->vaddr is
 *   an escape of the system member (IOM003).  drm_memcpy_from_wc or a
 *   branch on src->is_iomem is the fix.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

struct mydrv_capture {
	struct iosys_map dst;	/* capture buffer */
	size_t used;
	size_t size;
};

int mydrv_capture_bo(struct mydrv_capture *cap, const struct iosys_map *src,
		     size_t len)
{
	if (cap->used + len > cap->size)
		return -ENOSPC;

	iosys_map_memcpy_to(&cap->dst, cap->used, src->vaddr, len);	/* expect: IOM003 */
	cap->used += len;
	return 0;
}
