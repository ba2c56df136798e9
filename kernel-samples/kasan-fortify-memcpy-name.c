/*
 * check-name: a KASAN build's FORTIFY memcpy is memcpy
 * check-description: with KASAN, the string functions' underlying calls
 *   carry the sanitizer's names as asm labels (__underlying_memcpy is
 *   "__asan_memcpy"; sparse keeps the C name).  The reader wrote memcpy: the
 *   findings name it so and judge it as memcpy (a 4-byte copy is an access,
 *   a longer one an escape).
 */
#include <linux/types.h>
#include <linux/iosys-map.h>

extern void *__underlying_memcpy(void *p, const void *q, size_t size) __asm__("__asan_memcpy");
extern void *__underlying_memset(void *p, int c, size_t size) __asm__("__asan_memset");

u32 read_header(const struct iosys_map *map, void *row, size_t len)
{
	u32 h;

	__underlying_memcpy(&h, map->vaddr, 4);			/* expect: IOM002 */
	__underlying_memcpy(row, map->vaddr + 4, len);		/* expect: IOM003 */
	__underlying_memset(map->vaddr, 0, len);		/* expect: IOM003 */
	return h;
}
