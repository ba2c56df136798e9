/*
 * check-name: strict mode and a map assembled by raw field writes
 * check-description: the pointer store is IOM005 and a raw member store
 *   (IOM010); the flag store is IOM005 only, since IOM010 is about vaddr
 *   and vaddr_iomem.
 * check-enable: IOM010
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/slab.h>
#include <linux/errno.h>

struct regset_buf {
	struct iosys_map map;
	size_t size;
};

int regset_buf_alloc(struct regset_buf *rb, size_t size)
{
	struct iosys_map m = { };
	void *p = kzalloc(size, GFP_KERNEL);

	if (!p)
		return -ENOMEM;

	m.vaddr = p;		/* expect: IOM005, IOM010 */
	m.is_iomem = false;	/* expect: IOM005 */

	rb->map = m;
	rb->size = size;
	return 0;
}
