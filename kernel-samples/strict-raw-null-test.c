/*
 * check-name: strict mode adds IOM010 to a raw NULL test
 * check-description: the hand-written NULL test is IOM006 by default and a
 *   raw member load in strict mode.
 * check-enable: IOM010
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/errno.h>

struct log_buffer {
	struct iosys_map map;
	u32 read_ptr;
	u32 size;
};

int log_buffer_copy(struct log_buffer *log, void *dst, u32 len)
{
	if (!log->map.vaddr)	/* expect: IOM006, IOM010 */
		return -ENODEV;
	if (len > log->size - log->read_ptr)
		len = log->size - log->read_ptr;

	iosys_map_memcpy_from(dst, &log->map, log->read_ptr, len);
	log->read_ptr += len;
	return (int)len;
}
