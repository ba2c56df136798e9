/*
 * source.c - the source lines findings point at, read once per file: the
 * key's snippet, the line hash and the suppression comments need them.
 * A file that cannot be read gives no lines; findings in it keep their keys
 * from rule, function and message alone.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"
#include "gate.h"

struct source {
	char *name;
	char *text;		/* NUL-terminated, lines split in place */
	size_t len;
	char **lines;
	int nr_lines;
	char (*hashes)[40];	/* computed when first asked */
	int nr_hashes;
	struct source *next;
};

static struct source *cache;

static struct source *load(const char *name)
{
	struct source *s;
	const char *why;
	char *p, *copy;

	for (s = cache; s; s = s->next)
		if (!strcmp(s->name, name))
			return s->text ? s : NULL;
	s = calloc(1, sizeof(*s));
	if (!s)
		abort();
	s->name = strdup(name);
	s->next = cache;
	cache = s;
	s->text = file_read(name, &s->len, &why);	/* a FIFO or /dev/zero has no lines */
	if (!s->text)
		return NULL;
	/* The hashes want the bytes as they are; the lines get a split copy. */
	copy = malloc(s->len + 1);
	if (!copy)
		abort();
	memcpy(copy, s->text, s->len + 1);
	for (p = copy;; ) {
		char *end = p + strcspn(p, "\r\n");
		int last = !*end;

		s->lines = realloc(s->lines, (size_t)(s->nr_lines + 1) * sizeof(*s->lines));
		if (!s->lines)
			abort();
		s->lines[s->nr_lines++] = p;
		if (last)
			break;
		if (end[0] == '\r' && end[1] == '\n')
			*end++ = 0;
		*end = 0;
		p = end + 1;
	}
	return s;
}

const char *gate_source_line(const char *file, int line)
{
	struct source *s = load(file);

	if (!s || line < 1 || line > s->nr_lines)
		return NULL;
	return s->lines[line - 1];
}

void gate_line_hash(const char *file, int line, char *buf, size_t len)
{
	struct source *s = load(file);

	buf[0] = 0;
	if (!s || line < 1)
		return;
	if (!s->hashes) {
		s->nr_hashes = s->nr_lines + 1;
		s->hashes = calloc((size_t)s->nr_hashes, sizeof(*s->hashes));
		if (!s->hashes)
			abort();
		gate_hash_lines((const unsigned char *)s->text, s->len, s->hashes, s->nr_hashes);
	}
	if (line <= s->nr_hashes)
		snprintf(buf, len, "%s", s->hashes[line - 1]);
}

char *gate_normalise_line(const char *line)
{
	char *out = malloc(strlen(line ? line : "") + 1), *o = out;
	const char *p = line ? line : "";

	if (!out)
		abort();
	while (*p) {
		if (p[0] == '/' && p[1] == '*') {
			const char *end = strstr(p + 2, "*/");

			p = end ? end + 2 : p + strlen(p);
		} else if (p[0] == '/' && p[1] == '/') {
			break;
		} else if (isspace((unsigned char)*p)) {
			p++;
		} else {
			*o++ = *p++;
		}
	}
	*o = 0;
	return out;
}

void gate_source_forget(void)
{
	while (cache) {
		struct source *s = cache;

		cache = s->next;
		free(s->name);
		free(s->text);
		free(s->lines ? s->lines[0] : NULL);
		free(s->lines);
		free(s->hashes);
		free(s);
	}
}
