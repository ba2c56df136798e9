// SPDX-License-Identifier: GPL-2.0
/*
 * Run stock sparse.  Its stderr (where every diagnostic goes) is collected
 * so that tag.c can look at whole diagnostics, including the expected/got
 * lines that follow a warning and the noderef lines sparse prints last.
 * Its stdout is passed through, or discarded for a second, comparison run.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "iomemcheck-sparse.h"

int run_collect(char *const argv[], int discard_stdout, struct buf *err_out)
{
	int pfd[2], status;
	char tmp[8192];
	pid_t pid;

	if (pipe(pfd)) {
		buf_printf(err_out, IOMS_NAME ": cannot create a pipe: %s\n",
			   strerror(errno));
		return -1;
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		buf_printf(err_out, IOMS_NAME ": cannot fork: %s\n", strerror(errno));
		close(pfd[0]);
		close(pfd[1]);
		return -1;
	}
	if (pid == 0) {
		char msg[512];
		int n;

		close(pfd[0]);
		if (pfd[1] != 2) {
			dup2(pfd[1], 2);
			close(pfd[1]);
		}
		if (discard_stdout) {
			int fd = open("/dev/null", O_WRONLY);

			if (fd >= 0 && fd != 1) {
				dup2(fd, 1);
				close(fd);
			}
		}
		execvp(argv[0], argv);
		n = snprintf(msg, sizeof(msg), IOMS_NAME ": error: cannot run '%s': %s\n",
			     argv[0], strerror(errno));
		if (n > 0 && write(2, msg, (size_t)n) < 0)
			_exit(127);
		_exit(127);
	}
	close(pfd[1]);
	for (;;) {
		ssize_t n = read(pfd[0], tmp, sizeof(tmp));

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		buf_add(err_out, tmp, (size_t)n);
	}
	close(pfd[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			buf_printf(err_out, IOMS_NAME ": waitpid: %s\n", strerror(errno));
			return -1;
		}
	return status;
}

int exit_code(int status)
{
	if (status < 0)
		return 127;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return 1;
}
