/*
 * check-name: ring and seqno maps handed around by value
 * check-description: a macro declares one inline function per area of the
 *   context image, each returning a copy of the BO's map moved to the area;
 *   a static writer takes the ring's map by value, moves it to the tail and
 *   copies with iosys_map_memcpy_to(); a fence keeps its seqno map by value.
 *   All through the helpers: silent.  A plain store through the copy's vaddr
 *   is the bug.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>

struct mydrv_bo {
	struct iosys_map vmap;
};

struct mydrv_lrc {
	struct mydrv_bo *bo;
	u32 ring_offset, seqno_offset;
	u32 tail, ring_size;
};

struct mydrv_fence {
	struct iosys_map seqno_map;
	u32 seqno;
};

#define MYDRV_MAP_HELPER(elem)							\
static inline struct iosys_map mydrv_lrc_##elem##_map(struct mydrv_lrc *lrc)	\
{										\
	struct iosys_map map = lrc->bo->vmap;					\
										\
	iosys_map_incr(&map, lrc->elem##_offset);				\
	return map;								\
}

MYDRV_MAP_HELPER(ring)
MYDRV_MAP_HELPER(seqno)

static void mydrv_lrc_write_ring_at(struct mydrv_lrc *lrc, struct iosys_map ring,
				    const void *data, size_t size)
{
	iosys_map_incr(&ring, lrc->tail);
	iosys_map_memcpy_to(&ring, 0, data, size);
	lrc->tail = (lrc->tail + size) & (lrc->ring_size - 1);
}

void mydrv_lrc_write_ring(struct mydrv_lrc *lrc, const void *data, size_t size)
{
	struct iosys_map ring = mydrv_lrc_ring_map(lrc);
	u32 rhs = lrc->ring_size - lrc->tail;

	if (size > rhs) {
		mydrv_lrc_write_ring_at(lrc, ring, data, rhs);
		mydrv_lrc_write_ring_at(lrc, ring, (const u8 *)data + rhs, size - rhs);
	} else {
		mydrv_lrc_write_ring_at(lrc, ring, data, size);
	}
}

void mydrv_fence_init(struct mydrv_fence *fence, struct iosys_map seqno_map, u32 seqno)
{
	fence->seqno_map = seqno_map;
	fence->seqno = seqno;
}

bool mydrv_fence_signaled(struct mydrv_fence *fence)
{
	return iosys_map_rd(&fence->seqno_map, 0, u32) >= fence->seqno;
}

void mydrv_lrc_fence(struct mydrv_lrc *lrc, struct mydrv_fence *fence, u32 seqno)
{
	mydrv_fence_init(fence, mydrv_lrc_seqno_map(lrc), seqno);
}

void mydrv_lrc_set_seqno_raw(struct mydrv_lrc *lrc, u32 seqno)
{
	struct iosys_map map = mydrv_lrc_seqno_map(lrc);

	*(u32 *)map.vaddr = seqno;	/* expect: IOM002 */
}
