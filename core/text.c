/*
 * text.c - the text renderer: the compiler's own diagnostic form,
 *	file:line:col: warning: message [IOMnnn]
 *	file:line:col: note: ...
 * so editors and build logs read it like any compiler output.
 */
#include "render.h"

static void text_finding(struct iom_buf *b, const struct iom_finding *f)
{
	iom_buf_printf(b, "%s:%d:%d: %s: %s [%s]\n", f->where.file, f->where.line,
		       f->where.col, iom_severity(f), f->message, iom_rule_name(f->rule));
	for (int i = 0; i < f->nr_notes; i++)
		iom_buf_printf(b, "%s:%d:%d: note: %s\n", f->notes[i].where.file,
			       f->notes[i].where.line, f->notes[i].where.col, f->notes[i].text);
}

const struct iom_renderer iom_text_renderer = { "text", NULL, text_finding, NULL };
