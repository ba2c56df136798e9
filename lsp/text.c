/*
 * text.c - URIs, lines, and the two ways of counting columns.
 *
 * The core counts 1-based byte columns; LSP counts 0-based characters in
 * UTF-16 code units unless both sides agreed on UTF-8 (positionEncoding).
 * Converting needs the line's text: an open document's buffer, else the file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lsp.h"

static int hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *uri_to_path(const char *uri)
{
	const char *p;
	char *out, *o;

	if (strncmp(uri, "file://", 7))
		return NULL;
	p = uri + 7;
	if (*p != '/') {		/* file://host/path: only the local host */
		if (strncmp(p, "localhost/", 10))
			return NULL;
		p += 9;
	}
	out = o = malloc(strlen(p) + 1);
	if (!out)
		abort();
	for (; *p; p++) {
		if (*p == '%' && hex(p[1]) >= 0 && hex(p[2]) >= 0) {
			*o++ = (char)(hex(p[1]) * 16 + hex(p[2]));
			p += 2;
		} else if (*p == '?' || *p == '#') {
			break;
		} else {
			*o++ = *p;
		}
	}
	*o = 0;
	if (strlen(out) != (size_t)(o - out)) {	/* %00 */
		free(out);
		return NULL;
	}
	return out;
}

/* RFC 3986 unreserved characters and '/' stay as they are. */
char *path_to_uri(const char *path)
{
	char *out = malloc(strlen(path) * 3 + 8), *o = out;

	if (!out)
		abort();
	o += sprintf(o, "file://");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("/-._~", *p))
			*o++ = (char)*p;
		else
			o += sprintf(o, "%%%02X", *p);
	}
	*o = 0;
	return out;
}

long text_line(const char *text, size_t len, int line, size_t *n)
{
	size_t at = 0;

	if (line < 1)
		return -1;
	for (int l = 1; l < line; l++) {
		const char *nl = memchr(text + at, '\n', len - at);

		if (!nl)
			return -1;
		at = (size_t)(nl - text) + 1;
	}
	{
		const char *nl = memchr(text + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - text) : len;

		if (end > at && text[end - 1] == '\r')
			end--;
		*n = end - at;
	}
	return (long)at;
}

/* UTF-16 units of the UTF-8 bytes s[0..n): 2 for a 4-byte sequence, else
 * 1 per character (a stray byte counts as one, as editors show it). */
static int utf16_units(const unsigned char *s, size_t n)
{
	int units = 0;

	for (size_t i = 0; i < n; i++) {
		if ((s[i] & 0xc0) == 0x80)
			continue;
		units += s[i] >= 0xf0 ? 2 : 1;
	}
	return units;
}

int text_character(const char *text, size_t len, int line, int col, int utf8)
{
	size_t n, k = col > 1 ? (size_t)(col - 1) : 0;
	long at = text ? text_line(text, len, line, &n) : -1;

	if (at < 0)
		return (int)k;		/* no text: bytes are the best guess */
	if (k > n)
		k = n;
	return utf8 ? (int)k : utf16_units((const unsigned char *)text + at, k);
}

size_t text_offset(const char *text, size_t len, int line0, int character, int utf8)
{
	size_t n, k = 0;
	long at = text_line(text, len, line0 + 1, &n);
	int units = 0;

	if (at < 0)
		return len;
	if (utf8)
		return (size_t)at + ((size_t)character < n ? (size_t)character : n);
	while (k < n && units < character) {
		unsigned char c = (unsigned char)text[at + k];
		size_t step = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;

		units += c >= 0xf0 ? 2 : 1;
		k += step;
	}
	return (size_t)at + (k < n ? k : n);
}

char *text_of(struct server *s, const char *path, size_t *len)
{
	struct doc *d = doc_by_path(s, path);
	FILE *f;
	char *buf = NULL;
	size_t cap = 0, n = 0, k;

	if (d) {
		buf = malloc(d->len + 1);
		if (!buf)
			abort();
		memcpy(buf, d->text, d->len);
		buf[d->len] = 0;
		*len = d->len;
		return buf;
	}
	f = fopen(path, "rb");
	if (!f)
		return NULL;
	do {
		if (n + 65536 > cap) {
			cap = cap ? 2 * cap : 1 << 16;
			buf = realloc(buf, cap + 1);
			if (!buf)
				abort();
		}
		k = fread(buf + n, 1, cap - n, f);
		n += k;
	} while (k > 0);
	fclose(f);
	buf[n] = 0;
	*len = n;
	return buf;
}

json_t *text_position(const char *text, size_t len, int line, int col, int utf8)
{
	return json_pack("{s:i,s:i}", "line", line > 0 ? line - 1 : 0, "character",
			 text_character(text, len, line, col, utf8));
}

json_t *text_json(const char *s, size_t n)
{
	json_t *v = json_stringn(s, n);
	char *copy;

	if (v)
		return v;
	/* Not UTF-8 (a file name or source bytes in another encoding): each
	 * byte of an invalid sequence becomes '?', so the message still goes. */
	copy = malloc(n + 1);
	if (!copy)
		abort();
	for (size_t i = 0; i < n; ) {
		unsigned char c = (unsigned char)s[i];
		size_t k = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 :
			   (c & 0xf8) == 0xf0 ? 4 : 0;
		json_t *one = k && i + k <= n ? json_stringn(s + i, k) : NULL;

		if (one && c) {
			memcpy(copy + i, s + i, k);
			i += k;
		} else {
			copy[i++] = '?';
		}
		json_decref(one);
	}
	v = json_stringn(copy, n);
	free(copy);
	return v ? v : json_string("?");
}
