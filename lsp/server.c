/*
 * server.c - iomemcheck --lsp: the loop.
 *
 * poll() on stdin and on the pipes of the runs, with the nearest timer
 * (a debounced run due, a run's time limit, a waiting request's deadline) as
 * its timeout.  stdin is read only when poll says so, one read() at a time,
 * so a client that stops mid-message blocks nothing; the end of stdin ends
 * the server (exit status 0 after shutdown, else 1, as after 'exit').
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lsp.h"

#define MAX_RUNS 16

double lsp_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

void lsp_exit(struct server *s)
{
	int status = s->shut_down ? 0 : 1;

	analysis_kill_all(s);
	/* The rest is memory the exit gives back; the children are gone. */
	exit(status);
}

/* The folder that holds rules/catalog/: the build tree (cmd/../) or an
 * installation (bin/../share/iomemcheck/). */
static char *find_catalog(void)
{
	static const char *const roots[] = { "..", "../share/iomemcheck" };
	char exe[PATH_MAX], probe[PATH_MAX + 64];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n <= 0)
		return NULL;
	exe[n] = 0;
	*strrchr(exe, '/') = 0;
	for (size_t i = 0; i < sizeof(roots) / sizeof(roots[0]); i++) {
		char *root = path_absolute(exe, roots[i]);

		snprintf(probe, sizeof(probe), "%s/rules/catalog/IOM001.md", root);
		if (!access(probe, R_OK))
			return root;
		free(root);
	}
	return NULL;
}

/* A limit on one message: IOMEMCHECK_LSP_MAX_MESSAGE bytes, else the default. */
static size_t message_limit(void)
{
	const char *v = getenv("IOMEMCHECK_LSP_MAX_MESSAGE");
	char *end;
	unsigned long long n;

	if (!v || !*v)
		return FRAME_MAX_DEFAULT;
	n = strtoull(v, &end, 10);
	return *end || !n ? FRAME_MAX_DEFAULT : (size_t)n;
}

static void input(struct server *s)
{
	char buf[65536], err[256];
	const char *body;
	size_t len;
	int code;
	ssize_t k = read(0, buf, sizeof(buf));
	enum frame_result r;

	if (k < 0 && (errno == EINTR || errno == EAGAIN))
		return;
	if (k <= 0) {
		if (frame_partial(&s->frame))
			fprintf(stderr, "iomemcheck --lsp: the client closed its end in the middle "
				"of a message\n");
		lsp_exit(s);
	}
	frame_feed(&s->frame, buf, (size_t)k);
	while ((r = frame_next(&s->frame, &body, &len, &code, err, sizeof(err))) != FRAME_NONE) {
		if (r == FRAME_ERROR)
			rpc_error(s, NULL, code, "%s", err);
		else
			rpc_handle(s, body, len);
	}
}

int lsp_main(const struct run_config *run, const char *db_override)
{
	struct server s = { 0 };
	struct pollfd p[MAX_RUNS + 1];

	signal(SIGPIPE, SIG_IGN);	/* a gone client is a write error, then exit */
	s.out = 1;
	s.run = *run;
	s.debounce_ms = 300;
	s.timeout_ms = 120000;
	s.jobs = 2;
	s.workers = 8;
	if (!getcwd(s.cwd, sizeof(s.cwd)))
		strcpy(s.cwd, "/");
	if (db_override)
		s.db_override = path_absolute(s.cwd, db_override);
	s.catalog = find_catalog();
	frame_init(&s.frame, message_limit());
	for (;;) {
		int a = analysis_tick(&s), b = deferred_tick(&s), wait = a < 0 ? b : b < 0 ? a : a < b ? a : b;
		int n = analysis_fds(&s, p + 1, MAX_RUNS);

		p[0] = (struct pollfd){ 0, POLLIN, 0 };
		if (poll(p, n + 1, wait) < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "iomemcheck --lsp: poll: %s\n", strerror(errno));
			lsp_exit(&s);
		}
		/* The runs first: their pipes may be gone after what stdin brings. */
		for (int i = 1; i <= n; i++)
			if (p[i].revents)
				analysis_ready(&s, p[i].fd);
		if (p[0].revents)
			input(&s);
	}
}
