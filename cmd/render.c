/*
 * render.c - one renderer per --format, and atomic output files.
 *
 * A renderer gets the whole sorted set at once, so formats that wrap the
 * findings (SARIF's runs and rules) fit the same shape as line formats.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"

typedef int (*format_fn)(const struct iom_finding *, char *buf, size_t len);

static int each_finding(FILE *out, const struct findings *set, format_fn format)
{
	char buf[16384];

	for (int i = 0; i < set->nr; i++) {
		int n = format(&set->v[i], buf, sizeof(buf));

		if (n < 0 || (size_t)n >= sizeof(buf) || fputs(buf, out) == EOF)
			return -1;
	}
	return 0;
}

/* file:line:col: warning: message [IOMnnn], then the notes: what GCC prints. */
static int write_gnu(FILE *out, const struct findings *set)
{
	return each_finding(out, set, iom_format_text);
}

/* One JSON object per line: the plugin's json= format. */
static int write_json(FILE *out, const struct findings *set)
{
	return each_finding(out, set, iom_format_json);
}

static const struct renderer renderers[] = {
	{ "gnu", write_gnu },
	{ "json", write_json },
};

const struct renderer *renderer_find(const char *name)
{
	for (size_t i = 0; i < sizeof(renderers) / sizeof(renderers[0]); i++)
		if (!strcmp(renderers[i].name, name))
			return &renderers[i];
	return NULL;
}

const char *renderer_names(void)
{
	static char names[128];

	if (!names[0])
		for (size_t i = 0; i < sizeof(renderers) / sizeof(renderers[0]); i++)
			snprintf(names + strlen(names), sizeof(names) - strlen(names), "%s%s",
				 i ? "|" : "", renderers[i].name);
	return names;
}

/* mkstemp makes 0600 files; an output file gets the usual mode. */
static mode_t umask_value(void)
{
	mode_t m = umask(0);

	umask(m);
	return m;
}

int render_to(const struct renderer *r, const struct findings *set, const char *path,
	      char *err, size_t errlen)
{
	char *tmp;
	FILE *f;
	int fd, bad;

	if (!path) {
		if (r->write(stdout, set) || fflush(stdout)) {
			snprintf(err, errlen, "error: cannot write the findings: %s", strerror(errno));
			return -1;
		}
		return 0;
	}
	/* A reader of path sees the old file or the whole new one, never half. */
	tmp = malloc(strlen(path) + 16);
	sprintf(tmp, "%s.tmp-XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0 || !(f = fdopen(fd, "w"))) {
		snprintf(err, errlen, "%s: error: cannot write: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd), unlink(tmp);
		free(tmp);
		return -1;
	}
	fchmod(fd, 0666 & ~umask_value());
	bad = r->write(f, set) || fflush(f) || fsync(fd);
	bad |= fclose(f) != 0;
	if (bad || rename(tmp, path)) {
		snprintf(err, errlen, "%s: error: cannot write: %s", path, strerror(errno));
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}
