/*
 * check-name: strict mode reports the members used by a branching teardown
 * check-description: idiom I11 passes the default rules; with IOM010 on,
 *   the two member loads are still raw uses.
 * check-enable: IOM010
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/io.h>
#include <linux/vmalloc.h>

struct kmap_cache {
	struct iosys_map map;
	unsigned int users;
};

void kmap_cache_release(struct kmap_cache *kc)
{
	struct iosys_map *m = &kc->map;

	if (iosys_map_is_null(m) || --kc->users)
		return;

	if (!m->is_iomem)
		vunmap(m->vaddr);	/* expect: IOM010 */
	else
		iounmap(m->vaddr_iomem);	/* expect: IOM010 */

	iosys_map_clear(m);
}
