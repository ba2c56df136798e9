/*
 * flags.c - the compile command a document is analysed with.
 *
 * 1. The database: initializationOptions.compilationDatabase (or -p), else
 *    the nearest compile_commands.json from the file's folder upwards (read
 *    with cmd/db.c; read again when it changes on disk).
 * 2. The file's own entry.
 * 3. A header has no entry: it is parsed as the main file with the flags of
 *    a C file that #includes it (by its name: "x.h", <dir/x.h>), looked for
 *    among the entries in the header's folder, then under the folder above
 *    it (at most SCAN_FILES sources read), else any C entry of its folder.
 *    The answer is remembered per header.
 *    A .c file no entry compiles but an entry's file #includes (the same
 *    search, without the last fallback) is analysed through that entry: its
 *    findings in the .c file are the document's.
 * 4. Otherwise the default flags (initializationOptions.defaultFlags), and
 *    the caller says so once.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lsp.h"

#define SCAN_FILES 2000

struct dbcache {
	char *path;
	struct timespec mtime;
	off_t size;
	struct db db;
	int ok;
	struct args headers;	/* header, includer, header, includer, ... */
	struct fact_run facts;	/* the fact file beside it (cmd/facts.c), when it reads */
	struct timespec facts_mtime;
	struct dbcache *next;
};

void entry_free(struct entry *e)
{
	free(e->dir);
	free(e->file);
	free_words(e->argc, e->argv);
	memset(e, 0, sizeof(*e));
}

static void entry_copy(const struct entry *from, struct entry *to)
{
	to->dir = strdup(from->dir);
	to->file = strdup(from->file);
	to->argc = from->argc;
	to->line = from->line;
	to->argv = calloc(from->argc + 1, sizeof(*to->argv));
	if (!to->argv || !to->dir || !to->file)
		abort();
	for (int i = 0; i < from->argc; i++)
		to->argv[i] = strdup(from->argv[i]);
}

static char *dir_of(const char *path)
{
	char *d = strdup(path), *slash = strrchr(d, '/');

	if (slash)
		*(slash == d ? slash + 1 : slash) = 0;
	return d;
}

/* The database for path, read (or the cached one), NULL when none. */
static struct dbcache *database(struct server *s, const char *path, char *why, size_t whylen)
{
	char *file = NULL;
	struct stat st;
	struct dbcache *c;

	if (s->db_override) {
		size_t n = strlen(s->db_override) + 32;

		file = malloc(n);
		if (!stat(s->db_override, &st) && S_ISDIR(st.st_mode))
			snprintf(file, n, "%s/compile_commands.json", s->db_override);
		else
			snprintf(file, n, "%s", s->db_override);
	} else {
		char *dir = dir_of(path);

		file = db_find(dir);
		free(dir);
	}
	if (!file) {
		snprintf(why, whylen, "no compile_commands.json in its folder or above");
		return NULL;
	}
	if (stat(file, &st)) {
		snprintf(why, whylen, "%s: cannot read the compile database", file);
		free(file);
		return NULL;
	}
	for (c = s->dbs; c; c = c->next)
		if (!strcmp(c->path, file))
			break;
	if (c && (c->mtime.tv_sec != st.st_mtim.tv_sec || c->mtime.tv_nsec != st.st_mtim.tv_nsec ||
		  c->size != st.st_size)) {
		db_free(&c->db);
		args_free(&c->headers);
		c->ok = 0;
		c->mtime = st.st_mtim;
		c->size = st.st_size;
		c->ok = !db_load(&c->db, file, why, whylen);
	} else if (!c) {
		c = calloc(1, sizeof(*c));
		if (!c)
			abort();
		c->path = strdup(file);
		c->mtime = st.st_mtim;
		c->size = st.st_size;
		c->ok = !db_load(&c->db, file, why, whylen);
		c->next = s->dbs;
		s->dbs = c;
	} else if (!c->ok) {
		snprintf(why, whylen, "%s: the compile database could not be read", file);
	}
	free(file);
	return c->ok ? c : NULL;
}

static const char *base_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* Does the C file #include something named like the header? */
static int includes(const char *file, const char *base)
{
	FILE *f = fopen(file, "r");
	char line[4096];
	int yes = 0;

	if (!f)
		return 0;
	while (!yes && fgets(line, sizeof(line), f)) {
		char *p = line, *end;
		size_t n;

		while (*p == ' ' || *p == '\t')
			p++;
		if (*p++ != '#')
			continue;
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncmp(p, "include", 7))
			continue;
		p += 7;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p != '"' && *p != '<')
			continue;
		end = strchr(p + 1, *p == '"' ? '"' : '>');
		if (!end)
			continue;
		*end = 0;
		n = strlen(base);
		p++;
		yes = !strcmp(base_of(p), base) && strlen(p) >= n;
	}
	fclose(f);
	return yes;
}

/* The entry whose file includes the header, as described above; with
 * neighbour, failing that, any C entry of its folder. */
static const struct entry *includer(struct dbcache *c, const char *header, int neighbour_ok)
{
	char *dir = dir_of(header), *up = dir_of(dir);
	const char *base = base_of(header);
	const struct entry *found = NULL, *neighbour = NULL;
	int scanned = 0;

	for (int i = 0; i + 1 < c->headers.argc; i += 2)
		if (!strcmp(c->headers.argv[i], header))
			for (int k = 0; k < c->db.nr; k++)
				if (!strcmp(c->db.entries[k].file, c->headers.argv[i + 1]))
					found = &c->db.entries[k];
	for (int pass = 0; pass < 2 && !found; pass++)
		for (int k = 0; k < c->db.nr && !found && scanned < SCAN_FILES; k++) {
			const struct entry *e = &c->db.entries[k];
			char *edir = dir_of(e->file);
			int same = !strcmp(edir, dir);

			free(edir);
			if (!entry_is_c(e) || (pass == 0 ? !same : same || !path_within(e->file, up)))
				continue;
			if (same && !neighbour)
				neighbour = e;
			scanned++;
			if (includes(e->file, base))
				found = e;
		}
	if (!found && neighbour_ok)
		found = neighbour;
	if (found) {
		args_add(&c->headers, header);
		args_add(&c->headers, found->file);
	}
	free(dir);
	free(up);
	return found;
}

/* The includer's command with the header as its source word. */
static void header_entry(const struct entry *inc, const char *header, struct entry *out)
{
	entry_copy(inc, out);
	for (int i = 1; i < out->argc; i++) {
		char *abs;

		if (out->argv[i][0] == '-')
			continue;
		abs = path_absolute(out->dir, out->argv[i]);
		if (!strcmp(abs, inc->file)) {
			free(out->argv[i]);
			out->argv[i] = strdup(header);
		}
		free(abs);
	}
	free(out->file);
	out->file = strdup(header);
}

int flags_entry(struct server *s, const char *path, struct entry *out, int *defaults,
		char *why, size_t whylen)
{
	struct dbcache *c = database(s, path, why, whylen);
	size_t n = strlen(path);

	memset(out, 0, sizeof(*out));
	*defaults = 0;
	if (c) {
		const struct entry *inc;

		for (int k = 0; k < c->db.nr; k++)
			if (!strcmp(c->db.entries[k].file, path)) {
				entry_copy(&c->db.entries[k], out);
				return 0;
			}
		if (n > 2 && !strcmp(path + n - 2, ".h") && (inc = includer(c, path, 1))) {
			header_entry(inc, path, out);
			return 0;
		}
		/* A .c file #included by an entry's file (the kernel's selftests):
		 * that entry is run, and its findings in this file are this
		 * document's, as the command reports them. */
		if (n > 2 && !strcmp(path + n - 2, ".c") && (inc = includer(c, path, 0))) {
			entry_copy(inc, out);
			return 0;
		}
		snprintf(why, whylen, "no entry of %s compiles it", c->path);
	}
	*defaults = 1;
	out->dir = dir_of(path);
	out->file = strdup(path);
	out->argv = calloc(s->default_flags.argc + 4, sizeof(*out->argv));
	out->argv[out->argc++] = strdup("cc");
	for (int i = 0; i < s->default_flags.argc; i++)
		out->argv[out->argc++] = strdup(s->default_flags.argv[i]);
	out->argv[out->argc++] = strdup("-c");
	out->argv[out->argc++] = strdup(path);
	return 0;
}

/*
 * The facts of the database a file belongs to: its fact file (what
 * `iomemcheck -p` keeps beside it), read again when it changes; the blocks
 * of files changed since are dropped.  A fact file that does not read is
 * said once on stderr (the client's log) and not used.
 */
struct iom_facts *flags_facts(struct server *s, const char *path)
{
	char why[1024], *file;
	struct dbcache *c = database(s, path, why, sizeof(why));
	struct stat st;
	int same;

	if (!c || !(file = facts_path_beside(c->path)))
		return NULL;
	if (stat(file, &st)) {
		free(file);
		facts_close(&c->facts);
		return NULL;
	}
	same = c->facts_mtime.tv_sec == st.st_mtim.tv_sec &&
	       c->facts_mtime.tv_nsec == st.st_mtim.tv_nsec;
	c->facts_mtime = st.st_mtim;
	if (!same) {
		facts_close(&c->facts);
		if (facts_open(&c->facts, file, NULL, 0, why, sizeof(why))) {
			fprintf(stderr, "iomemcheck --lsp: %s\n", why);
			facts_close(&c->facts);
		}
		facts_forget_changed(&c->facts, NULL, 0, 0);
	}
	free(file);
	return c->facts.known;
}

void flags_free(struct server *s)
{
	while (s->dbs) {
		struct dbcache *c = s->dbs;

		s->dbs = c->next;
		facts_close(&c->facts);
		db_free(&c->db);
		args_free(&c->headers);
		free(c->path);
		free(c);
	}
}
