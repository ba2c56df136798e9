/*
 * check-name: a whole-struct copy of a container keeps its maps' kinds
 * check-description: the state struct holding a map set to system memory is
 *   copied as a whole into a local; the copy's map is system memory too, so
 *   the store through its vaddr is right.
 */
#include <linux/kernel.h>
#include <linux/iosys-map.h>

struct myplane_state {
	struct iosys_map map;
	unsigned int pitch;
};

void myplane_fill(void *buf, unsigned int pitch, u32 color)
{
	struct myplane_state st, copy;

	iosys_map_set_vaddr(&st.map, buf);
	st.pitch = pitch;
	copy = st;
	*(u32 *)(copy.map.vaddr + copy.pitch) = color;
}

void myplane_fill_from(struct myplane_state *in, u32 color)
{
	struct myplane_state copy;

	if (in->map.is_iomem)
		return;
	copy = *in;
	*(u32 *)copy.map.vaddr = color;
}
