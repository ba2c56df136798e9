/*
 * apply.c - --fix and --diff: the findings' fix-its applied to the files.
 *
 * A finding's edits are one fix: all of them or none.  The same fix reached
 * twice (a header seen from two entries, the two findings of one rewrite) is
 * applied once.  Fixes whose ranges overlap and differ are all dropped, each
 * named on stderr: which one is right is not the command's to guess; the rest
 * are applied.  --diff prints a unified patch with a/ and b/ paths, which
 * `git apply` (or patch -p1) takes from the current folder.
 *
 * An edit is a line and column: right only on the text it was computed
 * from.  So each file's text is remembered as the analysis read it (a hash,
 * taken before the workers start, or for a header when its first fix-it
 * arrives) and a file whose text is not that one any more is left alone,
 * saying so.  Files are told apart by device and inode, not by name: one
 * file reached through a symlinked folder is edited once.  --fix locks each
 * file while it rewrites it (a second --fix run waits, then finds the text
 * changed), writes every new text to a temporary file before it renames
 * any (a file that cannot be written stops the run before anything
 * changed), and checks each file's text once more right before its rename.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

#define CONTEXT 3		/* lines of context in a hunk, as diff -u */

struct fix {
	const struct iom_finding *f;
	dev_t dev;		/* the file of its edits */
	ino_t ino;
	const char *name;	/* the file's first name in sort order */
	size_t start[IOM_MAX_EDITS], end[IOM_MAX_EDITS];	/* byte offsets */
	int dropped;
};

/* ---- the files as the analysis read them ------------------------------------ */

struct seen_file {
	char *path;		/* symlinks resolved: a file replaced by rename is still it */
	size_t len;
	uint64_t hash;
	int changed;		/* modified after the run began */
};

struct apply_run {
	struct timespec start;
	struct seen_file *v;
	int n, cap;
	int scanned;		/* findings apply_seen() has looked at */
};

static struct seen_file *seen(struct apply_run *r, const char *path)
{
	for (int i = 0; i < r->n; i++)
		if (!strcmp(r->v[i].path, path))
			return &r->v[i];
	return NULL;
}

static int after(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec != b->tv_sec ? a->tv_sec > b->tv_sec : a->tv_nsec >= b->tv_nsec;
}

/* Remember path's text once.  late: the analysis may already have read it,
 * so a change since the run began makes its text unknown. */
static void remember(struct apply_run *r, const char *path, int late)
{
	struct seen_file sf = { .path = realpath(path, NULL) };
	struct stat st;
	const char *why;
	char *text = NULL;
	int fd = sf.path && !seen(r, sf.path) ?
		 open(sf.path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC) : -1;

	if (fd >= 0 && !fstat(fd, &st))
		text = file_read_fd(fd, &sf.len, &why);
	if (fd >= 0)
		close(fd);
	if (!text) {
		free(sf.path);
		return;
	}
	sf.hash = file_hash(text, sf.len);
	sf.changed = late && after(&st.st_mtim, &r->start);
	free(text);
	if (r->n == r->cap) {
		struct seen_file *nv = realloc(r->v, (size_t)(r->cap = r->cap ? 2 * r->cap : 64) *
					       sizeof(*nv));

		if (!nv) {
			free(sf.path);
			return;
		}
		r->v = nv;
	}
	r->v[r->n++] = sf;
}

struct apply_run *apply_begin(struct entry *const *entries, int n)
{
	struct apply_run *r = calloc(1, sizeof(*r));

	if (!r)
		return NULL;
	clock_gettime(CLOCK_REALTIME, &r->start);
	for (int i = 0; i < n; i++)
		remember(r, entries[i]->file, 0);
	return r;
}

void apply_seen(struct apply_run *r, const struct findings *set)
{
	if (!r)
		return;
	for (; r->scanned < set->nr; r->scanned++)
		for (int e = 0; e < set->v[r->scanned].nr_edits; e++)
			remember(r, set->v[r->scanned].edits[e].file, 1);
}

void apply_rewind(struct apply_run *r, int nr)
{
	if (r && r->scanned > nr)
		r->scanned = nr;
}

void apply_end(struct apply_run *r)
{
	for (int i = 0; r && i < r->n; i++)
		free(r->v[i].path);
	if (r)
		free(r->v);
	free(r);
}

/* Is this the text the analysis read? */
static int as_analysed(struct apply_run *r, const char *name, const char *s, size_t len)
{
	char *path = realpath(name, NULL);
	struct seen_file *sf = r && path ? seen(r, path) : NULL;

	free(path);
	return sf && !sf->changed && sf->len == len && sf->hash == file_hash(s, len);
}

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
	const char *s;		/* the caller's */
	size_t len;
	size_t *bol;		/* offset of each line's start; bol[nr_lines] = len */
	int nr_lines;
};

/* The text split into lines. */
static int split_lines(const char *s, size_t len, struct file_text *t)
{
	memset(t, 0, sizeof(*t));
	t->s = s;
	t->len = len;
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

/* The same edits in the same file, however its name is spelled. */
static int same_fix(const struct fix *fa, const struct fix *fb)
{
	const struct iom_finding *a = fa->f, *b = fb->f;

	if (a->nr_edits != b->nr_edits || fa->dev != fb->dev || fa->ino != fb->ino)
		return 0;
	for (int i = 0; i < a->nr_edits; i++) {
		const struct iom_edit *x = &a->edits[i], *y = &b->edits[i];

		if (x->line != y->line || x->col != y->col ||
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
	const struct fix *x = pa, *y = pb;
	const struct iom_edit *a = &x->f->edits[0], *b = &y->f->edits[0];
	int c = strcmp(x->name, y->name);

	if (c)
		return c;
	if (x->dev != y->dev || x->ino != y->ino)
		return x->dev != y->dev ? (x->dev < y->dev ? -1 : 1) : (x->ino < y->ino ? -1 : 1);
	if (a->line != b->line || a->col != b->col)
		return a->line != b->line ? a->line - b->line : a->col - b->col;
	return strcmp(a->file, b->file);
}

/* The file of a fix's edits (all in one file, by identity); -1 if not. */
static int identify(struct fix *x)
{
	for (int e = 0; e < x->f->nr_edits; e++) {
		struct stat st;

		if (stat(x->f->edits[e].file, &st) || (e && (st.st_dev != x->dev ||
							      st.st_ino != x->ino)))
			return -1;
		x->dev = st.st_dev;
		x->ino = st.st_ino;
	}
	return 0;
}

/* Offsets of a fix's edits in its file; -1 when they do not fit the text. */
static int locate(struct fix *x, const struct file_text *t)
{
	for (int e = 0; e < x->f->nr_edits; e++) {
		const struct iom_edit *ed = &x->f->edits[e];
		long s = offset_of(t, ed->line, ed->col), en = offset_of(t, ed->end_line, ed->end_col);

		if (s < 0 || en < s)
			return -1;
		x->start[e] = (size_t)s;
		x->end[e] = (size_t)en;
	}
	return 0;
}

/* One file on its way: its text as read, and for --fix the new one written
 * beside it, not yet renamed. */
struct job {
	struct outfile o;
	char *text;
	size_t len;
	int applied;		/* its fixes in the new text */
	int ready;		/* the new text is written, to be renamed */
};

struct tally {
	int applied, dropped, files;
};

static void not_edited(const char *name, int n, const char *why, struct tally *tl)
{
	fprintf(stderr, "iomemcheck: %s: not edited: %s; %d fix-it(s) not applied\n", name, why, n);
	tl->dropped += n;
}

/* Drop the fixes that do not fit or overlap; returns how many are left. */
static int sort_out(struct fix *fx, int n, const struct file_text *t)
{
	int left = 0;

	for (int i = 0; i < n; i++)
		if (locate(&fx[i], t)) {
			fx[i].dropped = 1;
			dropped(&fx[i].f->edits[0], "its range is not in the file");
		}
	/* bit 0: not in the file; bit 1: overlaps another fix */
	for (int i = 0; i < n; i++)
		for (int j = i + 1; j < n; j++)
			if (!(fx[i].dropped & 1) && !(fx[j].dropped & 1) && overlap(&fx[i], &fx[j]))
				fx[i].dropped |= 2, fx[j].dropped |= 2;
	for (int i = 0; i < n; i++) {
		if (fx[i].dropped == 2)
			dropped(&fx[i].f->edits[0], "it overlaps another fix-it");
		left += !fx[i].dropped;
	}
	return left;
}

/*
 * One file's fixes [0, n).  --diff: its hunks into patch.  --fix: the file
 * locked, its new text in a temporary file (job->o), nothing renamed.
 * Returns 0 (the file may be left alone, said on stderr), or -1 with
 * "FILE: error: ..." in err when the run must stop.
 */
static int one_file(struct apply_run *r, struct fix *fx, int n, int mode, struct job *job,
		    struct iom_buf *patch, struct tally *tl, char *err, size_t errlen)
{
	const char *name = fx[0].name, *why = NULL;
	struct file_text t;
	struct edit_ref *ed;
	struct iom_buf b = { 0 };
	int k, ret = 0;

	memset(job, 0, sizeof(*job));
	job->o.fd = job->o.tmp_fd = job->o.through = -1;
	if (mode == APPLY_FIX && out_open(&job->o, name, OUT_EDIT, err, errlen))
		return -1;
	job->text = mode == APPLY_FIX ? file_read_fd(job->o.fd, &job->len, &why) :
					file_read(name, &job->len, &why);
	if (!job->text) {
		snprintf(err, errlen, "%s: error: cannot read: %s", name, why);
		return -1;
	}
	if (!as_analysed(r, name, job->text, job->len)) {
		not_edited(name, n, "it changed since it was analysed", tl);
		return 0;
	}
	if (mode == APPLY_DIFF && name[0] == '/') {
		not_edited(name, n, "it is outside the current folder, and the patch's paths are "
			   "relative to it", tl);
		return 0;
	}
	if (split_lines(job->text, job->len, &t)) {
		snprintf(err, errlen, "%s: error: out of memory", name);
		return -1;
	}
	job->applied = sort_out(fx, n, &t);
	tl->dropped += n - job->applied;
	k = file_edits(fx, n, &ed);
	if (k && mode == APPLY_DIFF) {
		diff_file(name, &t, ed, k, patch);
		tl->applied += job->applied;
		tl->files++;
	} else if (k) {
		rewritten(&t, 0, t.len, ed, k, &b);
		if (b.failed)
			snprintf(err, errlen, "%s: error: out of memory", name);
		ret = b.failed || out_write(&job->o, b.s, b.len, err, errlen) ? -1 : 0;
		job->ready = !ret;
		iom_buf_free(&b);
	}
	free(ed);
	free_text(&t);
	return ret;
}

/* The new texts renamed over the files, each still as it was read. */
static int commit(struct job *jobs, int n, struct tally *tl, char *err, size_t errlen)
{
	int ret = 0;

	for (int i = 0; i < n; i++) {
		struct job *j = &jobs[i];
		const char *why;
		size_t len;
		char *now;

		if (!j->ready)
			continue;
		now = ret ? NULL : file_read_fd(j->o.fd, &len, &why);
		if (!ret && (!now || len != j->len || memcmp(now, j->text, len))) {
			not_edited(j->o.shown, j->applied, "it changed while it was being fixed",
				   tl);
			out_abort(&j->o);
		} else if (!ret && !(ret = out_commit(&j->o, err, errlen))) {
			tl->applied += j->applied;
			tl->files++;
		} else {
			tl->dropped += j->applied;
			out_abort(&j->o);
		}
		free(now);
	}
	return ret;
}

/* Every file stays open (and locked) until its rename. */
static void enough_descriptors(void)
{
	struct rlimit rl;

	if (!getrlimit(RLIMIT_NOFILE, &rl) && rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
}

/* The fixes of the findings, each once, each file by identity. */
static int collect(const struct findings *set, struct fix *fx, struct tally *tl)
{
	int n = 0;

	for (int i = 0; i < set->nr; i++) {
		int dup = 0;

		if (!set->v[i].nr_edits)
			continue;
		fx[n] = (struct fix){ .f = &set->v[i], .name = set->v[i].edits[0].file };
		if (identify(&fx[n])) {
			dropped(&fx[n].f->edits[0], "its file cannot be found, or its edits are "
				"in several files");
			tl->dropped++;
			continue;
		}
		for (int j = 0; j < n && !dup; j++)
			dup = same_fix(&fx[j], &fx[n]);
		if (!dup)
			n++;
	}
	/* one name per file: the first in sort order */
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++)
			if (fx[j].dev == fx[i].dev && fx[j].ino == fx[i].ino &&
			    strcmp(fx[j].f->edits[0].file, fx[i].name) < 0)
				fx[i].name = fx[j].f->edits[0].file;
	qsort(fx, (size_t)n, sizeof(*fx), by_file);
	return n;
}

int apply_fixes(struct apply_run *r, const struct findings *set, int mode, int quiet, char *err,
		size_t errlen)
{
	struct fix *fx = calloc((size_t)set->nr + 1, sizeof(*fx));
	struct job *jobs = calloc((size_t)set->nr + 1, sizeof(*jobs));
	struct iom_buf patch = { 0 };
	struct tally tl = { 0 };
	int n, nj = 0, ret = 0, total, renamed = 0;

	if (!fx || !jobs) {
		snprintf(err, errlen, "error: out of memory");
		free(fx);
		free(jobs);
		return -1;
	}
	enough_descriptors();
	n = collect(set, fx, &tl);
	total = n + tl.dropped;
	for (int i = 0; i < n && !ret;) {
		int k = i + 1;

		while (k < n && fx[k].dev == fx[i].dev && fx[k].ino == fx[i].ino)
			k++;
		ret = one_file(r, fx + i, k - i, mode, &jobs[nj++], &patch, &tl, err, errlen);
		i = k;
	}
	if (!ret && mode == APPLY_FIX) {
		ret = commit(jobs, nj, &tl, err, errlen);	/* counts what it renamed */
		renamed = 1;
	} else if (!ret && patch.len) {
		ret = out_file("-", patch.s, patch.len, err, errlen);
	}
	if (ret && !renamed) {
		/* Nothing was renamed, or the patch is lost. */
		tl.applied = tl.files = 0;
		tl.dropped = total;
	}
	for (int i = 0; i < nj; i++) {
		out_abort(&jobs[i].o);
		free(jobs[i].text);
	}
	if (!quiet)
		fprintf(stderr, "iomemcheck: %d fix-it(s) %s in %d file(s), %d not applied\n",
			tl.applied, mode == APPLY_DIFF ? "in the patch" : "applied", tl.files,
			tl.dropped);
	iom_buf_free(&patch);
	free(fx);
	free(jobs);
	return ret;
}
