/*
 * main.c - the iomemcheck command: the run and the exit status.
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

#include "cli.h"
#include "lsp.h"

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
	if (db_load(db, path, c->err, sizeof(c->err)))
		return -1;
	if (!db->nr)	/* a CI job passing on nothing should say so */
		fprintf(stderr, "iomemcheck: warning: %s has no entries: nothing was checked\n",
			path);
	return 0;
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
		else if (!ret && entry_check(e, cwd, c->err, sizeof(c->err)))
			ret = -1;
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

struct progress {
	int tty;
	struct apply_run *fixing;	/* --fix, --diff: the texts analysed */
};

static void progress(int done, int total, const struct findings *set, void *ctx)
{
	struct progress *p = ctx;

	apply_seen(p->fixing, set);
	if (p->tty)
		fprintf(stderr, "\r\033[Kiomemcheck: %d/%d files, %d findings", done, total,
			set->nr);
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
 * gcc/ or an installation's lib/iomemcheck/). */
static int find_plugin(struct cli *c, const char *cwd)
{
	static const char *const beside[] = { "../gcc/iomemcheck.so",
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

/* json=FILE: the findings appended to FILE, one line each, as the plugin
 * does: a kernel build's and the command's lines can share a file. */
static int append_json(struct cli *c, const struct findings *set)
{
	struct iom_output *o;

	if (!c->config.json)
		return 0;
	if (out_check_append(c->config.json, c->err, sizeof(c->err)))
		return -1;
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

/* Each file that could not be analysed, with its first error, in entry
 * order; with -v, the flags a compiler rejected.  Returns how many failed. */
static int report_files(struct cli *c, struct entry **sel, struct outcome *out, int n,
			const char *cwd)
{
	int failed = 0;

	for (int i = 0; i < n; i++) {
		char *name = path_display(sel[i]->file, cwd);

		if (!out[i].analysed) {
			failed++;
			fprintf(stderr, "iomemcheck: %s: could not be analysed: %s\n", name,
				out[i].error);
		} else if (c->verbose && out[i].dropped) {
			fprintf(stderr, "iomemcheck: %s: dropped what the compiler rejected: %s\n",
				name, out[i].dropped);
		}
		free(name);
		free(out[i].error);
		free(out[i].dropped);
	}
	return failed;
}

/* ---- the CI gate (gate/) ---------------------------------------------------- */

/* --shard K/N: the entries whose file name hashes into shard K. */
static int shard_entries(struct cli *c, struct entry **sel, int n, const char *cwd)
{
	int kept = 0;

	if (!c->gate.shard_n)
		return n;
	for (int i = 0; i < n; i++) {
		char *name = path_display(sel[i]->file, cwd);

		if (gate_shard_has(name, c->gate.shard_k, c->gate.shard_n))
			sel[kept++] = sel[i];
		free(name);
	}
	return kept;
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

static const char *engine_name(const struct cli *c)
{
	return c->engine == ENGINE_CLANG ? "clang" : "gcc";
}

/* Every file's fate, before report_files() frees the errors. */
static void gate_outcomes(struct cli *c, struct gate_set *gs, struct entry **sel,
			  const struct outcome *out, int n, const char *cwd)
{
	for (int i = 0; i < n; i++) {
		char *name = path_display(sel[i]->file, cwd);

		gate_set_file(gs, engine_name(c), name, out[i].analysed ? NULL :
			      out[i].error ? out[i].error : "could not be analysed");
		free(name);
	}
}

/* A native run through the gate: the command's summary first, the gate's
 * line (new, baselined, fixed) last.  Returns the exit status. */
static int gate_native(struct cli *c, struct gate_set *gs, const struct findings *set,
		       int n, int failed, int not_c, double t0)
{
	int status;

	for (int i = 0; i < set->nr; i++)
		gate_set_add_iom(gs, engine_name(c), &set->v[i]);
	if (append_json(c, set))
		return fail(c, EXIT_USAGE);
	if (!c->quiet)
		summary(n, set, failed, not_c, now() - t0);
	status = gate_finish(&c->gate, gs, stderr);
	gate_source_forget();
	return status;
}

/*
 * The fact file beside the database could not be written (a read-only
 * tree): the findings stand, the next run starts from nothing; said once.
 * One the user named (--facts FILE) is an error.  Returns 1 when it was
 * only said.
 */
static int facts_not_kept(struct cli *c)
{
	if (c->facts)
		return 0;
	fprintf(stderr, "iomemcheck: warning: %s (the facts are not kept: --facts FILE puts them "
		"elsewhere, --no-facts does without)\n", c->err);
	c->err[0] = 0;
	return 1;
}

static void one_pass(struct cli *c, struct fact_run *fr, struct progress *p,
		     struct entry **sel, int n, const char *cwd, struct findings *set,
		     struct outcome *out)
{
	c->run.options.facts = fr->known;
	c->run.facts_file = fr->temp[0] ? fr->temp : NULL;
	run_workers(&c->run, sel, n, c->jobs < n ? c->jobs : (n ? n : 1), cwd, set, out,
		    p->tty || p->fixing ? progress : NULL, p);
	if (p->tty)
		fputs("\r\033[K", stderr);
}

/*
 * The entries whose questions to other files got other answers at the end of
 * the first pass (cmd/facts.c) run again with every file's facts; their first
 * findings are dropped.  Returns 0, or -1 with a message in c->err.
 */
static int second_pass(struct cli *c, struct fact_run *fr, struct progress *p,
		       struct entry **sel, int n, const char *cwd, struct findings *set,
		       struct outcome *out)
{
	unsigned char *again = calloc(n + 1, 1), *drop = calloc(set->nr + 1, 1);
	struct entry **sub = calloc(n + 1, sizeof(*sub));
	struct outcome *sub_out = calloc(n + 1, sizeof(*sub_out));
	int k = facts_next_pass(fr, sel, out, n, again), m = 0;

	if (k > 0 && (c->run.engine != ENGINE_GCC || !facts_for_plugin(fr, c->err, sizeof(c->err)))) {
		for (int i = 0; i < n; i++) {
			if (!again[i])
				continue;
			for (int j = 0; j < out[i].nr_findings; j++)
				drop[out[i].first + j] = 1;
			sub[m++] = sel[i];
		}
		apply_seen(p->fixing, set);	/* every file the dropped ones edit */
		findings_drop(set, drop);
		apply_rewind(p->fixing, set->nr);
		if (c->verbose)
			fprintf(stderr, "iomemcheck: %d file%s again with the facts of the others\n",
				m, m == 1 ? "" : "s");
		one_pass(c, fr, p, sub, m, cwd, set, sub_out);
		for (int i = 0, j = 0; i < n; i++) {
			if (!again[i])
				continue;
			free(out[i].error);
			free(out[i].dropped);
			free(out[i].facts);
			out[i] = sub_out[j++];
		}
	}
	free(again);
	free(drop);
	free(sub);
	free(sub_out);
	if (k < 0)
		snprintf(c->err, sizeof(c->err), "error: out of memory");
	return k < 0 || (k > 0 && c->err[0]) ? -1 : 0;
}

/* Analyse the entries, print what was found.  Returns the exit status. */
static int analyse(struct cli *c, struct entry **sel, int n, int not_c, const char *cwd,
		   double t0)
{
	struct outcome *out = calloc(n + 1, sizeof(*out));
	struct findings set = { 0 };
	struct fact_run fr;
	struct gate_set gs;
	int tty = !c->quiet && isatty(2), failed, status;
	struct progress p = { tty, c->apply ? apply_begin(sel, n) : NULL };

	if (facts_open(&fr, c->facts, c->dashdash ? NULL : c->db_path, c->no_facts, c->err,
		       sizeof(c->err))) {
		apply_end(p.fixing);
		return fail(c, EXIT_USAGE);
	}
	facts_forget_changed(&fr, sel, n, c->verbose);
	if (c->run.engine == ENGINE_GCC && facts_for_plugin(&fr, c->err, sizeof(c->err))) {
		facts_close(&fr);
		apply_end(p.fixing);
		return fail(c, EXIT_USAGE);
	}
	one_pass(c, &fr, &p, sel, n, cwd, &set, out);
	if (fr.known && (second_pass(c, &fr, &p, sel, n, cwd, &set, out) ||
			 (facts_save(&fr, c->err, sizeof(c->err)) && !facts_not_kept(c)))) {
		facts_close(&fr);
		findings_free(&set);
		apply_end(p.fixing);
		return fail(c, EXIT_USAGE);
	}
	facts_close(&fr);
	for (int i = 0; i < n; i++)
		free(out[i].facts);
	findings_sort(&set);
	gate_set_init(&gs);
	if (c->gated)
		gate_outcomes(c, &gs, sel, out, n, cwd);
	failed = report_files(c, sel, out, n, cwd);
	free(out);
	if (c->config.options.error)
		for (int i = 0; i < set.nr; i++)
			set.v[i].error = 1;
	if (c->gated) {
		status = gate_native(c, &gs, &set, n, failed, not_c, t0);
		gate_set_free(&gs);
		findings_free(&set);
		return status;
	}
	/* The text with fix-it lines when asked; --diff puts the patch on stdout
	 * in place of the findings (still written with -o). */
	if (c->config.fixits && c->format == IOM_FORMAT_TEXT)
		c->format = IOM_FORMAT_FIXITS;
	if (((c->apply != APPLY_DIFF || c->output) &&
	     render_to(c->format, &set, c->output, c->err, sizeof(c->err))) ||
	    append_json(c, &set) ||
	    (c->apply && apply_fixes(p.fixing, &set, c->apply, c->quiet, c->err, sizeof(c->err)))) {
		apply_end(p.fixing);
		findings_free(&set);
		return fail(c, EXIT_USAGE);
	}
	apply_end(p.fixing);
	if (!c->quiet)
		summary(n, &set, failed, not_c, now() - t0);
	status = failed ? EXIT_NOT_ANALYSED : set.nr ? EXIT_FINDINGS : EXIT_CLEAN;
	findings_free(&set);
	return status;
}

/* What the options ask for can be done here: engine and plugin present. */
static int check_engine(struct cli *c, const char *cwd)
{
	if (c->print_commands)
		return 0;
	if (c->engine == ENGINE_CLANG && !engine_clang_available()) {
		snprintf(c->err, sizeof(c->err), "this iomemcheck was built without the libclang "
			 "engine: use --engine=gcc");
		return -1;
	}
	return c->engine == ENGINE_GCC ? find_plugin(c, cwd) : 0;
}

int main(int argc, char **argv)
{
	struct cli c = { .jobs = 0, .format = IOM_FORMAT_TEXT, .engine = ENGINE_CLANG };
	struct iom_rules *rules = iom_rules_new();
	struct entry **sel;
	struct db db;
	char cwd[PATH_MAX], *shown = NULL;
	int n, ret, not_c = 0, status;
	double t0 = now();

	if (!getcwd(cwd, sizeof(cwd)))
		strcpy(cwd, "/");
	iom_config_init(&c.config, rules);
	gate_opts_init(&c.gate);
	ret = parse_options(&c, argc, argv);
	if (ret)
		return fail(&c, ret < 0 ? -ret : ret);
	if (c.gate.import || c.gate.merge)
		return gate_files(&c);
	c.run.rules = rules;
	c.run.options = c.config.options;
	c.run.engine = c.engine;
	c.run.verbose = c.config.verbose || c.config.dump;
	if (!c.jobs)
		c.jobs = cpus();
	if (c.lsp) {
		if (check_engine(&c, cwd))
			return fail(&c, EXIT_USAGE);
		return lsp_main(&c.run, c.db);
	}
	if (c.merge_facts)
		return facts_merge_files(c.merge_facts, c.paths.argc, c.paths.argv, c.err,
					 sizeof(c.err)) ? fail(&c, EXIT_USAGE) : EXIT_CLEAN;
	if (check_engine(&c, cwd) || open_db(&c, &db, cwd, &shown))
		return fail(&c, EXIT_USAGE);
	c.db_path = shown;
	n = select_entries(&c, &db, cwd, shown, &sel, &not_c);
	if (n < 0)
		return fail(&c, EXIT_USAGE);
	n = shard_entries(&c, sel, n, cwd);
	if (c.print_commands) {
		print_commands(&c, sel, n);
		status = EXIT_CLEAN;
	} else {
		status = analyse(&c, sel, n, not_c, cwd, t0);
	}
	free(sel);
	free(shown);
	db_free(&db);
	args_free(&c.paths);
	args_free(&c.cflags);
	args_free(&c.run.plugin_args);
	iom_rules_free(rules);
	return status;
}
