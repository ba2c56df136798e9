/*
 * facts.c - the facts that cross files, for a run over a database.
 *
 * Every worker hands back its entry's block of facts (what the file's
 * functions leave in the maps they are handed, and which functions of other
 * files it asked about) beside its findings.  One pass is then enough to
 * know every file's facts; the findings of an entry are wrong only when a
 * fact it asked for was not what the workers had.  So: the first pass runs
 * with the facts of the last run (the fact file next to the database), and
 * only the entries that asked for a fact that changed run again.  A run
 * over a tree that did not change is one pass; a first run is one pass plus
 * the files that call into others; an edit re-runs that file and the files
 * whose questions its new facts answer differently.
 *
 * The fact file is the cache: a block is kept only while its file has the
 * bytes it was summarised from and its entry the same command, and it is
 * replaced whole, atomically, at the end of each run.
 */
#define _GNU_SOURCE	/* asprintf */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"

#define FACT_FILE_NAME	"iomemcheck.facts"

/* A hash of what the entry compiles with: its folder and every word. */
static unsigned long long entry_hash(const struct entry *e)
{
	unsigned long long h = iom_hash_bytes(0, e->dir, strlen(e->dir) + 1);

	for (int i = 0; i < e->argc; i++)
		h = iom_hash_bytes(h, e->argv[i], strlen(e->argv[i]) + 1);
	return h;
}

char *facts_path_beside(const char *db_path)
{
	const char *slash = strrchr(db_path, '/');
	char *path;

	if (asprintf(&path, "%.*s%s", slash ? (int)(slash - db_path + 1) : 0, db_path,
		     FACT_FILE_NAME) < 0)
		return NULL;
	return path;
}

int facts_open(struct fact_run *fr, const char *file, const char *db_path, int off,
	       char *err, size_t errlen)
{
	struct stat st;

	memset(fr, 0, sizeof(*fr));
	if (off || (!file && !db_path))
		return 0;
	fr->path = file ? strdup(file) : facts_path_beside(db_path);
	fr->known = iom_facts_new();
	if (!fr->path || !fr->known) {
		snprintf(err, errlen, "error: out of memory");
		return -1;
	}
	/* A fact file not written yet is a first run; one that does not read
	 * stops the run: its facts must never be half taken. */
	if (stat(fr->path, &st) && errno == ENOENT)
		return 0;
	if (iom_facts_read_file(fr->known, fr->path, err, errlen)) {
		if (strstr(err, ": error: ") && strlen(err) + 80 < errlen)
			strcat(err, " (remove it, or run with --no-facts)");
		return -1;
	}
	return 0;
}

/* Is the unit's file one of the entries of this run? */
static int in_run(const char *path, struct entry *const *sel, int n)
{
	char real[PATH_MAX];

	for (int i = 0; i < n; i++)
		if (realpath(sel[i]->file, real) && !strcmp(real, path))
			return 1;
	return 0;
}

void facts_forget_changed(struct fact_run *fr, struct entry *const *sel, int n, int verbose)
{
	for (int u = 0; fr->known && u < iom_facts_nr_units(fr->known); ) {
		if (iom_facts_unit_current(fr->known, u, NULL)) {
			u++;
			continue;
		}
		/* A file this run summarises again: its old block stands in for
		 * the first pass, and the end of the pass puts the new one in its
		 * place; every entry that asked for a fact that changed runs
		 * again, so nothing rests on the old block. */
		if (in_run(iom_facts_unit_path(fr->known, u), sel, n)) {
			iom_facts_unit_stand_in(fr->known, u);
			u++;
			continue;
		}
		if (verbose)
			fprintf(stderr, "iomemcheck: %s changed since its facts were written: "
				"summarised again when it is analysed\n",
				iom_facts_unit_path(fr->known, u));
		iom_facts_drop_unit(fr->known, u);
	}
}

/* The facts of the run after a pass: the known ones, each analysed
 * entry's block in place of its file's. */
static struct iom_facts *after_pass(struct fact_run *fr, struct entry *const *sel,
				    const struct outcome *out, int n)
{
	struct iom_facts *next = iom_facts_new();

	if (!next || iom_facts_merge(next, fr->known)) {
		iom_facts_free(next);
		return NULL;
	}
	for (int i = 0; i < n; i++) {
		struct iom_facts *one;
		char err[PATH_MAX + 256], real[PATH_MAX];
		int u;

		/* Its old block goes: the new one (if any) replaces it, and one
		 * that stood in for a file not analysed is not the file's. */
		if (realpath(sel[i]->file, real) && (u = iom_facts_unit_find(next, real)) >= 0)
			iom_facts_drop_unit(next, u);
		if (!out[i].analysed || !out[i].facts || !(one = iom_facts_new()))
			continue;
		/* A block that does not read is no facts: the file's functions
		 * stay unknown, as they were. */
		if (!iom_facts_read_text(one, sel[i]->file, out[i].facts, strlen(out[i].facts),
					 err, sizeof(err))) {
			for (u = 0; u < iom_facts_nr_units(one); u++)
				iom_facts_unit_set_args(one, u, entry_hash(sel[i]));
			iom_facts_merge(next, one);
		}
		iom_facts_free(one);
	}
	return next;
}

/* Did a fact the entry asked for change between the facts it ran with and
 * those of the end of the pass? */
static int answers_changed(struct iom_facts *before, struct iom_facts *after, const char *file)
{
	char real[PATH_MAX];
	int u;

	if (!realpath(file, real) || (u = iom_facts_unit_find(after, real)) < 0)
		return 0;
	for (int i = 0; i < iom_facts_unit_nr_uses(after, u); i++)
		if (iom_facts_differ(before, after, iom_facts_unit_use(after, u, i)))
			return 1;
	if (iom_facts_unit_uses_driver(after, u)) {
		const char *from;

		return iom_facts_driver(before, real, &from) != iom_facts_driver(after, real, &from);
	}
	return 0;
}

int facts_next_pass(struct fact_run *fr, struct entry *const *sel, const struct outcome *out,
		    int n, unsigned char *again)
{
	struct iom_facts *next = after_pass(fr, sel, out, n);
	int count = 0;

	if (!next)
		return -1;
	for (int i = 0; i < n; i++) {
		again[i] = out[i].analysed && answers_changed(fr->known, next, sel[i]->file);
		count += again[i];
	}
	iom_facts_free(fr->known);
	fr->known = next;
	return count;
}

int facts_save(struct fact_run *fr, char *err, size_t errlen)
{
	if (!fr->path || !fr->known)
		return 0;
	return iom_facts_write(fr->known, fr->path, err, errlen);
}

int facts_for_plugin(struct fact_run *fr, char *err, size_t errlen)
{
	const char *dir = getenv("TMPDIR");
	int fd;

	if (!fr->known || !iom_facts_nr_units(fr->known))
		return 0;
	if (!fr->temp[0]) {
		snprintf(fr->temp, sizeof(fr->temp), "%s/iomemcheck-facts-XXXXXX",
			 dir && *dir ? dir : "/tmp");
		fd = mkstemp(fr->temp);
		if (fd < 0) {
			snprintf(err, errlen, "%s: error: cannot create a temporary file: %s",
				 fr->temp, strerror(errno));
			fr->temp[0] = 0;
			return -1;
		}
		close(fd);
	}
	return iom_facts_write(fr->known, fr->temp, err, errlen);
}

void facts_close(struct fact_run *fr)
{
	if (fr->temp[0])
		unlink(fr->temp);
	iom_facts_free(fr->known);
	free(fr->path);
	memset(fr, 0, sizeof(*fr));
}

/* ---- --merge-facts ------------------------------------------------------------ */

static int merge_one(struct iom_facts *into, const char *path, char *err, size_t errlen)
{
	struct iom_facts *one = iom_facts_new();
	int ret = -1;

	if (!one)
		snprintf(err, errlen, "error: out of memory");
	else if (!iom_facts_read_file(one, path, err, errlen))
		ret = iom_facts_merge(into, one);
	iom_facts_free(one);
	return ret;
}

/* Every *.facts file of a folder, in name order (the same file for any
 * order the folder lists them in). */
static int merge_folder(struct iom_facts *into, const char *dir, char *err, size_t errlen)
{
	struct dirent **names;
	int n = scandir(dir, &names, NULL, alphasort), ret = 0;

	if (n < 0) {
		snprintf(err, errlen, "%s: error: cannot read the folder: %s", dir, strerror(errno));
		return -1;
	}
	for (int i = 0; i < n; i++) {
		size_t len = strlen(names[i]->d_name);
		char path[PATH_MAX];

		if (!ret && len > 6 && !strcmp(names[i]->d_name + len - 6, ".facts")) {
			snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name);
			ret = merge_one(into, path, err, errlen);
		}
		free(names[i]);
	}
	free(names);
	return ret;
}

int facts_merge_files(const char *out, int nr, char *const *paths, char *err, size_t errlen)
{
	struct iom_facts *all = iom_facts_new();
	int ret = 0;

	if (!all) {
		snprintf(err, errlen, "error: out of memory");
		return -1;
	}
	for (int i = 0; i < nr && !ret; i++) {
		struct stat st;

		if (stat(paths[i], &st)) {
			snprintf(err, errlen, "%s: error: cannot read: %s", paths[i], strerror(errno));
			ret = -1;
		} else {
			ret = S_ISDIR(st.st_mode) ? merge_folder(all, paths[i], err, errlen)
						  : merge_one(all, paths[i], err, errlen);
		}
	}
	if (!ret)
		ret = iom_facts_write(all, out, err, errlen);
	if (!ret)
		fprintf(stderr, "iomemcheck: %s: the facts of %d file%s\n", out,
			iom_facts_nr_units(all), iom_facts_nr_units(all) == 1 ? "" : "s");
	iom_facts_free(all);
	return ret;
}
