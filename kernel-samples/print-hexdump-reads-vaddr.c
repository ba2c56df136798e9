/*
 * check-name: printing the bytes behind vaddr is a read of the buffer
 * check-description: %*ph, %*phN and %*pE print the memory the pointer points
 *   to, and %s reads it up to its NUL: each is a load through vaddr while the
 *   map may be I/O memory.  %p and %px print only the address.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/iosys-map.h>

void mydbg_dump_header(struct iosys_map *map)
{
	pr_info("header: %*ph\n", 16, map->vaddr);	/* expect: IOM002 */
	pr_info("magic: %*phN\n", 4, map->vaddr + 4);	/* expect: IOM002 */
	pr_info("name: %s\n", (char *)map->vaddr + 32);	/* expect: IOM002 */
	pr_info("escaped: %*pE\n", 8, map->vaddr + 64);	/* expect: IOM002 */
	pr_info("at %p (%px)\n", map->vaddr, map->vaddr);
}
