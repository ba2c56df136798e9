/*
 * text.c - the text renderers: the compiler's own diagnostic form,
 *	file:line:col: warning: message [IOMnnn]
 *	file:line:col: note: ...
 * so editors and build logs read it like any compiler output; and the same
 * with clang's parseable fix-it lines after each finding that has a fix,
 *	fix-it:"file":{line:col-end_line:end_col}:"text"
 * which editors and scripts that read clang's -fdiagnostics-parseable-fixits
 * already understand.
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

/* As clang escapes fix-it strings: \\ \" \n \t, every other byte outside
 * printable ASCII (UTF-8 included) as three octal digits. */
static void put_escaped(struct iom_buf *b, const char *s)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '\\' || c == '"')
			iom_buf_printf(b, "\\%c", c);
		else if (c == '\n')
			iom_buf_add(b, "\\n", 2);
		else if (c == '\t')
			iom_buf_add(b, "\\t", 2);
		else if (c < 0x20 || c >= 0x7f)
			iom_buf_printf(b, "\\%03o", c);
		else
			iom_buf_add(b, (const char *)&c, 1);
	}
}

static void fixits_finding(struct iom_buf *b, const struct iom_finding *f)
{
	text_finding(b, f);
	for (int i = 0; i < f->nr_edits; i++) {
		const struct iom_edit *e = &f->edits[i];

		iom_buf_add(b, "fix-it:\"", 8);
		put_escaped(b, e->file);
		iom_buf_printf(b, "\":{%d:%d-%d:%d}:\"", e->line, e->col, e->end_line, e->end_col);
		put_escaped(b, e->text);
		iom_buf_add(b, "\"\n", 2);
	}
}

const struct iom_renderer iom_text_renderer = { "text", NULL, text_finding, NULL };
const struct iom_renderer iom_fixits_renderer = { "fixits", NULL, fixits_finding, NULL };
