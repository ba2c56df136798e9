/*
 * check-name: payload pointer computed from a map, then wrapped as system
 * check-description: the pointer travels through a local and an offset
 *   before it reaches iosys_map_set_vaddr(); it is still derived from a map
 *   that may be I/O memory.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>

struct fw_hdr {
	u32 magic;
	u32 hdr_len;
	u32 payload_len;
	u32 crc;
};

struct fw_loader {
	struct iosys_map payload;
	u32 payload_len;
};

void fw_loader_locate_payload(struct fw_loader *ld, struct iosys_map *image)
{
	u32 hdr_len = iosys_map_rd_field(image, 0, struct fw_hdr, hdr_len);
	u8 *p = image->vaddr;

	p += hdr_len;
	iosys_map_set_vaddr(&ld->payload, p);	/* expect: IOM007 */
	ld->payload_len = iosys_map_rd_field(image, 0, struct fw_hdr, payload_len);
}
