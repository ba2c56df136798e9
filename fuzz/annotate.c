// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz target: the header annotator of iomemcheck-sparse.  Each input is a
 * header, annotated for whichever map type it defines, in ANNOTATE_LINES
 * mode if its size is even and ANNOTATE_INLINE if odd (one mode per run
 * doubles the speed; mutations change the size all the time).  A header
 * the annotator does not understand must be refused with a reason, never
 * crash or leave a half-written result.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "iomemcheck-sparse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum annotate_mode mode = size & 1 ? ANNOTATE_INLINE : ANNOTATE_LINES;
	struct buf out = { 0 };
	char err[512] = "";
	long line = -1;

	switch (annotate_header((const char *)data, size, NULL, mode, &out,
				&line, err, sizeof(err))) {
	case ANNOTATE_FAILED:
		if (out.len || !err[0] || line < 0)
			abort();	/* refused without a reason */
		break;
	case ANNOTATE_OK:
		if (out.len < size)
			abort();	/* edits only ever add bytes */
		break;
	case ANNOTATE_ALREADY:
		break;
	}
	buf_free(&out);
	return 0;
}
