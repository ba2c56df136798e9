/*
 * check-name: selftest vmaps a dma-buf of its own system-memory exporter
 * check-description: right, reported anyway (a known false positive). The
 *   test exports a buffer through an exporter defined in this file, whose
 *   vmap only ever sets system memory, then reads and fills map.vaddr
 *   with plain memchr_inv()/memset(). dma_buf_vmap() dispatches through
 *   dmabuf->ops, and which ops table this dmabuf carries is decided at run
 *   time in selftest_export(); callback pairs only relate members of one
 *   initialiser, so the vmap result stays "either kind" here.
 */
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <linux/dma-buf.h>
#include <linux/iosys-map.h>

struct selftest_buf {
	void *vaddr;
	size_t size;
};

extern struct dma_buf *selftest_export(const struct dma_buf_ops *ops, struct selftest_buf *buf);
extern void selftest_put(struct dma_buf *dmabuf);
extern void *memchr_inv(const void *start, int c, size_t bytes);

static int selftest_buf_vmap(struct dma_buf *dmabuf, struct iosys_map *map)
{
	struct selftest_buf *buf = dmabuf->priv;

	iosys_map_set_vaddr(map, buf->vaddr);
	return 0;
}

static void selftest_buf_vunmap(struct dma_buf *dmabuf, struct iosys_map *map)
{
}

static const struct dma_buf_ops selftest_buf_ops = {
	.vmap = selftest_buf_vmap,
	.vunmap = selftest_buf_vunmap,
};

int selftest_export_vmap(struct selftest_buf *buf)
{
	struct dma_buf *dmabuf = selftest_export(&selftest_buf_ops, buf);
	struct iosys_map map;
	int err;

	if (!dmabuf)
		return -ENOMEM;
	err = dma_buf_vmap(dmabuf, &map);
	if (err)
		goto out;
	if (memchr_inv(map.vaddr, 0, dmabuf->size))	/* known-fp: IOM003 */
		err = -EINVAL;
	memset(map.vaddr, 0xc5, dmabuf->size);	/* known-fp: IOM003 */
	dma_buf_vunmap(dmabuf, &map);
out:
	selftest_put(dmabuf);
	return err;
}
