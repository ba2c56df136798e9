/*
 * check-name: fbdev deferred-io page lookup on a map that may be I/O
 * check-description: virt_to_page() is only defined for system memory;
 *   handing it the system member of a map that was never tested is an
 *   escape (IOM003).  Compare the guarded form with drm_WARN_ON_ONCE.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/fb.h>
#include <linux/iosys-map.h>

struct mydrv_fbdev {
	struct fb_info *info;
	struct iosys_map map;
};

int mydrv_fbdev_setup_smem(struct mydrv_fbdev *fbdev)
{
	struct fb_info *info = fbdev->info;
	struct page *page;

	if (iosys_map_is_null(&fbdev->map))
		return -ENODEV;

	page = virt_to_page(fbdev->map.vaddr);	/* expect: IOM003 */
	info->fix.smem_start = page_to_phys(page);
	info->fix.smem_len = info->screen_size;
	return 0;
}

struct page *mydrv_fbdev_page(struct mydrv_fbdev *fbdev, unsigned long offset)
{
	return virt_to_page(fbdev->map.vaddr + (offset & PAGE_MASK));	/* expect: IOM003 */
}
