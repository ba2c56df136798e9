/*
 * key.c - a finding's stable key, what the baseline and SARIF's own
 * fingerprint use.
 *
 * Real trees move code around: lines are inserted above a finding, blocks
 * are reindented, files are renamed.  So the key never contains a line
 * number or a path.  It is built from the rule, the enclosing function, the
 * message (which names the expression: 'map->vaddr' passed to 'memcpy') and
 * the source line with every blank and comment removed, plus an occurrence
 * number that tells identical findings in one file apart, counted in line
 * order.  The path only breaks ties when the baseline is matched.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gate.h"

/* FNV-1a, 64 bits: stable across machines and releases, which is all a
 * baseline needs from it. */
static uint64_t fnv(uint64_t h, const char *s)
{
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ull;
	}
	h ^= 0xff;	/* field separator: "ab"+"c" differs from "a"+"bc" */
	h *= 0x100000001b3ull;
	return h;
}

static int same_identity(const struct gate_finding *a, const struct gate_finding *b)
{
	return a->rule == b->rule && !strcmp(a->engine, b->engine) &&
	       !strcmp(a->file, b->file) && !strcmp(a->function, b->function) &&
	       !strcmp(a->message, b->message) && !strcmp(a->snippet, b->snippet);
}

static void make_key(struct gate_finding *f)
{
	char occ[16];
	uint64_t h = 0xcbf29ce484222325ull;

	snprintf(occ, sizeof(occ), "%d", f->occurrence);
	h = fnv(h, iom_rule_name(f->rule));
	h = fnv(h, f->function);
	h = fnv(h, f->message);
	h = fnv(h, f->snippet);
	h = fnv(h, occ);
	snprintf(f->key, sizeof(f->key), "%016llx", (unsigned long long)h);
}

/* The first 'quoted' expression of a message: what the finding is about. */
static size_t quoted(const char *msg, const char **start)
{
	const char *a = strchr(msg, '\''), *b = a ? strchr(a + 1, '\'') : NULL;

	if (!b)
		return 0;
	*start = a + 1;
	return (size_t)(b - a - 1);
}

int gate_end_column(const struct gate_finding *f)
{
	const char *line = gate_source_line(f->file, f->line), *expr, *p;
	size_t n, len;

	if (!line || f->col < 1 || (size_t)f->col > strlen(line))
		return f->col + 1;
	p = line + f->col - 1;
	n = quoted(f->message, &expr);
	if (n) {
		/* The engines point at the expression or at the call or store that
		 * uses it: the region runs to the end of the expression. */
		char *want = strndup(expr, n), *at = want ? strstr(p, want) : NULL;

		if (at) {
			free(want);
			return (int)(at - line) + (int)n + 1;
		}
		free(want);
	}
	/* Else the token at the column: an identifier and its member chain. */
	for (len = 0; p[len]; len++) {
		if (isalnum((unsigned char)p[len]) || p[len] == '_' || p[len] == '.')
			continue;
		if (p[len] == '-' && p[len + 1] == '>' && len) {
			len++;
			continue;
		}
		break;
	}
	return f->col + (int)(len ? len : 1);
}

void gate_set_keys(struct gate_set *s)
{
	for (int i = 0; i < s->n; i++) {
		struct gate_finding *f = &s->v[i];

		free(f->snippet);
		f->snippet = gate_normalise_line(gate_source_line(f->file, f->line));
		gate_line_hash(f->file, f->line, f->linehash, sizeof(f->linehash));
		if (!f->end_col)
			f->end_col = gate_end_column(f);
	}
	/* Sorted by engine, file and line: earlier equals come first. */
	for (int i = 0; i < s->n; i++) {
		struct gate_finding *f = &s->v[i];

		f->occurrence = 1;
		for (int j = i - 1; j >= 0 && !strcmp(s->v[j].file, f->file) &&
				    !strcmp(s->v[j].engine, f->engine); j--)
			if (same_identity(&s->v[j], f)) {
				f->occurrence = s->v[j].occurrence + 1;
				break;
			}
		make_key(f);
	}
}
