/* SPDX-License-Identifier: GPL-2.0 */
/*
 * iomemcheck-sparse: strict mode for struct iosys_map / struct dma_buf_map
 * with stock sparse.  The program is a chain of stages:
 *
 *   main.c      argv: modes, kbuild's flags, include directories
 *   annotate.c  rewrite a map header so that its members are noderef and in
 *               the __iosys address space (and the helpers use __force)
 *   diff.c      unified diff of the rewrite, for --patch
 *   cache.c     the annotated copies under $TMPDIR, written atomically
 *   run.c       run stock sparse and collect what it prints
 *   tag.c       append [IOM010] to sparse's diagnostics about __iosys
 *
 * The flow-sensitive core (IOM001-IOM008) will be one more stage between
 * run.c and tag.c; see sparse/README.md.
 */
#ifndef IOMEMCHECK_SPARSE_H
#define IOMEMCHECK_SPARSE_H

#include <stddef.h>

#define IOMS_NAME	"iomemcheck-sparse"
#define IOMS_VERSION	"0.1"
/* Changes whenever the rewrite changes, so that old cached copies are not used. */
#define IOMS_ANNOTATE_ABI	"annotate-2"

#define IOMS_TAG	" [IOM010]"

/* util.c */
struct buf {
	char *p;
	size_t len, cap;
};

void buf_add(struct buf *b, const char *s, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_free(struct buf *b);
/* Make b->p a C string (without counting the NUL in len). */
const char *buf_cstr(struct buf *b);

void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *dup_str(const char *s);
char *xstrndup(const char *s, size_t n);
/* Read a whole file; returns 0, or -1 with errno set. */
int read_file(const char *path, struct buf *out);
int write_all(int fd, const char *p, size_t n);

/* annotate.c */
struct map_header {
	const char *include;	/* as written in #include <...> */
	const char *type;	/* struct tag */
};

extern const struct map_header map_headers[];
extern const size_t nr_map_headers;

enum annotate_mode {
	/* Same line count as the input; the preamble is a separate file. */
	ANNOTATE_LINES,
	/* Preamble inserted into the header: the form for --patch. */
	ANNOTATE_INLINE,
};

enum annotate_result {
	ANNOTATE_OK,
	ANNOTATE_ALREADY,	/* the header already uses __iosys */
	ANNOTATE_FAILED,	/* err says why */
};

/*
 * Rewrite the header text in (len bytes) that defines struct @type (NULL:
 * whichever of map_headers[] it defines).  On ANNOTATE_OK the result is
 * appended to out; on ANNOTATE_FAILED out is as it was, err says why and
 * *err_line is the header line to blame (0: the header as a whole).
 */
enum annotate_result annotate_header(const char *in, size_t len,
				     const char *type, enum annotate_mode mode,
				     struct buf *out, long *err_line,
				     char *err, size_t errlen);
/* The macros the rewritten header uses (#ifndef-guarded). */
const char *annotate_preamble(void);
/* The same names, defined so that the annotation has no effect. */
extern const char *const annotate_neutral_defines[];

/* diff.c: unified diff with 3 lines of context; returns the hunk count. */
int unified_diff(const char *label_a, const char *label_b,
		 const char *a, size_t alen, const char *b, size_t blen,
		 struct buf *out);

/* cache.c */
/*
 * Directory ${TMPDIR:-/tmp}/iomemcheck-sparse-<uid>/<key>, created if
 * needed, where key hashes the given bytes.  Returns 0 or -1 (err set).
 */
int cache_dir(const char *const parts[], const size_t lens[], size_t n,
	      char *out, size_t outlen, char *err, size_t errlen);
/* Create path (and its parent directories below base) unless it exists. */
int cache_put(const char *base, const char *rel, const char *data,
	      size_t len, char *err, size_t errlen);
unsigned long long hash64(const void *p, size_t n, unsigned long long h);

/* run.c */
/*
 * Run argv[0] (PATH lookup).  Its stderr is collected into err_out; its
 * stdout is inherited, or discarded if discard_stdout.  Returns the wait
 * status, or -1 if the program could not be started (err_out then holds
 * the reason).
 */
int run_collect(char *const argv[], int discard_stdout, struct buf *err_out);
/* Turn a wait status into an exit code. */
int exit_code(int status);

/* stage.c: the flow rules through libsparse (absent without it) */
int flow_available(void);
int flow_option(const char *word);
int flow_rule_on(int rule);
#define FLOW_FAILED (-2)
/* sparse's checks and the flow stage from one parse (libsparse only) */
int flow_oneparse(char **argv, int as_error, const char *prefix, struct buf *err,
		  struct buf *out, int *found);
int flow_run(char **argv, int as_error, const char *prefix, struct buf *out);

/* tag.c */
struct path_map {
	char *from;	/* the annotated copy as sparse prints it */
	char *to;	/* the tree's own header as sparse would print it */
};

/* Replace every path_map.from by .to in text (in place). */
void map_paths(struct buf *text, const struct path_map *maps, size_t n);
/*
 * Does sparse's output need the comparison run (stock sparse, same flags)
 * to be tagged: diagnostics that may or may not be about the map, or an
 * error about the map that may have silenced stock warnings?
 */
int tag_needs_plain(const char *text, size_t len);

struct tag_opts {
	/* the comparison run's output (NULL: none was made) */
	const char *plain;
	size_t plen;
	/*
	 * The comparison run is stock sparse on the tree as it is: put back
	 * the diagnostics the annotated run did not print.
	 */
	int restore;
	/* the annotated copies, as printed (their .to paths) */
	const struct path_map *maps;
	size_t nmaps;
};

/*
 * Copy sparse's output to out, appending [IOM010] to the diagnostics about
 * the map address space.  The comparison run settles the uncertain
 * diagnostics and, with restore, gives back the stock ones the annotated
 * run did not print.  Returns the tag count.
 */
int tag_output(const char *text, size_t len, const struct tag_opts *o,
	       struct buf *out);

#endif
