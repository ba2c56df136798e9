/*
 * check-name: a static helper returns the map's flag and the callers branch on it
 * check-description: mybo_is_iomem() returns bo->map.is_iomem,
 *   mybo_is_system() the negation of a map's flag through a local,
 *   mygem_vram() the flag of the map a member points to; the callers branch
 *   on the result and use the member that is valid on each branch, as the
 *   kernel's bo helpers do.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/string.h>
#include <linux/iosys-map.h>

struct mybo {
	struct iosys_map map;
	size_t size;
};

struct mygem {
	struct iosys_map *vmap;
	size_t size;
};

static bool mybo_is_iomem(struct mybo *bo)
{
	return bo->map.is_iomem;
}

static bool mybo_is_system(const struct iosys_map *map)
{
	bool io = map->is_iomem;

	return !io;
}

void mybo_upload(struct mybo *bo, const void *src, size_t len)
{
	if (mybo_is_iomem(bo))
		memcpy_toio(bo->map.vaddr_iomem, src, len);
	else
		memcpy(bo->map.vaddr, src, len);
}

void mybo_clear(struct mybo *bo)
{
	if (mybo_is_system(&bo->map))
		memset(bo->map.vaddr, 0, bo->size);
	else
		memset_io(bo->map.vaddr_iomem, 0, bo->size);
}

u32 mybo_peek(struct mybo *bo)
{
	bool io = mybo_is_iomem(bo);

	if (!io)
		return *(u32 *)bo->map.vaddr;
	return readl(bo->map.vaddr_iomem);
}

static bool mygem_vram(const struct mygem *gem)
{
	return gem->vmap->is_iomem;
}

void mygem_fill(struct mygem *gem, int c)
{
	if (mygem_vram(gem))
		memset_io(gem->vmap->vaddr_iomem, c, gem->size);
	else
		memset(gem->vmap->vaddr, c, gem->size);
}
