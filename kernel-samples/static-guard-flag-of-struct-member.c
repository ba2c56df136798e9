/*
 * check-name: static workers are handed a cursor and the flag of the map inside it
 * check-description: every call passes the cursor and cur->map.is_iomem,
 *   so each worker knows which member of cur->map is valid on each branch:
 *   mycur_upload() is right, mycur_blank() clears the I/O branch with a
 *   plain memset.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/string.h>
#include <linux/iosys-map.h>

struct mycur {
	struct iosys_map map;
	size_t size;
};

static void mycur_upload(struct mycur *cur, bool io, const void *img)
{
	if (io)
		memcpy_toio(cur->map.vaddr_iomem, img, cur->size);
	else
		memcpy(cur->map.vaddr, img, cur->size);
}

static void mycur_blank(struct mycur *cur, bool io)
{
	if (io)
		memset(cur->map.vaddr, 0, cur->size);	/* expect: IOM003 */
	else
		memset(cur->map.vaddr, 0, cur->size);
}

void mycur_set(struct mycur *cur, const void *img)
{
	if (img)
		mycur_upload(cur, cur->map.is_iomem, img);
	else
		mycur_blank(cur, cur->map.is_iomem);
}
