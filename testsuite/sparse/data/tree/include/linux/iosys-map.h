/* SPDX-License-Identifier: GPL-2.0 */
/*
 * iomemcheck-sparse test tree: a map header in the v5.18+ shape (struct
 * iosys_map), written for the test suite.  Besides the usual helpers it
 * holds a few extra ones that only exist to give the annotator every
 * syntactic shape of a member access: through a call, an array element,
 * pointer arithmetic, sizeof, a multi-line macro.  Text in comments and
 * strings such as map->vaddr or .vaddr_iomem = x must stay as it is.
 */
#ifndef FIXTURE_IOSYS_MAP_H
#define FIXTURE_IOSYS_MAP_H

#include <linux/types.h>
#ifdef CONFIG_64BIT
#include <linux/io.h>
#endif
#include <linux/string.h>

struct iosys_map {
	union {
		void __iomem *vaddr_iomem;	/* valid when is_iomem */
		void *vaddr;			/* valid otherwise */
	};
	bool is_iomem;
};

#define IOSYS_MAP_DESCRIPTION	"map->vaddr or map->vaddr_iomem"

#define IOSYS_MAP_INIT_VADDR(vaddr_)	{ .vaddr = (vaddr_), .is_iomem = false }

#define IOSYS_MAP_INIT_VADDR_IOMEM(vaddr_iomem_)	\
	{						\
		.is_iomem = true,			\
		.vaddr_iomem = (vaddr_iomem_)		\
	}

#define IOSYS_MAP_INIT_OFFSET(map_, offset_) ({		\
	struct iosys_map copy_ = *(map_);		\
	iosys_map_incr(&copy_, (offset_));		\
	copy_;						\
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

static inline bool iosys_map_is_equal(const struct iosys_map *lhs,
				      const struct iosys_map *rhs)
{
	if (lhs->is_iomem != rhs->is_iomem)
		return false;
	return lhs->is_iomem ? lhs->vaddr_iomem == rhs->vaddr_iomem
			     : lhs->vaddr == rhs->vaddr;
}

static inline bool iosys_map_is_null(const struct iosys_map *map)
{
	/* !map->vaddr alone would be wrong for an I/O map */
	return map->is_iomem ? !map->vaddr_iomem : !map->vaddr;
}

static inline bool iosys_map_is_set(const struct iosys_map *map)
{
	return !iosys_map_is_null(map);
}

static inline void iosys_map_clear(struct iosys_map *map)
{
	memset(map, 0, sizeof(*map));
}

static inline void iosys_map_memcpy_to(struct iosys_map *dst, size_t dst_offset,
				       const void *src, size_t len)
{
	if (dst->is_iomem)
		memcpy_toio(dst->vaddr_iomem + dst_offset, src, len);
	else
		memcpy(dst->vaddr + dst_offset, src, len);
}

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

/* Test-suite helpers: more shapes of member accesses. */
static inline struct iosys_map *iosys_map_test_pick(struct iosys_map *maps,
						    int i)
{
	return &maps[i];
}

static inline bool iosys_map_test_same_sys(struct iosys_map *maps, int i)
{
	return !maps[0].is_iomem && !iosys_map_test_pick(maps, i)->is_iomem &&
	       iosys_map_test_pick(maps, i)->vaddr == (maps + 0)->vaddr;
}

static inline size_t iosys_map_test_ptr_size(const struct iosys_map *map)
{
	return map->is_iomem ? sizeof(map->vaddr_iomem) : sizeof map->vaddr;
}

#define __iosys_map_rd_io(val__, addr__, type__)			\
	((val__) = (type__)__builtin_choose_expr(sizeof(type__) == 4,	\
						 readl(addr__), readq(addr__)))
#define __iosys_map_wr_io(val__, addr__, type__)			\
	__builtin_choose_expr(sizeof(type__) == 4,			\
			      writel((u32)(val__), addr__),		\
			      writeq((u64)(val__), addr__))

#define iosys_map_rd(map__, offset__, type__) ({			\
	type__ val_;							\
	if ((map__)->is_iomem)						\
		__iosys_map_rd_io(val_, (map__)->vaddr_iomem + (offset__), \
				  type__);				\
	else								\
		val_ = READ_ONCE(*(type__ *)((map__)->vaddr + (offset__))); \
	val_;								\
})

#define iosys_map_wr(map__, offset__, type__, val__) ({			\
	type__ val_ = (val__);						\
	if ((map__)->is_iomem)						\
		__iosys_map_wr_io(val_, (map__)->vaddr_iomem + (offset__), \
				  type__);				\
	else								\
		WRITE_ONCE(*(type__ *)((map__)->vaddr + (offset__)), val_); \
})

#define iosys_map_rd_field(map__, struct_offset__, struct_type__, field__) ({ \
	struct_type__ *s_;						\
	iosys_map_rd(map__, (struct_offset__) +				\
		     offsetof(struct_type__, field__),			\
		     __typeof__(s_->field__));				\
})

#define iosys_map_wr_field(map__, struct_offset__, struct_type__, field__, val__) ({ \
	struct_type__ *s_;						\
	iosys_map_wr(map__, (struct_offset__) +				\
		     offsetof(struct_type__, field__),			\
		     __typeof__(s_->field__), val__);			\
})

#endif /* FIXTURE_IOSYS_MAP_H */
