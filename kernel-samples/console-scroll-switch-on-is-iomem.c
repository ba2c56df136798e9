/*
 * check-name: console scroll clears lines in a switch on is_iomem
 * check-description: a switch on the flag splits the state like an if:
 *   memset_io under "case true", memset under "case false", each loop
 *   hoisted inside its case.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/iosys-map.h>

struct mydrv_console {
	struct iosys_map screen;
	size_t pitch;
	unsigned int rows;
	unsigned int line_height;
};

static void mydrv_clear_lines(struct iosys_map *map, size_t pitch,
			      unsigned int first, unsigned int count, size_t len)
{
	size_t off = first * pitch;
	unsigned int i;

	switch (map->is_iomem) {
	case true:
		for (i = 0; i < count; i++)
			memset_io(map->vaddr_iomem + off + i * pitch, 0, len);
		break;
	case false:
		for (i = 0; i < count; i++)
			memset(map->vaddr + off + i * pitch, 0, len);
		break;
	}
}

void mydrv_console_clear_bottom(struct mydrv_console *con)
{
	unsigned int first = (con->rows - 1) * con->line_height;

	mydrv_clear_lines(&con->screen, con->pitch, first, con->line_height,
			  con->pitch);
}
