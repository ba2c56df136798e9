/*
 * engine.h - the libclang front end, as the iomemcheck command sees it.
 *
 * One call analyses one translation unit: libclang parses it, every function
 * defined in the file is lowered into the core's graph and analysed, and each
 * finding is handed to the caller.  Nothing here decides a rule.
 */
#ifndef IOM_CLANG_ENGINE_H
#define IOM_CLANG_ENGINE_H

#include "iomem.h"

struct clang_engine_result {
	int nr_findings;
	int nr_functions;	/* functions lowered and analysed */
	char error[1024];	/* when not analysed: the first error, "file:line:col: error: ..." */
	/* Set by the caller: the file's block of facts (iom_unit_facts) is added
	 * to it; NULL: none wanted. */
	struct iom_facts *facts;
};

/*
 * Parse 'file' with the compiler arguments argv[0..argc-1] (already filtered
 * for clang: no compiler name, no source file, no output options) and analyse
 * it.  report() gets each finding, sorted by position within each function;
 * the strings it points to are valid only during that call.  Returns 0 when
 * the file was analysed (findings or not), -1 when it could not be (error set).
 * Each call has its own libclang index, so calls may run in parallel threads
 * or forked children.
 */
int clang_engine_run(const struct iom_rules *rules, const struct iom_options *opts,
		     const char *file, int argc, const char *const *argv,
		     iom_report_fn report, void *ctx, struct clang_engine_result *result);

/*
 * Text an editor holds for a file that differs from the disk (libclang's
 * unsaved files): the file named 'file' is read as 'text' (length bytes,
 * need not end in NUL) wherever the parse reaches it, the main file included.
 */
struct clang_unsaved {
	const char *file;
	const char *text;
	unsigned long length;
};

/* clang_engine_run with unsaved buffers (nr may be 0). */
int clang_engine_run_unsaved(const struct iom_rules *rules, const struct iom_options *opts,
			     const char *file, int argc, const char *const *argv,
			     const struct clang_unsaved *unsaved, int nr,
			     iom_report_fn report, void *ctx, struct clang_engine_result *result);

/*
 * A session: one file analysed again and again with the same arguments (an
 * editor's buffer).  The first run parses and keeps the translation unit
 * with its #include block precompiled (libclang's preamble); later runs
 * reparse with the unsaved buffers given, which skips the headers.  A run
 * that fails to parse at all drops the unit: the next one starts over.
 * rules and opts must outlive the session.
 */
struct clang_session;

struct clang_session *clang_session_new(const struct iom_rules *rules,
					const struct iom_options *opts, const char *file,
					int argc, const char *const *argv);
int clang_session_run(struct clang_session *, const struct clang_unsaved *unsaved, int nr,
		      iom_report_fn report, void *ctx, struct clang_engine_result *result);
/* Does the session hold a parsed unit (the next run is a reparse)? */
int clang_session_warm(const struct clang_session *);
void clang_session_free(struct clang_session *);

#endif
