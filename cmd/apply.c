/*
 * apply.c - --fix and --diff: the findings' fix-its applied to the files.
 *
 * A finding's edits are one fix: all of them or none.  The same fix reached
 * twice (a header seen from two entries, the two findings of one rewrite) is
 * applied once.  Fixes whose ranges overlap and differ are all dropped, each
 * named on stderr: which one is right is not the command's to guess; the rest
 * are applied.  --fix rewrites each file atomically (temporary file, then
 * rename); --diff prints a unified patch with a/ and b/ paths, which
 * `git apply` (or patch -p1) takes from the current folder.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

#define CONTEXT 3		/* lines of context in a hunk, as diff -u */

struct fix {
	const struct iom_finding *f;
	size_t start[IOM_MAX_EDITS], end[IOM_MAX_EDITS];	/* byte offsets */
	int dropped;
};

/* Appending to a growable buffer (the core's struct iom_buf). */
static void add(struct iom_buf *b, const char *s, size_t n)
{
	if (b->failed)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		char *ns;

		while (cap < b->len + n + 1)
			cap *= 2;
		ns = realloc(b->s, cap);
		if (!ns) {
			b->failed = 1;
			return;
		}
		b->s = ns;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = 0;
}

static void addf(struct iom_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void addf(struct iom_buf *b, const char *fmt, ...)
{
	char line[PATH_MAX * 2 + 64];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n > 0)
		add(b, line, (size_t)n < sizeof(line) ? (size_t)n : sizeof(line) - 1);
}

struct file_text {
	char *s;
	size_t len;
	size_t *bol;		/* offset of each line's start; bol[nr_lines] = len */
	int nr_lines;
};

static int read_file(const char *path, struct file_text *t)
{
	FILE *fp = fopen(path, "rb");
	size_t cap = 4096;

	memset(t, 0, sizeof(*t));
	if (!fp)
		return -1;
	t->s = malloc(cap);
	for (size_t n; t->s && (n = fread(t->s + t->len, 1, cap - t->len, fp)) > 0;) {
		t->len += n;
		if (t->len == cap)
			t->s = realloc(t->s, cap *= 2);
	}
	fclose(fp);
	if (!t->s)
		return -1;
	t->bol = malloc((t->len + 2) * sizeof(*t->bol));
	if (!t->bol)
		return -1;
	t->bol[t->nr_lines++] = 0;
	for (size_t i = 0; i < t->len; i++)
		if (t->s[i] == '\n' && i + 1 < t->len)
			t->bol[t->nr_lines++] = i + 1;
	t->bol[t->nr_lines] = t->len;
	return 0;
}

static void free_text(struct file_text *t)
{
	free(t->s);
	free(t->bol);
	memset(t, 0, sizeof(*t));
}

/* The end of line n (1-based), before its newline. */
static size_t eol(const struct file_text *t, int n)
{
	size_t e = t->bol[n];

	return e > t->bol[n - 1] && t->s[e - 1] == '\n' ? e - 1 : e;
}

/* Line and 1-based byte column to an offset; -1 when outside the file. */
static long offset_of(const struct file_text *t, int line, int col)
{
	size_t at;

	if (line < 1 || line > t->nr_lines || col < 1)
		return -1;
	at = t->bol[line - 1] + (size_t)(col - 1);
	return at <= eol(t, line) ? (long)at : -1;
}

static int same_fix(const struct iom_finding *a, const struct iom_finding *b)
{
	if (a->nr_edits != b->nr_edits)
		return 0;
	for (int i = 0; i < a->nr_edits; i++) {
		const struct iom_edit *x = &a->edits[i], *y = &b->edits[i];

		if (strcmp(x->file, y->file) || x->line != y->line || x->col != y->col ||
		    x->end_line != y->end_line || x->end_col != y->end_col ||
		    strcmp(x->text, y->text))
			return 0;
	}
	return 1;
}

static int overlap(const struct fix *a, const struct fix *b)
{
	for (int i = 0; i < a->f->nr_edits; i++)
		for (int k = 0; k < b->f->nr_edits; k++)
			if (a->start[i] < b->end[k] && b->start[k] < a->end[i])
				return 1;
			else if (a->start[i] == b->start[k])	/* two insertions at one place */
				return 1;
	return 0;
}

static void dropped(const struct iom_edit *e, const char *why)
{
	fprintf(stderr, "iomemcheck: %s:%d:%d: fix-it not applied: %s\n", e->file, e->line,
		e->col, why);
}

struct edit_ref {
	size_t start, end;
	const char *text;
};

static int by_start(const void *pa, const void *pb)
{
	const struct edit_ref *a = pa, *b = pb;

	return a->start < b->start ? -1 : a->start > b->start;
}

/* The edits of one file's fixes, sorted (they do not overlap). */
static int file_edits(struct fix *fx, int n, struct edit_ref **out)
{
	int k = 0;

	*out = malloc((size_t)(n * IOM_MAX_EDITS + 1) * sizeof(**out));
	for (int i = 0; i < n; i++)
		for (int e = 0; !fx[i].dropped && e < fx[i].f->nr_edits; e++)
			(*out)[k++] = (struct edit_ref){ fx[i].start[e], fx[i].end[e],
							 fx[i].f->edits[e].text };
	qsort(*out, (size_t)k, sizeof(**out), by_start);
	return k;
}

/* The bytes [from, to) of the old text with the edits inside applied. */
static void rewritten(const struct file_text *t, size_t from, size_t to,
		      const struct edit_ref *ed, int n, struct iom_buf *b)
{
	size_t at = from;

	for (int i = 0; i < n; i++) {
		if (ed[i].start < from || ed[i].end > to)
			continue;
		add(b, t->s + at, ed[i].start - at);
		add(b, ed[i].text, strlen(ed[i].text));
		at = ed[i].end;
	}
	add(b, t->s + at, to - at);
}

static int write_atomically(const char *path, const struct iom_buf *b, char *err, size_t errlen)
{
	struct stat st;
	char *tmp = malloc(strlen(path) + 16);
	int fd, bad;

	sprintf(tmp, "%s.tmp-XXXXXX", path);
	fd = mkstemp(tmp);
	bad = fd < 0 || stat(path, &st);
	if (!bad) {
		size_t off = 0;

		bad = fchmod(fd, st.st_mode & 07777) != 0;
		while (!bad && off < b->len) {
			ssize_t k = write(fd, b->s + off, b->len - off);

			if (k < 0 && errno == EINTR)
				continue;
			bad = k <= 0;
			off += k > 0 ? (size_t)k : 0;
		}
		bad = bad || fsync(fd);
	}
	if (fd >= 0)
		bad |= close(fd) != 0;
	bad = bad || rename(tmp, path);
	if (bad) {
		snprintf(err, errlen, "%s: error: cannot write: %s", path, strerror(errno));
		if (fd >= 0)
			unlink(tmp);
	}
	free(tmp);
	return bad ? -1 : 0;
}

/* Lines [a, b] (1-based) of the old text with one prefix each. */
static void lines(const struct file_text *t, int a, int b, char prefix, struct iom_buf *out)
{
	for (int n = a; n <= b; n++) {
		size_t s = t->bol[n - 1], e = t->bol[n];

		add(out, &prefix, 1);
		add(out, t->s + s, e - s);
		if (e == s || t->s[e - 1] != '\n')
			add(out, "\n\\ No newline at end of file\n", 29);
	}
}

/* New text of a hunk as '+' lines; returns how many. */
static int plus_lines(const char *s, size_t len, struct iom_buf *out)
{
	int n = 0;

	for (size_t i = 0; i < len;) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - s) + 1 : len;

		add(out, "+", 1);
		add(out, s + i, e - i);
		if (!nl)
			add(out, "\n\\ No newline at end of file\n", 29);
		n++;
		i = e;
	}
	return n;
}

static int line_of(const struct file_text *t, size_t off)
{
	int lo = 1, hi = t->nr_lines;

	while (lo < hi) {
		int mid = (lo + hi + 1) / 2;

		if (t->bol[mid - 1] <= off)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

/* The unified diff of one file. */
static void diff_file(const char *path, const struct file_text *t, const struct edit_ref *ed,
		      int n, struct iom_buf *out)
{
	int delta = 0;

	addf(out, "--- a/%s\n+++ b/%s\n", path, path);
	for (int i = 0; i < n;) {
		int first = line_of(t, ed[i].start), last = line_of(t, ed[i].end), k = i + 1;
		int a, b, minus, plus;
		struct iom_buf body = { 0 }, now = { 0 };

		if (ed[i].end > ed[i].start && ed[i].end == t->bol[last - 1] && last > first)
			last--;		/* an edit ending at a line start leaves that line */
		/* edits whose context would touch join this hunk */
		while (k < n && line_of(t, ed[k].start) <= last + 2 * CONTEXT + 1) {
			int l2 = line_of(t, ed[k].end);

			last = l2 > last ? l2 : last;
			k++;
		}
		a = first - CONTEXT > 1 ? first - CONTEXT : 1;
		b = last + CONTEXT < t->nr_lines ? last + CONTEXT : t->nr_lines;
		rewritten(t, t->bol[first - 1], t->bol[last], ed + i, k - i, &now);
		lines(t, a, first - 1, ' ', &body);
		lines(t, first, last, '-', &body);
		plus = plus_lines(now.s ? now.s : "", now.len, &body);
		lines(t, last + 1, b, ' ', &body);
		minus = last - first + 1;
		addf(out, "@@ -%d,%d +%d,%d @@\n", a, b - a + 1, a + delta,
		     b - a + 1 - minus + plus);
		add(out, body.s, body.len);
		delta += plus - minus;
		iom_buf_free(&body);
		iom_buf_free(&now);
		i = k;
	}
}

static int by_file(const void *pa, const void *pb)
{
	const struct iom_edit *a = &((const struct fix *)pa)->f->edits[0];
	const struct iom_edit *b = &((const struct fix *)pb)->f->edits[0];
	int c = strcmp(a->file, b->file);

	if (c)
		return c;
	return a->line != b->line ? a->line - b->line : a->col - b->col;
}

/* Offsets of a fix's edits in its file; -1 when they do not fit the text. */
static int locate(struct fix *x, const struct file_text *t)
{
	for (int e = 0; e < x->f->nr_edits; e++) {
		const struct iom_edit *ed = &x->f->edits[e];
		long s = offset_of(t, ed->line, ed->col), en = offset_of(t, ed->end_line, ed->end_col);

		if (strcmp(ed->file, x->f->edits[0].file) || s < 0 || en < s)
			return -1;
		x->start[e] = (size_t)s;
		x->end[e] = (size_t)en;
	}
	return 0;
}

/* One file's fixes [0, n): drop the conflicting ones, then write or diff. */
static int one_file(struct fix *fx, int n, int mode, struct iom_buf *patch, int *applied,
		    int *nr_dropped, char *err, size_t errlen)
{
	const char *path = fx[0].f->edits[0].file;
	struct file_text t;
	struct edit_ref *ed;
	int k, ret = 0;

	if (read_file(path, &t)) {
		snprintf(err, errlen, "%s: error: cannot read: %s", path, strerror(errno));
		free_text(&t);
		return -1;
	}
	for (int i = 0; i < n; i++)
		if (locate(&fx[i], &t)) {
			fx[i].dropped = 1;
			dropped(&fx[i].f->edits[0], "its range is not in the file as it is now");
		}
	/* bit 0: not in the file; bit 1: overlaps another fix */
	for (int i = 0; i < n; i++)
		for (int j = i + 1; j < n; j++)
			if (!(fx[i].dropped & 1) && !(fx[j].dropped & 1) && overlap(&fx[i], &fx[j]))
				fx[i].dropped |= 2, fx[j].dropped |= 2;
	for (int i = 0; i < n; i++) {
		if (fx[i].dropped == 2)
			dropped(&fx[i].f->edits[0], "it overlaps another fix-it");
		if (fx[i].dropped)
			(*nr_dropped)++;
		else
			(*applied)++;
	}
	k = file_edits(fx, n, &ed);
	if (k && mode == APPLY_DIFF) {
		diff_file(path, &t, ed, k, patch);
	} else if (k) {
		struct iom_buf b = { 0 };

		rewritten(&t, 0, t.len, ed, k, &b);
		ret = b.failed ? -1 : write_atomically(path, &b, err, errlen);
		iom_buf_free(&b);
	}
	free(ed);
	free_text(&t);
	return ret;
}

int apply_fixes(const struct findings *set, int mode, char *err, size_t errlen)
{
	struct fix *fx = calloc((size_t)set->nr + 1, sizeof(*fx));
	struct iom_buf patch = { 0 };
	int n = 0, applied = 0, nr_dropped = 0, files = 0, ret = 0;

	for (int i = 0; i < set->nr; i++) {
		int dup = 0;

		if (!set->v[i].nr_edits)
			continue;
		for (int j = 0; j < n && !dup; j++)
			dup = same_fix(fx[j].f, &set->v[i]);
		if (!dup)
			fx[n++].f = &set->v[i];
	}
	qsort(fx, (size_t)n, sizeof(*fx), by_file);
	for (int i = 0; i < n && !ret;) {
		int k = i + 1;

		while (k < n && !strcmp(fx[k].f->edits[0].file, fx[i].f->edits[0].file))
			k++;
		ret = one_file(fx + i, k - i, mode, &patch, &applied, &nr_dropped, err, errlen);
		files++;
		i = k;
	}
	if (!ret && mode == APPLY_DIFF && patch.len)
		ret = fwrite(patch.s, 1, patch.len, stdout) != patch.len;
	fprintf(stderr, "iomemcheck: %d fix-it(s) %s in %d file(s), %d not applied\n", applied,
		mode == APPLY_DIFF ? "in the patch" : "applied", files, nr_dropped);
	iom_buf_free(&patch);
	free(fx);
	return ret;
}
