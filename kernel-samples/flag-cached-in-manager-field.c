/*
 * check-name: the flag copied into a manager struct and branched on later
 * check-description: the sub-allocator caches is_iomem of its backing map in
 *   a field of its own and picks memcpy_toio or memcpy by that field.  The
 *   cached field holds the map's own flag, so the branch is a real guard.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/iosys-map.h>

struct mysa_manager {
	struct iosys_map map;
	bool is_iomem;
	size_t size;
};

void mysa_init(struct mysa_manager *sa, struct iosys_map *backing)
{
	sa->map = *backing;
	sa->is_iomem = backing->is_iomem;
}

void mysa_flush(struct mysa_manager *sa, size_t off, const void *src, size_t len)
{
	sa->is_iomem = sa->map.is_iomem;
	if (sa->is_iomem)
		memcpy_toio(sa->map.vaddr_iomem + off, src, len);
	else
		memcpy(sa->map.vaddr + off, src, len);
}

void mysa_flush_local(struct iosys_map *map, size_t off, const void *src, size_t len)
{
	struct { bool io; size_t off; } st = { .io = map->is_iomem, .off = off };

	if (st.io)
		memcpy_toio(map->vaddr_iomem + st.off, src, len);
	else
		memcpy(map->vaddr + st.off, src, len);
}
