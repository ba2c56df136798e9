/* Inputs that once crashed the annotator: a member without its ';'. */
#include <linux/types.h>
struct dma_buf_map {
	union {
		void __iomem *vaddr_iomem
		void *vaddr;
	};
	bool is_iomem;
};
static inline void dma_buf_map_clear(struct dma_buf_map *map)
{
	map->vaddr = NULL;
}
