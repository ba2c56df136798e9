/*
 * check-name: strict mode adds IOM010 to a raw store through a parameter
 * check-description: the store through vaddr of an unchecked parameter is
 *   IOM002; strict mode reports the member load on the same line as well.
 * check-enable: IOM010
 */
#include <linux/types.h>
#include <linux/iosys-map.h>

struct sem_slot {
	struct iosys_map *map;
	u32 value;
};

#define SEM_RESET_VALUE	0u

void sem_slot_reset(struct sem_slot *slot)
{
	struct iosys_map *map = slot->map;

	*(u32 *)map->vaddr = SEM_RESET_VALUE;	/* expect: IOM002, IOM010 */
	slot->value = SEM_RESET_VALUE;
}

void sem_slot_signal(struct sem_slot *slot, u32 v)
{
	iosys_map_wr(slot->map, 0, u32, v);
	slot->value = v;
}
