// SPDX-License-Identifier: GPL-2.0
/*
 * Tag sparse's diagnostics that are about the __iosys address space.
 *
 * Sparse prints "FILE:LINE:COL: [PREFIX: ]warning: MSG" (or error:), then
 * for type mismatches info lines with the same position and an indented
 * text ("   expected T", "   got U").
 *
 * A diagnostic is IOM010 for sure if its message names the __iosys
 * address space ("cast removes address space '__iosys' of expression",
 * "cast between address spaces (__iosys -> __iomem)"), or if it is an
 * address-space message and one of its info lines shows an __iosys type.
 *
 * It may be IOM010 if it is "dereference of noderef expression" (the
 * message names no type, its position is often not the member but a cast
 * or a '[', and it may come from a user macro) or an address-space message
 * that names no space ("subtraction of different types can't work
 * (different address spaces)").  These are settled by a comparison run
 * (main.c): stock sparse on the tree as it is.  The ones that run does not
 * print are the map's.
 *
 * The comparison run also repairs a side effect of the annotation: after an
 * error, sparse stops printing warnings for a while (the rest of the
 * function, or every noderef warning of the file).  So when an IOM010
 * diagnostic is an error, stock diagnostics may be missing; every one the
 * comparison run prints at a position where the annotated run printed
 * nothing is put back, untagged, before the diagnostic that follows it in
 * the comparison run (or at the end).  Not in a tree patched with the
 * annotation: there the annotated output is the stock output.
 *
 * " [IOM010]" is appended to the first line of a diagnostic; everything
 * else, info lines included, is copied byte for byte.  An IOM010 diagnostic
 * identical to one already printed (a macro such as READ_ONCE() spells its
 * argument twice) is printed once: findings are reported once per line and
 * rule.
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

static size_t chomp(const struct line *l)
{
	return l->len && l->p[l->len - 1] == '\n' ? l->len - 1 : l->len;
}

/*
 * A diagnostic: a head line and its info lines, plus the lines that are
 * not diagnostics (notes such as "in included file") just before it.
 */
struct group {
	size_t first, head, end;	/* line indexes: [first, end) */
	struct diag d;
	int error;		/* an "error:" head */
	enum { NOT_MAP, MAYBE_MAP, MAP } map;
	long match;		/* index of the same head in the other output */
};

struct output {
	struct line *l;
	size_t nl;
	struct group *g;
	size_t ng;
	size_t tail;		/* first line after the last group */
};

static void split(const char *s, size_t len, struct output *o)
{
	size_t i = 0, cap = 16;

	o->l = xmalloc(cap * sizeof(*o->l));
	o->nl = 0;
	while (i < len) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - s) + 1 : len;

		if (o->nl == cap) {
			cap *= 2;
			o->l = xrealloc(o->l, cap * sizeof(*o->l));
		}
		o->l[o->nl].p = s + i;
		o->l[o->nl].len = end - i;
		o->nl++;
		i = end;
	}
}

static void classify(struct output *o, struct group *g)
{
	const struct diag *d = &g->d;
	size_t i;

	g->error = starts(o->l[g->head].p + d->pos_len + 2,
			  o->l[g->head].len - d->pos_len - 2, "error: ") ||
		   contains(o->l[g->head].p, (size_t)(d->msg - o->l[g->head].p),
			    ": error: ");
	g->map = NOT_MAP;
	if (contains(d->msg, d->msg_len, "address space")) {
		/*
		 * The space is named in the message ("cast removes address
		 * space '__iomem' ...") or in the types on the info lines;
		 * only a bare message leaves it open.
		 */
		if (contains(d->msg, d->msg_len, "__iosys"))
			g->map = MAP;
		else if (!contains(d->msg, d->msg_len, "address space '") &&
			 !contains(d->msg, d->msg_len, "address spaces (") &&
			 g->end == g->head + 1)
			g->map = MAYBE_MAP;
		for (i = g->head + 1; i < g->end; i++)
			if (contains(o->l[i].p, o->l[i].len, "__iosys"))
				g->map = MAP;
	}
	if (d->msg_len == sizeof(deref_msg) - 1 &&
	    !memcmp(d->msg, deref_msg, d->msg_len))
		g->map = MAYBE_MAP;
}

static void parse_output(const char *s, size_t len, struct output *o)
{
	size_t i = 0, first = 0, cap = 16;

	split(s, len, o);
	o->g = xmalloc(cap * sizeof(*o->g));
	o->ng = 0;
	while (i < o->nl) {
		struct diag d, e;
		struct group *g;

		parse(o->l[i].p, o->l[i].len, &d);
		if (d.kind != HEAD) {
			i++;
			continue;
		}
		if (o->ng == cap) {
			cap *= 2;
			o->g = xrealloc(o->g, cap * sizeof(*o->g));
		}
		g = &o->g[o->ng++];
		g->first = first;
		g->head = i;
		g->d = d;
		g->match = -1;
		for (i++; i < o->nl; i++) {
			parse(o->l[i].p, o->l[i].len, &e);
			if (e.kind != INFO || e.pos_len != d.pos_len ||
			    memcmp(o->l[i].p, o->l[g->head].p, d.pos_len))
				break;
		}
		g->end = i;
		first = i;
		classify(o, g);
	}
	o->tail = first;
}

int tag_needs_plain(const char *text, size_t len)
{
	struct output o;
	size_t i;
	int need = 0;

	parse_output(text, len, &o);
	for (i = 0; i < o.ng && !need; i++)
		need = o.g[i].map == MAYBE_MAP ||
		       (o.g[i].map == MAP && o.g[i].error);
	free(o.l);
	free(o.g);
	return need;
}

static int same_head(const struct output *a, size_t i, const struct output *b,
		     size_t j)
{
	const struct line *x = &a->l[a->g[i].head], *y = &b->l[b->g[j].head];

	return chomp(x) == chomp(y) && !memcmp(x->p, y->p, chomp(x));
}

/*
 * Was something printed at the position of p's group j in a?  Inside the
 * annotated copies of the map headers (printed under the tree's paths)
 * the rewrite moves columns, so there only the line counts.
 */
static int same_pos(const struct output *a, size_t i, const struct output *p,
		    size_t j, const struct tag_opts *o)
{
	const char *x = a->l[a->g[i].head].p, *y = p->l[p->g[j].head].p;
	size_t n = p->g[j].d.pos_len, k;

	for (k = 0; k < o->nmaps; k++) {
		size_t fl = strlen(o->maps[k].to);

		if (n > fl && !memcmp(y, o->maps[k].to, fl) && y[fl] == ':') {
			n = fl + 1;
			while (n < p->g[j].d.pos_len && y[n] != ':')
				n++;	/* FILE:LINE */
			return a->g[i].d.pos_len > n && !memcmp(x, y, n + 1);
		}
	}
	return a->g[i].d.pos_len == n && !memcmp(x, y, n);
}

static int same_group(const struct output *o, size_t i, size_t j)
{
	const struct group *a = &o->g[i], *b = &o->g[j];
	size_t k;

	if (a->end - a->head != b->end - b->head)
		return 0;
	for (k = 0; k < a->end - a->head; k++) {
		const struct line *x = &o->l[a->head + k], *y = &o->l[b->head + k];

		if (chomp(x) != chomp(y) || memcmp(x->p, y->p, chomp(x)))
			return 0;
	}
	return 1;
}

static void emit_lines(struct buf *out, const struct output *o, size_t from,
		       size_t to)
{
	for (; from < to; from++)
		buf_add(out, o->l[from].p, o->l[from].len);
}

static int emit_group(struct buf *out, const struct output *o, size_t i,
		      int tag)
{
	const struct group *g = &o->g[i];
	const struct line *h = &o->l[g->head];

	emit_lines(out, o, g->first, g->head);
	if (tag) {
		buf_add(out, h->p, chomp(h));
		buf_puts(out, IOMS_TAG);
		buf_add(out, h->p + chomp(h), h->len - chomp(h));
	} else {
		buf_add(out, h->p, h->len);
	}
	emit_lines(out, o, g->head + 1, g->end);
	return tag;
}

int tag_output(const char *text, size_t len, const struct tag_opts *o,
	       struct buf *out)
{
	const char *plain = o->plain;
	struct output a, p = { 0 };
	size_t i, j, k, next = 0;
	long *before = NULL;	/* p group j goes before a group before[j] */
	char *tagged;
	int tags = 0;

	parse_output(text, len, &a);
	if (plain) {
		long up = (long)a.ng;

		parse_output(plain, o->plen, &p);
		before = xmalloc((p.ng + 1) * sizeof(*before));
		/* pair equal heads, in order where possible */
		for (j = 0; j < p.ng; j++)
			for (k = 0; k < a.ng; k++) {
				i = (next + k) % a.ng;
				if (a.g[i].match < 0 && same_head(&a, i, &p, j)) {
					a.g[i].match = (long)j;
					p.g[j].match = (long)i;
					next = i + 1;
					break;
				}
			}
		/*
		 * A stock diagnostic is missing if neither it nor anything else
		 * was printed at its position; it goes before the diagnostic
		 * that follows it in the comparison run, or at the end.
		 */
		for (j = p.ng; j-- > 0;) {
			before[j] = -1;		/* nothing to put back */
			if (p.g[j].match >= 0) {
				up = p.g[j].match;
				continue;
			}
			if (!o->restore)
				continue;
			for (i = 0; i < a.ng; i++)
				if (same_pos(&a, i, &p, j, o))
					break;
			if (i == a.ng)
				before[j] = up;
		}
	}
	tagged = xmalloc(a.ng + 1);
	for (i = 0; i <= a.ng; i++) {
		int tag;

		for (j = 0; plain && j < p.ng; j++)
			if (before[j] == (long)i)
				emit_group(out, &p, j, 0);
		if (i == a.ng)
			break;
		tag = a.g[i].map == MAP ||
		      (a.g[i].map == MAYBE_MAP && plain && a.g[i].match < 0);
		tagged[i] = (char)tag;
		for (k = 0; tag && k < i; k++)
			if (tagged[k] && same_group(&a, k, i))
				break;
		if (!tag || k == i)
			tags += emit_group(out, &a, i, tag);
	}
	emit_lines(out, &a, a.tail, a.nl);
	free(a.l);
	free(a.g);
	free(p.l);
	free(p.g);
	free(before);
	free(tagged);
	return tags;
}
