/*
 * gate.h - the CI gate of the iomemcheck command: one set of findings from
 * any engine (native runs, the plugin's json= lines, sparse's text, SARIF
 * shards), a stable key per finding, in-source suppressions, a baseline,
 * and the sinks CI systems read (SARIF, GitHub annotations, GitLab Code
 * Quality, 0-day style text).
 *
 * Life of one run:
 *
 *	g = gate_new(&opts);                  opts from gate_option() calls
 *	gate_add(g, "clang", finding);        per finding (or gate_import_file)
 *	gate_file(g, "clang", "a.c", NULL);   per file, NULL error = analysed
 *	status = gate_finish(g);              key, suppress, baseline, write
 *	gate_free(g);
 *
 * Nothing here analyses code; a finding is data.
 */
#ifndef IOM_GATE_H
#define IOM_GATE_H

#include <stdio.h>

#include "iomem.h"

/* The exit status contract of the iomemcheck command. */
enum gate_exit {
	GATE_EXIT_CLEAN = 0,		/* no (new) findings */
	GATE_EXIT_FINDINGS = 1,		/* new findings */
	GATE_EXIT_USAGE = 2,		/* usage or input error */
	GATE_EXIT_NOT_ANALYSED = 3,	/* a file could not be analysed */
};

/* What became of a finding. */
enum gate_state {
	GATE_NEW,		/* reported: not in the baseline, not suppressed */
	GATE_BASELINED,		/* in the baseline */
	GATE_SUPPRESSED,	/* an iomemcheck: ignore comment */
};

struct gate_note {
	char *file;
	int line, col;
	char *text;
};

/* One edit of a finding's fix-it (core/iomem.h, struct iom_edit). */
struct gate_edit {
	char *file;
	int line, col, end_line, end_col;	/* bytes, end exclusive */
	char *text;
};

struct gate_finding {
	char *engine;		/* "gcc", "clang", "sparse" */
	int rule;		/* enum iom_rule */
	int error;		/* severity error instead of warning */
	char *file;
	int line, col, end_col;	/* end_col exclusive, 0 until known */
	char *function;		/* "" when the engine does not say */
	char *message;
	int nr_notes;
	struct gate_note *notes;
	int nr_edits;		/* the fix-it: all its edits or none */
	struct gate_edit edits[IOM_MAX_EDITS];
	int preferred;		/* the memory kind was proven */
	/* filled by gate_finish */
	char *snippet;		/* the normalised source line, "" if unreadable */
	int occurrence;		/* 1-based among findings with the same identity */
	char key[17];		/* 16 hex digits */
	char linehash[40];	/* GitHub's primaryLocationLineHash, "" if unreadable */
	enum gate_state state;
	char *why;		/* the suppression's reason */
};

/* One file's fate in one engine's run. */
struct gate_file {
	char *engine;
	char *file;
	char *error;		/* NULL: analysed */
};

struct gate_set {
	struct gate_finding *v;
	int n, cap;
	struct gate_file *files;
	int nr_files, files_cap;
};

/* ---- the finding set (set.c) --------------------------------------------- */

void gate_set_init(struct gate_set *);
void gate_set_free(struct gate_set *);
/* Copies everything.  Returns the new finding, to fill in end_col or notes. */
struct gate_finding *gate_set_add(struct gate_set *, const char *engine, int rule, int error,
				  const char *file, int line, int col, const char *function,
				  const char *message);
void gate_finding_note(struct gate_finding *, const char *file, int line, int col,
		       const char *text);
struct gate_finding *gate_set_add_iom(struct gate_set *, const char *engine,
				      const struct iom_finding *);
/* Add one edit of the finding's fix-it (at most IOM_MAX_EDITS; more are ignored). */
void gate_finding_edit(struct gate_finding *, const char *file, int line, int col,
		       int end_line, int end_col, const char *text);
void gate_set_file(struct gate_set *, const char *engine, const char *file, const char *error);
/* Sort by engine, file, line, column, rule, message; drop exact duplicates
 * (the same header or file reported by several compiles). */
void gate_set_sort_unique(struct gate_set *);
/* Rule id from "IOM003", 0 if unknown. */
int gate_rule_of(const char *name);

/* ---- source files (source.c, linehash.c) --------------------------------- */

/* Text of line 'line' (1-based) of 'file', NULL if unreadable; cached. */
const char *gate_source_line(const char *file, int line);
/* The line with every blank and comment removed: what the key uses. */
char *gate_normalise_line(const char *line);
/* GitHub's primaryLocationLineHash of 'line' ("hex:count"), or "" */
void gate_line_hash(const char *file, int line, char *buf, size_t len);
/* Hash every line of a buffer; out[i] gets line i+1's value. Returns the
 * number of lines written (at most max). */
int gate_hash_lines(const unsigned char *text, size_t len, char (*out)[40], int max);
void gate_source_forget(void);

/* ---- keys (key.c) --------------------------------------------------------- */

/* snippet, occurrence, key and linehash of every finding (set sorted). */
void gate_set_keys(struct gate_set *);
/* Where the finding's expression ends on its line (exclusive column). */
int gate_end_column(const struct gate_finding *);

/* ---- suppressions (suppress.c) -------------------------------------------- */

/* Mark suppressed findings.  A comment without a reason prints
 * FILE:LINE: error: ... on err and counts; returns the number of those. */
int gate_suppress(struct gate_set *, FILE *err);

/* ---- baseline (baseline.c) ------------------------------------------------ */

struct gate_entry {
	char *key, *rule, *function, *message, *snippet, *file, *engine;
	int occurrence;
	int used;
};

struct gate_baseline {
	struct gate_entry *v;
	int n, cap;
};

/* Returns 0, or -1 after writing "FILE:LINE: error: ..." into err. */
int gate_baseline_read(struct gate_baseline *, const char *path, char *err, size_t errlen);
void gate_baseline_free(struct gate_baseline *);
/* Mark matched findings GATE_BASELINED; returns the number of entries left
 * unmatched (fixed). */
int gate_baseline_match(struct gate_baseline *, struct gate_set *);
/* The baseline text of the findings whose state is in 'states' (bit set of
 * 1 << enum gate_state), sorted.  Caller frees. */
char *gate_baseline_text(const struct gate_set *, unsigned states);

/* ---- input (import.c, sarif_read.c) --------------------------------------- */

/* The plugin's json= lines or sparse's text; 0, or -1 and err set. */
int gate_import_file(struct gate_set *, const char *path, char *err, size_t errlen);
/* Results and invocations of a SARIF file this command wrote. */
int gate_read_sarif(struct gate_set *, const char *path, char *err, size_t errlen);

/* ---- output (sarif.c, sinks.c; files through base/output.c) ----------------- */

struct gate_summary {
	int found, new_, baselined, suppressed, fixed, files, not_analysed;
	int baseline;		/* a baseline was given */
};

enum gate_format {
	GATE_FMT_GNU, GATE_FMT_JSON, GATE_FMT_SARIF, GATE_FMT_GITHUB, GATE_FMT_CODEQUALITY,
	GATE_FMT_0DAY, GATE_NR_FORMATS
};

int gate_format_of(const char *name);	/* -1 if unknown */

struct gate_sarif_opts {
	int all;		/* keep baselined and suppressed results, marked */
	const char *srcroot;	/* file names are made relative to it; NULL: cwd */
	const char *engine;	/* the run's engine when nothing was found */
	int baseline;		/* results were matched against a baseline */
};

/* Each renderer returns a malloc'd text. */
char *gate_render(enum gate_format, const struct gate_set *, const struct gate_summary *,
		  const struct gate_sarif_opts *);
char *gate_render_sarif(const struct gate_set *, const struct gate_sarif_opts *);

/* ---- the run (run.c) ------------------------------------------------------ */

struct gate_opts {
	int format;		/* enum gate_format */
	const char *output;	/* -o, NULL: stdout */
	int sarif_all;
	const char *baseline, *write_baseline;
	int prune;
	int import, merge;	/* the PATH arguments are files to import / merge */
	int shard_k, shard_n;	/* 0/0: no sharding */
	const char *srcroot;
	int quiet;
};

void gate_opts_init(struct gate_opts *);
/*
 * Take argv[*i] if it is one of the gate's options (advancing *i past a
 * separate value).  Returns 1 when taken, 0 when not the gate's, -1 on a
 * bad value (message in err).  The command's own parser asks this first.
 */
int gate_option(struct gate_opts *, int argc, char **argv, int *i, char *err, size_t errlen);
/* Checks between options (--prune-baseline needs --baseline ...). */
int gate_opts_check(const struct gate_opts *, char *err, size_t errlen);
/* The gate's lines of --help. */
extern const char gate_help[];
/*
 * Everything after the findings are in: sort, key, suppress, baseline,
 * write the outputs (atomically), print the summary on err unless quiet.
 * Returns the exit status (enum gate_exit).
 */
int gate_finish(const struct gate_opts *, struct gate_set *, FILE *err);

/* ---- sharding (shard.c) --------------------------------------------------- */

/* Parse "K/N" (1 <= K <= N).  0, or -1. */
int gate_shard_parse(const char *spec, int *k, int *n);
/* Is this file in shard k of n?  Deterministic: a hash of the name. */
int gate_shard_has(const char *file, int k, int n);

/* ---- rule catalog (catalog.c, generated) ---------------------------------- */

struct gate_rule_doc {
	const char *id;
	const char *markdown;	/* rules/catalog/IOMnnn.md */
};
extern const struct gate_rule_doc gate_catalog[];

#endif
