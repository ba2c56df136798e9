/*
 * check-name: a brace initialiser that names every member of a map writes them
 * check-description: `{ NULL }` or `{ .is_iomem = false }` leaves part of the
 *   map out: the object is cleared first and its zero elements are not
 *   written.  `{ { NULL }, false }` or `{ .vaddr = NULL, .is_iomem = false }`
 *   gives every member: each is written, by hand (IOM005; use
 *   IOSYS_MAP_INIT_VADDR() or iosys_map_clear()), unless most of a larger
 *   object is zero and it is cleared as a whole.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>

extern void mydrv_use_map(struct iosys_map *map);

struct mydrv_plane_state {
	struct iosys_map map;
	int x, y;
};

struct mydrv_plane_big {
	struct iosys_map map;
	int x, y, w, h, pitch;
};

void mydrv_init_maps(void)
{
	struct iosys_map a = { NULL };
	struct iosys_map b = { .is_iomem = false };
	struct iosys_map c = { { NULL }, false };	/* expect: IOM005 */
	struct iosys_map d = { .vaddr = NULL, .is_iomem = false };	/* expect: IOM005 */
	struct iosys_map e[2] = { { { NULL }, false }, { { NULL }, false } };	/* expect: IOM005 */
	struct mydrv_plane_state f = { { { NULL }, false }, 0, 0 };	/* expect: IOM005 */
	struct mydrv_plane_big g = { { { NULL }, false }, 0, 0, 0, 0, 0 };
	struct iosys_map h[4] = { { { NULL }, false }, { { NULL }, false }, { { NULL }, false }, { { NULL }, false } };

	mydrv_use_map(&a);
	mydrv_use_map(&b);
	mydrv_use_map(&c);
	mydrv_use_map(&d);
	mydrv_use_map(&e[0]);
	mydrv_use_map(&f.map);
	mydrv_use_map(&g.map);
	mydrv_use_map(&h[0]);
}
