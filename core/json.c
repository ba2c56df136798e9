/*
 * json.c - the JSON renderer: one object per finding on one line, so a file
 * appended to by parallel compiles is still one finding per line.
 */
#include <string.h>

#include "render.h"

/* Runs of plain bytes are copied at once; '"', '\\' and control bytes escaped. */
static void put_string(struct iom_buf *b, const char *s)
{
	const char *run = s ? s : "";
	const char *p = run;

	iom_buf_add(b, "\"", 1);
	for (; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c != '"' && c != '\\' && c >= 0x20)
			continue;
		iom_buf_add(b, run, (size_t)(p - run));
		if (c == '"' || c == '\\')
			iom_buf_printf(b, "\\%c", c);
		else
			iom_buf_printf(b, "\\u%04x", c);
		run = p + 1;
	}
	iom_buf_add(b, run, (size_t)(p - run));
	iom_buf_add(b, "\"", 1);
}

static void put_where(struct iom_buf *b, struct iom_where w)
{
	iom_buf_printf(b, "\"file\":");
	put_string(b, w.file);
	iom_buf_printf(b, ",\"line\":%d,\"column\":%d", w.line, w.col);
}

static void json_finding(struct iom_buf *b, const struct iom_finding *f)
{
	iom_buf_printf(b, "{\"rule\":\"%s\",\"severity\":\"%s\",", iom_rule_name(f->rule),
		       iom_severity(f));
	put_where(b, f->where);
	iom_buf_printf(b, ",\"function\":");
	put_string(b, f->function);
	iom_buf_printf(b, ",\"message\":");
	put_string(b, f->message);
	iom_buf_printf(b, ",\"notes\":[");
	for (int i = 0; i < f->nr_notes; i++) {
		iom_buf_printf(b, "%s{", i ? "," : "");
		put_where(b, f->notes[i].where);
		iom_buf_printf(b, ",\"message\":");
		put_string(b, f->notes[i].text);
		iom_buf_printf(b, "}");
	}
	iom_buf_printf(b, "]");
	/* The fix-it, for editors and the command's --fix: a language server
	 * turns it into a code action (preferred: the memory kind was proven). */
	if (f->nr_edits) {
		iom_buf_printf(b, ",\"fixes\":[");
		for (int i = 0; i < f->nr_edits; i++) {
			const struct iom_edit *e = &f->edits[i];

			iom_buf_printf(b, "%s{\"file\":", i ? "," : "");
			put_string(b, e->file);
			iom_buf_printf(b, ",\"line\":%d,\"column\":%d,\"end_line\":%d,"
				       "\"end_column\":%d,\"text\":", e->line, e->col,
				       e->end_line, e->end_col);
			put_string(b, e->text);
			iom_buf_printf(b, "}");
		}
		iom_buf_printf(b, "],\"preferred\":%s", f->preferred ? "true" : "false");
	}
	iom_buf_printf(b, "}\n");
}

const struct iom_renderer iom_json_renderer = { "json", NULL, json_finding, NULL };
