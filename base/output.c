/*
 * output.c - the one writer of output files: -o, baselines, --fix.
 *
 * A reader of the file sees the old text or the whole new one, never half:
 * the new text goes to a temporary file in the same folder, flushed, then
 * renamed over the old one.  What the rename would destroy is refused
 * instead: a directory, a block device, the other names of a hard-linked
 * file (they would keep the old text), a symlink (its target is replaced,
 * the link stays), an owner or group this process cannot give the new file.
 * A character device (/dev/null, /dev/full), a FIFO and the command's own
 * stdout and stderr (/dev/stdout) are written through, their errors
 * reported.  Right before the rename the path must still name the file
 * that was checked.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "files.h"

/* How long --fix waits for another run's lock on a file (seconds). */
#define LOCK_WAIT 30

static int failed(struct outfile *o, char *err, size_t errlen, const char *fmt, const char *what)
{
	char msg[512];

	snprintf(msg, sizeof(msg), fmt, what);
	if (!strcmp(o->shown, "-"))
		snprintf(err, errlen, "iomemcheck: error: stdout: %s", msg);
	else if (*o->shown)
		snprintf(err, errlen, "%s: error: %s", o->shown, msg);
	else
		snprintf(err, errlen, "iomemcheck: error: an empty file name: %s", msg);
	out_abort(o);
	return -1;
}

static int same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* The command's stdout or stderr, when path names it (/dev/stdout, the
 * file stdout is redirected to): written through, not replaced. */
static int own_stream(const struct stat *st)
{
	struct stat s;

	for (int fd = 1; fd <= 2; fd++)
		if (!fstat(fd, &s) && same_file(&s, st))
			return fd;
	return -1;
}

static int in_groups(gid_t gid)
{
	gid_t groups[NGROUPS_MAX];
	int n = getgroups(NGROUPS_MAX, groups);

	if (gid == getegid())
		return 1;
	for (int i = 0; i < n; i++)
		if (groups[i] == gid)
			return 1;
	return 0;
}

static mode_t new_file_mode(void)
{
	mode_t m = umask(0);

	umask(m);
	return 0666 & ~m;
}

/* Open the file to replace and, for --fix, lock it: a second run waits,
 * then finds the text it analysed gone.  The path may be renamed over while
 * waiting: the lock must be on the file the path names now. */
static int open_locked(struct outfile *o, int lock, char *err, size_t errlen)
{
	for (int tries = 0; tries < 100; tries++) {
		struct stat now;
		int waited = 0;

		o->fd = open(o->path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
		if (o->fd < 0)
			return failed(o, err, errlen, "cannot read: %s", strerror(errno));
		while (lock && flock(o->fd, LOCK_EX | LOCK_NB)) {
			struct timespec tick = { 0, 10 * 1000 * 1000 };

			if ((errno != EWOULDBLOCK && errno != EINTR) || ++waited > LOCK_WAIT * 100)
				return failed(o, err, errlen, "cannot lock: %s",
					      errno == EWOULDBLOCK ? "another process holds it"
								   : strerror(errno));
			nanosleep(&tick, NULL);
		}
		if (fstat(o->fd, &o->st))
			return failed(o, err, errlen, "cannot read: %s", strerror(errno));
		if (!stat(o->path, &now) && same_file(&now, &o->st))
			return 0;
		close(o->fd);
		o->fd = -1;
	}
	return failed(o, err, errlen, "%s", "it is replaced again and again: not written");
}

/* The temporary file beside the target, with the target's owner and mode. */
static int make_tmp(struct outfile *o, char *err, size_t errlen)
{
	const char *slash = strrchr(o->path, '/');
	size_t dir = slash ? (size_t)(slash - o->path) + 1 : 0;

	o->tmp = malloc(dir + 32);
	if (!o->tmp)
		return failed(o, err, errlen, "%s", strerror(ENOMEM));
	memcpy(o->tmp, o->path, dir);
	strcpy(o->tmp + dir, ".iomemcheck-XXXXXX");
	o->tmp_fd = mkostemp(o->tmp, O_CLOEXEC);
	if (o->tmp_fd < 0) {
		free(o->tmp);
		o->tmp = NULL;
		return failed(o, err, errlen, "cannot write in its folder: %s", strerror(errno));
	}
	if (o->st.st_ino && fchown(o->tmp_fd, o->st.st_uid, o->st.st_gid))
		return failed(o, err, errlen, "cannot keep its owner and group: %s",
			      strerror(errno));
	if (fchmod(o->tmp_fd, o->st.st_ino ? o->st.st_mode & 07777 : new_file_mode()))
		return failed(o, err, errlen, "cannot keep its mode: %s", strerror(errno));
	return 0;
}

/* What replacing the regular file o->path would lose, if anything. */
static int check_regular(struct outfile *o, const struct stat *st, char *err, size_t errlen)
{
	char n[32];

	if (st->st_nlink > 1) {
		snprintf(n, sizeof(n), "%lu", (unsigned long)st->st_nlink);
		return failed(o, err, errlen, "not replaced: it has %s hard links, which would "
			      "keep the old text", n);
	}
	if (access(o->path, W_OK))
		return failed(o, err, errlen, "not replaced: %s", errno == EACCES ?
			      "it is read-only" : strerror(errno));
	/* Only root gives a file away; the new file would be ours. */
	if (geteuid() && st->st_uid != geteuid())
		return failed(o, err, errlen, "%s", "not replaced: another user owns it, and "
			      "the new file would be ours");
	if (geteuid() && !in_groups(st->st_gid))
		return failed(o, err, errlen, "%s", "not replaced: its group is not one of ours, "
			      "and the new file would have ours");
	return 0;
}

int out_open(struct outfile *o, const char *path, int flags, char *err, size_t errlen)
{
	struct stat st, lst;
	const char *kind;

	memset(o, 0, sizeof(*o));
	o->shown = path;
	o->fd = o->through = o->tmp_fd = -1;
	if (!strcmp(path, "-") && !(flags & OUT_EDIT)) {
		o->through = 1;
		return 0;
	}
	if (!*path)
		return failed(o, err, errlen, "%s", "nothing written");
	if (stat(path, &st)) {
		if (errno != ENOENT || (flags & OUT_EDIT))
			return failed(o, err, errlen, "cannot write: %s", strerror(errno));
		if (!lstat(path, &lst))
			return failed(o, err, errlen, "%s",
				      "not written: a symlink to a missing file");
		o->path = strdup(path);
		return o->path ? make_tmp(o, err, errlen) : failed(o, err, errlen, "%s",
								    strerror(ENOMEM));
	}
	kind = file_kind(st.st_mode);
	if (!(flags & OUT_EDIT) && (o->through = own_stream(&st)) >= 0)
		return 0;
	if (kind && !(flags & OUT_EDIT) && (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))) {
		o->through = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
		o->close_through = 1;
		return o->through < 0 ? failed(o, err, errlen, "cannot write: %s", strerror(errno))
				      : 0;
	}
	if (kind)
		return failed(o, err, errlen, "not replaced: it %s", kind);
	/* A symlink stays: the file it names gets the new text. */
	o->path = lstat(path, &lst) || !S_ISLNK(lst.st_mode) ? strdup(path) :
		  realpath(path, NULL);
	if (!o->path)
		return failed(o, err, errlen, "cannot write: %s", strerror(errno));
	o->st = st;
	if ((flags & OUT_EDIT) && open_locked(o, 1, err, errlen))
		return -1;
	if (check_regular(o, &o->st, err, errlen))
		return -1;
	return make_tmp(o, err, errlen);
}

int out_write(struct outfile *o, const void *buf, size_t len, char *err, size_t errlen)
{
	int fd = o->through >= 0 ? o->through : o->tmp_fd;

	if (fd == 1 && !o->close_through)
		fflush(stdout);		/* what the command printed comes first */
	if (fd_write_all(fd, buf, len) || (o->through < 0 && fsync(fd)))
		return failed(o, err, errlen, "cannot write: %s", strerror(errno));
	if (o->through >= 0)
		return 0;
	/* --fix keeps one descriptor per file (the lock) until the renames. */
	o->tmp_fd = -1;
	if (close(fd))
		return failed(o, err, errlen, "cannot write: %s", strerror(errno));
	return 0;
}

/* The rename makes the new name durable only once its folder is flushed. */
static void sync_folder(const char *path)
{
	char *dir = strdup(path), *slash = dir ? strrchr(dir, '/') : NULL;
	int fd;

	if (!dir)
		return;
	if (slash)
		slash[slash == dir] = 0;
	fd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

/* The new name over a path that had no file: never over one that came since. */
static int rename_new(const char *from, const char *to)
{
	if (!renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE))
		return 0;
	if (errno != EINVAL && errno != ENOSYS)
		return -1;
	return link(from, to) ? -1 : unlink(from);
}

int out_commit(struct outfile *o, char *err, size_t errlen)
{
	struct stat now;
	int bad;

	if (o->through >= 0) {
		bad = o->close_through && close(o->through);
		o->through = -1;
		if (bad)
			return failed(o, err, errlen, "cannot write: %s", strerror(errno));
		out_abort(o);
		return 0;
	}
	if (o->st.st_ino) {
		if (lstat(o->path, &now) || !same_file(&now, &o->st))
			return failed(o, err, errlen, "%s", "not replaced: another file took its "
				      "place while it was written");
		bad = rename(o->tmp, o->path);
	} else {
		bad = rename_new(o->tmp, o->path);
		if (bad && errno == EEXIST)
			return failed(o, err, errlen, "%s", "not replaced: a file appeared there "
				      "while it was written");
	}
	if (bad)
		return failed(o, err, errlen, "cannot write: %s", strerror(errno));
	free(o->tmp);
	o->tmp = NULL;
	sync_folder(o->path);
	out_abort(o);
	return 0;
}

void out_abort(struct outfile *o)
{
	if (o->tmp_fd >= 0)
		close(o->tmp_fd);
	if (o->tmp)
		unlink(o->tmp);
	if (o->fd >= 0)
		close(o->fd);
	if (o->through >= 0 && o->close_through)
		close(o->through);
	free(o->tmp);
	free(o->path);
	o->tmp = o->path = NULL;
	o->tmp_fd = o->fd = o->through = -1;
	o->close_through = 0;
}

int out_file(const char *path, const void *buf, size_t len, char *err, size_t errlen)
{
	struct outfile o;

	if (out_open(&o, path, 0, err, errlen) || out_write(&o, buf, len, err, errlen))
		return -1;
	return out_commit(&o, err, errlen);
}

int out_check_append(const char *path, char *err, size_t errlen)
{
	struct stat st;

	if (stat(path, &st) || S_ISREG(st.st_mode) || S_ISCHR(st.st_mode) ||
	    S_ISFIFO(st.st_mode))
		return 0;
	snprintf(err, errlen, "%s: error: not appended to: it %s", path, file_kind(st.st_mode));
	return -1;
}
