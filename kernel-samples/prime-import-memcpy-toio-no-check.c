/*
 * check-name: imported dma-buf written with memcpy_toio without testing is_iomem
 * check-description: dma_buf_vmap gives whatever the exporter has, often
 *   system memory; memcpy_toio on vaddr_iomem assumes I/O (IOM004).
 *   iosys_map_memcpy_to is the fix.
 */
#include <linux/kernel.h>
#include <linux/dma-buf.h>
#include <linux/iosys-map.h>

struct mydrv_import {
	struct dma_buf *dmabuf;
	size_t size;
};

int mydrv_import_upload(struct mydrv_import *imp, const void *data, size_t len)
{
	struct iosys_map map;
	int ret;

	if (len > imp->size)
		return -EINVAL;

	ret = dma_buf_vmap(imp->dmabuf, &map);
	if (ret)
		return ret;

	memcpy_toio(map.vaddr_iomem, data, len);	/* expect: IOM004 */

	dma_buf_vunmap(imp->dmabuf, &map);
	return 0;
}

int mydrv_import_download(struct mydrv_import *imp, void *data, size_t len)
{
	struct iosys_map map;
	int ret;

	ret = dma_buf_vmap(imp->dmabuf, &map);
	if (ret)
		return ret;

	memcpy_fromio(data, map.vaddr_iomem, min(len, imp->size));	/* expect: IOM004 */

	dma_buf_vunmap(imp->dmabuf, &map);
	return 0;
}
