/*
 * files.h - how the command, the gate and the core touch files: whole
 * reads and writes on a descriptor, bounded reads of inputs, and the one
 * writer of every output file (the core's fact files too).  Below core/,
 * cmd/ and gate/: it depends on libc alone, and the core's library holds it.
 *
 *	fdio.c		whole reads and writes on a file descriptor
 *	input.c		an input file read whole, bounded, regular files only
 *	output.c	an output written atomically over a regular file, or through
 *			a device, FIFO or stdout
 */
#ifndef IOM_FILES_H
#define IOM_FILES_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

/* ---- fdio.c: 0, or -1 when the descriptor failed or ended first ------------ */

int fd_write_all(int fd, const void *buf, size_t n);
int fd_read_all(int fd, void *buf, size_t n);

/* ---- input.c ---------------------------------------------------------------- */

/* No input is read past this size: a database or a log, not a disk. */
#define FILE_READ_MAX ((size_t)1 << 30)

/*
 * What a path is when it is not a regular file ("is a directory", "is a
 * FIFO", ...), following symlinks; NULL for a regular file or a path that
 * cannot be looked at (whoever opens it says why).
 */
const char *file_not_regular(const char *path);
/* The same for a file's mode (st_mode). */
const char *file_kind(mode_t mode);
/*
 * A regular file read whole (NUL-terminated, malloc'ed, at most
 * FILE_READ_MAX bytes); "-" is stdin, whatever it is.  NULL and the reason
 * in *why ("is a directory", strerror) when it cannot be.  Opening never
 * blocks on a FIFO.
 */
char *file_read(const char *path, size_t *len, const char **why);
/* The same from an open regular file, from its first byte. */
char *file_read_fd(int fd, size_t *len, const char **why);
/* file_read() of a text: UTF-8 without NUL bytes.  NULL and "PATH: error:
 * cannot read WHAT: ..." (with the line of a byte that is not text) in err. */
char *file_read_text(const char *path, const char *what, char *err, size_t errlen);
/* The next line of a text read whole, its newline cut off (in place);
 * NULL at the end.  *cursor starts at the text. */
char *file_next_line(char **cursor);
/* FNV-1a over the bytes: a file's text as it was read. */
uint64_t file_hash(const char *s, size_t len);

/* ---- output.c --------------------------------------------------------------- */

/*
 * One output file being written.  A regular file (or a symlink's target)
 * is replaced atomically by a temporary file in its folder, renamed over
 * it, with its owner, group and mode; a character device, a FIFO or the
 * command's own stdout or stderr is written through; anything else (a
 * directory, a block device, a file with other hard links, a symlink to
 * nothing, a file whose owner could not be kept) is refused.
 */
struct outfile {
	const char *shown;	/* the name as given, for messages */
	char *path;		/* what is replaced: a symlink's target */
	struct stat st;		/* the file replaced (st_ino 0: a new file) */
	int fd;			/* the file replaced, open for reading (OUT_EDIT) */
	int through;		/* written through this descriptor, or -1 */
	int close_through;	/* it was opened here */
	char *tmp;		/* the new text, before the rename */
	int tmp_fd;
};

enum {
	OUT_EDIT = 1,		/* --fix: an existing regular file, locked, read through fd */
};

/* Check the target and make the temporary file: nothing is replaced yet.
 * 0, or -1 and "FILE: error: ..." in err. */
int out_open(struct outfile *, const char *path, int flags, char *err, size_t errlen);
/* The whole new text, in one call. */
int out_write(struct outfile *, const void *buf, size_t len, char *err, size_t errlen);
/* Rename the new text over the file if it is still the one out_open found. */
int out_commit(struct outfile *, char *err, size_t errlen);
/* Forget the new text: the temporary file is removed, nothing replaced. */
void out_abort(struct outfile *);
/* All three: path ("-": stdout) gets buf. */
int out_file(const char *path, const void *buf, size_t len, char *err, size_t errlen);
/* A file appended to (json=FILE) is a regular file, a device or a FIFO.
 * 0, or -1 and "FILE: error: ..." in err. */
int out_check_append(const char *path, char *err, size_t errlen);

#endif
