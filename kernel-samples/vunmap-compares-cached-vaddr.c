/*
 * check-name: vunmap compares the map's pointer with a cached one
 * check-description: an exporter's vunmap unmaps the map only when its
 *   pointer is not the kernel mapping the object keeps: comparing two
 *   addresses reads no memory and is no NULL test, so it is silent.  A NULL
 *   test of the same pointer next to it is still IOM006.
 */
#include <linux/types.h>
#include <linux/vmalloc.h>
#include <linux/iosys-map.h>

struct pages_obj {
	void **pages;
	void *kvaddr;
};

void pages_obj_vunmap(struct pages_obj *obj, struct iosys_map *map)
{
	if (obj->pages) {
		if (map->vaddr != obj->kvaddr)
			vunmap(map->vaddr);		/* expect: IOM003 */
		return;
	}
	if (map->vaddr == NULL)			/* expect: IOM006 */
		return;
	obj->kvaddr = NULL;
}
