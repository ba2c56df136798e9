/*
 * workers.c - every entry in a forked worker, at most -j at a time.
 *
 * One process per entry: libclang keeps global state and can crash on an
 * odd file; in its own process a crash is that entry's "could not be
 * analysed", not the end of the run.  A worker sends its result through a
 * pipe (engines.c); the parent reads all pipes with poll() so that no worker
 * blocks on a full pipe, and keeps results per entry, so the order in which
 * workers finish never shows in the output.
 */
#define _GNU_SOURCE	/* pipe2 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cmd.h"

struct worker {
	pid_t pid;
	int fd;
	int entry;
	char *buf;
	size_t n, cap;
};

static int start(const struct run_config *cfg, const struct entry *e, struct worker *w)
{
	int p[2];

	/* Close-on-exec: a compiler the GCC engine runs must not hold another
	 * worker's pipe open, or that worker's end of file would wait for it. */
	if (pipe2(p, O_CLOEXEC))
		return -1;
	fflush(NULL);
	w->pid = fork();
	if (w->pid < 0) {
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if (!w->pid) {
		close(p[0]);
		signal(SIGPIPE, SIG_DFL);
		engine_run(cfg, e, p[1]);
		close(p[1]);
		_exit(0);
	}
	close(p[1]);
	w->fd = p[0];
	w->n = 0;
	return 0;
}

static int drain(struct worker *w)
{
	for (;;) {
		ssize_t k;

		if (w->n + 65536 > w->cap) {
			w->cap = w->cap ? 2 * w->cap : 1 << 17;
			w->buf = realloc(w->buf, w->cap);
			if (!w->buf)
				abort();
		}
		k = read(w->fd, w->buf + w->n, w->cap - w->n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return k < 0 && errno == EAGAIN ? 1 : 0;
		w->n += (size_t)k;
		return 1;
	}
}

/* Why a worker that sent no status line stopped. */
static char *death(int status)
{
	char msg[128];

	if (WIFSIGNALED(status))
		snprintf(msg, sizeof(msg), "the engine crashed (signal %d: %s)", WTERMSIG(status),
			 strsignal(WTERMSIG(status)));
	else
		snprintf(msg, sizeof(msg), "the engine stopped without a result (exit status %d)",
			 WEXITSTATUS(status));
	return strdup(msg);
}

static void reap(struct worker *w, struct entry *const *entries, const char *cwd,
		 struct findings *set, struct outcome *out)
{
	int status = 0;

	close(w->fd);
	while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
		;
	findings_add_output(set, w->buf, w->n, entries[w->entry]->dir, cwd, &out[w->entry]);
	if (!out[w->entry].analysed && !out[w->entry].error)
		out[w->entry].error = death(status);
	w->pid = 0;
}

void run_workers(const struct run_config *cfg, struct entry *const *entries, int nr, int jobs,
		 const char *cwd, struct findings *set, struct outcome *out,
		 progress_fn progress, void *ctx)
{
	struct worker *w = calloc(jobs, sizeof(*w));
	struct pollfd *pfd = calloc(jobs, sizeof(*pfd));
	int next = 0, done = 0, running = 0;

	while (done < nr) {
		for (int i = 0; i < jobs && next < nr; i++) {
			if (w[i].pid)
				continue;
			w[i].entry = next;
			if (start(cfg, entries[next], &w[i])) {
				memset(&out[next], 0, sizeof(out[next]));
				out[next].error = strdup("cannot start a worker process");
				done++;
			} else {
				running++;
			}
			next++;
		}
		if (!running)
			continue;
		for (int i = 0; i < jobs; i++) {
			pfd[i].fd = w[i].pid ? w[i].fd : -1;
			pfd[i].events = POLLIN;
			pfd[i].revents = 0;
		}
		if (poll(pfd, jobs, -1) < 0)
			continue;
		for (int i = 0; i < jobs; i++) {
			if (!w[i].pid || !pfd[i].revents || drain(&w[i]))
				continue;
			reap(&w[i], entries, cwd, set, out);
			running--;
			done++;
			if (progress)
				progress(done, nr, set, ctx);
		}
	}
	for (int i = 0; i < jobs; i++)
		free(w[i].buf);
	free(w);
	free(pfd);
}
