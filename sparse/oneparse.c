/*
 * oneparse.c - stock sparse's checks and the flow stage from one parse.
 *
 * sparse.c of the installed sparse's source is linked in (its main renamed
 * sparse_main, its call of sparse() renamed oneparse_file), so its checks
 * and its output are stock sparse's, byte for byte.  The order inside that
 * program: parse and evaluate a file, then expand (where sparse inlines),
 * linearize and check each symbol.  oneparse_file() parses and evaluates
 * as sparse() does and, before sparse expands anything, forks the flow
 * stage: the child shares the evaluated symbols by fork (no second parse)
 * and lowers them without inlining, as the two-parse stage did, while the
 * parent goes on with sparse's checks.  A crash of the child costs its
 * findings, never sparse's output.
 *
 * Processes: the caller (main.c) forks the sparse process, whose stderr is
 * collected as stock sparse's; it forks one flow child per file, whose
 * findings come through their own pipe, and passes each child's wait status
 * back through a third one when it is done.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "flow.h"
#include "evaluate.h"
#include "iomemcheck-sparse.h"

int sparse_main(int argc, char **argv);	/* sparse.c */

static struct {
	const struct iom_config *cfg;
	int flow_fd;		/* findings */
	int status_fd;		/* wait status of each flow child */
	pid_t owner;		/* the sparse process */
	pid_t child;
} op;

/* The flow child of the last file is done: its status to the caller. */
static void wait_flow(void)
{
	int status = 0;

	if (getpid() != op.owner || op.child <= 0)
		return;
	while (waitpid(op.child, &status, 0) < 0)
		if (errno != EINTR) {
			status = 0;
			break;
		}
	op.child = 0;
	if (write(op.status_fd, &status, sizeof(status)) < 0)
		return;
}

/* sparse() of lib.c (parse, evaluate), then the flow child. */
struct symbol_list *oneparse_file(char *file)
{
	struct symbol_list *list;
	pid_t pid;

	/* new kernels' READ_ONCE and checker-valid.sh probe, without a define */
	typeof_unqual_keyword();
	/* sparse() drops the tokens after parsing; only their memory differs */
	list = sparse_keep_tokens(file);
	if (has_error & ERROR_CURR_PHASE)
		has_error = ERROR_PREV_PHASE;
	evaluate_symbol_list(list);

	wait_flow();
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY);
		struct stage *s;

		/* sparse's messages are the parent's to print */
		if (fd >= 0) {
			dup2(fd, 2);
			if (!op.cfg->dump)
				dup2(fd, 1);
		}
		close(op.status_fd);
		s = flow_begin(op.flow_fd, op.cfg);
		flow_file(s, list, file);
		flow_end(s);
		fflush(NULL);
		_exit(0);
	}
	if (pid > 0)
		op.child = pid;
	return list;
}

static void read_into(int fd, struct buf *b, int *open_)
{
	char tmp[8192];
	ssize_t n = read(fd, tmp, sizeof(tmp));

	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return;
	if (n <= 0) {
		*open_ = 0;
		return;
	}
	buf_add(b, tmp, (size_t)n);
}

/*
 * Run sparse (argv: its words, argv[0] a program name) with the flow stage.
 * Sparse's stderr goes to err, the findings to flow; *died is the signal
 * that ended a flow child (0: none).  Returns sparse's wait status, or -1.
 */
int oneparse_run(char **argv, const struct iom_config *cfg, struct buf *err,
		 struct buf *flow, int *died)
{
	int e[2], f[2], w[2], status, argc = 0, e_open = 1, f_open = 1, st;
	pid_t pid;

	*died = 0;
	if (pipe(e))
		return -1;
	if (pipe(f)) {
		close(e[0]), close(e[1]);
		return -1;
	}
	if (pipe(w)) {
		close(e[0]), close(e[1]), close(f[0]), close(f[1]);
		return -1;
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		close(e[0]), close(e[1]), close(f[0]), close(f[1]), close(w[0]), close(w[1]);
		return -1;
	}
	if (pid == 0) {
		close(e[0]), close(f[0]), close(w[0]);
		dup2(e[1], 2);
		close(e[1]);
		op.cfg = cfg;
		op.flow_fd = f[1];
		op.status_fd = w[1];
		op.owner = getpid();
		atexit(wait_flow);	/* sparse may exit() (-Wsparse-error) */
		while (argv[argc])
			argc++;
		/* libsparse writes into its argument words: copies */
		char **words = calloc((size_t)argc + 1, sizeof(*words));

		if (!words)
			_exit(127);
		for (int i = 0; i < argc; i++)
			words[i] = strdup(argv[i]);
		exit(sparse_main(argc, words));
	}
	close(e[1]), close(f[1]), close(w[1]);
	/* both at once: a flow child blocked on a full pipe holds up sparse's exit */
	while (e_open || f_open) {
		struct pollfd p[2] = { { e[0], POLLIN, 0 }, { f[0], POLLIN, 0 } };

		p[0].fd = e_open ? e[0] : -1;
		p[1].fd = f_open ? f[0] : -1;
		if (poll(p, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (p[0].revents)
			read_into(e[0], err, &e_open);
		if (p[1].revents)
			read_into(f[0], flow, &f_open);
	}
	close(e[0]), close(f[0]);
	while (read(w[0], &st, sizeof(st)) == (ssize_t)sizeof(st))
		if (WIFSIGNALED(st))
			*died = WTERMSIG(st);
	close(w[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return status;
}
