/*
 * check-name: iosys_map_rd on a local map that one path leaves unset
 * check-description: the fence page is only looked up when the engine is
 *   awake; the read macro then reads the flag of an unset map. The finding
 *   is on the line that uses the macro.
 */
#include <linux/ksamples-maybe-uninitialized.h>
#include <linux/types.h>
#include <linux/iosys-map.h>

struct hw_engine {
	struct iosys_map status_page;
	bool awake;
	u32 last_seqno;
};

#define HWS_SEQNO_OFFSET	0x30u

u32 hw_engine_current_seqno(struct hw_engine *e)
{
	struct iosys_map hws;
	u32 seqno;

	if (e->awake)
		hws = e->status_page;

	seqno = iosys_map_rd(&hws, HWS_SEQNO_OFFSET, u32);	/* expect: IOM008 */
	e->last_seqno = seqno;
	return seqno;
}
