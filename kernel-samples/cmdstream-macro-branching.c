/*
 * check-name: command-stream accessors as driver macros that branch
 * check-description: MYDRV_RD32 is a statement expression and MYDRV_WR32 a
 *   do/while; both test is_iomem and use readl/writel or a plain access on
 *   the matching member.  The map argument is expanded several times.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/iosys-map.h>

#define MYDRV_RD32(map, off) ({						\
	u32 __v;							\
	if ((map)->is_iomem)						\
		__v = readl((map)->vaddr_iomem + (off));		\
	else								\
		__v = READ_ONCE(*(u32 *)((map)->vaddr + (off)));	\
	__v;								\
})

#define MYDRV_WR32(map, off, val) do {					\
	if ((map)->is_iomem)						\
		writel((val), (map)->vaddr_iomem + (off));		\
	else								\
		WRITE_ONCE(*(u32 *)((map)->vaddr + (off)), (val));	\
} while (0)

#define RING_HEAD	0x00
#define RING_START	0x40

struct mydrv_ring {
	struct iosys_map vmap;	/* header page followed by the ring */
	u32 tail;
	u32 size;
};

u32 mydrv_ring_space(struct mydrv_ring *ring)
{
	u32 head = MYDRV_RD32(&ring->vmap, RING_HEAD);

	return (head - ring->tail - 4) & (ring->size - 1);
}

int mydrv_ring_emit(struct mydrv_ring *ring, const u32 *cmds, unsigned int n)
{
	unsigned int i;

	if (mydrv_ring_space(ring) < n * 4)
		return -ENOSPC;

	for (i = 0; i < n; i++) {
		MYDRV_WR32(&ring->vmap, RING_START + ring->tail, cmds[i]);
		ring->tail = (ring->tail + 4) & (ring->size - 1);
	}
	return 0;
}
