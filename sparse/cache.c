// SPDX-License-Identifier: GPL-2.0
/*
 * The cache of annotated headers:
 *
 *   ${TMPDIR:-/tmp}/iomemcheck-sparse-<uid>/<key>/include/linux/<header>
 *
 * key hashes the annotator's version and the original header, so one
 * kernel tree (or several trees with the same header) shares one copy.
 * Parallel make runs many checkers at once: every file is written to a
 * unique temporary name in its final directory and renamed into place, so
 * a reader sees either no file or a complete one.  The per-user directory
 * is created 0700 and must be a directory owned by the user.
 *
 * A copy is used only if its bytes are the ones this run would write (an
 * altered copy of the right size would otherwise turn strict mode off
 * unnoticed); any other file is replaced.  Temporary files of runs that
 * were killed between write and rename are removed by the next run that
 * writes to, or reads from, the same directory.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "iomemcheck-sparse.h"

/* FNV-1a, 64 bit */
unsigned long long hash64(const void *p, size_t n, unsigned long long h)
{
	const unsigned char *c = p;

	if (!h)
		h = 0xcbf29ce484222325ULL;
	while (n--) {
		h ^= *c++;
		h *= 0x100000001b3ULL;
	}
	return h;
}

static int user_dir(char *out, size_t outlen, char *err, size_t errlen)
{
	const char *tmp = getenv("TMPDIR");
	struct stat st;

	if (!tmp || !*tmp)
		tmp = "/tmp";
	if ((size_t)snprintf(out, outlen, "%s/" IOMS_NAME "-%lu", tmp,
			     (unsigned long)getuid()) >= outlen) {
		snprintf(err, errlen, "cache path too long");
		return -1;
	}
	if (mkdir(out, 0700) && errno != EEXIST) {
		snprintf(err, errlen, "cannot create %s: %s", out, strerror(errno));
		return -1;
	}
	if (lstat(out, &st)) {
		snprintf(err, errlen, "%s: %s", out, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode) || st.st_uid != getuid() ||
	    (st.st_mode & 022)) {
		snprintf(err, errlen, "%s is not a private directory of this user", out);
		return -1;
	}
	return 0;
}

int cache_dir(const char *const parts[], const size_t lens[], size_t n,
	      char *out, size_t outlen, char *err, size_t errlen)
{
	unsigned long long h1 = 0, h2 = 0x84222325cbf29ce4ULL;
	char base[4096];
	size_t i;

	if (user_dir(base, sizeof(base), err, errlen))
		return -1;
	h1 = hash64(IOMS_ANNOTATE_ABI, strlen(IOMS_ANNOTATE_ABI), h1);
	h2 = hash64(IOMS_ANNOTATE_ABI, strlen(IOMS_ANNOTATE_ABI), h2);
	for (i = 0; i < n; i++) {
		/* the length too, so that parts cannot run into each other */
		h1 = hash64(&lens[i], sizeof(lens[i]), h1);
		h1 = hash64(parts[i], lens[i], h1);
		h2 = hash64(parts[i], lens[i], h2);
		h2 = hash64(&lens[i], sizeof(lens[i]), h2);
	}
	if ((size_t)snprintf(out, outlen, "%s/%016llx%016llx", base, h1, h2) >= outlen) {
		snprintf(err, errlen, "cache path too long");
		return -1;
	}
	if (mkdir(out, 0700) && errno != EEXIST) {
		snprintf(err, errlen, "cannot create %s: %s", out, strerror(errno));
		return -1;
	}
	return 0;
}

/* Is path a regular file (not a link) holding exactly data? */
static int same_content(const char *path, const char *data, size_t len)
{
	char tmp[65536];
	struct stat st;
	size_t at = 0;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC), same = 0;

	if (fd < 0)
		return 0;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode) || (size_t)st.st_size != len)
		goto out;
	for (;;) {
		ssize_t n = read(fd, tmp, sizeof(tmp));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || (size_t)n > len - at || memcmp(tmp, data + at, (size_t)n))
			goto out;
		if (n == 0)
			break;
		at += (size_t)n;
	}
	same = at == len;
out:
	close(fd);
	return same;
}

/*
 * Remove NAME.tmp.PID.XXXXXX in dir when PID is gone, or when it is an hour
 * old whoever wrote it (a PID may be reused; a copy takes milliseconds).
 */
static void sweep_tmp(const char *dir, const char *name)
{
	size_t nl = strlen(name);
	struct dirent *de;
	DIR *d = opendir(dir);

	if (!d)
		return;
	while ((de = readdir(d))) {
		char path[4400], *end;
		struct stat st;
		long pid;

		if (strncmp(de->d_name, name, nl) || strncmp(de->d_name + nl, ".tmp.", 5))
			continue;
		pid = strtol(de->d_name + nl + 5, &end, 10);
		if (*end != '.' || pid <= 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		if (lstat(path, &st) || st.st_uid != getuid())
			continue;
		if ((kill((pid_t)pid, 0) && errno == ESRCH) ||
		    st.st_mtime + 3600 < time(NULL))
			unlink(path);
	}
	closedir(d);
}

int cache_put(const char *base, const char *rel, const char *data,
	      size_t len, char *err, size_t errlen)
{
	char path[4096], tmp[4200];
	char *slash;
	int fd, bad;

	if ((size_t)snprintf(path, sizeof(path), "%s/%s", base, rel) >= sizeof(path)) {
		snprintf(err, errlen, "cache path too long");
		return -1;
	}
	slash = strrchr(path, '/');
	*slash = '\0';
	sweep_tmp(path, slash + 1);
	*slash = '/';
	if (same_content(path, data, len))
		return 0;
	/* parent directories below base */
	for (slash = path + strlen(base) + 1; (slash = strchr(slash, '/')); slash++) {
		*slash = '\0';
		if (mkdir(path, 0700) && errno != EEXIST) {
			snprintf(err, errlen, "cannot create %s: %s", path, strerror(errno));
			return -1;
		}
		*slash = '/';
	}
	snprintf(tmp, sizeof(tmp), "%s.tmp.%ld.XXXXXX", path, (long)getpid());
	fd = mkstemp(tmp);
	if (fd < 0) {
		snprintf(err, errlen, "cannot create %s: %s", tmp, strerror(errno));
		return -1;
	}
	bad = write_all(fd, data, len) || fchmod(fd, 0600);
	if (close(fd))
		bad = 1;
	if (bad) {
		snprintf(err, errlen, "cannot write %s: %s", tmp, strerror(errno));
		unlink(tmp);
		return -1;
	}
	if (rename(tmp, path)) {
		snprintf(err, errlen, "cannot rename %s: %s", tmp, strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}
