/*
 * check-name: a plain pointer to I/O memory cast back before the I/O accessor
 * check-description: the driver keeps one void * for both kinds but hands it
 *   to memcpy_toio() (cast back to __iomem) when the map is I/O memory and to
 *   memcpy() otherwise.  Both accesses are right.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/iosys-map.h>

void mybo_upload(struct iosys_map *map, const void *src, size_t len)
{
	void *kptr;

	if (map->is_iomem)
		kptr = (void __force *)map->vaddr_iomem;
	else
		kptr = map->vaddr;

	if (map->is_iomem)
		memcpy_toio((void __iomem *)kptr, src, len);
	else
		memcpy(kptr, src, len);
}
