/*
 * paths.c - absolute, normalised and displayed paths.
 *
 * Entries, PATH arguments and finding locations are compared as absolute,
 * lexically normalised paths: the compiler saw "./include/x.h" from the
 * entry's directory, the user typed "drivers/gpu/", and both must meet.
 * Symlinks are left alone, as compilers leave them in their messages.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

char *path_absolute(const char *dir, const char *path)
{
	size_t n = strlen(dir) + strlen(path) + 3;
	char *joined = malloc(n), *out = malloc(n), *save = NULL, *part;
	size_t len = 0;

	if (!joined || !out)
		abort();
	if (path[0] == '/')
		snprintf(joined, n, "%s", path);
	else
		snprintf(joined, n, "%s/%s", dir, path);
	out[0] = 0;
	for (part = strtok_r(joined, "/", &save); part; part = strtok_r(NULL, "/", &save)) {
		if (!strcmp(part, "."))
			continue;
		if (!strcmp(part, "..")) {
			while (len > 0 && out[len] != '/')
				len--;
			out[len] = 0;
			continue;
		}
		len += sprintf(out + len, "/%s", part);
	}
	if (!len)
		strcpy(out, "/");
	free(joined);
	return out;
}

int path_within(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	if (!strcmp(dir, "/"))
		return 1;
	return !strncmp(path, dir, n) && (path[n] == 0 || path[n] == '/');
}

char *path_display(const char *abs, const char *cwd)
{
	size_t n = strlen(cwd);

	if (abs[0] == '/' && path_within(abs, cwd) && abs[n] == '/')
		return strdup(abs + n + (strcmp(cwd, "/") ? 1 : 0));
	if (abs[0] == '/' && !strcmp(cwd, "/"))
		return strdup(abs + 1);
	return strdup(abs);
}
