/*
 * iomemcheck.c - GCC plugin: I/O-memory discipline for struct iosys_map and
 * struct dma_buf_map (and any tagged-pointer type described in rules/).
 *
 * Options (-fplugin-arg-iomemcheck-<key>[=<value>]):
 *	rules=FILE		add or replace map types (rules/README.md)
 *	disable=IOM002,...	do not report these rules
 *	enable=IOM010,...	also report these (IOM010 is off by default)
 *	error			report findings as errors: the compile fails
 *	json=FILE		append one JSON object per finding to FILE
 *	verbose			say which functions were analysed or skipped
 *	dump			print each lowered function (for developers)
 *
 * Build:  make plugin/iomemcheck.so
 * Use:    gcc -fplugin=./plugin/iomemcheck.so -c file.c
 *         make KCFLAGS=-fplugin=$PWD/plugin/iomemcheck.so drivers/gpu/drm/
 *
 * The pass runs right after "ssa": helper calls are still calls then, even
 * at -O2, and no later pass has merged the loads of the two union members.
 *
 * Findings are printed in the compiler's output as
 *	file:line:col: warning: message [IOMnnn]
 * by the core's own renderer rather than warning_at(): kernel builds run
 * with -Werror (CONFIG_WERROR), and a checker must not turn a clean build
 * red unless asked to with 'error'.  Columns are byte columns (tab = 1), the
 * same in every iomemcheck engine.
 */
#include <fcntl.h>
#include <unistd.h>

#include "gcc-common.h"
#include "lower.h"

int plugin_is_GPL_compatible;

static const char plugin_name[] = "iomemcheck";

static struct plugin_info iomemcheck_info = {
	"0.1",
	"I/O-memory discipline checker for tagged map pointers\n"
	"rules=FILE\tadd or replace map types\n"
	"disable=IOMnnn,...\tdo not report these rules\n"
	"enable=IOMnnn,...\talso report these rules (IOM010 is off by default)\n"
	"error\treport findings as errors\n"
	"json=FILE\tappend one JSON object per finding to FILE\n"
	"verbose\tsay which functions were analysed or skipped\n"
	"dump\tprint each lowered function (for developers)\n"
};

static struct {
	struct iom_rules *rules;
	struct iom_options options;
	const char *json;
	int json_fd;
	int verbose;
	int dump;
	int findings;
	int active;		/* the TU mentions a map type: -1 until asked */
	struct iom_unit *unit;	/* facts across the TU's functions, once active */
} cfg;

/* ---- reporting ------------------------------------------------------------- */

static void report(const struct iom_finding *f, void *ctx)
{
	char buf[4096];
	int n;

	(void)ctx;
	cfg.findings++;
	if (!iom_warnings_inhibited() || f->error) {
		n = iom_format_text(f, buf, sizeof(buf));
		if (n > 0)
			fputs(buf, stderr);
	}
	if (cfg.json_fd >= 0) {
		n = iom_format_json(f, buf, sizeof(buf));
		/* One write() per line on an O_APPEND file: parallel compiles interleave
		 * whole lines, never pieces of them. */
		if (n > 0 && write(cfg.json_fd, buf, n) != n)
			warning(0, "%s: short write to %qs", plugin_name, cfg.json);
	}
}

/* ---- the pass -------------------------------------------------------------- */

/* Does this TU know any map type?  The identifier table answers for free. */
static bool mentions_map_types(void)
{
	for (int i = 0; i < iom_rules_nr_types(cfg.rules); i++)
		if (maybe_get_identifier(iom_rules_type_at(cfg.rules, i)->name))
			return true;
	return false;
}

static void analysed(const struct iom_func *fn, int n, void *ctx)
{
	function *fun = (function *)ctx;
	location_t loc = fun ? DECL_SOURCE_LOCATION(fun->decl) : UNKNOWN_LOCATION;
	const char *name = fun ? function_name(fun) : iom_func_name(fn);

	if (!cfg.verbose)
		return;
	if (n == IOM_DEFERRED)
		inform(loc, "%s: %qs deferred: it receives a map from a callback not seen yet",
		       plugin_name, name);
	else if (n < 0)
		inform(loc, "%s: %qs skipped: %s", plugin_name, name,
		       iom_func_error(fn) ? iom_func_error(fn) : "?");
	else
		inform(loc, "%s: %qs analysed, %d finding(s)", plugin_name, name, n);
}

static unsigned int iomemcheck_execute(function *fun)
{
	struct lower_opts lo = { cfg.rules };
	struct iom_func *fn;
	int n;

	if (!cfg.unit) {
		cfg.unit = iom_unit_new(cfg.rules);
		if (!cfg.unit)
			return 0;
		bind_ops_tables(cfg.unit);
	}
	fn = lower_function(fun, &lo);
	if (!fn)
		return 0;
	if (cfg.dump)
		iom_func_dump(fn, stderr);
	n = iom_unit_analyse(cfg.unit, fn, &cfg.options, report, NULL);
	analysed(fn, n, fun);
	if (n != IOM_DEFERRED)
		iom_func_free(fn);
	return 0;
}

static const pass_data iomemcheck_pass_data = {
	GIMPLE_PASS,		/* type */
	"iomemcheck",		/* name */
	OPTGROUP_NONE,		/* optinfo_flags */
	TV_NONE,		/* tv_id */
	PROP_cfg | PROP_ssa,	/* properties_required */
	0, 0, 0, 0
};

class iomemcheck_pass : public gimple_opt_pass {
public:
	iomemcheck_pass(gcc::context *ctx) : gimple_opt_pass(iomemcheck_pass_data, ctx) {}
	opt_pass *clone() final override { return new iomemcheck_pass(m_ctxt); }
	bool gate(function *) final override
	{
		/* Functions reach this pass after the whole TU is parsed, so the
		 * identifier table is complete by the first call. */
		if (cfg.active < 0)
			cfg.active = mentions_map_types();
		return cfg.active;
	}
	unsigned int execute(function *fun) final override { return iomemcheck_execute(fun); }
};

static void finish_unit(void *gcc_data, void *user_data)
{
	(void)gcc_data;
	(void)user_data;
	if (cfg.unit) {
		iom_unit_finish(cfg.unit, analysed, NULL);
		iom_unit_free(cfg.unit);
		cfg.unit = NULL;
	}
	if (cfg.options.error && cfg.findings)
		error_at(UNKNOWN_LOCATION, "%s: %d finding(s) reported as errors", plugin_name,
			 cfg.findings);
}

static void finish(void *gcc_data, void *user_data)
{
	(void)gcc_data;
	(void)user_data;
	if (cfg.json_fd >= 0)
		close(cfg.json_fd);
	iom_rules_free(cfg.rules);
	cfg.rules = NULL;
}

/* ---- arguments ------------------------------------------------------------- */

static bool rule_list(const char *key, const char *value, unsigned *bits)
{
	char err[128];

	if (!value || iom_parse_rule_list(value, bits, err, sizeof(err))) {
		error("%s: bad value for %<-fplugin-arg-%s-%s%>: %s", plugin_name, plugin_name, key,
		      value ? err : "a rule list is required");
		return false;
	}
	return true;
}

static bool parse_args(struct plugin_name_args *info)
{
	char err[512];
	unsigned bits;

	for (int i = 0; i < info->argc; i++) {
		const char *key = info->argv[i].key, *value = info->argv[i].value;

		if (!strcmp(key, "rules") && value) {
			if (iom_rules_load_file(cfg.rules, value, err, sizeof(err))) {
				/* One line, FILE:LINE: error: ..., the form editors parse. */
				fprintf(stderr, "%s\n", err);
				return false;
			}
		} else if (!strcmp(key, "disable")) {
			if (!rule_list(key, value, &bits))
				return false;
			cfg.options.enabled &= ~bits;
		} else if (!strcmp(key, "enable")) {
			if (!rule_list(key, value, &bits))
				return false;
			cfg.options.enabled |= bits;
		} else if (!strcmp(key, "error") && !value) {
			cfg.options.error = 1;
		} else if (!strcmp(key, "json") && value) {
			cfg.json = value;
			cfg.json_fd = open(value, O_WRONLY | O_CREAT | O_APPEND, 0644);
			if (cfg.json_fd < 0) {
				error("%s: cannot open %qs for appending", plugin_name, value);
				return false;
			}
		} else if (!strcmp(key, "verbose") && !value) {
			cfg.verbose = 1;
		} else if (!strcmp(key, "dump") && !value) {
			cfg.dump = 1;
		} else {
			error("%s: unknown option %<-fplugin-arg-%s-%s%>", plugin_name, plugin_name,
			      key);
			return false;
		}
	}
	return true;
}

int plugin_init(struct plugin_name_args *info, struct plugin_gcc_version *version)
{
	struct register_pass_info pass;

	if (!built_for_this_gcc(version))
		exit(FATAL_EXIT_CODE);	/* its one line said why; nothing else may run */
	cfg.json_fd = -1;
	cfg.active = -1;
	cfg.rules = iom_rules_new();
	if (!cfg.rules) {
		error("%s: built-in rules failed to load", plugin_name);
		return 1;
	}
	iom_options_init(&cfg.options);
	register_callback(info->base_name, PLUGIN_INFO, NULL, &iomemcheck_info);
	if (!parse_args(info)) {
		/* The compile must fail, and nothing else should run. */
		exit(FATAL_EXIT_CODE);
	}
	/* C only: the map types and their helpers are C. */
	if (strncmp(lang_hooks.name, "GNU C", 5) || !strcmp(lang_hooks.name, "GNU C++"))
		return 0;

	pass.pass = new iomemcheck_pass(g);
	pass.reference_pass_name = "ssa";
	pass.ref_pass_instance_number = 1;
	pass.pos_op = PASS_POS_INSERT_AFTER;
	register_callback(info->base_name, PLUGIN_PASS_MANAGER_SETUP, NULL, &pass);
	register_callback(info->base_name, PLUGIN_FINISH_UNIT, finish_unit, NULL);
	register_callback(info->base_name, PLUGIN_FINISH, finish, NULL);
	return 0;
}
