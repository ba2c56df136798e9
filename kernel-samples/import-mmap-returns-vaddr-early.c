/*
 * check-name: an mmap hook returns an imported buffer's vaddr early
 * check-description: the hook has several returns (a cached pointer, the
 *   import's vaddr, a vmap of the pages); the imported buffer may be I/O
 *   memory, so returning its vaddr is the bug, at that return.  The
 *   checked variant refuses I/O memory first.
 */
#include <linux/types.h>
#include <linux/err.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <linux/iosys-map.h>
#include <linux/dma-buf.h>

struct mydrv_bo {
	struct dma_buf *import;
	struct page **pages;
	unsigned int num_pages;
	void *vaddr;
};

void *mydrv_bo_mmap(struct mydrv_bo *obj)
{
	struct iosys_map map = { 0 };
	void *vaddr;
	int ret;

	if (obj->vaddr)
		return obj->vaddr;

	if (obj->import) {
		ret = dma_buf_vmap_unlocked(obj->import, &map);
		if (ret < 0)
			return ERR_PTR(ret);

		return map.vaddr;	/* expect: IOM003 */
	}

	vaddr = vmap(obj->pages, obj->num_pages, VM_MAP, PAGE_KERNEL);
	if (!vaddr)
		return ERR_PTR(-ENOMEM);

	return vaddr;
}

void *mydrv_bo_mmap_checked(struct mydrv_bo *obj)
{
	struct iosys_map map = { 0 };
	int ret;

	if (obj->vaddr)
		return obj->vaddr;

	ret = dma_buf_vmap_unlocked(obj->import, &map);
	if (ret < 0)
		return ERR_PTR(ret);
	if (map.is_iomem) {
		dma_buf_vunmap_unlocked(obj->import, &map);
		return ERR_PTR(-EIO);
	}
	return map.vaddr;
}
