/*
 * cmd.h - the iomemcheck command: shared types of its files.
 *
 *	main.c		the run, exit status
 *	options.c	the options (cli.h): the command's own and the core's engine options
 *	db.c		compile_commands.json: find, read, pick entries
 *	words.c		a "command" string split into words, as sh would
 *	paths.c		absolute, normalised and displayed paths
 *	flags.c		an entry's arguments rewritten for each engine (gcc-only.def)
 *	engines.c	one entry through libclang or the GCC plugin, findings as JSON lines
 *	workers.c	forked workers, one per entry, results through pipes
 *	findings.c	the workers' JSON lines back into findings: sorted, de-duplicated
 *	render.c	the core's renderers, output through base/output.c
 *	apply.c		--fix and --diff: the findings' fix-its applied to the files
 *
 * Inputs and outputs go through base/files.h (whole reads and writes on a
 * descriptor, bounded input files, the one writer of output files).
 */
#ifndef IOM_CMD_H
#define IOM_CMD_H

#include <stddef.h>
#include <stdio.h>

#include "files.h"
#include "iomem.h"

/* Exit status: frozen, documented in --help, README.md and iomemcheck.1. */
enum {
	EXIT_CLEAN = 0,		/* no findings */
	EXIT_FINDINGS = 1,	/* findings */
	EXIT_USAGE = 2,		/* usage or input error */
	EXIT_NOT_ANALYSED = 3,	/* a file could not be analysed */
};

/* ---- the compile database (db.c) ------------------------------------------ */

struct entry {
	char *dir;		/* absolute, normalised */
	char *file;		/* absolute, normalised source file */
	int argc;
	char **argv;		/* the compile command; argv[0] is the compiler */
	int line;		/* where the entry starts in the database (0: none) */
};

struct db {
	char *path;		/* as shown in messages */
	int nr;
	struct entry *entries;
};

/* The nearest compile_commands.json from dir upwards, malloc'ed, or NULL. */
char *db_find(const char *dir);
/* Read a database.  On error: -1 and "FILE:LINE: error: ..." in err. */
int db_load(struct db *, const char *path, char *err, size_t errlen);
/* An entry for FILE compiled with flags (the "FILE.c -- CFLAGS" form). */
int db_add_plain(struct db *, const char *cwd, const char *file, int nflags,
		 char *const *flags);
void db_free(struct db *);
/* Is the entry's file C source (the only language the engines check)? */
int entry_is_c(const struct entry *);

/* ---- words.c ---------------------------------------------------------------- */

/* Split a shell command line into words (quotes and backslashes as sh reads
 * them).  Returns the number of words (argv NULL-terminated, malloc'ed), or -1
 * and a message in err. */
int split_words(const char *s, char ***argv, char *err, size_t errlen);
void free_words(int argc, char **argv);

/* ---- paths.c ---------------------------------------------------------------- */

/* dir/path made absolute and normalised ("." and ".." removed, no symlinks
 * resolved), malloc'ed.  path may already be absolute. */
char *path_absolute(const char *dir, const char *path);
/* Is path equal to dir or inside it (both absolute, normalised)? */
int path_within(const char *path, const char *dir);
/* How a path is shown: relative to cwd when inside it, else absolute. */
char *path_display(const char *abs, const char *cwd);

/* ---- flags.c ---------------------------------------------------------------- */

enum engine_kind { ENGINE_CLANG, ENGINE_GCC };

struct args {
	int argc;
	char **argv;		/* NULL-terminated, strings malloc'ed */
};

void args_add(struct args *, const char *word);
void args_free(struct args *);
/*
 * The entry's arguments for an engine.  clang: no compiler name, no source
 * file, no output or dependency options, no GCC-only flags (gcc-only.def).
 * gcc: the compiler, the source file and every flag of the build except
 * output, dependency files and an earlier iomemcheck plugin; the caller
 * adds its own.
 */
void flags_for(const struct entry *, enum engine_kind, struct args *out);
/*
 * The argument a compiler error complains about ("unknown argument: '-fx'"),
 * removed from args.  Returns 1 if one was removed, 0 otherwise: the caller
 * retries without it, so an unknown flag never loses a file.
 */
int flags_drop_rejected(struct args *, const char *error);

/* ---- engines.c -------------------------------------------------------------- */

struct run_config {
	enum engine_kind engine;
	const struct iom_rules *rules;
	struct iom_options options;
	struct args plugin_args;	/* gcc: -fplugin-arg-iomemcheck-... in order */
	const char *plugin;		/* gcc: the plugin's path */
	const char *facts_file;		/* gcc: the fact file the plugin reads, or NULL
					 * (clang: options.facts, in memory) */
	int verbose;			/* gcc: show the compiler's messages (verbose, dump) */
};

/* Does this build have the libclang engine? */
int engine_clang_available(void);
/*
 * Analyse one entry in the current (worker) process.  Writes one JSON line
 * per finding to fd, then a status line:
 *	{"status":"analysed","functions":N,"dropped":[...]}
 *	{"status":"failed","error":"FILE:LINE:COL: error: ..."}
 */
void engine_run(const struct run_config *, const struct entry *, int fd);

/* ---- findings.c ------------------------------------------------------------- */

struct findings {
	int nr;
	struct iom_finding *v;	/* strings owned by the set */
	int per_rule[IOM_NR_RULES];
};

/* What a worker said about its entry. */
struct outcome {
	int analysed;		/* 1 analysed, 0 not */
	char *error;		/* when not analysed */
	char *dropped;		/* flags dropped on retry, for --verbose */
	int nr_findings;
	int first;		/* its findings are set->v[first .. first + nr_findings) */
	char *facts;		/* the entry's block of facts (a fact file's text), or NULL */
};

/*
 * Parse a worker's output (JSON lines) into findings, file names resolved
 * against the entry's directory and shown relative to cwd.  The outcome says
 * whether a status line came: without one the worker died.
 */
void findings_add_output(struct findings *, const char *text, size_t len, const char *dir,
			 const char *cwd, struct outcome *);
/* Sort by file, line, column, rule, message, and drop exact duplicates (a
 * header's finding seen by several files).  Recounts per_rule. */
void findings_sort(struct findings *);
/* Remove the findings whose drop[i] is set (an entry analysed again). */
void findings_drop(struct findings *, const unsigned char *drop);
void findings_free(struct findings *);

/* ---- workers.c -------------------------------------------------------------- */

typedef void (*progress_fn)(int done, int total, const struct findings *, void *ctx);

/* Run every entry in forked workers, at most jobs at a time.  outcome[i]
 * belongs to entries[i]. */
void run_workers(const struct run_config *, struct entry *const *entries, int nr, int jobs,
		 const char *cwd, struct findings *, struct outcome *outcome,
		 progress_fn progress, void *ctx);

/* ---- facts.c ---------------------------------------------------------------- */

/* The facts of a run over a database (and the file that keeps them). */
struct fact_run {
	char *path;			/* the fact file, NULL: none is kept */
	struct iom_facts *known;	/* what the workers are given; NULL: no facts */
	char temp[4096];		/* gcc: the copy the plugin reads */
};

/* The fact file kept beside a database file (malloc'ed). */
char *facts_path_beside(const char *db_path);
/* --facts FILE (file), else the file beside the database (db_path), else
 * none; off: --no-facts.  A file that does not read is an error (-1,
 * "FILE:LINE: error: ..."); one not written yet is a first run. */
int facts_open(struct fact_run *, const char *file, const char *db_path, int off,
	       char *err, size_t errlen);
/* Drop the blocks of files that changed since (said with verbose), but
 * those of the entries of this run (sel): they stand in until the run
 * summarises them again. */
void facts_forget_changed(struct fact_run *, struct entry *const *sel, int n, int verbose);
/* After a pass: take every entry's block, and mark in again[] the entries
 * that asked for a fact that is not what they ran with.  Returns how many,
 * or -1 when out of memory. */
int facts_next_pass(struct fact_run *, struct entry *const *sel, const struct outcome *out,
		    int n, unsigned char *again);
/* The facts written back to the fact file, atomically. */
int facts_save(struct fact_run *, char *err, size_t errlen);
/* gcc: the known facts into a temporary file for the plugin (temp). */
int facts_for_plugin(struct fact_run *, char *err, size_t errlen);
void facts_close(struct fact_run *);
/* --merge-facts OUT PATH...: the blocks of fact files and of folders of
 * them (*.facts, a build's summaries=DIR) into one fact file. */
int facts_merge_files(const char *out, int nr, char *const *paths, char *err, size_t errlen);

/* ---- render.c --------------------------------------------------------------- */

/* --format NAME -> the core's format (enum iom_format), or -1.  "gnu" is the
 * text format. */
int render_format(const char *name);
/* "gnu|text|json": the names, for --help and errors. */
const char *render_format_names(void);
/* Render with the core's renderer into path (atomically: temp file + rename)
 * or, with path NULL, to stdout.  Returns 0 or -1 with a message in err. */
int render_to(int format, const struct findings *, const char *path, char *err,
	      size_t errlen);

/* ---- apply.c ------------------------------------------------------------------ */

enum { APPLY_FIX = 1, APPLY_DIFF = 2 };

/* The files' texts as the analysis reads them: apply_begin() before the
 * workers start (the entries' files), apply_seen() as findings arrive (the
 * headers their fix-its edit). */
struct apply_run;
struct apply_run *apply_begin(struct entry *const *entries, int nr);
void apply_seen(struct apply_run *, const struct findings *);
/* The set was cut to nr findings (an entry analysed again): the next
 * apply_seen() reads on from there. */
void apply_rewind(struct apply_run *, int nr);
void apply_end(struct apply_run *);
/*
 * Apply the fix-its of the findings: APPLY_FIX rewrites the files, APPLY_DIFF
 * prints a unified patch on stdout.  Only a file whose text is still the one
 * analysed is edited (one line on stderr for each other one); identical fixes
 * count once, overlapping ones are dropped, one line each on stderr.  --fix
 * changes no file unless every one can be written.  A summary line on stderr
 * unless quiet.  Returns 0, or -1 with "FILE: error: ..." in err.
 */
int apply_fixes(struct apply_run *, const struct findings *, int mode, int quiet, char *err,
		size_t errlen);

/* Is the entry's file something to analyse?  A directory, FIFO or device
 * is not ("FILE: error: ..." in err, the name shown relative to cwd). */
int entry_check(const struct entry *, const char *cwd, char *err, size_t errlen);

#endif
