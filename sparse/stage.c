// SPDX-License-Identifier: GPL-2.0
/*
 * stage.c - the flow stage seen from main.c: its options (-fiomemcheck-KEY[=V],
 * the core's engine options spelled for CF=), running it in a child process,
 * and its findings in sparse's format.  Without libsparse the stage is absent
 * and only strict mode runs (flow_available() is 0).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "iomemcheck-sparse.h"
#include "iomem.h"

#ifdef HAVE_LIBSPARSE
int flow_main(int argc, char **argv, int out_fd, const struct iom_config *);
int oneparse_run(char **argv, const struct iom_config *cfg, struct buf *err,
		 struct buf *flow, int *died);
#endif

static struct iom_config config;
static int configured;

int flow_available(void)
{
#ifdef HAVE_LIBSPARSE
	return 1;
#else
	return 0;
#endif
}

/*
 * -fiomemcheck-enable=IOM010, -fiomemcheck-rules=FILE, -fiomemcheck-error, ...:
 * returns 1 when the word is ours (taken out of sparse's list), 0 when not,
 * -1 after printing one error line.
 */
int flow_option(const char *word)
{
	static const char prefix[] = "-fiomemcheck-";
	char key[64], err[512];
	const char *eq, *value = NULL;
	size_t n;
	int r;

	if (strncmp(word, prefix, sizeof(prefix) - 1))
		return 0;
	if (!configured) {
		iom_config_init(&config, iom_rules_new());
		configured = 1;
	}
	word += sizeof(prefix) - 1;
	eq = strchr(word, '=');
	n = eq ? (size_t)(eq - word) : strlen(word);
	if (eq)
		value = eq + 1;
	if (n >= sizeof(key))
		n = sizeof(key) - 1;
	memcpy(key, word, n);
	key[n] = 0;
	r = iom_config_set(&config, key, value, "-fiomemcheck", err, sizeof(err));
	if (r == IOM_OPT_INPUT) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	if (r) {
		fprintf(stderr, IOMS_NAME ": error: -fiomemcheck-%s: %s\n", key, err);
		return -1;
	}
	return 1;
}

/* Is the rule reported (after the -fiomemcheck- options)? */
int flow_rule_on(int rule)
{
	if (!configured) {
		iom_config_init(&config, iom_rules_new());
		configured = 1;
	}
	return rule >= 0 && rule < 32 && (config.options.enabled >> rule) & 1;
}

/* "file:line:col: warning: ..." -> "file:line:col: PREFIX: warning: ..." */
static void add_line(struct buf *out, const char *s, size_t n, const char *prefix)
{
	const char *p = NULL;
	int colons = 0;

	/* the ": " after the column: the third colon of the location */
	if (prefix) {
		for (size_t i = 0; i < n; i++)
			if (s[i] == ':' && ++colons == 3) {
				p = i + 1 < n && s[i + 1] == ' ' ? s + i : NULL;
				break;
			}
	}
	if (!p) {
		buf_add(out, s, n);
		return;
	}
	buf_add(out, s, (size_t)(p - s) + 2);
	buf_puts(out, prefix);
	buf_puts(out, ": ");
	buf_add(out, p + 2, n - (size_t)(p - s) - 2);
}

#ifdef HAVE_LIBSPARSE
/*
 * The stage's lines (got, freed here) into out with sparse's prefix; died:
 * the signal that ended the stage, or 0.  Returns what flow_run() returns.
 */
static int flow_output(struct buf *got, int died, const char *prefix, struct buf *out)
{
	int findings = 0, failed = 0;
	size_t start = 0;

	for (size_t i = 0; i < got->len; i++)
		if (got->p[i] == '\n') {
			if (strstr(got->p + start, "[IOM") && strstr(got->p + start, "[IOM") < got->p + i)
				findings++;
			/* the stage's own error (a json= file it cannot write) */
			if (!strncmp(got->p + start, IOMS_NAME ": error: ", strlen(IOMS_NAME) + 9))
				failed = 1;
			add_line(out, got->p + start, i + 1 - start, prefix);
			start = i + 1;
		}
	buf_free(got);
	/* an exit of libsparse itself (a missing file) is stock sparse's to report */
	if (died) {
		buf_printf(out, IOMS_NAME ": warning: the flow stage died (signal %d); "
			   "its findings are missing\n", died);
		return -1;
	}
	return failed ? FLOW_FAILED : findings;
}
#endif

/*
 * Run sparse and the flow stage from one parse (oneparse.c): sparse's
 * stderr into err (stock sparse's output), the findings appended to out.
 * Returns sparse's wait status (-1 if it could not run); *found is what
 * flow_run() returns.
 */
int flow_oneparse(char **argv, int as_error, const char *prefix, struct buf *err,
		  struct buf *out, int *found)
{
#ifdef HAVE_LIBSPARSE
	struct buf got = { 0 };
	int status, died;

	if (!configured) {
		iom_config_init(&config, iom_rules_new());
		configured = 1;
	}
	if (as_error)
		config.options.error = 1;
	status = oneparse_run(argv, &config, err, &got, &died);
	*found = flow_output(&got, died, prefix, out);
	return status;
#else
	(void)argv; (void)as_error; (void)prefix; (void)err; (void)out;
	*found = 0;
	return -1;
#endif
}

/*
 * Run the stage on sparse's words (argv[0] is a program name); append its
 * findings to out.  Returns the number of findings, -1 if the stage did not
 * finish (a note is appended then), or FLOW_FAILED after an error of its own
 * (the line is appended).
 */
int flow_run(char **argv, int as_error, const char *prefix, struct buf *out)
{
#ifdef HAVE_LIBSPARSE
	struct buf got = { 0 };
	int pfd[2], status;
	char tmp[8192];
	pid_t pid;

	if (!configured) {
		iom_config_init(&config, iom_rules_new());
		configured = 1;
	}
	if (as_error)
		config.options.error = 1;
	if (getenv("IOMEMCHECK_SPARSE_FLOW_DEBUG")) {
		/* in this process, findings on stdout: for a debugger */
		int argc = 0;

		while (argv[argc])
			argc++;
		return flow_main(argc, argv, 1, &config);
	}
	if (pipe(pfd))
		return -1;
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		close(pfd[0]);
		close(pfd[1]);
		return -1;
	}
	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY), argc = 0;

		close(pfd[0]);
		/* sparse's own messages come from the stock sparse run */
		if (fd >= 0) {
			dup2(fd, 2);
			if (!config.dump)
				dup2(fd, 1);
		}
		while (argv[argc])
			argc++;
		flow_main(argc, argv, pfd[1], &config);
		_exit(0);
	}
	close(pfd[1]);
	for (;;) {
		ssize_t n = read(pfd[0], tmp, sizeof(tmp));

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		buf_add(&got, tmp, (size_t)n);
	}
	close(pfd[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			break;
	return flow_output(&got, WIFSIGNALED(status) ? WTERMSIG(status) : 0, prefix, out);
#else
	(void)argv; (void)as_error; (void)prefix; (void)out;
	return 0;
#endif
}
