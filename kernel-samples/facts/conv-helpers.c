/*
 * check-name: facts: conversion helpers of another file
 * check-description: not a sample on its own: the samples that name it
 *   among their facts use what each engine summarises of it.  Helpers that read the
 *   maps they are handed and never write them, one that fills its map with
 *   system memory, one that maps I/O memory into it, one that copies a map
 *   from memory nobody can see, and a static one other files cannot call.
 */
#include <linux/types.h>
#include <linux/io.h>
#include <linux/iosys-map.h>

void conv_row(u8 *dst, const u8 *src, size_t len);
void conv_row_toio(void __iomem *dst, const u8 *src, size_t len);

/* Reads both maps (and branches on the destination's kind): writes neither. */
void conv_xrgb_to_rgb565(struct iosys_map *dst, const struct iosys_map *src, size_t len)
{
	if (dst->is_iomem)
		conv_row_toio(dst->vaddr_iomem, src->vaddr, len);
	else
		conv_row(dst->vaddr, src->vaddr, len);
}

/* The helper above through a static one of this file: still no write. */
static void conv_line(struct iosys_map *dst, const struct iosys_map *src, size_t len)
{
	conv_xrgb_to_rgb565(dst, src, len);
}

void conv_xrgb_to_gray8(struct iosys_map *dst, const struct iosys_map *src, size_t len)
{
	conv_line(dst, src, len);
}

/* Fills its map with a kernel buffer: system memory on return. */
void shadow_fill(struct iosys_map *map, void *buf)
{
	iosys_map_set_vaddr(map, buf);
}

/* Maps a register window: I/O memory on return. */
int regs_map(struct iosys_map *map, phys_addr_t base, size_t size)
{
	void __iomem *regs = ioremap(base, size);

	if (!regs)
		return -12;
	iosys_map_set_vaddr_iomem(map, regs);
	return 0;
}

struct bo_cache {
	struct iosys_map map;
};

/* Copies a map it cannot see the kind of: either kind on return. */
void bo_cache_get(struct iosys_map *map, const struct bo_cache *cache)
{
	*map = cache->map;
}

/* Static: a call from another file reaches a function of its own file. */
static void shadow_touch(struct iosys_map *map, void __iomem *regs)
{
	iosys_map_set_vaddr_iomem(map, regs);
}

void regs_touch(struct iosys_map *map, void __iomem *regs)
{
	shadow_touch(map, regs);
}
