/*
 * check-name: 16-byte descriptor copied into and out of a ring with memcpy
 * check-description: GCC turns a memcpy of 16 bytes into a load and a
 *   store, so these are plain accesses to a ring that may be I/O memory.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

struct mydrv_desc {
	u64 addr;
	u32 len;
	u32 flags;
};

struct mydrv_queue {
	struct iosys_map ring;
	u32 head;
	u32 tail;
	u32 entries;
};

void mydrv_queue_push(struct mydrv_queue *q, const struct mydrv_desc *d)
{
	size_t off = (size_t)q->tail * sizeof(*d);

	memcpy(q->ring.vaddr + off, d, sizeof(*d));	/* expect: IOM002 */
	q->tail = (q->tail + 1) % q->entries;
}

struct mydrv_desc mydrv_queue_pop(struct mydrv_queue *q)
{
	struct mydrv_desc d;

	memcpy(&d, q->ring.vaddr + (size_t)q->head * sizeof(d), sizeof(d));	/* expect: IOM002 */
	q->head = (q->head + 1) % q->entries;
	return d;
}
