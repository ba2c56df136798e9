/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * iomemcheck kernel-samples: struct iosys_map and its helpers.
 *
 * Same names, signatures and behaviour as the kernel's include/linux/iosys-map.h
 * (v6.1 API: iosys_map_clear() still reads is_iomem), written from the API
 * description for the sample corpus.
 *
 * A map refers either to system memory (vaddr, is_iomem == false) or to I/O
 * memory (vaddr_iomem, is_iomem == true).  Code should not look inside; use
 * the helpers below, which pick the right accessor for the memory type.
 */
#ifndef __KS_LINUX_IOSYS_MAP_H__
#define __KS_LINUX_IOSYS_MAP_H__

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/io.h>
#include <linux/string.h>

struct iosys_map {
	union {
		void __iomem *vaddr_iomem;
		void *vaddr;
	};
	bool is_iomem;
};

/* Initialisers. */
#define IOSYS_MAP_INIT_VADDR(vaddr_)					\
	{								\
		.vaddr = (vaddr_),					\
		.is_iomem = false,					\
	}

#define IOSYS_MAP_INIT_VADDR_IOMEM(vaddr_iomem_)			\
	{								\
		.vaddr_iomem = (vaddr_iomem_),				\
		.is_iomem = true,					\
	}

/*
 * IOSYS_MAP_INIT_OFFSET - a copy of the map at @map_ (a pointer), moved by
 * @offset_ bytes.  The original map is left alone.
 */
#define IOSYS_MAP_INIT_OFFSET(map_, offset_) ({				\
	struct iosys_map copy_ = *map_;					\
	iosys_map_incr(&copy_, offset_);				\
	copy_;								\
})

static inline void iosys_map_set_vaddr(struct iosys_map *map, void *vaddr)
{
	map->vaddr = vaddr;
	map->is_iomem = false;
}

static inline void iosys_map_set_vaddr_iomem(struct iosys_map *map,
					     void __iomem *vaddr_iomem)
{
	map->vaddr_iomem = vaddr_iomem;
	map->is_iomem = true;
}

/* Maps of different memory types never compare equal. */
static inline bool iosys_map_is_equal(const struct iosys_map *lhs,
				      const struct iosys_map *rhs)
{
	if (lhs->is_iomem != rhs->is_iomem)
		return false;
	if (lhs->is_iomem)
		return lhs->vaddr_iomem == rhs->vaddr_iomem;
	return lhs->vaddr == rhs->vaddr;
}

static inline bool iosys_map_is_null(const struct iosys_map *map)
{
	if (map->is_iomem)
		return !map->vaddr_iomem;
	return !map->vaddr;
}

static inline bool iosys_map_is_set(const struct iosys_map *map)
{
	return !iosys_map_is_null(map);
}

/* A cleared map is a NULL system-memory map. */
static inline void iosys_map_clear(struct iosys_map *map)
{
	if (map->is_iomem) {
		map->vaddr_iomem = NULL;
		map->is_iomem = false;
	} else {
		map->vaddr = NULL;
	}
}

/* Copy @len bytes from system memory at @src to @dst at @dst_offset. */
static inline void iosys_map_memcpy_to(struct iosys_map *dst, size_t dst_offset,
				       const void *src, size_t len)
{
	if (dst->is_iomem)
		memcpy_toio(dst->vaddr_iomem + dst_offset, src, len);
	else
		memcpy(dst->vaddr + dst_offset, src, len);
}

/* Copy @len bytes from @src at @src_offset to system memory at @dst. */
static inline void iosys_map_memcpy_from(void *dst, const struct iosys_map *src,
					 size_t src_offset, size_t len)
{
	if (src->is_iomem)
		memcpy_fromio(dst, src->vaddr_iomem + src_offset, len);
	else
		memcpy(dst, src->vaddr + src_offset, len);
}

static inline void iosys_map_incr(struct iosys_map *map, size_t incr)
{
	if (map->is_iomem)
		map->vaddr_iomem += incr;
	else
		map->vaddr += incr;
}

static inline void iosys_map_memset(struct iosys_map *dst, size_t offset,
				    int value, size_t len)
{
	if (dst->is_iomem)
		memset_io(dst->vaddr_iomem + offset, value, len);
	else
		memset(dst->vaddr + offset, value, len);
}

/*
 * Per-word accessors.  These are macros: the map argument is expanded more
 * than once and the is_iomem branch ends up in the caller.  Only 1, 2, 4 and
 * 8 byte types are supported; the I/O accessor is chosen by size.
 */
#define __iosys_map_rd_sys(val__, vaddr__, type__)			\
	((val__) = READ_ONCE(*(type__ *)(vaddr__)))

#define __iosys_map_wr_sys(val__, vaddr__, type__)			\
	WRITE_ONCE(*(type__ *)(vaddr__), (val__))

#define __iosys_map_rd_io(val__, vaddr_iomem__, type__)			\
	((val__) = (type__)						\
	 __builtin_choose_expr(sizeof(type__) == 1, readb(vaddr_iomem__), \
	 __builtin_choose_expr(sizeof(type__) == 2, readw(vaddr_iomem__), \
	 __builtin_choose_expr(sizeof(type__) == 4, readl(vaddr_iomem__), \
			       readq(vaddr_iomem__)))))

#define __iosys_map_wr_io(val__, vaddr_iomem__, type__)			\
	__builtin_choose_expr(sizeof(type__) == 1,			\
		writeb((u8)(val__), vaddr_iomem__),			\
	__builtin_choose_expr(sizeof(type__) == 2,			\
		writew((u16)(val__), vaddr_iomem__),			\
	__builtin_choose_expr(sizeof(type__) == 4,			\
		writel((u32)(val__), vaddr_iomem__),			\
		writeq((u64)(val__), vaddr_iomem__))))

/* Read one @type__ at byte offset @offset__ of the map @map__ (a pointer). */
#define iosys_map_rd(map__, offset__, type__) ({			\
	type__ val_;							\
	BUILD_BUG_ON(sizeof(type__) != 1 && sizeof(type__) != 2 &&	\
		     sizeof(type__) != 4 && sizeof(type__) != 8);	\
	if ((map__)->is_iomem) {					\
		__iosys_map_rd_io(val_, (map__)->vaddr_iomem + (offset__), \
				  type__);				\
	} else {							\
		__iosys_map_rd_sys(val_, (map__)->vaddr + (offset__),	\
				   type__);				\
	}								\
	val_;								\
})

/* Write @val__ as one @type__ at byte offset @offset__ of the map @map__. */
#define iosys_map_wr(map__, offset__, type__, val__) ({			\
	type__ val_ = (val__);						\
	BUILD_BUG_ON(sizeof(type__) != 1 && sizeof(type__) != 2 &&	\
		     sizeof(type__) != 4 && sizeof(type__) != 8);	\
	if ((map__)->is_iomem) {					\
		__iosys_map_wr_io(val_, (map__)->vaddr_iomem + (offset__), \
				  type__);				\
	} else {							\
		__iosys_map_wr_sys(val_, (map__)->vaddr + (offset__),	\
				   type__);				\
	}								\
})

/*
 * Read/write a field of a struct @struct_type__ that starts at byte offset
 * @struct_offset__ of the map; the access width is the field's type.
 */
#define iosys_map_rd_field(map__, struct_offset__, struct_type__, field__) ({ \
	struct_type__ *s_ __maybe_unused;				\
	iosys_map_rd(map__, (struct_offset__) +				\
		     offsetof(struct_type__, field__),			\
		     __typeof__(s_->field__));				\
})

#define iosys_map_wr_field(map__, struct_offset__, struct_type__, field__, val__) ({ \
	struct_type__ *s_ __maybe_unused;				\
	iosys_map_wr(map__, (struct_offset__) +				\
		     offsetof(struct_type__, field__),			\
		     __typeof__(s_->field__), val__);			\
})

#endif /* __KS_LINUX_IOSYS_MAP_H__ */
