/*
 * check-name: memcpy through a FORTIFY-style macro, both directions
 * check-description: with FORTIFY_SOURCE the kernel's memcpy is a macro
 *   around a statement expression that calls the real memcpy under another
 *   name (an asm label).  vaddr still escapes to memcpy while the map may be
 *   I/O; the name and the arguments are written in the file, so the fix-it
 *   rewrites them and leaves the macro's body alone.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

extern void *__mydrv_underlying_memcpy(void *p, const void *q, size_t size) __asm__("memcpy");

#define __mydrv_fortify_memcpy(p, q, size) ({				\
	size_t __copy_size = (size);					\
	__mydrv_underlying_memcpy(p, q, __copy_size);			\
})
#undef memcpy
#define memcpy(p, q, s) __mydrv_fortify_memcpy(p, q, s)

void mydrv_fw_upload(struct iosys_map *map, const void *fw, size_t len)
{
	memcpy(map->vaddr + 64, fw, len);	/* expect: IOM003 */
}

void mydrv_fw_readback(struct iosys_map *map, void *out, size_t len)
{
	memcpy(out, map->vaddr, len);		/* expect: IOM003 */
}
