/*
 * check-name: a static helper returns the map's flag and a caller uses the wrong member
 * check-description: myfw_is_iomem() returns the flag of the map it is
 *   handed, so the caller knows the kind on each branch; it copies with a
 *   plain memcpy where the flag is true, and reads vaddr_iomem where it is
 *   false.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/string.h>
#include <linux/iosys-map.h>

struct myfw {
	struct iosys_map blob;
	size_t len;
};

static bool myfw_is_iomem(const struct myfw *fw)
{
	return fw->blob.is_iomem;
}

static bool myfw_in_ram(struct iosys_map *map)
{
	return !map->is_iomem;
}

void myfw_load(struct myfw *fw, const void *image)
{
	if (myfw_is_iomem(fw))
		memcpy(fw->blob.vaddr, image, fw->len);	/* expect: IOM003 */
	else
		memcpy_toio(fw->blob.vaddr_iomem, image, fw->len);	/* expect: IOM004 */
}

void myfw_wipe(struct myfw *fw)
{
	if (!myfw_in_ram(&fw->blob))
		memset(fw->blob.vaddr, 0, fw->len);	/* expect: IOM003 */
}
