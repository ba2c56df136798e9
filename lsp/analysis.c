/*
 * analysis.c - the runs: each document has a worker process (worker.c).
 *
 * A worker is forked at the document's first run with its compile command
 * and lives until the document closes, its command changes, or it dies.
 * Each run sends it every open document's text and reads back the core's
 * JSON lines and a status line.  A crash or a hang in the engine ends that
 * worker, never the server: the run is reported as not analysed and the
 * next run starts a new worker.
 *
 * Runs are debounced: a change sets the document's due time (now +
 * debounce).  A run of an older text is abandoned: its answer is thrown away
 * when it comes.  A worker busy with its first parse is killed at once (it
 * has nothing to lose and the new text must parse from scratch anyway); a
 * warm one finishes its reparse (a tenth of a second on a kernel file) and
 * keeps the precompiled headers, which killing it would lose.  At most
 * s->jobs runs at a time; a run over s->timeout_ms kills its worker.
 */
#define _GNU_SOURCE	/* pipe2, strsignal */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lsp.h"

struct worker {
	pid_t pid;
	int to, from;		/* requests in, answers out */
	char *key;		/* the compile command it was started with */
	char *dir;		/* the entry's folder: file names are relative to it */
	int warm;		/* a run has ended: the next one is a reparse */
};

struct run {
	struct doc *doc;
	int gen, version;
	char *buf;
	size_t n, cap;
	double started;
	struct run *next;
};

/* ---- workers ------------------------------------------------------------------- */

static void worker_stop(struct server *s, struct doc *d)
{
	struct worker *w = d->worker;

	(void)s;
	if (!w)
		return;
	if (w->pid > 0) {	/* never kill(-1): a reaped worker has pid -1 */
		kill(w->pid, SIGKILL);
		while (waitpid(w->pid, NULL, 0) < 0 && errno == EINTR)
			;
	}
	close(w->to);
	close(w->from);
	free(w->key);
	free(w->dir);
	free(w);
	d->worker = NULL;
}

/* The command as one string: a change of flags means a new worker. */
static char *key_of(const struct entry *e)
{
	size_t n = strlen(e->dir) + strlen(e->file) + 4;
	char *k, *p;

	for (int i = 0; i < e->argc; i++)
		n += strlen(e->argv[i]) + 1;
	k = p = malloc(n);
	if (!k)
		abort();
	p += sprintf(p, "%s%c%s", e->dir, 1, e->file);
	for (int i = 0; i < e->argc; i++)
		p += sprintf(p, "%c%s", 1, e->argv[i]);
	return k;
}

static struct worker *worker_start(struct server *s, struct doc *d, const struct entry *e)
{
	int in[2], out[2];
	struct run_config run;
	struct worker *w;

	if (pipe2(in, O_CLOEXEC))
		return NULL;
	if (pipe2(out, O_CLOEXEC)) {
		close(in[0]);
		close(in[1]);
		return NULL;
	}
	w = calloc(1, sizeof(*w));
	if (!w)
		abort();
	run = s->run;
	run.options.facts = flags_facts(s, e->file);
	w->pid = fork();
	if (w->pid == 0) {
		int null = open("/dev/null", O_RDWR);

		/* stdout is the client's channel: nothing in here may write to it;
		 * the other workers' pipes are not this one's business. */
		if (null >= 0) {
			dup2(null, 0);
			dup2(null, 1);
		}
		for (struct doc *o = s->docs; o; o = o->next)
			if (o->worker) {
				close(o->worker->to);
				close(o->worker->from);
			}
		close(in[1]);
		close(out[0]);
		signal(SIGPIPE, SIG_DFL);
		worker_main(&run, e, in[0], out[1]);
		_exit(0);
	}
	close(in[0]);
	close(out[1]);
	if (w->pid < 0) {
		close(in[1]);
		close(out[0]);
		free(w);
		return NULL;
	}
	fcntl(out[0], F_SETFL, O_NONBLOCK);
	w->to = in[1];
	w->from = out[0];
	w->key = key_of(e);
	w->dir = strdup(e->dir);
	d->worker = w;
	return w;
}

/* Every open document's text: the worker is idle and reads it all before
 * it does anything, so these writes do not wait for long. */
static int send_request(struct server *s, struct worker *w)
{
	char head[64];
	int n = 0;

	for (struct doc *d = s->docs; d; d = d->next)
		n++;
	snprintf(head, sizeof(head), "IOMRUN %d\n", n);
	if (fd_write_all(w->to, head, strlen(head)))
		return -1;
	for (struct doc *d = s->docs; d; d = d->next) {
		snprintf(head, sizeof(head), "%zu %zu\n", strlen(d->path), d->len);
		if (fd_write_all(w->to, head, strlen(head)) || fd_write_all(w->to, d->path, strlen(d->path)) ||
		    fd_write_all(w->to, d->text, d->len))
			return -1;
	}
	return 0;
}

/* Why a worker ended, from its wait status. */
static void death(int status, char *why, size_t len)
{
	if (WIFSIGNALED(status))
		snprintf(why, len, "the engine crashed (signal %d: %s)", WTERMSIG(status),
			 strsignal(WTERMSIG(status)));
	else
		snprintf(why, len, "the engine stopped without a result (exit status %d)",
			 WEXITSTATUS(status));
}

/* A worker that closed its end: reaped, its wait status returned (a dead
 * one's signal stays its own: a kill does nothing to it), the document left
 * without a worker. */
static int worker_reap(struct server *s, struct doc *d)
{
	int status = 0;

	kill(d->worker->pid, SIGKILL);
	while (waitpid(d->worker->pid, &status, 0) < 0 && errno == EINTR)
		;
	d->worker->pid = -1;
	worker_stop(s, d);
	return status;
}

/* ---- runs ------------------------------------------------------------------------ */

static void run_free(struct server *s, struct run *r)
{
	for (struct run **p = &s->runs; *p; p = &(*p)->next)
		if (*p == r) {
			*p = r->next;
			break;
		}
	if (r->doc && r->doc->run == r)
		r->doc->run = NULL;
	free(r->buf);
	free(r);
}

int analysis_pending(const struct doc *d)
{
	return d->due > 0 || (d->run && d->run->gen == d->gen);
}

void analysis_schedule(struct server *s, struct doc *d, int delay_ms)
{
	d->gen++;
	if (d->run && !(d->worker && d->worker->warm)) {
		run_free(s, d->run);		/* a first parse of a text that is gone */
		worker_stop(s, d);
	}
	d->due = lsp_now() + delay_ms / 1000.0;
}

void analysis_cancel(struct server *s, struct doc *d)
{
	if (d->run)
		run_free(s, d->run);
	worker_stop(s, d);
	d->due = 0;
}

void analysis_kill_all(struct server *s)
{
	for (struct doc *d = s->docs; d; d = d->next)
		analysis_cancel(s, d);
}

static void told_once(struct server *s, struct doc *d, const char *why)
{
	for (int i = 0; i < s->told.argc; i++)
		if (!strcmp(s->told.argv[i], d->path))
			return;
	args_add(&s->told, d->path);
	rpc_message(s, 1, MSG_INFO, "iomemcheck: %s: analysed with the default flags (%s)", d->path,
		    why);
}

/* Each worker holds a parsed unit (hundreds of MB for a kernel file): past
 * s->workers of them, the one idle longest goes (its document parses from
 * scratch next time). */
static void make_room(struct server *s)
{
	struct doc *oldest = NULL;
	int n = 0;

	for (struct doc *d = s->docs; d; d = d->next)
		if (d->worker) {
			n++;
			if (!d->run && (!oldest || d->used < oldest->used))
				oldest = d;
		}
	if (n >= s->workers && oldest)
		worker_stop(s, oldest);
}

static void start(struct server *s, struct doc *d)
{
	struct entry e;
	char why[1024] = "", *key;
	int defaults;
	struct run *r;

	d->due = 0;
	flags_entry(s, d->path, &e, &defaults, why, sizeof(why));
	if (defaults)
		told_once(s, d, why);
	key = key_of(&e);
	if (d->worker && strcmp(d->worker->key, key))
		worker_stop(s, d);	/* the database changed its command */
	free(key);
	if (!d->worker)
		make_room(s);
	d->used = lsp_now();
	if (!d->worker && !worker_start(s, d, &e)) {
		rpc_message(s, 0, MSG_ERROR, "iomemcheck: cannot start an analysis: %s", strerror(errno));
		entry_free(&e);
		return;
	}
	entry_free(&e);
	if (send_request(s, d->worker)) {	/* it died before it read it all */
		death(worker_reap(s, d), why, sizeof(why));
		rpc_message(s, 0, MSG_WARNING, "iomemcheck: %s: not analysed, the diagnostics shown are "
			    "from the last analysis: %s", d->path, why);
		deferred_run(s, d->uri);
		return;
	}
	r = calloc(1, sizeof(*r));
	if (!r)
		abort();
	r->doc = d;
	r->gen = d->gen;
	r->version = d->version;
	r->started = lsp_now();
	r->next = s->runs;
	s->runs = r;
	d->run = r;
}

int analysis_tick(struct server *s)
{
	double now = lsp_now(), next = -1;
	int running = 0;

	for (struct run *r = s->runs, *after; r; r = after) {
		struct doc *d = r->doc;

		after = r->next;
		if ((now - r->started) * 1000 > s->timeout_ms) {
			int current = r->gen == d->gen;

			run_free(s, r);
			worker_stop(s, d);
			if (current) {
				rpc_message(s, 0, MSG_ERROR, "iomemcheck: %s: the analysis took longer "
					    "than %d ms: stopped", d->path, s->timeout_ms);
				deferred_run(s, d->uri);
			}
			continue;
		}
		running++;
		if (next < 0 || r->started + s->timeout_ms / 1000.0 < next)
			next = r->started + s->timeout_ms / 1000.0;
	}
	for (struct doc *d = s->docs; d; d = d->next) {
		if (!d->due || d->run)		/* a busy worker takes it when it is done */
			continue;
		if (d->due <= now && running < s->jobs) {
			start(s, d);
			running++;
		} else if (d->due > now && (next < 0 || d->due < next)) {
			next = d->due;
		}
	}
	return next < 0 ? -1 : (int)((next - now) * 1000) + 1;
}

int analysis_fds(struct server *s, struct pollfd *p, int max)
{
	int n = 0;

	for (struct run *r = s->runs; r && n < max; r = r->next)
		p[n++] = (struct pollfd){ r->doc->worker->from, POLLIN, 0 };
	return n;
}

static void set_path(json_t *o, const char *dir)
{
	const char *file = json_string_value(json_object_get(o, "file"));
	char *abs;

	if (!file)
		return;
	abs = path_absolute(dir, file);
	json_object_set_new(o, "path", text_json(abs, strlen(abs)));
	free(abs);
}

/* Each finding gets "path" (absolute), and so do its notes and fix-its. */
static void resolve(json_t *f, const char *dir)
{
	json_t *n;
	size_t i;

	set_path(f, dir);
	json_array_foreach(json_object_get(f, "notes"), i, n)
		set_path(n, dir);
	json_array_foreach(json_object_get(f, "fixes"), i, n)
		set_path(n, dir);
}

/* The worker's lines: findings, then a status.  Returns the findings, or
 * NULL with the reason in why. */
static json_t *results(struct run *r, const char *dir, char *why, size_t whylen)
{
	json_t *found = json_array();
	const char *p = r->buf ? r->buf : "", *end = p + r->n;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		json_t *o = json_loadb(p, n, 0, NULL);

		p += n + 1;
		if (o && json_object_get(o, "status")) {
			const char *st = json_string_value(json_object_get(o, "status"));
			const char *err = json_string_value(json_object_get(o, "error"));

			if (st && !strcmp(st, "analysed")) {
				json_decref(o);
				return found;
			}
			snprintf(why, whylen, "%s", err ? err : "the engine gave no reason");
			json_decref(o);
			json_decref(found);
			return NULL;
		}
		if (!json_is_object(o) || !json_is_string(json_object_get(o, "rule"))) {
			json_decref(o);
			break;
		}
		resolve(o, dir);
		json_array_append_new(found, o);
	}
	json_decref(found);
	snprintf(why, whylen, "the engine's output is not the expected JSON");
	return NULL;
}

/* The run is over: its answer, or the worker's death (status from waitpid). */
static void finish(struct server *s, struct run *r, int died, int status)
{
	struct doc *d = r->doc;
	int current = r->gen == d->gen, version = r->version;
	char why[1200];
	json_t *found = NULL;

	if (died) {
		death(status, why, sizeof(why));
	} else {
		found = results(r, d->worker->dir, why, sizeof(why));
		d->worker->warm = 1;
	}
	run_free(s, r);
	if (!current) {			/* abandoned: a newer text is due */
		json_decref(found);
		return;
	}
	if (found) {
		json_decref(d->findings);
		d->findings = found;
		d->findings_version = version;
		diag_publish(s, d);
	} else {
		rpc_message(s, 0, MSG_WARNING, "iomemcheck: %s: not analysed, the diagnostics shown are "
			    "from the last analysis: %s", d->path, why);
	}
	deferred_run(s, d->uri);
}

/* Is the last line of the answer the status line (the end of the answer)? */
static int complete(const struct run *r)
{
	const char *p;

	if (!r->n || r->buf[r->n - 1] != '\n')
		return 0;
	p = r->buf + r->n - 1;
	while (p > r->buf && p[-1] != '\n')
		p--;
	return !strncmp(p, "{\"status\":", 10);
}

void analysis_ready(struct server *s, int fd)
{
	struct run *r;

	for (r = s->runs; r && r->doc->worker->from != fd; r = r->next)
		;
	if (!r)
		return;
	for (;;) {
		ssize_t k;

		if (r->n + 65536 > r->cap) {
			r->cap = r->cap ? 2 * r->cap : 1 << 17;
			r->buf = realloc(r->buf, r->cap);
			if (!r->buf)
				abort();
		}
		k = read(fd, r->buf + r->n, r->cap - r->n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0 && errno == EAGAIN) {
			if (complete(r))
				finish(s, r, 0, 0);
			return;
		}
		if (k == 0 || k < 0) {
			int status = worker_reap(s, r->doc);

			finish(s, r, 1, status);
			return;
		}
		r->n += (size_t)k;
	}
}
