/*
 * options.c - the command's options: its own (-p, -j, -o, --format, ...)
 * from one table here, the engine options from the core's (options.def).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#ifndef IOM_VERSION
#define IOM_VERSION "0.1"
#endif

static const char usage_text[] =
"usage: iomemcheck [OPTIONS] [-p DIR|FILE] [PATH...]\n"
"       iomemcheck [OPTIONS] FILE.c... -- CFLAGS...\n"
"       iomemcheck --lsp [-p DIR|FILE] [ENGINE OPTIONS]\n"
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
"                     json (one object per line, as the plugin's json=), and\n"
"                     those of the CI gate below\n"
"  --engine=ENGINE    clang (default: libclang parses each file) or gcc (each\n"
"                     entry's own compile command runs with the GCC plugin)\n"
"  --plugin FILE      the GCC plugin for --engine=gcc (default: next to iomemcheck)\n"
"  --print-commands   print what each entry's engine would run, analyse nothing\n"
"  --lsp              be a language server on stdin/stdout (LSP; lsp/README.md):\n"
"                     diagnostics and quick fixes in the editor, with libclang\n"
"  --fix              apply the findings' fix-its to the files (each replaced\n"
"                     atomically, only if its text is still the one analysed);\n"
"                     overlapping fix-its are reported, not applied\n"
"  --diff             print the fix-its as a unified patch (git apply, patch -p1)\n"
"                     on stdout instead of the findings\n"
"  --facts FILE       what functions of other files do to the maps they are\n"
"                     handed: read, updated for the files that changed, and\n"
"                     written back (default: iomemcheck.facts beside the\n"
"                     database; with '--', none unless given)\n"
"  --no-facts         no facts across files: each file alone\n"
"  --merge-facts FILE merge the fact files and folders of them given as PATHs\n"
"                     (a build's -fplugin-arg-iomemcheck-summaries=DIR) into FILE\n"
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
"exit status:\n"
"  0  no findings (no new findings with --baseline)\n"
"  1  findings\n"
"  2  usage or input error (a broken database: FILE:LINE: error: ...)\n"
"  3  a file could not be analysed (also when there are findings)\n";

/* ---- options --------------------------------------------------------------- */

typedef int (*option_fn)(struct cli *, const char *value);

static int opt_help(struct cli *c, const char *v);

static int opt_db(struct cli *c, const char *v) { c->db = v; return 0; }
static int opt_output(struct cli *c, const char *v) { c->output = c->gate.output = v; return 0; }
static int opt_plugin(struct cli *c, const char *v) { c->plugin = v; return 0; }
static int opt_quiet(struct cli *c, const char *v) { (void)v; c->quiet = c->gate.quiet = 1; return 0; }
static int opt_print(struct cli *c, const char *v) { (void)v; c->print_commands = 1; return 0; }
static int opt_lsp(struct cli *c, const char *v) { (void)v; c->lsp = 1; return 0; }
static int opt_apply(struct cli *c, int mode)
{
	if (c->apply && c->apply != mode) {
		snprintf(c->err, sizeof(c->err), "--fix and --diff do not go together "
			 "(--diff changes no file)");
		return -1;
	}
	c->apply = mode;
	return 0;
}

static int opt_fix(struct cli *c, const char *v) { (void)v; return opt_apply(c, APPLY_FIX); }
static int opt_diff(struct cli *c, const char *v) { (void)v; return opt_apply(c, APPLY_DIFF); }
static int opt_facts(struct cli *c, const char *v) { c->facts = v; return 0; }
static int opt_no_facts(struct cli *c, const char *v) { (void)v; c->no_facts = 1; return 0; }
static int opt_merge_facts(struct cli *c, const char *v) { c->merge_facts = v; return 0; }


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
static const char *const not_for_plugin[] = { "json", "error", "fixits", "summaries" };

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
	{ "lsp",		0,   0, opt_lsp },
	{ "fix",		0,   0, opt_fix },
	{ "diff",		0,   0, opt_diff },
	{ "facts",		0,   1, opt_facts },
	{ "no-facts",		0,   0, opt_no_facts },
	{ "merge-facts",	0,   1, opt_merge_facts },
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

static int opt_help(struct cli *c, const char *v)
{
	const struct iom_option_info *t;
	int n;

	(void)c, (void)v;
	fputs(usage_text, stdout);
	t = iom_option_table(&n);
	for (int i = 0; i < n; i++) {
		char left[64], own[80];
		const char *v;

		/* the command's own option of that name is the one it takes */
		snprintf(own, sizeof(own), "--%s", t[i].name);
		if (find_option(own, &v))
			continue;

		snprintf(left, sizeof(left), "--%s%s%s", t[i].name, t[i].value ? " " : "",
			 t[i].value ? t[i].value : "");
		printf("  %-18s %s\n", left, t[i].help);
	}
	fputs(gate_help, stdout);
	fputs(usage_tail, stdout);
	exit(EXIT_CLEAN);
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

/* Returns 0, or the exit status of a usage error (see cli.h). */
int parse_options(struct cli *c, int argc, char **argv)
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
	if (c->config.summaries) {
		snprintf(c->err, sizeof(c->err), "--summaries is for the GCC plugin and "
			 "iomemcheck-sparse: the command keeps its facts in --facts FILE");
		return EXIT_USAGE;
	}
	if (c->merge_facts && (!c->paths.argc || c->dashdash || c->lsp || c->gated)) {
		snprintf(c->err, sizeof(c->err), "--merge-facts FILE takes the fact files and "
			 "folders to merge as PATHs, and nothing else");
		return EXIT_USAGE;
	}
	if ((c->gate.import || c->gate.merge) && !c->paths.argc) {
		snprintf(c->err, sizeof(c->err), "--%s needs the files to read",
			 c->gate.import ? "import" : "merge");
		return EXIT_USAGE;
	}
	if (c->lsp && (c->dashdash || c->paths.argc || c->gated || c->engine != ENGINE_CLANG)) {
		snprintf(c->err, sizeof(c->err), "--lsp takes no PATH, '--', --engine=gcc or CI gate "
			 "option: the editor names the files");
		return EXIT_USAGE;
	}
	if (c->apply && (c->gated || c->print_commands || c->lsp)) {
		snprintf(c->err, sizeof(c->err), "--%s does not go with the CI gate's options, "
			 "--print-commands or --lsp", c->apply == APPLY_FIX ? "fix" : "diff");
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
