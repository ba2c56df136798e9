// SPDX-License-Identifier: GPL-2.0
/*
 * A small unified diff (longest common subsequence over lines, 3 lines of
 * context) for --patch.  Headers are a few hundred lines, so the quadratic
 * table is cheap; common leading and trailing lines are trimmed first.
 */
#include <stdlib.h>
#include <string.h>

#include "iomemcheck-sparse.h"

struct line {
	const char *p;
	size_t len;		/* including the '\n', if any */
	unsigned long long h;
};

struct lines {
	struct line *l;
	size_t n;
};

static void split(const char *s, size_t len, struct lines *out)
{
	size_t i = 0, cap = 64;

	out->l = xmalloc(cap * sizeof(*out->l));
	out->n = 0;
	while (i < len) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - s) + 1 : len;

		if (out->n == cap) {
			cap *= 2;
			out->l = xrealloc(out->l, cap * sizeof(*out->l));
		}
		out->l[out->n].p = s + i;
		out->l[out->n].len = end - i;
		out->l[out->n].h = hash64(s + i, end - i, 0);
		out->n++;
		i = end;
	}
}

static int same(const struct line *a, const struct line *b)
{
	return a->h == b->h && a->len == b->len && !memcmp(a->p, b->p, a->len);
}

enum op { EQ, DEL, ADD };

struct step {
	enum op op;
	size_t a, b;		/* line indexes (0-based) in a and b */
};

static void emit_line(struct buf *out, char mark, const struct line *l)
{
	buf_add(out, &mark, 1);
	buf_add(out, l->p, l->len);
	if (!l->len || l->p[l->len - 1] != '\n')
		buf_puts(out, "\n\\ No newline at end of file\n");
}

int unified_diff(const char *label_a, const char *label_b,
		 const char *a, size_t alen, const char *b, size_t blen,
		 struct buf *out)
{
	struct lines A, B;
	struct step *st;
	size_t pre = 0, suf = 0, n, m, i, j, nst = 0, cap;
	unsigned *lcs;
	int hunks = 0;

	split(a, alen, &A);
	split(b, blen, &B);
	while (pre < A.n && pre < B.n && same(&A.l[pre], &B.l[pre]))
		pre++;
	while (suf < A.n - pre && suf < B.n - pre &&
	       same(&A.l[A.n - 1 - suf], &B.l[B.n - 1 - suf]))
		suf++;
	n = A.n - pre - suf;
	m = B.n - pre - suf;

	/* lcs[i][j]: LCS length of the middle parts from i and j on */
	lcs = xmalloc((n + 1) * (m + 1) * sizeof(*lcs));
	for (i = n + 1; i-- > 0;)
		for (j = m + 1; j-- > 0;) {
			unsigned *c = &lcs[i * (m + 1) + j];

			if (i == n || j == m)
				*c = 0;
			else if (same(&A.l[pre + i], &B.l[pre + j]))
				*c = lcs[(i + 1) * (m + 1) + j + 1] + 1;
			else {
				unsigned d = lcs[(i + 1) * (m + 1) + j];
				unsigned r = lcs[i * (m + 1) + j + 1];

				*c = d >= r ? d : r;
			}
		}

	cap = A.n + B.n + 1;
	st = xmalloc(cap * sizeof(*st));
	for (i = 0; i < pre; i++)
		st[nst++] = (struct step){ EQ, i, i };
	i = j = 0;
	while (i < n || j < m) {
		if (i < n && j < m && same(&A.l[pre + i], &B.l[pre + j])) {
			st[nst++] = (struct step){ EQ, pre + i, pre + j };
			i++, j++;
		} else if (i < n && (j == m || lcs[(i + 1) * (m + 1) + j] >=
					      lcs[i * (m + 1) + j + 1])) {
			/* removed lines first, as diff -u prints them */
			st[nst++] = (struct step){ DEL, pre + i, pre + j };
			i++;
		} else {
			st[nst++] = (struct step){ ADD, pre + i, pre + j };
			j++;
		}
	}
	for (i = 0; i < suf; i++)
		st[nst++] = (struct step){ EQ, pre + n + i, pre + m + i };
	free(lcs);

	for (i = 0; i < nst;) {
		size_t first, last, k, na = 0, nb = 0, a0, b0;

		if (st[i].op == EQ) {
			i++;
			continue;
		}
		first = i >= 3 ? i - 3 : 0;
		last = i;
		/* extend while the next change is within 6 unchanged lines */
		for (k = i + 1; k < nst; k++) {
			if (st[k].op != EQ) {
				last = k;
				continue;
			}
			if (k - last > 6)
				break;
		}
		last = last + 3 < nst - 1 ? last + 3 : nst - 1;
		for (k = first; k <= last; k++) {
			if (st[k].op != ADD)
				na++;
			if (st[k].op != DEL)
				nb++;
		}
		a0 = st[first].a + (na ? 1 : 0);
		b0 = st[first].b + (nb ? 1 : 0);
		if (!hunks)
			buf_printf(out, "--- %s\n+++ %s\n", label_a, label_b);
		buf_printf(out, "@@ -%zu,%zu +%zu,%zu @@\n", a0, na, b0, nb);
		for (k = first; k <= last; k++) {
			if (st[k].op == EQ)
				emit_line(out, ' ', &A.l[st[k].a]);
			else if (st[k].op == DEL)
				emit_line(out, '-', &A.l[st[k].a]);
			else
				emit_line(out, '+', &B.l[st[k].b]);
		}
		hunks++;
		i = last + 1;
	}
	free(st);
	free(A.l);
	free(B.l);
	return hunks;
}
