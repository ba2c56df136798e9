/*
 * input.c - input files read whole, and only what an input can be: a
 * regular file of bounded size.  A FIFO, a device or a directory where a
 * database, a baseline or a source is expected would hang the run, grow it
 * without end or read as empty; each is a one-line error instead.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "files.h"

static const struct {
	mode_t type;
	const char *what;
} kinds[] = {
	{ S_IFDIR, "is a directory" },
	{ S_IFIFO, "is a FIFO" },
	{ S_IFCHR, "is a character device" },
	{ S_IFBLK, "is a block device" },
	{ S_IFSOCK, "is a socket" },
};

const char *file_kind(mode_t mode)
{
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if ((mode & S_IFMT) == kinds[i].type)
			return kinds[i].what;
	return S_ISREG(mode) ? NULL : "is not a regular file";
}

const char *file_not_regular(const char *path)
{
	struct stat st;

	return stat(path, &st) ? NULL : file_kind(st.st_mode);
}

/* Up to FILE_READ_MAX bytes from fd's offset 'at' (or its position, at < 0). */
static char *read_bounded(int fd, off_t at, size_t *len, const char **why)
{
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap + 1);

	for (;;) {
		ssize_t k;

		if (!buf) {
			*why = strerror(ENOMEM);
			return NULL;
		}
		if (n == cap) {
			char *nb;

			if (cap >= FILE_READ_MAX) {
				free(buf);
				*why = "is larger than 1 GiB";
				return NULL;
			}
			cap *= 2;
			nb = realloc(buf, cap + 1);
			if (!nb)
				free(buf);
			buf = nb;
			continue;
		}
		k = at < 0 ? read(fd, buf + n, cap - n) :
			     pread(fd, buf + n, cap - n, at + (off_t)n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			*why = strerror(errno);
			free(buf);
			return NULL;
		}
		if (!k)
			break;
		n += (size_t)k;
	}
	buf[n] = 0;
	*len = n;
	return buf;
}

char *file_read_fd(int fd, size_t *len, const char **why)
{
	struct stat st;

	if (fstat(fd, &st)) {
		*why = strerror(errno);
		return NULL;
	}
	if ((*why = file_kind(st.st_mode)))
		return NULL;
	return read_bounded(fd, 0, len, why);
}

char *file_read(const char *path, size_t *len, const char **why)
{
	char *text;
	int fd;

	if (!strcmp(path, "-"))
		return read_bounded(0, -1, len, why);
	/* O_NONBLOCK: opening a FIFO returns at once, and fstat then says what it is. */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		*why = strerror(errno);
		return NULL;
	}
	text = file_read_fd(fd, len, why);
	close(fd);
	return text;
}

/* The length of the UTF-8 sequence at s (1 to 4), 0 when it is not one. */
static int utf8_length(const unsigned char *s, size_t left)
{
	static const struct {
		unsigned char lead_mask, lead, n;
		unsigned char lo, hi;	/* the second byte's range */
	} forms[] = {
		{ 0x80, 0x00, 1, 0, 0 },
		{ 0xe0, 0xc0, 2, 0x80, 0xbf },
		{ 0xf0, 0xe0, 3, 0x80, 0xbf },
		{ 0xf8, 0xf0, 4, 0x80, 0xbf },
	};

	for (size_t f = 0; f < sizeof(forms) / sizeof(forms[0]); f++) {
		unsigned char lo = forms[f].lo, hi = forms[f].hi;

		if ((s[0] & forms[f].lead_mask) != forms[f].lead)
			continue;
		if (forms[f].n == 1)
			return 1;
		if (left < forms[f].n || s[0] < 0xc2 || s[0] > 0xf4)
			return 0;
		/* no overlong forms, no surrogates, nothing above U+10FFFF */
		lo = s[0] == 0xe0 ? 0xa0 : s[0] == 0xf0 ? 0x90 : lo;
		hi = s[0] == 0xed ? 0x9f : s[0] == 0xf4 ? 0x8f : hi;
		if (s[1] < lo || s[1] > hi)
			return 0;
		for (int i = 2; i < forms[f].n; i++)
			if ((s[i] & 0xc0) != 0x80)
				return 0;
		return forms[f].n;
	}
	return 0;
}

/* Text is UTF-8 without NUL bytes: NULL, or why not with the byte's offset. */
static const char *not_text(const char *s, size_t len, size_t *at)
{
	const unsigned char *u = (const unsigned char *)s;

	for (size_t i = 0; i < len;) {
		int n = u[i] ? utf8_length(u + i, len - i) : 0;

		if (!n) {
			*at = i;
			return u[i] ? "a byte that is not UTF-8" : "a NUL byte";
		}
		i += (size_t)n;
	}
	return NULL;
}

char *file_next_line(char **cursor)
{
	char *line = *cursor, *end;

	if (!*line)
		return NULL;
	end = line + strcspn(line, "\n");
	*cursor = *end ? end + 1 : end;
	*end = 0;
	return line;
}

char *file_read_text(const char *path, const char *what, char *err, size_t errlen)
{
	const char *why;
	size_t len, at;
	char *text = file_read(path, &len, &why);
	int line = 1;

	if (!text) {
		snprintf(err, errlen, "%s: error: cannot read %s: %s", path, what, why);
		return NULL;
	}
	if (!(why = not_text(text, len, &at)))
		return text;
	for (size_t i = 0; i < at; i++)
		line += text[i] == '\n';
	snprintf(err, errlen, "%s:%d: error: cannot read %s: not text (%s)", path, line, what, why);
	free(text);
	return NULL;
}

uint64_t file_hash(const char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ull;

	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ull;
	}
	return h;
}
