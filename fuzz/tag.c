// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz target: the sparse output tagger of iomemcheck-sparse.  The input's
 * first byte chooses the options (comparison run or not, restore or not);
 * the rest is sparse's output of the annotated run, and after the first
 * NUL byte, if any, the output of the comparison run.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "iomemcheck-sparse.h"

static const struct path_map maps[] = {
	{ "/tmp/iomemcheck-sparse-0/k/include/linux/iosys-map.h",
	  "./include/linux/iosys-map.h" },
	{ "/tmp/iomemcheck-sparse-0/k/include/linux/dma-buf-map.h",
	  "include/linux/dma-buf-map.h" },
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf text = { 0 }, out = { 0 };
	struct tag_opts o = { .maps = maps, .nmaps = 2 };
	const char *s = (const char *)data + 1, *nul;
	size_t n;

	if (size < 1)
		return 0;
	n = size - 1;
	nul = memchr(s, '\0', n);
	if (nul) {
		o.plain = nul + 1;
		o.plen = n - (size_t)(nul + 1 - s);
		n = (size_t)(nul - s);
	}
	if (!(data[0] & 1))
		o.plain = NULL, o.plen = 0;
	o.restore = data[0] & 2;
	buf_add(&text, s, n);
	map_paths(&text, maps, 2);
	(void)tag_needs_plain(text.p, text.len);
	if (tag_output(text.p, text.len, &o, &out) < 0)
		abort();
	buf_free(&text);
	buf_free(&out);
	return 0;
}
