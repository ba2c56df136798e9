/*
 * check-name: firmware upload jumps to a helper-based slow path for I/O
 * check-description: idiom I2 with goto: the direct word loop only runs when
 *   is_iomem is false; the I/O case goes through iosys_map_memcpy_to.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

struct mydrv_fw {
	const __le32 *data;
	size_t size;	/* bytes, multiple of 4 */
	u32 xor_key;
};

int mydrv_upload_ucode(const struct mydrv_fw *fw, struct iosys_map *dst)
{
	u32 *words;
	size_t i;

	if (fw->size & 3)
		return -EINVAL;

	if (dst->is_iomem)
		goto slow_path;

	words = dst->vaddr;
	for (i = 0; i < fw->size / 4; i++)
		words[i] = fw->data[i] ^ fw->xor_key;
	return 0;

slow_path:
	for (i = 0; i < fw->size / 4; i++) {
		u32 w = fw->data[i] ^ fw->xor_key;

		iosys_map_memcpy_to(dst, i * 4, &w, sizeof(w));
	}
	return 0;
}
