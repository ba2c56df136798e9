/*
 * atomic.c - output files appear whole or not at all: written to a
 * temporary file in the same folder, flushed, then renamed over the target.
 * A CI step that reads the SARIF or the baseline never sees half of one.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gate.h"

int gate_write_atomic(const char *path, const char *text)
{
	size_t len = strlen(text);
	char *tmp;
	int fd, saved;
	FILE *f;

	if (!strcmp(path, "-"))
		return fwrite(text, 1, len, stdout) == len && !fflush(stdout) ? 0 : -1;
	tmp = malloc(strlen(path) + 16);
	if (!tmp)
		abort();
	sprintf(tmp, "%s.tmpXXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0) {
		free(tmp);
		return -1;
	}
	f = fdopen(fd, "w");
	if (!f || fwrite(text, 1, len, f) != len || fflush(f) || fsync(fd) ||
	    fchmod(fd, 0644) || fclose(f) || rename(tmp, path)) {
		saved = errno;
		if (f)
			fclose(f);
		else
			close(fd);
		unlink(tmp);
		free(tmp);
		errno = saved;
		return -1;
	}
	free(tmp);
	return 0;
}
