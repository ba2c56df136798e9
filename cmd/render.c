/*
 * render.c - the findings through one of the core's renderers, to stdout or
 * to a file (base/output.c: atomically, never over anything but a regular
 * file).
 *
 * The renderers are the core's (text, JSON lines, and what comes later), the
 * same every engine uses; the command only adds the name "gnu" for the text
 * format, the name compilers' users know it by.
 */
#include <string.h>

#include "cmd.h"

static const struct { const char *alias, *core; } aliases[] = {
	{ "gnu", "text" },
};

int render_format(const char *name)
{
	for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
		if (!strcmp(name, aliases[i].alias))
			name = aliases[i].core;
	return iom_format_find(name);
}

const char *render_format_names(void)
{
	static char names[256];

	if (!names[0]) {
		for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
			snprintf(names + strlen(names), sizeof(names) - strlen(names), "%s%s",
				 i ? "|" : "", aliases[i].alias);
		for (int f = 0; f < IOM_NR_FORMATS; f++)
			snprintf(names + strlen(names), sizeof(names) - strlen(names), "|%s",
				 iom_format_name(f));
	}
	return names;
}

static int render_all(int format, const struct findings *set, struct iom_buf *b)
{
	if (iom_render_begin(format, b))
		return -1;
	for (int i = 0; i < set->nr; i++)
		if (iom_render(format, &set->v[i], b))
			return -1;
	return iom_render_end(format, b);
}

int render_to(int format, const struct findings *set, const char *path, char *err,
	      size_t errlen)
{
	struct iom_buf b = { 0 };
	int bad;

	if (render_all(format, set, &b)) {
		snprintf(err, errlen, "error: out of memory rendering the findings");
		iom_buf_free(&b);
		return -1;
	}
	/* A reader of path sees the old file or the whole new one, never half. */
	bad = out_file(path ? path : "-", b.s ? b.s : "", b.len, err, errlen);
	iom_buf_free(&b);
	return bad;
}
