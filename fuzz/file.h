/*
 * file.h - the fuzzer's bytes as the content of one file, for readers that
 * take a path.  The file is made once per process (in TMPDIR, or /tmp) and
 * rewritten for each input; it is removed when the process ends.
 */
#ifndef FUZZ_FILE_H
#define FUZZ_FILE_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char fuzz_path[4096];

static void fuzz_file_remove(void)
{
	unlink(fuzz_path);
}

/* The path of a file holding data; aborts if it cannot be written, so a
 * broken setup is never mistaken for a clean run. */
static const char *fuzz_file(const uint8_t *data, size_t size, const char *suffix)
{
	FILE *f;

	if (!fuzz_path[0]) {
		const char *tmp = getenv("TMPDIR");
		int fd;

		snprintf(fuzz_path, sizeof(fuzz_path), "%s/iomfuzz-XXXXXX%s",
			 tmp && *tmp ? tmp : "/tmp", suffix);
		fd = mkstemps(fuzz_path, (int)strlen(suffix));
		if (fd < 0)
			abort();
		close(fd);
		atexit(fuzz_file_remove);
	}
	f = fopen(fuzz_path, "wb");
	if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f))
		abort();
	return fuzz_path;
}

#endif
