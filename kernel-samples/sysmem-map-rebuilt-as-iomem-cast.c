/*
 * check-name: a map of unknown kind is rebuilt as I/O with a cast
 * check-description: the source is an unchecked parameter, so its vaddr
 *   may be system memory; casting it to __iomem and calling
 *   iosys_map_set_vaddr_iomem() asserts a kind nobody checked.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>

struct pxp_session {
	struct iosys_map msg;
	u32 msg_size;
	u32 session_id;
};

void pxp_session_bind_msg(struct pxp_session *s, struct iosys_map *src, u32 size)
{
	iosys_map_set_vaddr_iomem(&s->msg, (void __force __iomem *)src->vaddr);	/* expect: IOM007 */
	s->msg_size = size;
	iosys_map_wr(&s->msg, 0, u32, s->session_id);
}
