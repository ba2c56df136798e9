/*
 * lsp.h - iomemcheck --lsp: a language server on stdin/stdout (LSP 3.17 subset).
 *
 *	frame.c		Content-Length framing: messages in, messages out
 *	rpc.c		JSON-RPC: checks, the method table (methods.def), replies, errors
 *	lifecycle.c	initialize, initialized, shutdown, exit
 *	docs.c		open buffers and their versions (didOpen, didChange, didSave, didClose)
 *	text.c		URIs, lines, byte columns <-> LSP positions (UTF-16 or UTF-8)
 *	flags.c		the compile command of a file: database entry, header, defaults
 *	analysis.c	the runs: debounce, stale runs abandoned, results back
 *	worker.c	the forked process per document: a libclang session, reparsed
 *	diag.c		the core's JSON findings -> LSP diagnostics, publishDiagnostics
 *	actions.c	textDocument/codeAction: quick fixes from the findings' fix-its
 *	server.c	the loop: stdin, the children's pipes, timers
 *
 * One process, one thread, one poll() loop.  Nothing the client sends can
 * stop it but exit or the end of stdin; the engine runs in children.
 */
#ifndef IOM_LSP_H
#define IOM_LSP_H

#include <stddef.h>
#include <poll.h>
#include <sys/types.h>

#include <jansson.h>

#include "cmd.h"

/* JSON-RPC and LSP error codes. */
enum {
	RPC_PARSE_ERROR = -32700,
	RPC_INVALID_REQUEST = -32600,
	RPC_METHOD_NOT_FOUND = -32601,
	RPC_INVALID_PARAMS = -32602,
	RPC_INTERNAL_ERROR = -32603,
	LSP_SERVER_NOT_INITIALIZED = -32002,
	LSP_REQUEST_CANCELLED = -32800,
};

/* LSP MessageType */
enum { MSG_ERROR = 1, MSG_WARNING = 2, MSG_INFO = 3, MSG_LOG = 4 };

/* ---- frame.c ------------------------------------------------------------------ */

#define FRAME_MAX_DEFAULT	(64u << 20)	/* bytes of one message */
#define FRAME_MAX_HEADER	8192		/* bytes of one header line */

struct frame {
	char *buf;
	size_t n, cap;
	size_t limit;		/* the largest body taken */
	long long want;		/* body length, -1 while reading headers */
	long long have_length;	/* Content-Length of the headers so far, -1: none */
	int bad_header;		/* a Content-Length that is no number */
	size_t skip;		/* bytes of an over-long body still to drop */
	size_t consumed;	/* bytes of buf taken by the last message */
};

enum frame_result { FRAME_NONE, FRAME_MESSAGE, FRAME_ERROR };

void frame_init(struct frame *, size_t limit);
void frame_free(struct frame *);
/* Bytes read from the client. */
void frame_feed(struct frame *, const char *data, size_t n);
/*
 * The next message: FRAME_MESSAGE with *body, *len (valid until the next
 * call), FRAME_ERROR with a JSON-RPC code and a message for a reply with id
 * null (the framing is resynchronised), FRAME_NONE when more bytes are needed.
 */
enum frame_result frame_next(struct frame *, const char **body, size_t *len, int *code,
			     char *err, size_t errlen);
/* Is a message partly read (for the message when the client goes away)? */
int frame_partial(const struct frame *);
/* Write one message with its header.  Returns -1 when the client is gone. */
int frame_write(int fd, const char *body, size_t len);

/* ---- documents (docs.c) -------------------------------------------------------- */

struct run;

struct doc {
	char *uri;
	char *path;		/* absolute */
	char *text;
	size_t len;
	int version;
	struct doc *next;

	/* analysis (analysis.c) */
	int gen;		/* bumped by every change of the text */
	double due;		/* when to start the next run (debounce), 0: not scheduled */
	struct run *run;	/* the run in progress, or NULL */
	struct worker *worker;	/* the process that analyses it (analysis.c) */
	double used;		/* when a run last started */
	json_t *findings;	/* the last analysed version's findings (the core's JSON) */
	int findings_version;	/* -1: none yet */
	int published;		/* diagnostics were published for this uri */
};

struct server;

struct doc *doc_find(struct server *, const char *uri);
struct doc *doc_by_path(struct server *, const char *path);
void docs_free(struct server *);

/* ---- text.c -------------------------------------------------------------------- */

/* file:///a%20b/c.c -> /a b/c.c (malloc'ed), NULL when not a file URI. */
char *uri_to_path(const char *uri);
char *path_to_uri(const char *path);
/* Where 1-based line 'line' starts in text, and its length without the end
 * of line; -1 when the text has fewer lines. */
long text_line(const char *text, size_t len, int line, size_t *n);
/* A 1-based byte column of a 1-based line -> the LSP character (0-based,
 * UTF-16 code units, or bytes with utf8). */
int text_character(const char *text, size_t len, int line, int col, int utf8);
/* An LSP position -> the byte offset in text (clamped to the line's end). */
size_t text_offset(const char *text, size_t len, int line0, int character, int utf8);
/* A file's contents (an open document's text first), malloc'ed, or NULL. */
char *text_of(struct server *, const char *path, size_t *len);
/* {"line":L-1,"character":C} of a 1-based line and byte column. */
json_t *text_position(const char *text, size_t len, int line, int col, int utf8);
/* A JSON string of bytes that may not be UTF-8 (invalid bytes become '?'). */
json_t *text_json(const char *s, size_t n);

/* ---- flags.c -------------------------------------------------------------------- */

/* The compile command for path (absolute): its database entry, the entry of a
 * file that includes it (a header), or the default flags.  *defaults is 1 in
 * the last case.  The entry is the caller's (entry_free). */
/* The facts of the database the file belongs to (its fact file, beside
 * it), or NULL: a worker started for the file uses them. */
struct iom_facts *flags_facts(struct server *, const char *path);
int flags_entry(struct server *, const char *path, struct entry *out, int *defaults,
		char *why, size_t whylen);
void entry_free(struct entry *);
void flags_free(struct server *);

/* ---- worker.c: the child that analyses one document, run after run --------------- */

void worker_main(const struct run_config *, const struct entry *, int in, int out)
	__attribute__((noreturn));

/* ---- analysis.c ------------------------------------------------------------------ */

/* The doc changed: (re)start its analysis after delay_ms; a run of an older
 * version is killed now. */
void analysis_schedule(struct server *, struct doc *, int delay_ms);
/* The doc is gone: no run, no timer. */
void analysis_cancel(struct server *, struct doc *);
/* Start the runs that are due; returns the ms until the next timer, -1 none. */
int analysis_tick(struct server *);
/* The pipes to poll, and what came on them. */
int analysis_fds(struct server *, struct pollfd *, int max);
void analysis_ready(struct server *, int fd);
void analysis_kill_all(struct server *);
/* Is a run of the doc's current version scheduled or under way? */
int analysis_pending(const struct doc *);

/* ---- diag.c ---------------------------------------------------------------------- */

/* The LSP Diagnostic of one of the core's findings (in doc). */
json_t *diag_of(struct server *, struct doc *, json_t *finding);
void diag_publish(struct server *, struct doc *);
/* An empty list for a closed document. */
void diag_clear(struct server *, const char *uri);

/* ---- actions.c ------------------------------------------------------------------- */

/* Answer a textDocument/codeAction request; with may_wait, one for a document
 * whose run is due or under way waits for it (deferred_add). */
void actions_reply(struct server *, json_t *id, json_t *params, int may_wait);

/* ---- rpc.c ------------------------------------------------------------------------ */

void rpc_handle(struct server *, const char *body, size_t len);
void rpc_reply(struct server *, json_t *id, json_t *result);	/* steals result */
void rpc_error(struct server *, json_t *id, int code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void rpc_notify(struct server *, const char *method, json_t *params);	/* steals params */
/* window/logMessage or window/showMessage */
void rpc_message(struct server *, int show, int type, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Requests answered later (a code action waiting for its document's run). */
struct deferred {
	json_t *id;
	json_t *params;
	char *uri;
	double deadline;
	struct deferred *next;
};

void deferred_add(struct server *, json_t *id, json_t *params, const char *uri);
/* Answer the requests waiting for uri (all when uri is NULL and 'expired'). */
void deferred_run(struct server *, const char *uri);
int deferred_tick(struct server *);	/* ms to the next deadline, -1 none */

/* ---- the handlers of methods.def (lifecycle.c, docs.c, actions.c, rpc.c) ------- */

#define METHOD(name, fn, kind) void fn(struct server *, json_t *id, json_t *params);
#include "methods.def"
#undef METHOD

/* ---- server.c ----------------------------------------------------------------------- */

struct dbcache;

struct server {
	int initialized, shut_down;
	int utf8;			/* positions in bytes (else UTF-16 units) */
	int debounce_ms;
	int timeout_ms;			/* a run taking longer is killed */
	int jobs;			/* runs at a time */
	int workers;			/* worker processes kept (one per document) */
	int out;			/* the client's end: stdout */
	struct run_config run;		/* rules and engine options for every run */
	char *db_override;		/* -p or initializationOptions.compilationDatabase */
	struct args default_flags;	/* files outside any database */
	char *catalog;			/* folder of the rule pages, or NULL */
	char cwd[4096];
	struct doc *docs;
	struct run *runs;
	struct deferred *deferred;
	struct dbcache *dbs;
	struct args told;		/* files already told they got default flags */
	struct frame frame;
};

double lsp_now(void);
/* End the server: children killed, exit status 0 after shutdown, else 1. */
void lsp_exit(struct server *) __attribute__((noreturn));
/* iomemcheck --lsp.  Returns the exit status. */
int lsp_main(const struct run_config *, const char *db_override);

#endif
