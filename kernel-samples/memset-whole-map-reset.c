/*
 * check-name: a map zeroed with memset of the whole struct
 * check-description: memset(&m, 0, sizeof(m)) is not a field write and
 *   leaves a NULL system map, so the helper test after the optional vmap
 *   reads a defined flag on both paths.
 */
#include <linux/types.h>
#include <linux/iosys-map.h>
#include <linux/string.h>
#include <linux/dma-buf.h>

struct importer_ctx {
	struct dma_buf *dmabuf;
	struct iosys_map map;
	bool needs_cpu_access;
	bool cpu_mapped;
};

int importer_ctx_attach(struct importer_ctx *ctx, struct dma_buf *dmabuf)
{
	struct iosys_map m;
	int ret;

	memset(&m, 0, sizeof(m));
	if (ctx->needs_cpu_access) {
		ret = dma_buf_vmap(dmabuf, &m);
		if (ret)
			return ret;
	}

	ctx->dmabuf = dmabuf;
	ctx->map = m;
	ctx->cpu_mapped = iosys_map_is_set(&m);
	return 0;
}
