/*
 * columns.c - byte columns for the core.  The one parse is stock sparse's,
 * so its positions count columns with sparse's tab stop (8 unless
 * -ftabstop= says otherwise), as its own warnings must; every engine reports
 * byte columns.  A position's column is recounted from the source line: the
 * tab-stop column after k bytes of the line, mapped to the byte column after
 * the same k bytes (the same counting as sparse's tokenizer: CR counts
 * nothing, a tab moves to the next stop, anything else one column).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flow.h"
#include "options.h"

struct source {
	int stream;
	char *text;	/* the file, or NULL when unreadable */
	size_t len;
	int *line_at;	/* offset of line n+1 (1-based lines) */
	int lines;
	unsigned *col;	/* the tab-stop column after each byte of its line */
	int *bytes;	/* the byte column after each byte of its line */
};

static struct source *sources;
static int nr_sources;

static struct source *source_of(int stream)
{
	struct source *s, *n;
	FILE *f;

	for (int i = 0; i < nr_sources; i++)
		if (sources[i].stream == stream)
			return &sources[i];
	n = realloc(sources, (size_t)(nr_sources + 1) * sizeof(*sources));
	if (!n)
		return NULL;
	sources = n;
	s = &sources[nr_sources++];
	memset(s, 0, sizeof(*s));
	s->stream = stream;
	f = fopen(stream_name(stream), "rb");
	if (!f)
		return s;
	for (;;) {
		char *t = realloc(s->text, s->len + 65536);

		if (!t)
			break;
		s->text = t;
		size_t got = fread(s->text + s->len, 1, 65536, f);
		s->len += got;
		if (got < 65536)
			break;
	}
	fclose(f);
	s->line_at = malloc((s->len + 2) * sizeof(int));
	s->col = malloc((s->len + 1) * sizeof(unsigned));
	s->bytes = malloc((s->len + 1) * sizeof(int));
	if (!s->text || !s->line_at || !s->col || !s->bytes) {
		free(s->line_at);
		s->line_at = NULL;
		return s;
	}
	s->line_at[s->lines++] = 0;
	/* one pass: a position is then found by bisection in its line (a
	 * long line with a tab costs no walk per position) */
	for (size_t i = 0, col = 0, bytes = 0; i < s->len; i++) {
		char c = s->text[i];

		if (c == '\n') {
			s->line_at[s->lines++] = (int)i + 1;
			col = bytes = 0;
		} else if (c != '\r') {
			col += c == '\t' ? tabstop - col % tabstop : 1;
			bytes++;
		}
		s->col[i] = (unsigned)col;
		s->bytes[i] = (int)bytes;
	}
	return s;
}

int byte_column(struct position pos)
{
	struct source *s;
	size_t lo, hi;

	if (tabstop <= 1 || pos.pos == 0 || pos.stream < 0)
		return pos.pos;
	s = source_of(pos.stream);
	if (!s || !s->line_at || pos.line < 1 || pos.line > s->lines)
		return pos.pos;
	/* the first byte of the line whose column reaches pos.pos */
	lo = (size_t)s->line_at[pos.line - 1];
	hi = pos.line < s->lines ? (size_t)s->line_at[pos.line] - 1 : s->len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->col[mid] < pos.pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < s->len && s->text[lo] != '\n' && s->col[lo] == pos.pos)
		return s->bytes[lo];
	return pos.pos;	/* not on this line (a splice): as sparse counted */
}
