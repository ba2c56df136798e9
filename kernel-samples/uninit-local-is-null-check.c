/*
 * check-name: validity check on a local map before anything fills it
 * check-description: the vmap call was moved below the check during a
 *   refactor; the helper reads an indeterminate is_iomem.
 */
#include <linux/ksamples-maybe-uninitialized.h>
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/errno.h>
#include <linux/dma-buf.h>

struct import_attach {
	struct dma_buf *dmabuf;
	struct iosys_map map;
	bool mapped;
};

int import_attach_vmap(struct import_attach *ia)
{
	struct iosys_map map;
	int ret;

	if (ia->mapped)
		return 0;
	if (iosys_map_is_null(&map)) {	/* expect: IOM008 */
		ret = dma_buf_vmap(ia->dmabuf, &map);
		if (ret)
			return ret;
	}

	ia->map = map;
	ia->mapped = true;
	return 0;
}
