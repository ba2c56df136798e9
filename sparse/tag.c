// SPDX-License-Identifier: GPL-2.0
/*
 * Tag sparse's diagnostics that are about the __iosys address space.
 *
 * Sparse prints "FILE:LINE:COL: [PREFIX: ]warning: MSG" (or error:), then
 * for type mismatches info lines with the same position and an indented
 * text ("   expected T", "   got U").  A diagnostic is IOM010 if
 *
 *  - its message names the __iosys address space ("cast removes address
 *    space '__iosys' of expression"), or
 *  - it is a "(different address spaces)" mismatch and one of its info
 *    lines shows an __iosys type, or
 *  - it is "dereference of noderef expression" and the same run with the
 *    annotation neutralised does not print it.  This message names no
 *    type, its position is often not the member (a cast, a '['), and it may
 *    come from a user macro; only the comparison run tells for sure.
 *
 * " [IOM010]" is appended to the first line of the diagnostic; everything
 * else, info lines included, is copied byte for byte.
 */
#include <stdlib.h>
#include <string.h>

#include "iomemcheck-sparse.h"

static const char deref_msg[] = "dereference of noderef expression";

enum kind { OTHER, HEAD, INFO };

struct diag {
	enum kind kind;
	size_t pos_len;		/* "FILE:LINE:COL" */
	const char *msg;	/* HEAD: after "warning: "; INFO: the text */
	size_t msg_len;
};

static int digits(const char *s, size_t n, size_t *i)
{
	size_t j = *i;

	while (j < n && s[j] >= '0' && s[j] <= '9')
		j++;
	if (j == *i)
		return 0;
	*i = j;
	return 1;
}

static int starts(const char *s, size_t n, const char *w)
{
	size_t l = strlen(w);

	return n >= l && !memcmp(s, w, l);
}

static void parse(const char *l, size_t n, struct diag *d)
{
	size_t i, j;
	const char *rest;
	size_t rn;

	d->kind = OTHER;
	if (n && l[n - 1] == '\n')
		n--;
	for (i = 0; i < n; i++) {
		if (l[i] != ':')
			continue;
		j = i + 1;
		if (!digits(l, n, &j) || j >= n || l[j] != ':')
			continue;
		j++;
		if (!digits(l, n, &j) || j + 1 >= n || l[j] != ':' || l[j + 1] != ' ')
			continue;
		d->pos_len = j;
		break;
	}
	if (i == n)
		return;
	rest = l + d->pos_len + 2;
	rn = n - d->pos_len - 2;
	for (i = 0; i < 2; i++) {
		const char *sp;

		if (starts(rest, rn, "warning: ")) {
			d->kind = HEAD;
			d->msg = rest + 9;
			d->msg_len = rn - 9;
			return;
		}
		if (starts(rest, rn, "error: ")) {
			d->kind = HEAD;
			d->msg = rest + 7;
			d->msg_len = rn - 7;
			return;
		}
		if (starts(rest, rn, "   ")) {
			d->kind = INFO;
			d->msg = rest;
			d->msg_len = rn;
			return;
		}
		/* -fdiagnostic-prefix[=X]: one word and ": " */
		sp = memchr(rest, ' ', rn);
		if (i || !sp || sp == rest || sp[-1] != ':')
			return;
		rn -= (size_t)(sp + 1 - rest);
		rest = sp + 1;
	}
}

static int contains(const char *s, size_t n, const char *w)
{
	size_t l = strlen(w), i;

	for (i = 0; i + l <= n; i++)
		if (!memcmp(s + i, w, l))
			return 1;
	return 0;
}

int has_noderef_deref(const char *text, size_t len)
{
	return contains(text, len, deref_msg);
}

void map_paths(struct buf *text, const struct path_map *maps, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		struct buf out = { 0 };
		size_t fl = strlen(maps[k].from), i = 0;
		const char *s = buf_cstr(text);

		if (!fl || !strstr(s, maps[k].from))
			continue;
		while (i < text->len) {
			const char *hit = strstr(s + i, maps[k].from);

			if (!hit) {
				buf_add(&out, s + i, text->len - i);
				break;
			}
			buf_add(&out, s + i, (size_t)(hit - (s + i)));
			buf_puts(&out, maps[k].to);
			i = (size_t)(hit - s) + fl;
		}
		buf_free(text);
		*text = out;
	}
}

struct line {
	const char *p;
	size_t len;		/* with the '\n' */
};

static size_t split(const char *s, size_t len, struct line **out)
{
	size_t i = 0, n = 0, cap = 16;
	struct line *l = xmalloc(cap * sizeof(*l));

	while (i < len) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - s) + 1 : len;

		if (n == cap) {
			cap *= 2;
			l = xrealloc(l, cap * sizeof(*l));
		}
		l[n].p = s + i;
		l[n].len = end - i;
		n++;
		i = end;
	}
	*out = l;
	return n;
}

static size_t chomp(const struct line *l)
{
	return l->len && l->p[l->len - 1] == '\n' ? l->len - 1 : l->len;
}

static int is_deref(const struct diag *d)
{
	return d->kind == HEAD && d->msg_len == sizeof(deref_msg) - 1 &&
	       !memcmp(d->msg, deref_msg, d->msg_len);
}

int tag_output(const char *text, size_t len, const char *plain, size_t plen,
	       struct buf *out)
{
	struct line *L, *P = NULL;
	size_t n, np = 0, i, j;
	char *used = NULL;
	int tags = 0;

	n = split(text, len, &L);
	if (plain) {
		np = split(plain, plen, &P);
		used = xmalloc(np + 1);
		memset(used, 0, np + 1);
	}
	for (i = 0; i < n;) {
		struct diag d, e;
		int tag = 0;

		parse(L[i].p, L[i].len, &d);
		if (d.kind != HEAD) {
			buf_add(out, L[i].p, L[i].len);
			i++;
			continue;
		}
		for (j = i + 1; j < n; j++) {
			parse(L[j].p, L[j].len, &e);
			if (e.kind != INFO || e.pos_len != d.pos_len ||
			    memcmp(L[j].p, L[i].p, d.pos_len))
				break;
			if (contains(d.msg, d.msg_len, "(different address spaces)") &&
			    contains(e.msg, e.msg_len, "__iosys"))
				tag = 1;
		}
		if (contains(d.msg, d.msg_len, "address space") &&
		    contains(d.msg, d.msg_len, "__iosys"))
			tag = 1;
		if (is_deref(&d) && plain) {
			size_t k;

			/* the map's, unless the comparison run has it too */
			tag = 1;
			for (k = 0; k < np; k++)
				if (!used[k] && chomp(&P[k]) == chomp(&L[i]) &&
				    !memcmp(P[k].p, L[i].p, chomp(&L[i]))) {
					used[k] = 1;
					tag = 0;
					break;
				}
		}
		if (tag) {
			buf_add(out, L[i].p, chomp(&L[i]));
			buf_puts(out, IOMS_TAG);
			buf_add(out, L[i].p + chomp(&L[i]), L[i].len - chomp(&L[i]));
			tags++;
		} else {
			buf_add(out, L[i].p, L[i].len);
		}
		for (i++; i < j; i++)
			buf_add(out, L[i].p, L[i].len);
	}
	free(L);
	free(P);
	free(used);
	return tags;
}
