/*
 * check-name: exporter vmap hands out a cached map, vunmap assumes system
 * check-description: the vmap callback copies a map cached in the object,
 *   whose kind this file cannot know; pairing gives the vunmap no fact, so
 *   its raw map->vaddr is reported as before. The early is_null return is
 *   fine.
 */
#include <linux/types.h>
#include <linux/vmalloc.h>
#include <linux/dma-buf.h>
#include <linux/iosys-map.h>

struct cached_export {
	struct iosys_map map;
	unsigned int users;
};

extern struct cached_export *to_cached_export(struct dma_buf *dmabuf);

static int cached_export_vmap(struct dma_buf *dmabuf, struct iosys_map *map)
{
	struct cached_export *ce = to_cached_export(dmabuf);

	ce->users++;
	*map = ce->map;
	return 0;
}

static void cached_export_vunmap(struct dma_buf *dmabuf, struct iosys_map *map)
{
	struct cached_export *ce = to_cached_export(dmabuf);

	if (iosys_map_is_null(map) || --ce->users)
		return;
	vunmap(map->vaddr);	/* expect: IOM003 */
}

const struct dma_buf_ops cached_export_ops = {
	.vmap = cached_export_vmap,
	.vunmap = cached_export_vunmap,
};
