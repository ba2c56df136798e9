/*
 * check-name: upload with the is_iomem test inverted
 * check-description: the I/O accessor ends up on the !is_iomem side, where
 *   vaddr_iomem is not valid (IOM004), and the plain memcpy of vaddr on the
 *   I/O side (IOM003).
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/iosys-map.h>

struct mydrv_upload {
	struct iosys_map dst;
	size_t offset;
};

void mydrv_upload_chunk(struct mydrv_upload *up, const void *src, size_t len)
{
	if (!up->dst.is_iomem)
		memcpy_toio(up->dst.vaddr_iomem + up->offset, src, len);	/* expect: IOM004 */
	else
		memcpy(up->dst.vaddr + up->offset, src, len);	/* expect: IOM003 */

	up->offset += len;
}
