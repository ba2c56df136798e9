/*
 * worker.c - the process that analyses one document, run after run.
 *
 * Forked by the server per open document.  It keeps a libclang session
 * (clang/engine.h): the first run parses with the #include block
 * precompiled, later runs only reparse the buffers, which on a kernel file
 * is the difference between seconds and a tenth of one.  It reads requests
 * from its input pipe and answers each with the core's JSON lines, then one
 * status line, the same lines the command's workers send (cmd/engines.c):
 *
 *	request:  "IOMRUN N\n", then N times "PATHLEN TEXTLEN\n" PATH TEXT
 *	          (the open documents' texts, the analysed one among them)
 *	answer:   {"rule":...}\n ... {"status":"analysed","functions":N}\n
 *	          or {"status":"failed","error":"FILE:LINE:COL: error: ..."}\n
 *
 * A flag the compiler rejects at the first parse is dropped and the parse
 * done again (cmd/flags.c), as in the command.  The end of its input ends it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lsp.h"
#include "engine.h"

#define MAX_RETRIES 32

struct out {
	char *p;
	size_t n, cap;
};

static void put(struct out *o, const char *s, size_t n)
{
	if (o->n + n + 1 > o->cap) {
		o->cap = (o->n + n + 1) * 2;
		o->p = realloc(o->p, o->cap);
		if (!o->p)
			abort();
	}
	memcpy(o->p + o->n, s, n);
	o->n += n;
}

static void collect(const struct iom_finding *f, void *ctx)
{
	struct iom_buf line = { 0 };

	if (!iom_render(IOM_FORMAT_JSON, f, &line))
		put(ctx, line.s, line.len);
	iom_buf_free(&line);
}

static void write_all(int fd, const char *p, size_t n)
{
	if (fd_write_all(fd, p, n))
		_exit(111);	/* the server is gone: nobody to tell */
}

static int read_line(int fd, char *buf, size_t len)
{
	size_t n = 0;

	while (n + 1 < len) {
		if (fd_read_all(fd, buf + n, 1))
			return -1;
		if (buf[n] == '\n') {
			buf[n] = 0;
			return 0;
		}
		n++;
	}
	return -1;
}

/* One request: the unsaved files.  -1 at the end of input. */
static int request(int fd, struct clang_unsaved **u, int *nr)
{
	char line[128];
	int n;

	if (read_line(fd, line, sizeof(line)) || sscanf(line, "IOMRUN %d", &n) != 1 || n < 0 ||
	    n > 100000)
		return -1;
	*u = calloc(n + 1, sizeof(**u));
	*nr = 0;
	for (int i = 0; i < n; i++) {
		unsigned long plen, tlen;
		char *path, *text;

		if (read_line(fd, line, sizeof(line)) || sscanf(line, "%lu %lu", &plen, &tlen) != 2 ||
		    plen > 65536)
			return -1;
		path = malloc(plen + 1);
		text = malloc(tlen + 1);
		if (!path || !text || fd_read_all(fd, path, plen) || fd_read_all(fd, text, tlen))
			return -1;
		path[plen] = 0;
		(*u)[i] = (struct clang_unsaved){ path, text, tlen };
		(*nr)++;
	}
	return 0;
}

static void status(struct out *o, const char *error, int functions)
{
	json_t *st = json_object();
	char *line;

	json_object_set_new(st, "status", json_string(error ? "failed" : "analysed"));
	if (error)
		json_object_set_new(st, "error", json_string(error));
	else
		json_object_set_new(st, "functions", json_integer(functions));
	line = json_dumps(st, JSON_COMPACT | JSON_ENSURE_ASCII);
	if (error)
		o->n = 0;	/* half a result is none */
	if (line) {
		put(o, line, strlen(line));
		put(o, "\n", 1);
	}
	free(line);
	json_decref(st);
}

void worker_main(const struct run_config *cfg, const struct entry *e, int in, int out)
{
	struct clang_session *session = NULL;
	struct args a;
	char dir_error[1024] = "";

	flags_for(e, ENGINE_CLANG, &a);
	/* libclang resolves relative -I and -include against the process's folder. */
	if (chdir(e->dir))
		snprintf(dir_error, sizeof(dir_error), "%s: error: cannot enter the entry's folder: %s",
			 e->dir, strerror(errno));
	for (;;) {
		struct clang_unsaved *u = NULL;
		struct clang_engine_result res = { 0 };
		struct out o = { 0 };
		int nr = 0, ret = -1;

		if (request(in, &u, &nr))
			_exit(0);
		if (dir_error[0])
			snprintf(res.error, sizeof(res.error), "%s", dir_error);
		for (int tries = 0; tries < MAX_RETRIES && !dir_error[0]; tries++) {
			int first = !session || !clang_session_warm(session);

			if (!session)
				session = clang_session_new(cfg->rules, &cfg->options, e->file, a.argc,
							    (const char *const *)a.argv);
			if (!session) {
				snprintf(res.error, sizeof(res.error), "%s: error: libclang did not start",
					 e->file);
				break;
			}
			o.n = 0;
			ret = clang_session_run(session, u, nr, collect, &o, &res);
			if (!ret || !first)
				break;
			if (!flags_drop_rejected(&a, res.error))
				break;
			clang_session_free(session);
			session = NULL;
		}
		status(&o, ret ? res.error : NULL, ret ? 0 : res.nr_functions);
		write_all(out, o.p, o.n);
		free(o.p);
		for (int i = 0; i < nr; i++) {
			free((char *)u[i].file);
			free((char *)u[i].text);
		}
		free(u);
	}
}
