/*
 * check-name: switch on is_iomem with a plain store in the I/O case
 * check-description: "case true" is the I/O edge; the mode word is stored
 *   there through a plain pointer made from vaddr_iomem: an access to I/O
 *   memory.  "case false" stores through vaddr and is fine.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

#define MODE_WORD	0x10
#define MODE_ENABLE	BIT(0)

struct mydrv_scanout {
	struct iosys_map ctl;	/* control page, VRAM or system */
	u32 mode;
};

void mydrv_scanout_set_mode(struct mydrv_scanout *so, u32 mode)
{
	u32 *word;

	switch (so->ctl.is_iomem) {
	case true:
		word = (u32 __force *)(so->ctl.vaddr_iomem + MODE_WORD);
		*word = mode | MODE_ENABLE;	/* expect: IOM001 */
		break;
	case false:
		word = so->ctl.vaddr + MODE_WORD;
		WRITE_ONCE(*word, mode | MODE_ENABLE);
		break;
	}
	so->mode = mode;
}
