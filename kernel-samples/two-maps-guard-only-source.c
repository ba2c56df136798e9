/*
 * check-name: gamma LUT copy tests the source map but not the destination
 * check-description: a test of src->is_iomem says nothing about dst.  On
 *   the I/O side dst->vaddr is handed to memcpy_fromio (IOM003); on the
 *   system side the word loop stores through dst->vaddr (IOM002).
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/iosys-map.h>

struct mydrv_crtc {
	struct iosys_map lut;		/* hardware LUT buffer */
	struct iosys_map user_lut;	/* blob from the atomic state */
	unsigned int lut_size;
};

void mydrv_copy_lut(struct iosys_map *dst, const struct iosys_map *src,
		    unsigned int n)
{
	const u32 *s;
	u32 *d;
	unsigned int i;

	if (src->is_iomem) {
		memcpy_fromio(dst->vaddr, src->vaddr_iomem, n * sizeof(u32));	/* expect: IOM003 */
		return;
	}

	s = src->vaddr;
	d = dst->vaddr;
	for (i = 0; i < n; i++)
		d[i] = s[i] & 0x3fffffff;	/* expect: IOM002 */
}

void mydrv_crtc_load_lut(struct mydrv_crtc *crtc)
{
	mydrv_copy_lut(&crtc->lut, &crtc->user_lut, crtc->lut_size);
}
