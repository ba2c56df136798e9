/*
 * main.c - the iomemcheck command: options, the run, the exit status.
 *
 *	iomemcheck [OPTIONS] [-p DIR|FILE] [PATH...]
 *	iomemcheck [OPTIONS] FILE.c... -- CFLAGS...
 *
 * Reads compile_commands.json, picks the entries under the PATHs, runs each
 * through an engine in a worker process, prints the findings sorted.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "gate.h"

#ifndef IOM_VERSION
#define IOM_VERSION "0.1"
#endif

static const char usage_text[] =
"usage: iomemcheck [OPTIONS] [-p DIR|FILE] [PATH...]\n"
"       iomemcheck [OPTIONS] FILE.c... -- CFLAGS...\n"
"\n"
"Check I/O-memory discipline (struct iosys_map, struct dma_buf_map) in the C files\n"
"of a compile database.  PATHs (files or folders) pick its entries; without PATH,\n"
"every entry.  The database is compile_commands.json in -p DIR (or the FILE given),\n"
"else the nearest one from the current directory upwards.  With '--', no database:\n"
"the FILEs are compiled with CFLAGS.\n"
"\n"
"options:\n"
"  -p DIR|FILE        the compile database, or the folder that holds it\n"
"  -j N, --jobs=N     N files at a time (default: the number of CPUs)\n"
"  -o FILE            write the findings to FILE (replaced atomically), not stdout\n"
"  --format=FORMAT    gnu or text (default: file:line:col: warning: ... [IOMnnn]),\n"
"                     json (one object per line, as the plugin's json=), and for\n"
"                     the CI gate below sarif, github, codequality, 0day\n"
"  --engine=ENGINE    clang (default: libclang parses each file) or gcc (each\n"
"                     entry's own compile command runs with the GCC plugin)\n"
"  --plugin FILE      the GCC plugin for --engine=gcc (default: next to iomemcheck)\n"
"  --print-commands   print what each entry's engine would run, analyse nothing\n"
"  -q, --quiet        no progress and no summary on stderr\n"
"  -v                 --verbose; also say which flags were dropped because the\n"
"                     compiler rejected them\n"
"  -h, --help         this text\n"
"  --version          the version\n"
"\n"
"engine options (the same as the GCC plugin's -fplugin-arg-iomemcheck-KEY=VALUE):\n";

static const char usage_tail[] =
"\n"
"Findings go to stdout (or -o FILE) sorted by file, line and column; the same for\n"
"any -j.  Files that could not be analysed are named on stderr with their first\n"
"error; the other files are still done.  When stderr is a terminal, progress is\n"
"shown there; a summary line ends every run.\n"
"\n"
"CI gate (findings of any engine; with a baseline, \"findings\" means new ones):\n"
"  --baseline FILE    report only findings not in FILE; the summary ends with\n"
"                     N new, M baselined, K fixed (in the baseline, no longer found)\n"
"  --write-baseline FILE  accept every current finding into FILE (exit 0)\n"
"  --prune-baseline   drop the fixed entries from the --baseline FILE\n"
"  --sarif-all        keep baselined and suppressed results in SARIF, marked\n"
"                     (not for upload: GitHub would open them as alerts)\n"
"  --import FILE...   the PATHs are the plugin's json= files or sparse's output\n"
"  --merge FILE...    the PATHs are SARIF files of --shard runs, joined\n"
"  --shard K/N        take shard K of N of the entries (by a hash of the file name)\n"
"  --srcroot DIR      SARIF file names are relative to DIR (default: .)\n"
"  A finding is suppressed by /* iomemcheck: ignore IOMnnn -- reason */ on its line\n"
"  or alone on the line above; the reason is required.\n"
"\n"
"exit status:\n"
"  0  no findings (no new findings with --baseline)\n"
"  1  findings\n"
"  2  usage or input error (a broken database: FILE:LINE: error: ...)\n"
"  3  a file could not be analysed (also when there are findings)\n";

struct cli {
	const char *db;			/* -p */
	int jobs;
	const char *output;
	int format;			/* enum iom_format */
	const char *plugin;
	int quiet, verbose, print_commands;
	enum engine_kind engine;
	struct args paths;		/* PATHs, or the FILEs of the '--' form */
	int dashdash;			/* the '--' form */
	struct args cflags;
	struct iom_config config;	/* the engine options */
	struct run_config run;
	struct gate_opts gate;
	int gated;			/* an option only the gate has: it renders */
	char err[1024];
};

static int fail(struct cli *c, int status);

/* ---- options --------------------------------------------------------------- */

typedef int (*option_fn)(struct cli *, const char *value);

static int opt_db(struct cli *c, const char *v) { c->db = v; return 0; }
static int opt_output(struct cli *c, const char *v) { c->output = c->gate.output = v; return 0; }
static int opt_plugin(struct cli *c, const char *v) { c->plugin = v; return 0; }
static int opt_quiet(struct cli *c, const char *v) { (void)v; c->quiet = c->gate.quiet = 1; return 0; }
static int opt_print(struct cli *c, const char *v) { (void)v; c->print_commands = 1; return 0; }

static int opt_help(struct cli *c, const char *v)
{
	const struct iom_option_info *t;
	int n;

	(void)c, (void)v;
	fputs(usage_text, stdout);
	t = iom_option_table(&n);
	for (int i = 0; i < n; i++) {
		char left[64];

		snprintf(left, sizeof(left), "--%s%s%s", t[i].name, t[i].value ? " " : "",
			 t[i].value ? t[i].value : "");
		printf("  %-18s %s\n", left, t[i].help);
	}
	fputs(usage_tail, stdout);
	exit(EXIT_CLEAN);
}

static int opt_version(struct cli *c, const char *v)
{
	(void)c, (void)v;
	printf("iomemcheck %s (engines: %sgcc)\n", IOM_VERSION,
	       engine_clang_available() ? "clang, " : "");
	exit(EXIT_CLEAN);
}

static int opt_jobs(struct cli *c, const char *v)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (*end || n < 1 || n > 1024) {
		snprintf(c->err, sizeof(c->err), "-j needs a number from 1 to 1024, not '%s'", v);
		return -1;
	}
	c->jobs = (int)n;
	return 0;
}

static int opt_format(struct cli *c, const char *v)
{
	int g = gate_format_of(v);

	if (g >= 0)
		c->gate.format = g;
	c->format = render_format(v);
	if (c->format < 0 && g >= 0) {
		c->gated = 1;		/* a format only the gate renders */
		c->format = 0;
		return 0;
	}
	if (c->format < 0) {
		snprintf(c->err, sizeof(c->err), "unknown format '%s' (formats: %s)", v,
			 render_format_names());
		return -1;
	}
	return 0;
}

static int opt_engine(struct cli *c, const char *v)
{
	if (!strcmp(v, "clang"))
		c->engine = ENGINE_CLANG;
	else if (!strcmp(v, "gcc"))
		c->engine = ENGINE_GCC;
	else {
		snprintf(c->err, sizeof(c->err), "unknown engine '%s' (engines: clang, gcc)", v);
		return -1;
	}
	return 0;
}

/*
 * The options of the core's table that the GCC engine hands on to the plugin
 * (-fplugin-arg-iomemcheck-KEY[=VALUE]).  json= and error are the command's
 * own business: it writes the JSON file itself from the sorted findings, and
 * the plugin's error would fail the compile, which is not a finding.
 */
static const char *const not_for_plugin[] = { "json", "error" };

static void forward_to_plugin(struct cli *c, const char *key, const char *value)
{
	char buf[PATH_MAX + 64], cwd[PATH_MAX], *abs = NULL;

	for (size_t i = 0; i < sizeof(not_for_plugin) / sizeof(not_for_plugin[0]); i++)
		if (!strcmp(key, not_for_plugin[i]))
			return;
	if (value && !strcmp(key, "rules")) {	/* the compiler runs in the entry's folder */
		if (!getcwd(cwd, sizeof(cwd)))
			strcpy(cwd, "/");
		value = abs = path_absolute(cwd, value);
	}
	snprintf(buf, sizeof(buf), "-fplugin-arg-iomemcheck-%s%s%s", key, value ? "=" : "",
		 value ? value : "");
	args_add(&c->run.plugin_args, buf);
	free(abs);
}

/* An engine option (core/options.def): 0, -1 (usage) or -2 (input error). */
static int engine_option(struct cli *c, const struct iom_option_info *o, const char *value,
			 const char *shown)
{
	int ret = iom_config_set(&c->config, o->name, value, shown, c->err, sizeof(c->err));

	if (ret)
		return ret == IOM_OPT_INPUT ? -2 : -1;
	forward_to_plugin(c, o->name, value);
	if (!strcmp(o->name, "verbose"))
		c->verbose = 1;
	return 0;
}

static int opt_v(struct cli *c, const char *v)
{
	(void)v;
	return engine_option(c, iom_option_find("verbose"), NULL, "-v");
}

static const struct option {
	const char *name;	/* --name */
	char letter;		/* -x, or 0 */
	int value;		/* takes a value */
	option_fn fn;
} options[] = {
	{ "db",			'p', 1, opt_db },
	{ "jobs",		'j', 1, opt_jobs },
	{ "output",		'o', 1, opt_output },
	{ "format",		0,   1, opt_format },
	{ "engine",		0,   1, opt_engine },
	{ "plugin",		0,   1, opt_plugin },
	{ "print-commands",	0,   0, opt_print },
	{ "quiet",		'q', 0, opt_quiet },
	{ "",			'v', 0, opt_v },
	{ "help",		'h', 0, opt_help },
	{ "version",		0,   0, opt_version },
};

static const struct option *find_option(const char *arg, const char **inline_value)
{
	*inline_value = NULL;
	for (size_t i = 0; i < sizeof(options) / sizeof(options[0]); i++) {
		const struct option *o = &options[i];
		size_t n = strlen(o->name);

		if (arg[1] == '-' && n && !strncmp(arg + 2, o->name, n) &&
		    (arg[2 + n] == 0 || (arg[2 + n] == '=' && o->value))) {
			if (arg[2 + n] == '=')
				*inline_value = arg + 3 + n;
			return o;
		}
		if (arg[1] != '-' && o->letter && arg[1] == o->letter &&
		    (arg[2] == 0 || o->value)) {
			if (arg[2])
				*inline_value = arg + 2;	/* -j2, -pDIR */
			return o;
		}
	}
	return NULL;
}

/* --KEY, --KEY=VALUE or --KEY VALUE of the core's option table.  Returns 1
 * when arg is none of them, else what engine_option returns. */
static int core_option(struct cli *c, const char *arg, int argc, char **argv, int *i)
{
	char key[64];
	const char *eq = strchr(arg, '='), *value = eq ? eq + 1 : NULL;
	size_t n = eq ? (size_t)(eq - arg - 2) : strlen(arg + 2);
	const struct iom_option_info *o;

	if (n >= sizeof(key))
		return 1;
	snprintf(key, sizeof(key), "%.*s", (int)n, arg + 2);
	o = iom_option_find(key);
	if (!o)
		return 1;
	snprintf(key, sizeof(key), "--%.*s", (int)n, arg + 2);
	if (o->value && !value && *i + 1 < argc)
		value = argv[++*i];
	return engine_option(c, o, value, key);
}

/* Returns 0, or the exit status of a usage error (its message in c->err). */
static int parse_options(struct cli *c, int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i], *value;
		const struct option *o;
		int ret;

		if (!strcmp(arg, "--")) {
			c->dashdash = 1;
			for (i++; i < argc; i++)
				args_add(&c->cflags, argv[i]);
			break;
		}
		if (arg[0] != '-' || !arg[1]) {
			args_add(&c->paths, arg);
			continue;
		}
		o = find_option(arg, &value);
		if (!o && arg[1] == '-') {
			ret = core_option(c, arg, argc, argv, &i);
			if (ret != 1) {
				if (ret)
					return ret == -2 ? -EXIT_USAGE : EXIT_USAGE;
				continue;
			}
		}
		if (!o) {
			/* The gate's own options (gate/run.c). */
			ret = gate_option(&c->gate, argc, argv, &i, c->err, sizeof(c->err));
			if (ret < 0)
				return EXIT_USAGE;
			if (ret) {
				c->gated = 1;
				continue;
			}
		}
		if (!o) {
			snprintf(c->err, sizeof(c->err), "unknown option '%s' (see --help)", arg);
			return EXIT_USAGE;
		}
		if (o->value && !value) {
			if (i + 1 == argc) {
				snprintf(c->err, sizeof(c->err), "option '%s' needs a value", arg);
				return EXIT_USAGE;
			}
			value = argv[++i];
		}
		ret = o->fn(c, value);
		if (ret)
			return ret == -2 ? -EXIT_USAGE : EXIT_USAGE;
	}
	if (gate_opts_check(&c->gate, c->err, sizeof(c->err)))
		return EXIT_USAGE;
	if ((c->gate.import || c->gate.merge) && !c->paths.argc) {
		snprintf(c->err, sizeof(c->err), "--%s needs the files to read",
			 c->gate.import ? "import" : "merge");
		return EXIT_USAGE;
	}
	if (c->dashdash && c->db) {
		snprintf(c->err, sizeof(c->err), "-p and '--' do not go together: '--' means no database");
		return EXIT_USAGE;
	}
	if (c->dashdash && !c->paths.argc) {
		snprintf(c->err, sizeof(c->err), "'--' needs the files to check before it");
		return EXIT_USAGE;
	}
	return 0;
}

/* ---- the entries ------------------------------------------------------------ */

static int cpus(void)
{
	cpu_set_t set;
	long n;

	if (!sched_getaffinity(0, sizeof(set), &set) && CPU_COUNT(&set) > 0)
		return CPU_COUNT(&set);
	n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
}

/* The compile database, read: from -p, '--', or found upwards. */
static int open_db(struct cli *c, struct db *db, const char *cwd, char **shown)
{
	char *path;
	struct stat st;

	if (c->dashdash) {
		*db = (struct db){ 0 };
		for (int i = 0; i < c->paths.argc; i++) {
			if (access(c->paths.argv[i], R_OK)) {
				snprintf(c->err, sizeof(c->err), "%s: error: cannot read: %s",
					 c->paths.argv[i], strerror(errno));
				return -1;
			}
			db_add_plain(db, cwd, c->paths.argv[i], c->cflags.argc, c->cflags.argv);
		}
		*shown = strdup("(command line)");
		return 0;
	}
	if (c->db) {
		size_t n = strlen(c->db) + 32;

		path = malloc(n);
		if (!stat(c->db, &st) && S_ISDIR(st.st_mode))
			snprintf(path, n, "%s/compile_commands.json", c->db);
		else
			snprintf(path, n, "%s", c->db);
	} else {
		char *found = db_find(cwd);

		if (!found) {
			snprintf(c->err, sizeof(c->err),
				 "error: no compile_commands.json here or in any parent folder "
				 "(give one with -p, or check files with FILE.c -- CFLAGS)");
			return -1;
		}
		path = path_display(found, cwd);
		free(found);
	}
	*shown = path;
	return db_load(db, path, c->err, sizeof(c->err));
}

/* The entries the PATHs pick (every C entry without PATHs).  Returns the
 * number, or -1 when a PATH picks nothing. */
static int select_entries(struct cli *c, struct db *db, const char *cwd, const char *shown,
			  struct entry ***out, int *not_c)
{
	struct entry **sel = calloc(db->nr + 1, sizeof(*sel));
	char **abs = calloc(c->paths.argc + 1, sizeof(*abs));
	int *hits = calloc(c->paths.argc + 1, sizeof(*hits));
	int n = 0, ret = 0;

	for (int i = 0; i < c->paths.argc; i++)
		abs[i] = path_absolute(cwd, c->paths.argv[i]);
	*not_c = 0;
	for (int k = 0; k < db->nr; k++) {
		struct entry *e = &db->entries[k];
		int picked = !c->paths.argc;

		for (int i = 0; i < c->paths.argc; i++)
			if (path_within(e->file, abs[i]))
				picked = 1, hits[i]++;
		if (!picked)
			continue;
		if (!entry_is_c(e))
			(*not_c)++;
		else
			sel[n++] = e;
	}
	for (int i = 0; i < c->paths.argc && !ret; i++)
		if (!hits[i]) {
			snprintf(c->err, sizeof(c->err), "%s: error: no entry of %s compiles it",
				 c->paths.argv[i], shown);
			ret = -1;
		}
	for (int i = 0; i < c->paths.argc; i++)
		free(abs[i]);
	free(abs);
	free(hits);
	*out = sel;
	return ret ? ret : n;
}

/* --shard K/N: the entries whose file name hashes into shard K. */
static int shard_entries(struct cli *c, struct entry **sel, int n, const char *cwd)
{
	int out = 0;

	if (!c->gate.shard_n)
		return n;
	for (int i = 0; i < n; i++) {
		char *name = path_display(sel[i]->file, cwd);

		if (gate_shard_has(name, c->gate.shard_k, c->gate.shard_n))
			sel[out++] = sel[i];
		free(name);
	}
	return out;
}

/* --import / --merge: findings other runs wrote, through the gate alone. */
static int gate_files(struct cli *c)
{
	struct gate_set gs;
	int status;

	gate_set_init(&gs);
	for (int i = 0; i < c->paths.argc; i++) {
		const char *p = c->paths.argv[i];
		int rc = c->gate.import ? gate_import_file(&gs, p, c->err, sizeof(c->err)) :
					  gate_read_sarif(&gs, p, c->err, sizeof(c->err));

		if (rc) {
			gate_set_free(&gs);
			return fail(c, EXIT_USAGE);
		}
	}
	status = gate_finish(&c->gate, &gs, stderr);
	gate_set_free(&gs);
	gate_source_forget();
	return status;
}

/* ---- printing ---------------------------------------------------------------- */

static void print_word(const char *w)
{
	if (*w && !w[strcspn(w, " \t\n'\"\\$`*?[]{}()<>|&;#~!")]) {
		fputs(w, stdout);
		return;
	}
	putchar('\'');
	for (; *w; w++)
		if (*w == '\'')
			fputs("'\\''", stdout);
		else
			putchar(*w);
	putchar('\'');
}

/* What each entry's engine runs, as a command that reproduces it. */
static void print_commands(struct cli *c, struct entry **sel, int n)
{
	for (int i = 0; i < n; i++) {
		struct args a;

		flags_for(sel[i], c->engine, &a);
		fputs("cd ", stdout);
		print_word(sel[i]->dir);
		fputs(c->engine == ENGINE_CLANG ? " && clang -fsyntax-only" : " &&", stdout);
		for (int k = 0; k < a.argc; k++) {
			putchar(' ');
			print_word(a.argv[k]);
		}
		if (c->engine == ENGINE_GCC) {
			fputs(" -S -o /dev/null\n", stdout);	/* the source is among the words */
		} else {
			putchar(' ');
			print_word(sel[i]->file);
			putchar('\n');
		}
		args_free(&a);
	}
}

static void progress(int done, int total, const struct findings *set, void *ctx)
{
	(void)ctx;
	fprintf(stderr, "\r\033[Kiomemcheck: %d/%d files, %d findings", done, total, set->nr);
}

static void summary(int files, const struct findings *set, int failed, int not_c, double secs)
{
	char rules[512] = "";

	for (int r = 1; r < IOM_NR_RULES; r++)
		if (set->per_rule[r])
			snprintf(rules + strlen(rules), sizeof(rules) - strlen(rules), "%s%s %d",
				 rules[0] ? ", " : " (", iom_rule_name(r), set->per_rule[r]);
	if (rules[0])
		strcat(rules, ")");
	fprintf(stderr, "iomemcheck: %d file%s, %d finding%s%s, %d not analysed", files,
		files == 1 ? "" : "s", set->nr, set->nr == 1 ? "" : "s", rules, failed);
	if (not_c)
		fprintf(stderr, ", %d skipped (not C)", not_c);
	fprintf(stderr, secs < 10 ? ", %.1f s\n" : ", %.0f s\n", secs);
}

/* The GCC plugin: --plugin, else beside the program (the build tree's
 * plugin/ or an installation's lib/iomemcheck/). */
static int find_plugin(struct cli *c, const char *cwd)
{
	static const char *const beside[] = { "../plugin/iomemcheck.so",
					      "../lib/iomemcheck/iomemcheck.so" };
	char exe[PATH_MAX], *slash;
	ssize_t n;

	if (c->plugin) {
		c->run.plugin = path_absolute(cwd, c->plugin);
		if (access(c->run.plugin, R_OK)) {
			snprintf(c->err, sizeof(c->err), "%s: error: cannot read the plugin: %s",
				 c->plugin, strerror(errno));
			return -1;
		}
		return 0;
	}
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = 0;
		slash = strrchr(exe, '/');
		*slash = 0;
		for (size_t i = 0; i < sizeof(beside) / sizeof(beside[0]); i++) {
			char *p = path_absolute(exe, beside[i]);

			if (!access(p, R_OK)) {
				c->run.plugin = p;
				return 0;
			}
			free(p);
		}
	}
	snprintf(c->err, sizeof(c->err), "error: cannot find the GCC plugin iomemcheck.so "
		 "(give it with --plugin FILE)");
	return -1;
}

/* A native run through the gate: every finding and every file's fate. */
static int gate_native(struct cli *c, const struct findings *set, struct entry **sel,
		       const struct outcome *out, int n, const char *cwd)
{
	const char *engine = c->engine == ENGINE_CLANG ? "clang" : "gcc";
	struct gate_set gs;
	int status;

	gate_set_init(&gs);
	for (int i = 0; i < set->nr; i++)
		gate_set_add_iom(&gs, engine, &set->v[i]);
	for (int i = 0; i < n; i++) {
		char *name = path_display(sel[i]->file, cwd);

		gate_set_file(&gs, engine, name, out[i].analysed ? NULL :
			      out[i].error ? out[i].error : "could not be analysed");
		free(name);
	}
	status = gate_finish(&c->gate, &gs, stderr);
	gate_set_free(&gs);
	gate_source_forget();
	return status;
}

/* json=FILE: the findings appended to FILE, one line each, as the plugin
 * does: a kernel build's and the command's lines can share a file. */
static int append_json(struct cli *c, const struct findings *set)
{
	struct iom_output *o;

	if (!c->config.json)
		return 0;
	o = iom_output_open(&c->config, c->err, sizeof(c->err));
	if (!o)
		return -1;
	for (int i = 0; i < set->nr; i++)
		iom_output_finding(o, &set->v[i], NULL);
	if (iom_output_check(o, c->err, sizeof(c->err))) {
		iom_output_close(o);
		return -1;
	}
	iom_output_close(o);
	return 0;
}

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

static int fail(struct cli *c, int status)
{
	if (strstr(c->err, ": error:"))		/* FILE:LINE: error: ... */
		fprintf(stderr, "%s\n", c->err);
	else if (!strncmp(c->err, "error:", 6))
		fprintf(stderr, "iomemcheck: %s\n", c->err);
	else
		fprintf(stderr, "iomemcheck: error: %s\n", c->err);
	return status;
}

int main(int argc, char **argv)
{
	struct cli c = { .jobs = 0, .format = IOM_FORMAT_TEXT, .engine = ENGINE_CLANG };
	struct iom_rules *rules = iom_rules_new();
	struct findings set = { 0 };
	struct outcome *out;
	struct entry **sel;
	struct db db;
	char cwd[PATH_MAX], *shown = NULL;
	int n, ret, failed = 0, not_c = 0, status;
	double t0 = now();

	if (!getcwd(cwd, sizeof(cwd)))
		strcpy(cwd, "/");
	iom_config_init(&c.config, rules);
	gate_opts_init(&c.gate);
	ret = parse_options(&c, argc, argv);
	if (ret)
		return fail(&c, ret < 0 ? -ret : ret);
	c.run.rules = rules;
	c.run.options = c.config.options;
	if (c.gate.import || c.gate.merge)
		return gate_files(&c);
	if (!c.jobs)
		c.jobs = cpus();
	c.run.engine = c.engine;
	c.run.verbose = c.config.verbose || c.config.dump;
	if (c.engine == ENGINE_CLANG && !engine_clang_available() && !c.print_commands) {
		snprintf(c.err, sizeof(c.err), "this iomemcheck was built without the libclang "
			 "engine: use --engine=gcc");
		return fail(&c, EXIT_USAGE);
	}
	if (c.engine == ENGINE_GCC && !c.print_commands && find_plugin(&c, cwd))
		return fail(&c, EXIT_USAGE);
	if (open_db(&c, &db, cwd, &shown))
		return fail(&c, EXIT_USAGE);
	n = select_entries(&c, &db, cwd, shown, &sel, &not_c);
	if (n < 0)
		return fail(&c, EXIT_USAGE);
	n = shard_entries(&c, sel, n, cwd);
	if (c.print_commands) {
		print_commands(&c, sel, n);
		return EXIT_CLEAN;
	}

	out = calloc(n + 1, sizeof(*out));
	run_workers(&c.run, sel, n, c.jobs < n ? c.jobs : (n ? n : 1), cwd, &set, out,
		    !c.quiet && isatty(2) ? progress : NULL, NULL);
	if (!c.quiet && isatty(2))
		fputs("\r\033[K", stderr);
	findings_sort(&set);

	for (int i = 0; i < n; i++) {
		char *name = path_display(sel[i]->file, cwd);

		if (!out[i].analysed) {
			failed++;
			fprintf(stderr, "iomemcheck: %s: could not be analysed: %s\n", name,
				out[i].error);
		} else if (c.verbose && out[i].dropped) {
			fprintf(stderr, "iomemcheck: %s: dropped what the compiler rejected: %s\n",
				name, out[i].dropped);
		}
		free(name);
	}
	if (c.config.options.error)
		for (int i = 0; i < set.nr; i++)
			set.v[i].error = 1;
	if (append_json(&c, &set))
		return fail(&c, EXIT_USAGE);
	if (c.gated) {
		/* The gate's line (new, baselined, fixed) comes last. */
		if (!c.quiet)
			summary(n, &set, failed, not_c, now() - t0);
		status = gate_native(&c, &set, sel, out, n, cwd);
	} else {
		if (render_to(c.format, &set, c.output, c.err, sizeof(c.err)))
			return fail(&c, EXIT_USAGE);
		if (!c.quiet)
			summary(n, &set, failed, not_c, now() - t0);
		status = failed ? EXIT_NOT_ANALYSED : set.nr ? EXIT_FINDINGS : EXIT_CLEAN;
	}
	for (int i = 0; i < n; i++) {
		free(out[i].error);
		free(out[i].dropped);
	}
	findings_free(&set);
	free(out);
	free(sel);
	free(shown);
	db_free(&db);
	args_free(&c.paths);
	args_free(&c.cflags);
	args_free(&c.run.plugin_args);
	iom_rules_free(rules);
	return status;
}
