/*
 * check-name: fbdev flags computed from a map that one branch leaves unset
 * check-description: neither VRAM nor pages: the map is never written, and
 *   the raw flag read in the ?: sees garbage.
 */
#include <linux/ksamples-maybe-uninitialized.h>
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/fb.h>
#include <linux/errno.h>

struct simple_fb_obj {
	void __iomem *vram;
	void *pages_vaddr;
};

int simple_fb_setup_flags(struct fb_info *info, struct simple_fb_obj *obj)
{
	struct iosys_map m;

	if (obj->vram)
		iosys_map_set_vaddr_iomem(&m, obj->vram);
	else if (obj->pages_vaddr)
		iosys_map_set_vaddr(&m, obj->pages_vaddr);

	info->flags |= m.is_iomem ? 0 : FBINFO_VIRTFB;	/* expect: IOM008 */
	return 0;
}
