/*
 * check-name: VRAM upload bails out with goto unless the map is I/O
 * check-description: after "if (!map.is_iomem) goto err" the map from
 *   ttm_bo_vmap is I/O; memcpy_toio and writel on vaddr_iomem are right.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/iosys-map.h>
#include <drm/ttm/ttm_bo.h>

#define UPLOAD_DONE_MAGIC	0x600dcafe

int mydrv_vram_upload(struct ttm_buffer_object *bo, const void *data, size_t len)
{
	struct iosys_map map;
	int ret;

	if (len + 4 > bo->base.size)
		return -EINVAL;

	ret = ttm_bo_vmap(bo, &map);
	if (ret)
		return ret;

	if (!map.is_iomem) {
		ret = -ENODEV;
		goto err_vunmap;
	}

	memcpy_toio(map.vaddr_iomem, data, len);
	writel(UPLOAD_DONE_MAGIC, map.vaddr_iomem + ALIGN(len, 4));
	ret = 0;

err_vunmap:
	ttm_bo_vunmap(bo, &map);
	return ret;
}
