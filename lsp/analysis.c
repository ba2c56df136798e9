/*
 * analysis.c - each analysis in a forked child, as the command's workers.
 *
 * The child runs the command's engine (cmd/engines.c: the libclang engine,
 * rejected flags dropped and retried) on the document's compile command,
 * with every open document's text as an unsaved file, and writes the core's
 * JSON lines and a status line to a pipe.  A crash or a hang in the engine
 * ends that child, never the server.
 *
 * Runs are debounced: a change sets the document's due time (now + debounce);
 * a run of an older text is killed at once, since its answer is already
 * stale.  At most s->jobs children run; a run over s->timeout_ms is killed.
 * When a run ends, its findings replace the document's and are published;
 * when it fails, the last diagnostics stay and the reason is logged.
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

struct run {
	pid_t pid;
	int fd;
	struct doc *doc;
	int gen, version;
	char *dir;		/* the entry's folder: file names are relative to it */
	char *buf;
	size_t n, cap;
	double started;
	struct run *next;
};

static void run_free(struct server *s, struct run *r)
{
	for (struct run **p = &s->runs; *p; p = &(*p)->next)
		if (*p == r) {
			*p = r->next;
			break;
		}
	if (r->doc && r->doc->run == r)
		r->doc->run = NULL;
	if (r->fd >= 0)
		close(r->fd);
	free(r->dir);
	free(r->buf);
	free(r);
}

static void run_kill(struct server *s, struct run *r)
{
	kill(r->pid, SIGKILL);
	while (waitpid(r->pid, NULL, 0) < 0 && errno == EINTR)
		;
	run_free(s, r);
}

int analysis_pending(const struct doc *d)
{
	return d->due > 0 || (d->run && d->run->gen == d->gen);
}

void analysis_schedule(struct server *s, struct doc *d, int delay_ms)
{
	d->gen++;
	if (d->run)
		run_kill(s, d->run);	/* its text is no longer the document's */
	d->due = lsp_now() + delay_ms / 1000.0;
}

void analysis_cancel(struct server *s, struct doc *d)
{
	if (d->run)
		run_kill(s, d->run);
	d->due = 0;
}

void analysis_kill_all(struct server *s)
{
	while (s->runs)
		run_kill(s, s->runs);
	for (struct doc *d = s->docs; d; d = d->next)
		d->due = 0;
}

/* The child: never returns. */
static void child(struct server *s, const struct entry *e, int fd)
{
	struct run_config cfg = s->run;
	struct unsaved *u;
	int n = 0, null = open("/dev/null", O_RDWR);

	/* stdout is the client's channel: nothing in here may write to it. */
	if (null >= 0) {
		dup2(null, 0);
		dup2(null, 1);
	}
	signal(SIGPIPE, SIG_DFL);
	for (struct doc *d = s->docs; d; d = d->next)
		n++;
	u = calloc(n + 1, sizeof(*u));
	n = 0;
	for (struct doc *d = s->docs; d && u; d = d->next)
		u[n++] = (struct unsaved){ d->path, d->text, d->len };
	cfg.engine = ENGINE_CLANG;
	cfg.unsaved = u;
	cfg.nr_unsaved = u ? n : 0;
	engine_run(&cfg, e, fd);
	_exit(0);
}

static void start(struct server *s, struct doc *d)
{
	struct entry e;
	char why[1024] = "";
	int defaults, p[2];
	struct run *r;

	d->due = 0;
	flags_entry(s, d->path, &e, &defaults, why, sizeof(why));
	if (defaults) {
		int told = 0;

		for (int i = 0; i < s->told.argc; i++)
			told |= !strcmp(s->told.argv[i], d->path);
		if (!told) {
			args_add(&s->told, d->path);
			rpc_message(s, 1, MSG_INFO, "iomemcheck: %s: analysed with the default flags "
				    "(%s)", d->path, why);
		}
	}
	if (pipe2(p, O_CLOEXEC)) {
		rpc_message(s, 0, MSG_ERROR, "iomemcheck: cannot make a pipe: %s", strerror(errno));
		entry_free(&e);
		return;
	}
	r = calloc(1, sizeof(*r));
	if (!r)
		abort();
	r->pid = fork();
	if (r->pid == 0) {
		close(p[0]);
		child(s, &e, p[1]);
	}
	close(p[1]);
	if (r->pid < 0) {
		rpc_message(s, 0, MSG_ERROR, "iomemcheck: cannot start an analysis: %s", strerror(errno));
		close(p[0]);
		free(r);
		entry_free(&e);
		return;
	}
	fcntl(p[0], F_SETFL, O_NONBLOCK);
	r->fd = p[0];
	r->doc = d;
	r->gen = d->gen;
	r->version = d->version;
	r->dir = e.dir;
	e.dir = NULL;
	r->started = lsp_now();
	r->next = s->runs;
	s->runs = r;
	d->run = r;
	entry_free(&e);
}

int analysis_tick(struct server *s)
{
	double now = lsp_now(), next = -1;
	int running = 0;

	for (struct run *r = s->runs, *after; r; r = after) {
		after = r->next;
		if ((now - r->started) * 1000 > s->timeout_ms) {
			rpc_message(s, 0, MSG_ERROR, "iomemcheck: %s: the analysis took longer than %d ms: "
				    "stopped", r->doc->path, s->timeout_ms);
			{
				struct doc *d = r->doc;

				run_kill(s, r);
				deferred_run(s, d->uri);
			}
			continue;
		}
		running++;
		if (next < 0 || r->started + s->timeout_ms / 1000.0 < next)
			next = r->started + s->timeout_ms / 1000.0;
	}
	for (struct doc *d = s->docs; d; d = d->next) {
		if (!d->due)
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
		p[n++] = (struct pollfd){ r->fd, POLLIN, 0 };
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

/* The child's lines: findings, then a status.  Returns the findings, or
 * NULL with the reason in why. */
static json_t *results(struct run *r, int status, char *why, size_t whylen)
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
		resolve(o, r->dir);
		json_array_append_new(found, o);
	}
	json_decref(found);
	if (WIFSIGNALED(status))
		snprintf(why, whylen, "the engine crashed (signal %d: %s)", WTERMSIG(status),
			 strsignal(WTERMSIG(status)));
	else
		snprintf(why, whylen, "the engine stopped without a result (exit status %d)",
			 WEXITSTATUS(status));
	return NULL;
}

static void finish(struct server *s, struct run *r)
{
	struct doc *d = r->doc;
	char why[1200];
	int status = 0;
	json_t *found;

	close(r->fd);
	r->fd = -1;
	while (waitpid(r->pid, &status, 0) < 0 && errno == EINTR)
		;
	found = results(r, status, why, sizeof(why));
	if (found) {
		json_decref(d->findings);
		d->findings = found;
		d->findings_version = r->version;
		run_free(s, r);
		diag_publish(s, d);
	} else {
		run_free(s, r);
		rpc_message(s, 0, MSG_WARNING, "iomemcheck: %s: not analysed, the diagnostics shown are "
			    "from the last analysis: %s", d->path, why);
	}
	deferred_run(s, d->uri);
}

void analysis_ready(struct server *s, int fd)
{
	struct run *r;

	for (r = s->runs; r && r->fd != fd; r = r->next)
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
		if (k < 0 && errno == EAGAIN)
			return;
		if (k <= 0)
			break;
		r->n += (size_t)k;
	}
	finish(s, r);
}
