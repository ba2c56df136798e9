/*
 * check-name: GEM vunmap callback, ops table written before the callbacks
 * check-description: the driver's drm_gem_object_funcs initialiser comes
 *   first and names callbacks defined further down; the vmap callback maps
 *   pages or reuses the DMA allocation's kernel address, both system memory,
 *   and returns an error without touching the map otherwise. The vunmap
 *   callback gets the map the vmap filled, so its map->vaddr is a system
 *   address whatever order the compiler emits the functions in.
 */
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <drm/drm_gem.h>
#include <linux/iosys-map.h>

struct pix_gem_object {
	struct drm_gem_object base;
	struct page **pages;
	unsigned int num_pages;
	void *kvaddr;
	bool no_kernel_mapping;
};

int pix_gem_vmap(struct drm_gem_object *obj, struct iosys_map *map);
void pix_gem_vunmap(struct drm_gem_object *obj, struct iosys_map *map);
extern void pix_gem_free(struct drm_gem_object *obj);

const struct drm_gem_object_funcs pix_gem_funcs = {
	.free = pix_gem_free,
	.vmap = pix_gem_vmap,
	.vunmap = pix_gem_vunmap,
};

#define to_pix_obj(o)	((struct pix_gem_object *)(o))

int pix_gem_vmap(struct drm_gem_object *obj, struct iosys_map *map)
{
	struct pix_gem_object *pix = to_pix_obj(obj);

	if (pix->pages) {
		void *vaddr = vmap(pix->pages, pix->num_pages, VM_MAP, PAGE_KERNEL);

		if (!vaddr)
			return -ENOMEM;
		iosys_map_set_vaddr(map, vaddr);
		return 0;
	}
	if (pix->no_kernel_mapping)
		return -ENOMEM;
	iosys_map_set_vaddr(map, pix->kvaddr);
	return 0;
}

void pix_gem_vunmap(struct drm_gem_object *obj, struct iosys_map *map)
{
	struct pix_gem_object *pix = to_pix_obj(obj);

	if (pix->pages)
		vunmap(map->vaddr);
}
