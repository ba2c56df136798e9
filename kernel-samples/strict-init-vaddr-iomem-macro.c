/*
 * check-name: strict mode accepts VRAM maps built with the init macros
 * check-description: IOSYS_MAP_INIT_VADDR_IOMEM and IOSYS_MAP_INIT_VADDR
 *   are helper macros; the damage blit hands both maps to drm_fb_memcpy()
 *   (idiom I8) and the clear uses iosys_map_memset().
 * check-enable: IOM010
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <drm/drm_format_helper.h>

struct hv_like_dev {
	void __iomem *vram;
	unsigned int pitch;
	unsigned int height;
};

void hv_like_blit_damage(struct hv_like_dev *hv, const struct drm_framebuffer *fb,
			 void *shadow, const struct drm_rect *rect)
{
	struct iosys_map dst = IOSYS_MAP_INIT_VADDR_IOMEM(hv->vram);
	struct iosys_map src = IOSYS_MAP_INIT_VADDR(shadow);
	unsigned int dst_pitch = hv->pitch;

	iosys_map_incr(&dst, drm_fb_clip_offset(hv->pitch, fb->format, rect));
	drm_fb_memcpy(&dst, &dst_pitch, &src, fb, rect);
}

void hv_like_clear(struct hv_like_dev *hv)
{
	struct iosys_map dst = IOSYS_MAP_INIT_VADDR_IOMEM(hv->vram);

	iosys_map_memset(&dst, 0, 0, (size_t)hv->pitch * hv->height);
}
