/*
 * render.c - the table of output formats and the growable buffer they
 * render into, so a finding of any length renders whole.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"

static const struct iom_renderer *const renderers[IOM_NR_FORMATS] = {
	[IOM_FORMAT_TEXT] = &iom_text_renderer,
	[IOM_FORMAT_JSON] = &iom_json_renderer,
	[IOM_FORMAT_FIXITS] = &iom_fixits_renderer,
};

static int reserve(struct iom_buf *b, size_t more)
{
	size_t cap;
	char *s;

	if (b->failed)
		return -1;
	if (b->len + more + 1 <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 256;
	while (cap < b->len + more + 1)
		cap *= 2;
	s = (char *)realloc(b->s, cap);
	if (!s) {
		b->failed = 1;
		return -1;
	}
	b->s = s;
	b->cap = cap;
	return 0;
}

void iom_buf_add(struct iom_buf *b, const char *s, size_t n)
{
	if (reserve(b, n))
		return;
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = 0;
}

void iom_buf_printf(struct iom_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || reserve(b, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void iom_buf_free(struct iom_buf *b)
{
	free(b->s);
	memset(b, 0, sizeof(*b));
}

int iom_format_find(const char *name)
{
	for (int i = 0; name && i < IOM_NR_FORMATS; i++)
		if (!strcmp(renderers[i]->name, name))
			return i;
	return -1;
}

const char *iom_format_name(enum iom_format f)
{
	return (unsigned)f < IOM_NR_FORMATS ? renderers[f]->name : "?";
}

int iom_render_begin(enum iom_format f, struct iom_buf *b)
{
	if ((unsigned)f >= IOM_NR_FORMATS)
		return -1;
	if (renderers[f]->begin)
		renderers[f]->begin(b);
	return b->failed ? -1 : 0;
}

int iom_render(enum iom_format f, const struct iom_finding *finding, struct iom_buf *b)
{
	if ((unsigned)f >= IOM_NR_FORMATS)
		return -1;
	renderers[f]->finding(b, finding);
	return b->failed ? -1 : 0;
}

int iom_render_end(enum iom_format f, struct iom_buf *b)
{
	if ((unsigned)f >= IOM_NR_FORMATS)
		return -1;
	if (renderers[f]->end)
		renderers[f]->end(b);
	return b->failed ? -1 : 0;
}

static int format_into(enum iom_format f, const struct iom_finding *finding, char *buf,
		       size_t len)
{
	struct iom_buf b = { NULL, 0, 0, 0 };
	int n = -1;

	if (!iom_render(f, finding, &b)) {
		n = (int)b.len;
		if (len)
			snprintf(buf, len, "%s", b.s);
	} else if (len) {
		*buf = 0;
	}
	iom_buf_free(&b);
	return n;
}

int iom_format_text(const struct iom_finding *f, char *buf, size_t len)
{
	return format_into(IOM_FORMAT_TEXT, f, buf, len);
}

int iom_format_json(const struct iom_finding *f, char *buf, size_t len)
{
	return format_into(IOM_FORMAT_JSON, f, buf, len);
}
