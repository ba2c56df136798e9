/*
 * check-name: firmware framebuffer map set from a memory-region choice
 * check-description: idiom I10: the device init picks the set helper from
 *   a plain bool (memory region or I/O aperture); neither pointer is
 *   derived from a map.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/io.h>
#include <linux/errno.h>

struct fw_fb_dev {
	struct iosys_map fb_addr;
	phys_addr_t base;
	size_t size;
};

void *fw_memremap(phys_addr_t base, size_t size);

int fw_fb_init_mm(struct fw_fb_dev *fdev, bool has_memory_region)
{
	if (has_memory_region) {
		void *screen_base = fw_memremap(fdev->base, fdev->size);

		if (!screen_base)
			return -ENOMEM;
		iosys_map_set_vaddr(&fdev->fb_addr, screen_base);
	} else {
		void __iomem *screen_base = ioremap_wc(fdev->base, fdev->size);

		if (!screen_base)
			return -ENOMEM;
		iosys_map_set_vaddr_iomem(&fdev->fb_addr, screen_base);
	}

	iosys_map_memset(&fdev->fb_addr, 0, 0, fdev->size);
	return 0;
}
