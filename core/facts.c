/*
 * facts.c - what functions of other files do to the maps they are handed.
 *
 * A call to a function defined in another file is, alone, a clobber: the
 * map the call can reach may be either kind afterwards.  A KUnit test that
 * sets a map to system memory, hands &map to a format helper that never
 * writes it and then reads map.vaddr is then reported, though nothing can
 * change the map.  The fix is a fact from the helper's own file: each unit
 * writes what its functions with external linkage leave in the maps their
 * parameters point to (unit.c), and the next analysis reads those facts.
 *
 * A fact file is text, one fact a line, so that a merge is a concatenation
 * a person can read:
 *
 *	iomemcheck-facts 1
 *	unit 9f0c2a1b44e0d7c3 48211 /src/drivers/gpu/drm/drm_format_helper.c
 *	args 0c3e5c1d9b2a7f10
 *	fn drm_fb_xrgb8888_to_rgb565 1 keeps
 *	end 5d41402abc4b2a76
 *
 * 'unit' names the source a block of facts was read from, with the size and
 * hash of its bytes then: a fact is used only while the file still has
 * them (checked on first use), so an edited file's facts are never
 * trusted.  'args' (optional) is a hash of the compile command, for a
 * cache keyed by entry.  'fn' says what function NAME leaves in the map its
 * 1-based argument ARG points to: keeps (never writes it), system, io or
 * either.  'uses NAME' says the file's analysis asked for the facts of
 * NAME, a function of another file: when they change, its findings may.
 * 'uses-driver' says its analysis asked which DRM driver its folder has.
 * 'driver system|io|either|other' says the file declares a DRM driver whose
 * GEM backend (rules "backend") maps that kind of memory, or one the rules
 * do not know: the files of its folder take it (unit.c).  'end' carries a hash of every byte before it: a cut or edited
 * file is refused.  The facts depend only on their own file (a unit's
 * summaries never use another file's facts), so they do not depend on the
 * order files are analysed in, and a changed file changes its own block only.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "facts.h"
#include "files.h"
#include "render.h"

#define MAGIC		"iomemcheck-facts 1"

enum { UNIT_UNCHECKED, UNIT_FRESH, UNIT_STALE };

struct fact {
	char *fn;
	int arg;
	unsigned char kinds;		/* K_SYS | K_IO; 0: keeps */
	int unit;
};

struct fact_unit {
	char *path;
	unsigned long long hash, args;
	long long size;
	int has_args;
	int state;
	char **uses;
	int nr_uses;
	int driver;			/* DRIVER_*: a DRM driver it declares */
	int uses_driver;		/* its analysis asked for its folder's driver */
};

struct iom_facts {
	struct fact_unit *units;
	int nr_units;
	struct fact *facts;
	int nr_facts;
	int sorted;
	FILE *warn;			/* where a stale unit is said once; NULL: nowhere */
};

static const char *const kind_names[] = {
	[0] = "keeps", [K_SYS] = "system", [K_IO] = "io", [K_SYS | K_IO] = "either",
};

/* What a 'driver' line holds: the kinds, or a backend the rules do not know. */
static const char *const driver_names[] = {
	[K_SYS] = "system", [K_IO] = "io", [K_SYS | K_IO] = "either", [DRIVER_OTHER] = "other",
};

/* ---- hashing ------------------------------------------------------------------ */

unsigned long long iom_hash_bytes(unsigned long long h, const void *p, size_t n)
{
	const unsigned char *s = (const unsigned char *)p;

	if (!h)
		h = 0xcbf29ce484222325ULL;	/* FNV-1a */
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* The size and hash of a file's bytes; -1 when it cannot be read whole. */
int iom_hash_file(const char *path, long long *size, unsigned long long *hash)
{
	char buf[65536];
	struct stat st;
	ssize_t k;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		close(fd);
		return -1;
	}
	*size = 0;
	*hash = 0;
	while ((k = read(fd, buf, sizeof(buf))) != 0) {
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			close(fd);
			return -1;
		}
		*hash = iom_hash_bytes(*hash, buf, (size_t)k);
		*size += k;
	}
	close(fd);
	if (!*hash)
		*hash = iom_hash_bytes(0, "", 0);
	return 0;
}

static int is_ident(const char *s, size_t n)
{
	if (!n || n > 255 || (s[0] >= '0' && s[0] <= '9'))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!(s[i] == '_' || (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9')))
			return 0;
	return 1;
}

/* ---- the set -------------------------------------------------------------------- */

struct iom_facts *iom_facts_new(void)
{
	struct iom_facts *f = (struct iom_facts *)calloc(1, sizeof(*f));

	if (f)
		f->warn = stderr;
	return f;
}

void iom_facts_warn_to(struct iom_facts *f, FILE *warn)
{
	f->warn = warn;
}

static void drop_unit_facts(struct iom_facts *f, int unit)
{
	struct fact_unit *fu = &f->units[unit];
	int kept = 0;

	for (int i = 0; i < fu->nr_uses; i++)
		free(fu->uses[i]);
	free(fu->uses);
	fu->uses = NULL;
	fu->nr_uses = 0;
	for (int i = 0; i < f->nr_facts; i++) {
		if (f->facts[i].unit == unit)
			free(f->facts[i].fn);
		else
			f->facts[kept++] = f->facts[i];
	}
	f->nr_facts = kept;
}

void iom_facts_free(struct iom_facts *f)
{
	if (!f)
		return;
	for (int i = 0; i < f->nr_units; i++) {
		drop_unit_facts(f, i);
		free(f->units[i].path);
	}
	free(f->facts);
	free(f->units);
	free(f);
}

int iom_facts_nr_units(const struct iom_facts *f)
{
	return f ? f->nr_units : 0;
}

int iom_facts_nr(const struct iom_facts *f)
{
	return f ? f->nr_facts : 0;
}

/* The unit for a source path: a later block for the same file replaces the
 * earlier one (a file summarised again). */
static int unit_for(struct iom_facts *f, const char *path)
{
	struct fact_unit *nu;

	for (int i = 0; i < f->nr_units; i++)
		if (!strcmp(f->units[i].path, path)) {
			drop_unit_facts(f, i);
			return i;
		}
	nu = (struct fact_unit *)iom_grow(f->units, f->nr_units, sizeof(*nu));
	if (!nu)
		return -1;
	f->units = nu;
	memset(&nu[f->nr_units], 0, sizeof(*nu));
	nu[f->nr_units].path = iom_strdup(path);
	if (!nu[f->nr_units].path)
		return -1;
	return f->nr_units++;
}

static int add_fact(struct iom_facts *f, int unit, const char *fn, int arg, unsigned kinds)
{
	struct fact *nf = (struct fact *)iom_grow(f->facts, f->nr_facts, sizeof(*nf));

	if (!nf)
		return -1;
	f->facts = nf;
	nf = &f->facts[f->nr_facts];
	nf->fn = iom_strdup(fn);
	if (!nf->fn)
		return -1;
	nf->arg = arg;
	nf->kinds = (unsigned char)kinds;
	nf->unit = unit;
	f->nr_facts++;
	f->sorted = 0;
	return 0;
}

int iom_facts_add_use(struct iom_facts *f, int unit, const char *fn)
{
	struct fact_unit *fu;
	char **nu;

	if (unit < 0 || unit >= f->nr_units || !is_ident(fn, strlen(fn)))
		return -1;
	fu = &f->units[unit];
	for (int i = 0; i < fu->nr_uses; i++)
		if (!strcmp(fu->uses[i], fn))
			return 0;
	nu = (char **)iom_grow(fu->uses, fu->nr_uses, sizeof(*nu));
	if (!nu)
		return -1;
	fu->uses = nu;
	nu[fu->nr_uses] = iom_strdup(fn);
	if (!nu[fu->nr_uses])
		return -1;
	fu->nr_uses++;
	return 0;
}

/* ---- reading -------------------------------------------------------------------- */

struct reader {
	const char *name;		/* the file, for messages */
	int line;
	char *err;
	size_t errlen;
};

static int bad(struct reader *r, const char *fmt, ...)
{
	char what[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	snprintf(r->err, r->errlen, "%s:%d: error: %s", r->name, r->line, what);
	return -1;
}

static int read_hex(const char *s, unsigned long long *out, const char **end)
{
	char *e;

	errno = 0;
	if (!((s[0] >= '0' && s[0] <= '9') || (s[0] >= 'a' && s[0] <= 'f')))
		return -1;
	*out = strtoull(s, &e, 16);
	if (errno || e - s != 16)
		return -1;
	*end = e;
	return 0;
}


static int read_unit(struct iom_facts *f, struct reader *r, const char *s, int *unit)
{
	unsigned long long hash;
	long long size;
	char *e;

	if (read_hex(s, &hash, &s) || *s++ != ' ')
		return bad(r, "'unit' wants a 16-digit hash, a size and a path");
	errno = 0;
	size = strtoll(s, &e, 10);
	if (errno || e == s || size < 0 || *e != ' ' || e[1] != '/')
		return bad(r, "'unit' wants a size and an absolute path after the hash");
	*unit = unit_for(f, e + 1);
	if (*unit < 0)
		return bad(r, "out of memory");
	f->units[*unit].hash = hash;
	f->units[*unit].size = size;
	f->units[*unit].has_args = 0;
	f->units[*unit].driver = 0;
	f->units[*unit].uses_driver = 0;
	f->units[*unit].state = UNIT_UNCHECKED;
	return 0;
}

static int read_fn(struct iom_facts *f, struct reader *r, const char *s, int unit)
{
	const char *sp = strchr(s, ' ');
	char name[256], *e;
	long arg;
	unsigned k;

	if (unit < 0)
		return bad(r, "a fact before any 'unit' line");
	if (!sp || !is_ident(s, (size_t)(sp - s)))
		return bad(r, "'fn' wants a function name, an argument and a kind");
	snprintf(name, sizeof(name), "%.*s", (int)(sp - s), s);
	errno = 0;
	arg = strtol(sp + 1, &e, 10);
	if (errno || e == sp + 1 || arg < 1 || arg > 64 || *e != ' ')
		return bad(r, "'fn %s': the argument must be a number from 1 to 64", name);
	for (k = 0; k < sizeof(kind_names) / sizeof(kind_names[0]); k++)
		if (kind_names[k] && !strcmp(e + 1, kind_names[k]))
			break;
	if (k == sizeof(kind_names) / sizeof(kind_names[0]))
		return bad(r, "'fn %s %ld': unknown kind '%s' (keeps, system, io or either)",
			   name, arg, e + 1);
	if (add_fact(f, unit, name, (int)arg, k))
		return bad(r, "out of memory");
	return 0;
}

int iom_facts_read_text(struct iom_facts *f, const char *name, const char *text, size_t len,
			char *err, size_t errlen)
{
	struct reader r = { name, 0, err, errlen };
	const char *p = text, *end = text + len;
	int unit = -1, ended = 0;

	while (p < end) {
		const char *nl = (const char *)memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char line[4200];

		r.line++;
		if (!nl)
			return bad(&r, "the last line has no newline: the file was cut");
		if (n >= sizeof(line) || memchr(p, 0, n))
			return bad(&r, "not a line of a fact file");
		memcpy(line, p, n);
		line[n] = 0;
		if (ended)
			return bad(&r, "text after the 'end' line");
		if (r.line == 1) {
			if (strcmp(line, MAGIC))
				return bad(&r, "not an iomemcheck fact file (it must start with '%s')",
					   MAGIC);
		} else if (!strncmp(line, "unit ", 5)) {
			if (read_unit(f, &r, line + 5, &unit))
				return -1;
		} else if (!strncmp(line, "args ", 5)) {
			const char *e;

			if (unit < 0 || read_hex(line + 5, &f->units[unit].args, &e) || *e)
				return bad(&r, "'args' wants a 16-digit hash, after a 'unit' line");
			f->units[unit].has_args = 1;
		} else if (!strncmp(line, "fn ", 3)) {
			if (read_fn(f, &r, line + 3, unit))
				return -1;
		} else if (!strncmp(line, "driver ", 7)) {
			int k;

			for (k = 1; k <= DRIVER_OTHER; k++)
				if (driver_names[k] && !strcmp(line + 7, driver_names[k]))
					break;
			if (unit < 0 || k > DRIVER_OTHER)
				return bad(&r, "'driver' wants system, io, either or other, after a "
					   "'unit' line");
			f->units[unit].driver = k;
		} else if (!strcmp(line, "uses-driver")) {
			if (unit < 0)
				return bad(&r, "'uses-driver' before any 'unit' line");
			f->units[unit].uses_driver = 1;
		} else if (!strncmp(line, "uses ", 5)) {
			if (unit < 0 || !is_ident(line + 5, strlen(line + 5)))
				return bad(&r, "'uses' wants a function name, after a 'unit' line");
			if (iom_facts_add_use(f, unit, line + 5))
				return bad(&r, "out of memory");
		} else if (!strncmp(line, "end ", 4)) {
			unsigned long long want, got = iom_hash_bytes(0, text, (size_t)(p - text));
			const char *e;

			if (read_hex(line + 4, &want, &e) || *e)
				return bad(&r, "'end' wants a 16-digit hash");
			if (want != got)
				return bad(&r, "the file's hash does not match its 'end' line: it was "
					   "changed or damaged after it was written");
			ended = 1;
		} else if (line[0] != '#' && line[0]) {
			return bad(&r, "unknown line '%.40s'", line);
		}
		p = nl + 1;
	}
	if (!r.line) {
		r.line = 1;
		return bad(&r, "empty file: not an iomemcheck fact file");
	}
	if (!ended)
		return bad(&r, "no 'end' line: the file was cut");
	return 0;
}

int iom_facts_read_file(struct iom_facts *f, const char *path, char *err, size_t errlen)
{
	const char *why = NULL;
	size_t len;
	char *text = file_read(path, &len, &why);
	int ret;

	if (!text) {
		snprintf(err, errlen, "%s: error: cannot read the fact file: %s", path,
			 why ? why : "?");
		return -1;
	}
	ret = iom_facts_read_text(f, path, text, len, err, errlen);
	free(text);
	return ret;
}

/* ---- writing --------------------------------------------------------------------- */

static void put_unit(struct iom_buf *b, const struct iom_facts *f, int u)
{
	const struct fact_unit *fu = &f->units[u];

	iom_buf_printf(b, "unit %016llx %lld %s\n", fu->hash, fu->size, fu->path);
	if (fu->has_args)
		iom_buf_printf(b, "args %016llx\n", fu->args);
	for (int i = 0; i < f->nr_facts; i++)
		if (f->facts[i].unit == u)
			iom_buf_printf(b, "fn %s %d %s\n", f->facts[i].fn, f->facts[i].arg,
				       kind_names[f->facts[i].kinds]);
	for (int i = 0; i < fu->nr_uses; i++)
		iom_buf_printf(b, "uses %s\n", fu->uses[i]);
	if (fu->uses_driver)
		iom_buf_printf(b, "uses-driver\n");
	if (fu->driver)
		iom_buf_printf(b, "driver %s\n", driver_names[fu->driver]);
}

static int finish_text(struct iom_buf *b)
{
	iom_buf_printf(b, "end %016llx\n", iom_hash_bytes(0, b->s ? b->s : "", b->len));
	return b->failed ? -1 : 0;
}

int iom_facts_render(const struct iom_facts *f, struct iom_buf *b)
{
	iom_buf_printf(b, "%s\n", MAGIC);
	for (int u = 0; f && u < f->nr_units; u++)
		put_unit(b, f, u);
	return finish_text(b);
}


int iom_facts_save_in(const struct iom_facts *f, const char *source, const char *dir,
		      char *err, size_t errlen)
{
	const char *base = strrchr(source, '/');
	char path[PATH_MAX], real[PATH_MAX];

	/* One file per source: the base name to read, a hash of the whole
	 * path so that two files of one name do not meet. */
	if (!realpath(source, real))
		snprintf(real, sizeof(real), "%s", source);
	if (snprintf(path, sizeof(path), "%s/%s-%016llx.facts", dir, base ? base + 1 : source,
		     iom_hash_bytes(0, real, strlen(real))) >= (int)sizeof(path)) {
		snprintf(err, errlen, "%s: error: the summary file's name is too long", dir);
		return -1;
	}
	return iom_facts_write(f, path, err, errlen);
}

int iom_facts_write(const struct iom_facts *f, const char *path, char *err, size_t errlen)
{
	struct iom_buf b = { 0 };
	int ret;

	if (iom_facts_render(f, &b)) {
		snprintf(err, errlen, "%s: error: out of memory", path);
		iom_buf_free(&b);
		return -1;
	}
	ret = out_file(path, b.s, b.len, err, errlen);
	iom_buf_free(&b);
	return ret;
}

/* ---- a unit's block ------------------------------------------------------------------ */

int iom_facts_begin_unit(struct iom_facts *f, const char *source, char *err, size_t errlen)
{
	char real[PATH_MAX];
	int u;

	if (!realpath(source, real)) {
		snprintf(err, errlen, "%s: error: cannot find the file to summarise: %s", source,
			 strerror(errno));
		return -1;
	}
	if (strchr(real, '\n')) {
		snprintf(err, errlen, "%s: error: a file name with a newline cannot be summarised",
			 source);
		return -1;
	}
	u = unit_for(f, real);
	if (u < 0 || iom_hash_file(real, &f->units[u].size, &f->units[u].hash)) {
		snprintf(err, errlen, "%s: error: cannot read the file to summarise", source);
		return -1;
	}
	f->units[u].has_args = 0;
	f->units[u].driver = 0;
	f->units[u].uses_driver = 0;
	f->units[u].state = UNIT_FRESH;
	return u;
}

int iom_facts_add(struct iom_facts *f, int unit, const char *fn, int arg, unsigned kinds)
{
	if (unit < 0 || unit >= f->nr_units || !is_ident(fn, strlen(fn)) || arg < 1 || arg > 64)
		return -1;
	return add_fact(f, unit, fn, arg, kinds & (K_SYS | K_IO));
}

/* Take every unit of 'from' (later blocks replace earlier ones of a file). */
int iom_facts_merge(struct iom_facts *into, const struct iom_facts *from)
{
	for (int u = 0; u < from->nr_units; u++) {
		int nu = unit_for(into, from->units[u].path);

		if (nu < 0)
			return -1;
		into->units[nu].hash = from->units[u].hash;
		into->units[nu].size = from->units[u].size;
		into->units[nu].args = from->units[u].args;
		into->units[nu].has_args = from->units[u].has_args;
		into->units[nu].state = from->units[u].state;
		into->units[nu].driver = from->units[u].driver;
		into->units[nu].uses_driver = from->units[u].uses_driver;
		for (int i = 0; i < from->units[u].nr_uses; i++)
			if (iom_facts_add_use(into, nu, from->units[u].uses[i]))
				return -1;
		for (int i = 0; i < from->nr_facts; i++)
			if (from->facts[i].unit == u &&
			    add_fact(into, nu, from->facts[i].fn, from->facts[i].arg,
				     from->facts[i].kinds))
				return -1;
	}
	return 0;
}

/* ---- using them -------------------------------------------------------------------- */

int iom_facts_unit_find(const struct iom_facts *f, const char *path)
{
	for (int i = 0; f && i < f->nr_units; i++)
		if (!strcmp(f->units[i].path, path))
			return i;
	return -1;
}

int iom_facts_unit_current(struct iom_facts *f, int u, const unsigned long long *args)
{
	struct fact_unit *fu = &f->units[u];
	unsigned long long hash;
	long long size;

	if (args && (!fu->has_args || fu->args != *args))
		return 0;
	if (fu->state == UNIT_UNCHECKED)
		fu->state = !iom_hash_file(fu->path, &size, &hash) && size == fu->size &&
			    hash == fu->hash ? UNIT_FRESH : UNIT_STALE;
	return fu->state == UNIT_FRESH;
}

void iom_facts_drop_unit(struct iom_facts *f, int u)
{
	if (u < 0 || u >= f->nr_units)
		return;
	drop_unit_facts(f, u);
	free(f->units[u].path);
	f->units[u] = f->units[--f->nr_units];
	f->sorted = 0;
	for (int i = 0; i < f->nr_facts; i++)
		if (f->facts[i].unit == f->nr_units)
			f->facts[i].unit = u;
}

static int cmp_fact(const void *a, const void *b)
{
	const struct fact *x = (const struct fact *)a, *y = (const struct fact *)b;
	int c = strcmp(x->fn, y->fn);

	return c ? c : x->arg - y->arg;
}

/* Is the unit's file as it was summarised?  Said once when it is not. */
static int usable(struct iom_facts *f, int u)
{
	if (f->units[u].state == UNIT_UNCHECKED && !iom_facts_unit_current(f, u, NULL) && f->warn)
		fprintf(f->warn, "iomemcheck: warning: %s changed since its facts were written: "
			"they are not used (summarise it again)\n", f->units[u].path);
	return f->units[u].state == UNIT_FRESH;
}

int iom_facts_lookup(struct iom_facts *f, const char *fn, int arg, unsigned *kinds,
		     const char **from)
{
	struct fact key, *hit;
	int lo, hi, found = 0;

	if (!f || !f->nr_facts)
		return 0;
	if (!f->sorted) {
		qsort(f->facts, (size_t)f->nr_facts, sizeof(*f->facts), cmp_fact);
		f->sorted = 1;
	}
	key.fn = (char *)fn;
	key.arg = arg;
	hit = (struct fact *)bsearch(&key, f->facts, (size_t)f->nr_facts, sizeof(key), cmp_fact);
	if (!hit)
		return 0;
	for (lo = (int)(hit - f->facts); lo > 0 && !cmp_fact(&f->facts[lo - 1], &key); lo--)
		;
	for (hi = lo; hi < f->nr_facts && !cmp_fact(&f->facts[hi], &key); hi++)
		;
	/* Two files may each define a function of that name (two modules): the
	 * call may reach either, so only a fact they all agree on holds, and a
	 * file that changed since spoils it. */
	for (int i = lo; i < hi; i++) {
		if (!usable(f, f->facts[i].unit))
			return 0;
		if (found && f->facts[i].kinds != *kinds)
			return 0;
		*kinds = f->facts[i].kinds;
		*from = f->units[f->facts[i].unit].path;
		found = 1;
	}
	return found;
}

void iom_facts_unit_stand_in(struct iom_facts *f, int u)
{
	if (u >= 0 && u < f->nr_units)
		f->units[u].state = UNIT_FRESH;
}

void iom_facts_unit_set_args(struct iom_facts *f, int u, unsigned long long args)
{
	if (u < 0 || u >= f->nr_units)
		return;
	f->units[u].args = args;
	f->units[u].has_args = 1;
}

int iom_facts_unit_nr_uses(const struct iom_facts *f, int u)
{
	return u >= 0 && u < f->nr_units ? f->units[u].nr_uses : 0;
}

const char *iom_facts_unit_use(const struct iom_facts *f, int u, int i)
{
	return f->units[u].uses[i];
}

const char *iom_facts_unit_path(const struct iom_facts *f, int u)
{
	return f->units[u].path;
}

/* Would a call to fn get another answer from b than from a, for any
 * argument either knows? */
int iom_facts_differ(struct iom_facts *a, struct iom_facts *b, const char *fn)
{
	for (int arg = 1; arg <= 64; arg++) {
		unsigned ka = 0, kb = 0;
		const char *fa, *fb;
		int ha = iom_facts_lookup(a, fn, arg, &ka, &fa);
		int hb = iom_facts_lookup(b, fn, arg, &kb, &fb);

		/* 'either' says what no fact says */
		if (ha && ka == (K_SYS | K_IO))
			ha = 0;
		if (hb && kb == (K_SYS | K_IO))
			hb = 0;
		if (ha != hb || (ha && ka != kb))
			return 1;
	}
	return 0;
}

void iom_facts_set_uses_driver(struct iom_facts *f, int u)
{
	if (u >= 0 && u < f->nr_units)
		f->units[u].uses_driver = 1;
}

int iom_facts_unit_uses_driver(const struct iom_facts *f, int u)
{
	return u >= 0 && u < f->nr_units && f->units[u].uses_driver;
}

void iom_facts_set_driver(struct iom_facts *f, int u, int driver)
{
	if (u >= 0 && u < f->nr_units && driver >= 0 && driver <= DRIVER_OTHER &&
	    (!driver || driver_names[driver]))
		f->units[u].driver = driver;
}

/* The length of a path's folder, with its last '/'. */
static size_t folder_len(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? (size_t)(slash - path + 1) : 0;
}

unsigned iom_facts_driver(struct iom_facts *f, const char *file, const char **from)
{
	size_t n = folder_len(file);
	unsigned kinds = 0;

	for (int u = 0; f && u < f->nr_units; u++) {
		const char *path = f->units[u].path;

		if (!f->units[u].driver || folder_len(path) != n || strncmp(path, file, n))
			continue;
		/* Every driver of the folder, as it is now, must say the same. */
		if (!usable(f, u) || f->units[u].driver == DRIVER_OTHER ||
		    (kinds && kinds != (unsigned)f->units[u].driver))
			return 0;
		kinds = (unsigned)f->units[u].driver;
		*from = path;
	}
	return kinds;
}
