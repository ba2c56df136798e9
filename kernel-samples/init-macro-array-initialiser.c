/*
 * check-name: an array of maps initialised with the INIT macros
 * check-description: the cursor code builds its source and destination maps
 *   as arrays with IOSYS_MAP_INIT_VADDR / IOSYS_MAP_INIT_VADDR_IOMEM in the
 *   initialiser.  The macros are the helpers; their member writes are not raw
 *   field writes, and the kinds they set are known.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/iosys-map.h>

#define MY_PLANES 4

void mycursor_blit(void *shadow, void __iomem *vram, size_t len)
{
	struct iosys_map src[MY_PLANES] = {
		IOSYS_MAP_INIT_VADDR(shadow),
	};
	struct iosys_map dst[MY_PLANES] = { IOSYS_MAP_INIT_VADDR_IOMEM(vram), };

	memcpy_toio(dst[0].vaddr_iomem, src[0].vaddr, len);
}

u32 mycursor_first(void *a, void *b)
{
	struct iosys_map m[2] = { IOSYS_MAP_INIT_VADDR(a), IOSYS_MAP_INIT_VADDR(b) };

	return *(u32 *)m[1].vaddr;
}
