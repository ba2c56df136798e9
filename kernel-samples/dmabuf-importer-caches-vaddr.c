/*
 * check-name: dma-buf importer caches the kernel address of the buffer
 * check-description: the exporter decides the memory kind; keeping map.vaddr
 *   in the importer's own struct (NULL on failure) and using it later as
 *   system memory is wrong when the exporter hands out I/O memory.
 * check-known-difference: sparse: the store to buf->vaddr is forwarded to the return's load (extra IOM003)
 */
#include <linux/iosys-map.h>
#include <linux/dma-buf.h>

struct mydrv_capture_buf {
	struct dma_buf *dbuf;
	struct iosys_map map;
	void *vaddr;
};

void *mydrv_capture_vaddr(struct mydrv_capture_buf *buf)
{
	struct iosys_map map;
	int ret;

	if (buf->vaddr)
		return buf->vaddr;
	ret = dma_buf_vmap(buf->dbuf, &map);
	buf->vaddr = ret ? NULL : map.vaddr;	/* expect: IOM003 */
	if (!ret)
		buf->map = map;
	return buf->vaddr;
}
