/*
 * check-name: maps initialised with { 0 } before an import's vmap
 * check-description: `= { 0 }` (and `{0}`, `{ NULL }`, or a struct whose first member is
 *   a map) zero-fills the map: a zero store, no write of its members.  The
 *   imported buffer may be I/O memory: copying through the helpers is the
 *   idiom, a memset() of vaddr the bug.
 */
#include <linux/types.h>
#include <linux/err.h>
#include <linux/string.h>
#include <linux/iosys-map.h>
#include <linux/dma-buf.h>

struct mydrv_import_bo {
	struct dma_buf *dmabuf;
	void *vaddr;
	size_t size;
};

struct mydrv_blit_maps {
	struct iosys_map map;
	size_t offset;
};

void *mydrv_import_bo_mmap(struct mydrv_import_bo *bo)
{
	struct iosys_map map = { 0 };
	int ret;

	if (bo->vaddr)
		return bo->vaddr;

	ret = dma_buf_vmap_unlocked(bo->dmabuf, &map);
	if (ret < 0)
		return ERR_PTR(ret);
	if (map.is_iomem) {
		dma_buf_vunmap_unlocked(bo->dmabuf, &map);
		return ERR_PTR(-EINVAL);
	}
	return map.vaddr;
}

int mydrv_import_bo_copy(struct mydrv_import_bo *dst, struct mydrv_import_bo *src, size_t len)
{
	struct iosys_map dst_map = {0};
	struct iosys_map src_map = {0};
	struct mydrv_blit_maps tmp = { 0 };
	int ret;

	ret = dma_buf_vmap(src->dmabuf, &src_map);
	if (ret)
		return ret;
	ret = dma_buf_vmap(dst->dmabuf, &dst_map);
	if (ret)
		goto out_src;

	if (iosys_map_is_null(&tmp.map))
		iosys_map_memcpy_to(&dst_map, 0, src->vaddr, len);
	dma_buf_vunmap(dst->dmabuf, &dst_map);
out_src:
	dma_buf_vunmap(src->dmabuf, &src_map);
	return ret;
}

int mydrv_import_bo_clear(struct mydrv_import_bo *bo)
{
	struct iosys_map map = { NULL };
	int ret;

	ret = dma_buf_vmap(bo->dmabuf, &map);
	if (ret)
		return ret;
	memset(map.vaddr, 0, bo->size);	/* expect: IOM003 */
	dma_buf_vunmap(bo->dmabuf, &map);
	return 0;
}
