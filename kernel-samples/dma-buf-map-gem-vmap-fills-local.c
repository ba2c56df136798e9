/*
 * check-name: v5.11 GEM vmap fills a local dma_buf_map before the copy
 * check-description: old generation, with the producer prototypes switched
 *   to struct dma_buf_map. drm_gem_vmap() receives &map and initialises it;
 *   the validity check and the three-argument copy read a defined flag.
 */
#define KSAMPLES_DMA_BUF_MAP_API
#include <linux/types.h>
#include <linux/dma-buf-map.h>
#include <linux/errno.h>
#include <drm/drm_gem.h>

struct cursor_plane {
	struct drm_gem_object *obj;
	u32 width, height;
};

int cursor_plane_upload(struct cursor_plane *cp, const u32 *argb)
{
	struct dma_buf_map map;
	size_t len = (size_t)cp->width * cp->height * sizeof(*argb);
	int ret;

	ret = drm_gem_vmap(cp->obj, &map);
	if (ret)
		return ret;

	if (dma_buf_map_is_null(&map)) {
		ret = -ENOMEM;
		goto out;
	}
	dma_buf_map_memcpy_to(&map, argb, len);
out:
	drm_gem_vunmap(cp->obj, &map);
	return ret;
}
