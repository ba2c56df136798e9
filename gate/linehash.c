/*
 * linehash.c - GitHub's primaryLocationLineHash.
 *
 * GitHub code scanning tracks an alert across commits by a hash of the text
 * at its line; its upload action fills the value in when a SARIF file lacks
 * it, and reports a mismatch when the file's own value differs.  So the value
 * must be computed exactly as the upload action does:
 *
 * - the text is read as UTF-16 code units; CR and CRLF count as one LF;
 *   spaces and tabs are skipped (reindenting keeps the hash);
 * - each line's value is a polynomial hash, base 37 with 64-bit wrap-around,
 *   of the 100 characters (not space or tab) that start at the line, running
 *   on into the following lines; after the last character comes 65535, then
 *   zeros;
 * - the value is "HEX:K": the unsigned hash in lower-case hex without leading
 *   zeros, and K counts how many lines of the file so far had that hash
 *   (1 for the first).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gate.h"

#define BLOCK	100
#define BASE	37u
#define END	65535u

struct roll {
	uint32_t window[BLOCK];
	int line_at[BLOCK];	/* line starting at this slot, or -1 */
	int index;
	uint64_t hash, first_mod;
	/* the output and the per-hash counts */
	char (*out)[40];
	int max, lines;
	struct seen { uint64_t hash; int count; } *seen;
	int nr_seen, seen_cap;
};

/* How many lines so far had this hash: an open-addressing table, so a file
 * of many thousand lines costs one probe or two per line. */
static int count_of(struct roll *r, uint64_t hash)
{
	size_t i;

	if (2 * (r->nr_seen + 1) > r->seen_cap) {
		struct seen *old = r->seen;
		int cap = r->seen_cap;

		r->seen_cap = cap ? 2 * cap : 1024;
		r->seen = calloc((size_t)r->seen_cap, sizeof(*r->seen));
		if (!r->seen)
			abort();
		r->nr_seen = 0;
		for (int k = 0; k < cap; k++)
			if (old[k].count) {
				for (i = old[k].hash % r->seen_cap; r->seen[i].count;
				     i = (i + 1) % r->seen_cap)
					;
				r->seen[i] = old[k];
				r->nr_seen++;
			}
		free(old);
	}
	for (i = hash % r->seen_cap; r->seen[i].count; i = (i + 1) % r->seen_cap)
		if (r->seen[i].hash == hash)
			return ++r->seen[i].count;
	r->seen[i].hash = hash;
	r->seen[i].count = 1;
	r->nr_seen++;
	return 1;
}

static void emit(struct roll *r)
{
	int line = r->line_at[r->index];
	int k = count_of(r, r->hash);

	if (line >= 1 && line <= r->max) {
		snprintf(r->out[line - 1], 40, "%llx:%d", (unsigned long long)r->hash, k);
		if (line > r->lines)
			r->lines = line;
	}
	r->line_at[r->index] = -1;
}

static void update(struct roll *r, uint32_t c)
{
	uint32_t begin = r->window[r->index];

	r->window[r->index] = c;
	r->hash = BASE * r->hash + c - r->first_mod * begin;
	r->index = (r->index + 1) % BLOCK;
}

struct reader {
	int line;
	int line_start;
	int prev_cr;
};

static void put(struct roll *r, struct reader *rd, uint32_t c)
{
	if (c == ' ' || c == '\t' || (rd->prev_cr && c == '\n')) {
		rd->prev_cr = 0;
		return;
	}
	rd->prev_cr = c == '\r';
	if (c == '\r')
		c = '\n';
	if (r->line_at[r->index] != -1)
		emit(r);
	if (rd->line_start) {
		rd->line_start = 0;
		r->line_at[r->index] = ++rd->line;
	}
	if (c == '\n')
		rd->line_start = 1;
	update(r, c);
}

/* One UTF-8 sequence to a code point; invalid bytes become U+FFFD, as a
 * UTF-8 decoder reading the file would make them. */
static uint32_t decode(const unsigned char *s, size_t len, size_t *used)
{
	unsigned char c = s[0];
	int n = c < 0x80 ? 0 : (c & 0xe0) == 0xc0 ? 1 : (c & 0xf0) == 0xe0 ? 2 :
		(c & 0xf8) == 0xf0 ? 3 : -1;
	uint32_t cp;

	*used = 1;
	if (n == 0)
		return c;
	if (n < 0 || (size_t)n >= len)
		return 0xfffd;
	cp = c & (0x3f >> n);
	for (int i = 1; i <= n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0xfffd;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	*used = (size_t)n + 1;
	return cp;
}

int gate_hash_lines(const unsigned char *text, size_t len, char (*out)[40], int max)
{
	struct roll r;
	struct reader rd = { 0, 1, 0 };
	size_t i = 0, used;

	memset(&r, 0, sizeof(r));
	r.out = out;
	r.max = max;
	r.first_mod = 1;
	for (int k = 0; k < BLOCK; k++) {
		r.first_mod *= BASE;
		r.line_at[k] = -1;
	}
	while (i < len) {
		uint32_t cp = decode(text + i, len - i, &used);

		i += used;
		if (cp >= 0x10000) {	/* two UTF-16 code units */
			cp -= 0x10000;
			put(&r, &rd, 0xd800 + (cp >> 10));
			put(&r, &rd, 0xdc00 + (cp & 0x3ff));
		} else {
			put(&r, &rd, cp);
		}
	}
	put(&r, &rd, END);
	for (int k = 0; k < BLOCK; k++) {
		if (r.line_at[r.index] != -1)
			emit(&r);
		update(&r, 0);
	}
	free(r.seen);
	return r.lines;
}
