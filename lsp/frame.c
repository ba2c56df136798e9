/*
 * frame.c - LSP base protocol: "Content-Length: N\r\n\r\n" then N bytes.
 *
 * The reader is a state machine over what has arrived, so the server never
 * blocks inside a message: poll() says stdin is readable, one read() feeds
 * this, and whole messages come out.  What cannot be framed is answered
 * (id null) and skipped: a header block without a usable Content-Length, a
 * header line longer than FRAME_MAX_HEADER, a body over the limit (its bytes
 * are dropped as they arrive, never stored).  A header line that has
 * "Content-Length:" anywhere in it counts, so the framing finds its feet
 * again after garbage glued to the front of the next header.
 */
#define _GNU_SOURCE	/* strcasestr, memmem */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lsp.h"

void frame_init(struct frame *f, size_t limit)
{
	memset(f, 0, sizeof(*f));
	f->limit = limit;
	f->want = -1;
	f->have_length = -1;
}

void frame_free(struct frame *f)
{
	free(f->buf);
	memset(f, 0, sizeof(*f));
}

static void take(struct frame *f, size_t n)
{
	memmove(f->buf, f->buf + n, f->n - n);
	f->n -= n;
}

void frame_feed(struct frame *f, const char *data, size_t n)
{
	if (f->skip) {
		size_t k = n < f->skip ? n : f->skip;

		f->skip -= k;
		data += k;
		n -= k;
	}
	if (!n)
		return;
	if (f->n + n + 1 > f->cap) {
		f->cap = (f->n + n + 1) * 2;
		f->buf = realloc(f->buf, f->cap);
		if (!f->buf)
			abort();
	}
	memcpy(f->buf + f->n, data, n);
	f->n += n;
	f->buf[f->n] = 0;
}

int frame_partial(const struct frame *f)
{
	return f->n > 0 || f->want >= 0 || f->skip > 0 || f->have_length >= 0;
}

/* One header line (without its end of line). */
static void header_line(struct frame *f, char *line)
{
	char *p = strcasestr(line, "Content-Length:"), *end;
	unsigned long long v;

	if (!p)
		return;		/* Content-Type and anything else: not needed */
	p += strlen("Content-Length:");
	while (*p == ' ' || *p == '\t')
		p++;
	errno = 0;
	v = strtoull(p, &end, 10);
	while (*end == ' ' || *end == '\t')
		end++;
	if (end == p || *end || errno || *p == '-' || v > (1ull << 62)) {
		f->bad_header = 1;
		return;
	}
	f->have_length = (long long)v;
	f->bad_header = 0;
}

static enum frame_result fail(int *code, int c, char *err, size_t errlen, const char *fmt,
			      long long a, long long b)
{
	*code = c;
	snprintf(err, errlen, fmt, a, b);
	return FRAME_ERROR;
}

enum frame_result frame_next(struct frame *f, const char **body, size_t *len, int *code,
			     char *err, size_t errlen)
{
	if (f->consumed) {
		take(f, f->consumed);
		f->consumed = 0;
	}
	while (f->want < 0) {
		char *nl = f->n ? memchr(f->buf, '\n', f->n) : NULL;
		size_t n;

		if (!nl) {
			if (f->n <= FRAME_MAX_HEADER)
				return FRAME_NONE;
			f->n = 0;
			f->have_length = -1;
			return fail(code, RPC_PARSE_ERROR, err, errlen,
				    "a header line longer than %lld bytes: dropped", FRAME_MAX_HEADER, 0);
		}
		n = (size_t)(nl - f->buf);
		if (n > FRAME_MAX_HEADER) {
			take(f, n + 1);
			f->have_length = -1;
			return fail(code, RPC_PARSE_ERROR, err, errlen,
				    "a header line longer than %lld bytes: dropped", FRAME_MAX_HEADER, 0);
		}
		*nl = 0;
		if (n && nl[-1] == '\r')
			nl[-1] = 0, n--;
		if (n) {
			header_line(f, f->buf);
			take(f, (size_t)(nl - f->buf) + 1);
			continue;
		}
		take(f, (size_t)(nl - f->buf) + 1);
		if (f->have_length < 0) {
			int bad = f->bad_header;

			f->bad_header = 0;
			return fail(code, RPC_PARSE_ERROR, err, errlen,
				    bad ? "the Content-Length header is not a number%.0lld%.0lld"
					: "a message without a Content-Length header%.0lld%.0lld", 0, 0);
		}
		f->want = f->have_length;
		f->have_length = -1;
		if ((unsigned long long)f->want > f->limit) {
			long long over = f->want;
			size_t here = f->n < (size_t)over ? f->n : (size_t)over;

			take(f, here);
			f->skip = (size_t)over - here;
			f->want = -1;
			return fail(code, RPC_INVALID_REQUEST, err, errlen,
				    "a message of %lld bytes is over the limit of %lld bytes: dropped",
				    over, (long long)f->limit);
		}
	}
	if (f->n < (size_t)f->want)
		return FRAME_NONE;
	*body = f->buf;
	*len = (size_t)f->want;
	f->consumed = (size_t)f->want;
	f->want = -1;
	return FRAME_MESSAGE;
}

int frame_write(int fd, const char *body, size_t len)
{
	char head[64];
	int n = snprintf(head, sizeof(head), "Content-Length: %zu\r\n\r\n", len);

	return fd_write_all(fd, head, (size_t)n) || fd_write_all(fd, body, len) ? -1 : 0;
}
