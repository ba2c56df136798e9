/*
 * check-name: printing a map address with %p is not an escape
 * check-description: the map comes from drm_gem_vmap and may be I/O memory;
 *   pr_debug, printk and dev_dbg only print the pointer value.
 */
#include <linux/kernel.h>
#include <linux/device.h>
#include <linux/iosys-map.h>
#include <drm/drm_gem.h>

int mydrv_gem_vmap_traced(struct drm_gem_object *obj, struct iosys_map *map)
{
	struct device *dev = obj->dev->dev;
	int ret;

	ret = drm_gem_vmap(obj, map);
	if (ret) {
		pr_err("mydrv: vmap of %zu bytes failed: %d\n", obj->size, ret);
		return ret;
	}

	pr_debug("vmapped obj %p at %p\n", obj, map->vaddr);
	printk(KERN_DEBUG "mydrv: vaddr %p (%s)\n", map->vaddr,
	       map->is_iomem ? "io" : "sys");
	dev_dbg(dev, "mapping of %zu bytes at %p\n", obj->size, map->vaddr);

	return 0;
}

void mydrv_gem_vunmap_traced(struct drm_gem_object *obj, struct iosys_map *map)
{
	pr_debug("unmapping obj %p from %p\n", obj, map->vaddr);
	drm_gem_vunmap(obj, map);
}
