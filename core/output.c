/*
 * output.c - where the findings of one compile go: text to a stream, and
 * with json= one line per finding appended to a file.
 *
 * A write that fails (disk full, /dev/full) fails for every later finding
 * too: the first error is kept and reported once by iom_output_check, so a
 * compile with 3,000 findings says it once, whatever the warning flags.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "iomem.h"

struct iom_output {
	const char *json;	/* file name, for the message */
	int json_fd;		/* -1: no JSON file */
	int lost;		/* findings whose JSON line was not written */
	int written;
	int err;		/* errno of the first failed write, or ENOMEM */
	struct iom_buf buf;	/* reused for every finding */
	enum iom_format text;	/* text, or text with fix-it lines */
};

struct iom_output *iom_output_open(const struct iom_config *c, char *err, size_t errlen)
{
	struct iom_output *o = (struct iom_output *)calloc(1, sizeof(*o));

	if (!o) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	o->json_fd = -1;
	o->text = c->fixits ? IOM_FORMAT_FIXITS : IOM_FORMAT_TEXT;
	if (c->json) {
		o->json = c->json;
		o->json_fd = open(c->json, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
		if (o->json_fd < 0) {
			snprintf(err, errlen, "cannot open '%s' for appending: %s", c->json,
				 strerror(errno));
			free(o);
			return NULL;
		}
	}
	return o;
}

/* One write() per line on an O_APPEND file: parallel compiles interleave
 * whole lines, never pieces of them. */
static void append_json(struct iom_output *o, const struct iom_finding *f)
{
	ssize_t n;

	o->buf.len = 0;
	if (iom_render(IOM_FORMAT_JSON, f, &o->buf)) {
		o->buf.failed = 0;
		o->err = o->err ? o->err : ENOMEM;
		o->lost++;
		return;
	}
	do
		n = write(o->json_fd, o->buf.s, o->buf.len);
	while (n < 0 && errno == EINTR);
	if (n == (ssize_t)o->buf.len) {
		o->written++;
		return;
	}
	if (!o->err)
		o->err = n < 0 ? errno : ENOSPC;	/* a short write: out of room */
	o->lost++;
}

void iom_output_finding(struct iom_output *o, const struct iom_finding *f, FILE *text)
{
	if (text) {
		o->buf.len = 0;
		if (!iom_render(o->text, f, &o->buf))
			fwrite(o->buf.s, 1, o->buf.len, text);
		o->buf.failed = 0;
	}
	if (o->json_fd >= 0)
		append_json(o, f);
}

int iom_output_check(const struct iom_output *o, char *err, size_t errlen)
{
	if (!o || !o->lost)
		return 0;
	snprintf(err, errlen, "cannot write to '%s': %s: %d of %d finding(s) lost", o->json,
		 strerror(o->err), o->lost, o->lost + o->written);
	return -1;
}

void iom_output_close(struct iom_output *o)
{
	if (!o)
		return;
	if (o->json_fd >= 0)
		close(o->json_fd);
	iom_buf_free(&o->buf);
	free(o);
}
