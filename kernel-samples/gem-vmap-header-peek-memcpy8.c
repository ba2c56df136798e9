/*
 * check-name: 8-byte header peeked with memcpy right after drm_gem_vmap
 * check-description: drm_gem_vmap is a producer: the map may be I/O.  A
 *   memcpy of 8 bytes is folded into a load.  The 12-byte copy of the
 *   trailer stays a call, so there vaddr escapes (IOM003).
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>
#include <drm/drm_gem.h>

struct mydrv_blob_hdr {
	u32 magic;
	u32 length;
};

struct mydrv_blob_trailer {
	u32 crc;
	u32 seq;
	u32 flags;
};

int mydrv_blob_validate(struct drm_gem_object *obj, u32 magic)
{
	struct mydrv_blob_trailer tr;
	struct mydrv_blob_hdr hdr;
	struct iosys_map map;
	int ret;

	ret = drm_gem_vmap(obj, &map);
	if (ret)
		return ret;

	memcpy(&hdr, map.vaddr, sizeof(hdr));	/* expect: IOM002 */
	if (hdr.magic != magic || hdr.length + sizeof(tr) > obj->size) {
		ret = -EINVAL;
		goto out;
	}
	memcpy(&tr, map.vaddr + hdr.length, sizeof(tr));	/* expect: IOM003 */
	if (tr.flags & 1)
		ret = -EBUSY;
out:
	drm_gem_vunmap(obj, &map);
	return ret;
}
