/*
 * engines.c - one entry through an engine, in a worker process.
 *
 * Both engines end the same way: JSON lines of findings (the core's
 * iom_format_json, which is also what the plugin's json= writes), then one
 * status line.  The parent turns them back into findings, so output, sorting
 * and exit status do not depend on the engine.
 *
 * Findings are kept until the entry is done: a parse that is retried without
 * a rejected flag must not leave findings of the first attempt behind.
 */
#define _GNU_SOURCE	/* memmem */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <jansson.h>

#include "cmd.h"
#ifdef IOM_HAVE_CLANG_ENGINE
#include "engine.h"
#endif

/* A compiler that rejects flag after flag still gets a bounded number of
 * tries: each retry removes one argument. */
#define MAX_RETRIES 32

struct buffer {
	char *p;
	size_t n, cap;
};

static void append(struct buffer *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2;
		b->p = realloc(b->p, b->cap);
		if (!b->p)
			abort();
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = 0;
}

static void write_all(int fd, const char *p, size_t n)
{
	if (fd_write_all(fd, p, n))
		_exit(111);	/* the parent is gone: nobody to tell */
}

/* The status line, then everything buffered before it.  facts: the entry's
 * block of facts (NULL or empty: none). */
static void finish(int fd, struct buffer *findings, const char *error, int functions,
		   const struct args *dropped, const struct iom_facts *facts)
{
	json_t *st = json_object(), *d = json_array();
	char *line;

	json_object_set_new(st, "status", json_string(error ? "failed" : "analysed"));
	if (error)
		json_object_set_new(st, "error", json_string(error));
	else
		json_object_set_new(st, "functions", json_integer(functions));
	if (!error && iom_facts_nr_units(facts)) {
		struct iom_buf text = { 0 };

		if (!iom_facts_render(facts, &text))
			json_object_set_new(st, "facts", json_stringn(text.s, text.len));
		iom_buf_free(&text);
	}
	for (int i = 0; i < dropped->argc; i++)
		json_array_append_new(d, json_string(dropped->argv[i]));
	json_object_set_new(st, "dropped", d);
	line = json_dumps(st, JSON_COMPACT | JSON_ENSURE_ASCII);
	if (!error && findings->n)
		write_all(fd, findings->p, findings->n);
	write_all(fd, line, strlen(line));
	write_all(fd, "\n", 1);
	free(line);
	json_decref(st);
}

/* Remember which argument a retry removed. */
static int drop_rejected(struct args *a, const char *error, struct args *dropped)
{
	struct args before = { 0 };
	int removed;

	for (int i = 0; i < a->argc; i++)
		args_add(&before, a->argv[i]);
	removed = flags_drop_rejected(a, error);
	if (removed)
		for (int i = 0, j = 0; i < before.argc; i++) {
			if (j < a->argc && !strcmp(before.argv[i], a->argv[j]))
				j++;
			else {
				args_add(dropped, before.argv[i]);
				break;
			}
		}
	args_free(&before);
	return removed;
}

/* ---- libclang ---------------------------------------------------------------- */

#ifdef IOM_HAVE_CLANG_ENGINE
int engine_clang_available(void)
{
	return 1;
}

static void collect(const struct iom_finding *f, void *ctx)
{
	struct iom_buf line = { 0 };

	/* Any length fits; iom_render fails only when out of memory. */
	if (!iom_render(IOM_FORMAT_JSON, f, &line))
		append(ctx, line.s, line.len);
	iom_buf_free(&line);
}

static void run_clang(const struct run_config *cfg, const struct entry *e, int fd)
{
	struct args a, dropped = { 0 };
	struct buffer found = { 0 };
	struct clang_engine_result res;
	struct iom_facts *facts = iom_facts_new();
	int ret = -1;

	flags_for(e, ENGINE_CLANG, &a);
	/* libclang resolves relative -I and -include against the process's
	 * folder: this worker's is the entry's. */
	if (chdir(e->dir)) {
		snprintf(res.error, sizeof(res.error), "%s: error: cannot enter the entry's folder: %s",
			 e->dir, strerror(errno));
		finish(fd, &found, res.error, 0, &dropped, NULL);
		args_free(&a);
		return;
	}
	for (int tries = 0; tries < MAX_RETRIES; tries++) {
		memset(&res, 0, sizeof(res));
		res.facts = facts;
		found.n = 0;
		ret = clang_engine_run(cfg->rules, &cfg->options, e->file, a.argc,
				       (const char *const *)a.argv, collect, &found, &res);
		if (!ret || !drop_rejected(&a, res.error, &dropped))
			break;
	}
	if (ret && !res.error[0])
		snprintf(res.error, sizeof(res.error), "%s: error: libclang could not parse the file",
			 e->file);
	finish(fd, &found, ret ? res.error : NULL, res.nr_functions, &dropped, facts);
	iom_facts_free(facts);
	args_free(&a);
	args_free(&dropped);
	free(found.p);
}
#else
int engine_clang_available(void)
{
	return 0;
}

static void run_clang(const struct run_config *cfg, const struct entry *e, int fd)
{
	struct args none = { 0 };
	struct buffer found = { 0 };

	(void)cfg;
	(void)e;
	finish(fd, &found, "this iomemcheck was built without the libclang engine", 0, &none,
	       NULL);
}
#endif

/* ---- the GCC plugin ------------------------------------------------------------ */

/* Run argv in dir with stderr captured; returns the wait status. */
static int run_compiler(const struct args *a, const char *dir, struct buffer *err)
{
	int pipefd[2], status = 0;
	char buf[4096];
	ssize_t k;
	pid_t pid;

	if (pipe2(pipefd, O_CLOEXEC))	/* the compiler keeps only its stderr */
		return -1;
	pid = fork();
	if (pid < 0)
		return -1;
	if (!pid) {
		int null = open("/dev/null", O_RDWR);

		dup2(null, 0);
		dup2(null, 1);
		dup2(pipefd[1], 2);
		close(pipefd[0]);
		if (chdir(dir)) {
			fprintf(stderr, "%s: error: cannot enter the entry's directory: %s\n", dir,
				strerror(errno));
			_exit(127);
		}
		setenv("LC_ALL", "C", 1);	/* plain quotes in the messages we read */
		execvp(a->argv[0], a->argv);
		fprintf(stderr, "%s: error: cannot run the compiler: %s\n", a->argv[0], strerror(errno));
		_exit(127);
	}
	close(pipefd[1]);
	while ((k = read(pipefd[0], buf, sizeof(buf))) != 0) {
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			break;
		append(err, buf, (size_t)k);
	}
	close(pipefd[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return status;
}

/* The compiler's first error line, or why it stopped. */
static void first_error(const struct buffer *err, int status, char *out, size_t len)
{
	const char *s = err->p ? err->p : "";

	for (const char *line = s; *line; ) {
		const char *end = strchr(line, '\n');
		size_t n = end ? (size_t)(end - line) : strlen(line);

		if (memmem(line, n, "error:", 6)) {
			snprintf(out, len, "%.*s", (int)n, line);
			return;
		}
		line += n + (end ? 1 : 0);
	}
	if (WIFSIGNALED(status))
		snprintf(out, len, "the compiler was killed by signal %d", WTERMSIG(status));
	else
		snprintf(out, len, "the compiler exited with status %d", WEXITSTATUS(status));
}

static void read_file(const char *path, struct buffer *b)
{
	char buf[65536];
	int fd = open(path, O_RDONLY);
	ssize_t k;

	if (fd < 0)
		return;
	while ((k = read(fd, buf, sizeof(buf))) > 0)
		append(b, buf, (size_t)k);
	close(fd);
}

/* A private file for the plugin's json= output, in $TMPDIR or /tmp. */
static int temp_json(char *path, size_t len)
{
	const char *dir = getenv("TMPDIR");
	int fd;

	snprintf(path, len, "%s/iomemcheck-XXXXXX", dir && *dir ? dir : "/tmp");
	fd = mkstemp(path);
	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

/* The one block the plugin wrote into dir (summaries=DIR), then dir removed. */
static struct iom_facts *take_summary(const char *dir)
{
	struct iom_facts *facts = iom_facts_new();
	struct dirent *d;
	DIR *dh = opendir(dir);
	char path[PATH_MAX + 256], err[PATH_MAX + 256];

	while (dh && (d = readdir(dh))) {
		if (d->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, d->d_name);
		/* A block that does not read is no facts, as without it. */
		if (facts && iom_facts_read_file(facts, path, err, sizeof(err))) {
			iom_facts_free(facts);
			facts = iom_facts_new();
		}
		unlink(path);
	}
	if (dh)
		closedir(dh);
	rmdir(dir);
	return facts;
}

static void run_gcc(const struct run_config *cfg, const struct entry *e, int fd)
{
	char path[4096], arg[4200], error[1024] = "", sums[4096];
	struct args a, dropped = { 0 };
	struct buffer found = { 0 };
	struct iom_facts *facts = NULL;
	int status = -1;

	snprintf(sums, sizeof(sums), "%s/iomemcheck-sums-XXXXXX",
		 getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(sums))
		sums[0] = 0;
	if (temp_json(path, sizeof(path))) {
		snprintf(error, sizeof(error), "cannot create a temporary file: %s", strerror(errno));
		finish(fd, &found, error, 0, &dropped, NULL);
		if (sums[0])
			rmdir(sums);
		return;
	}
	flags_for(e, ENGINE_GCC, &a);
	args_add(&a, "-S");
	args_add(&a, "-o");
	args_add(&a, "/dev/null");
	snprintf(arg, sizeof(arg), "-fplugin=%s", cfg->plugin);
	args_add(&a, arg);
	for (int i = 0; i < cfg->plugin_args.argc; i++)
		args_add(&a, cfg->plugin_args.argv[i]);
	snprintf(arg, sizeof(arg), "-fplugin-arg-iomemcheck-json=%s", path);
	args_add(&a, arg);
	if (sums[0]) {
		snprintf(arg, sizeof(arg), "-fplugin-arg-iomemcheck-summaries=%s", sums);
		args_add(&a, arg);
	}
	if (cfg->facts_file) {
		snprintf(arg, sizeof(arg), "-fplugin-arg-iomemcheck-facts=%s", cfg->facts_file);
		args_add(&a, arg);
	}
	for (int tries = 0; tries < MAX_RETRIES; tries++) {
		struct buffer err = { 0 };

		if (truncate(path, 0))
			break;
		status = run_compiler(&a, e->dir, &err);
		if (cfg->verbose && err.p)	/* the plugin's verbose= and dump= */
			fputs(err.p, stderr);
		if (status)
			first_error(&err, status, error, sizeof(error));
		free(err.p);
		if (!status || !drop_rejected(&a, error, &dropped))
			break;
	}
	if (!status)
		read_file(path, &found);
	unlink(path);
	if (sums[0])
		facts = take_summary(sums);
	finish(fd, &found, status ? error : NULL, 0, &dropped, facts);
	iom_facts_free(facts);
	args_free(&a);
	args_free(&dropped);
	free(found.p);
}

void engine_run(const struct run_config *cfg, const struct entry *e, int fd)
{
	if (cfg->engine == ENGINE_GCC)
		run_gcc(cfg, e, fd);
	else
		run_clang(cfg, e, fd);
}
