/*
 * check-name: both branches leave the pointer on system memory
 * check-description: when the source is I/O memory it is first copied into a
 *   shadow buffer and the pointer moves to the shadow; otherwise it is vaddr.
 *   After the join the pointer is system memory on both paths, whatever the
 *   map is, so the loads through it are right.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/iosys-map.h>

u32 mycrc_buffer(struct iosys_map *src, void *shadow, size_t len)
{
	const u32 *p;
	u32 crc = 0;
	size_t i;

	if (src->is_iomem) {
		memcpy_fromio(shadow, src->vaddr_iomem, len);
		p = shadow;
	} else {
		p = src->vaddr;
	}
	for (i = 0; i < len / 4; i++)
		crc ^= p[i];
	return crc;
}

void myconv_line(struct iosys_map *src, u8 *shadow, u8 *dst, size_t len)
{
	const u8 *line = src->is_iomem ? shadow : src->vaddr;

	if (src->is_iomem)
		memcpy_fromio(shadow, src->vaddr_iomem, len);
	memcpy(dst, line, len);
}
