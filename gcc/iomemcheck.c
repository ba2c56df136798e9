/*
 * iomemcheck.c - GCC plugin: I/O-memory discipline for struct iosys_map and
 * struct dma_buf_map (and any tagged-pointer type described in rules/).
 *
 * Options (-fplugin-arg-iomemcheck-<key>[=<value>]): the core's table,
 * core/options.def (rules=FILE, disable=, enable=, error, json=FILE,
 * verbose, dump); `gcc -fplugin=iomemcheck.so -v --help` lists them
 * from the same table.
 *
 * Build:  make gcc/iomemcheck.so
 * Use:    gcc -fplugin=./gcc/iomemcheck.so -c file.c
 *         make KCFLAGS=-fplugin=$PWD/gcc/iomemcheck.so drivers/gpu/drm/
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
#include "gcc-common.h"
#include "lower.h"

int plugin_is_GPL_compatible;

static const char plugin_name[] = "iomemcheck";

static struct plugin_info iomemcheck_info = { "0.1", NULL };

static struct {
	struct iom_rules *rules;
	struct iom_config config;	/* what the arguments asked for */
	struct iom_output *out;
	int findings;
	int active;		/* the TU mentions a map type: -1 until asked */
	struct iom_unit *unit;	/* facts across the TU's functions, once active */
} cfg;

/* ---- reporting ------------------------------------------------------------- */

static void report(const struct iom_finding *f, void *ctx)
{
	(void)ctx;
	cfg.findings++;
	/* -w silences warnings, not errors: the text follows the compiler's
	 * flags, the JSON file does not. */
	iom_output_finding(cfg.out, f, !iom_warnings_inhibited() || f->error ? stderr : NULL);
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

	if (!cfg.config.verbose)
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
	if (cfg.config.dump)
		iom_func_dump(fn, stderr);
	n = iom_unit_analyse(cfg.unit, fn, &cfg.config.options, report, NULL);
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
	char err[512];

	(void)gcc_data;
	(void)user_data;
	/* A file with no function about maps may still declare a driver
	 * (struct drm_driver) whose backend the next build's facts need. */
	if (!cfg.unit && cfg.config.summaries && (cfg.unit = iom_unit_new(cfg.rules)))
		bind_ops_tables(cfg.unit);
	if (cfg.unit) {
		iom_unit_finish(cfg.unit, analysed, NULL);
		/* summaries=DIR: what the next build's facts= will know of this file */
		if (cfg.config.summaries &&
		    iom_unit_save_facts(cfg.unit, main_input_filename, cfg.config.summaries, err,
					sizeof(err)))
			error_at(UNKNOWN_LOCATION, "%s: %s", plugin_name, err);
		iom_unit_free(cfg.unit);
		cfg.unit = NULL;
	}
	if (cfg.config.options.error && cfg.findings)
		error_at(UNKNOWN_LOCATION, "%s: %d finding(s) reported as errors", plugin_name,
			 cfg.findings);
	/* Once per compile, and an error whatever -w or -Werror say: the findings
	 * asked for were not all recorded. */
	if (iom_output_check(cfg.out, err, sizeof(err)))
		error_at(UNKNOWN_LOCATION, "%s: %s", plugin_name, err);
}

static void finish(void *gcc_data, void *user_data)
{
	(void)gcc_data;
	(void)user_data;
	iom_output_close(cfg.out);
	cfg.out = NULL;
	iom_config_release(&cfg.config);
	iom_rules_free(cfg.rules);
	cfg.rules = NULL;
}

/* ---- arguments ------------------------------------------------------------- */

/* "I/O-memory ...\nrules=FILE\tadd or replace ...\n...", from the core's table. */
static const char *help_text(void)
{
	static const char intro[] = "I/O-memory discipline checker for tagged map pointers\n";
	int n;
	const struct iom_option_info *o = iom_option_table(&n);
	size_t len = sizeof(intro);
	char *s, *p;

	for (int i = 0; i < n; i++)
		len += strlen(o[i].name) + (o[i].value ? strlen(o[i].value) + 1 : 0) +
		       strlen(o[i].help) + 2;
	p = s = XNEWVEC(char, len);
	p += sprintf(p, "%s", intro);
	for (int i = 0; i < n; i++)
		p += sprintf(p, "%s%s%s\t%s\n", o[i].name, o[i].value ? "=" : "",
			     o[i].value ? o[i].value : "", o[i].help);
	return s;
}

static bool parse_args(struct plugin_name_args *info)
{
	char err[512], shown[256];

	for (int i = 0; i < info->argc; i++) {
		const char *key = info->argv[i].key;

		snprintf(shown, sizeof(shown), "-fplugin-arg-%s-%s", plugin_name, key);
		switch (iom_config_set(&cfg.config, key, info->argv[i].value, shown, err,
				       sizeof(err))) {
		case 0:
			continue;
		case IOM_OPT_INPUT:
			/* One line, FILE:LINE: error: ..., the form editors parse. */
			fprintf(stderr, "%s\n", err);
			return false;
		default:
			error("%s: %s", plugin_name, err);
			return false;
		}
	}
	/* Opened only now: an option refused above leaves no file behind. */
	cfg.out = iom_output_open(&cfg.config, err, sizeof(err));
	if (!cfg.out) {
		error("%s: %s", plugin_name, err);
		return false;
	}
	return true;
}

int plugin_init(struct plugin_name_args *info, struct plugin_gcc_version *version)
{
	struct register_pass_info pass;

	if (!built_for_this_gcc(version))
		exit(FATAL_EXIT_CODE);	/* its one line said why; nothing else may run */
	cfg.active = -1;
	cfg.rules = iom_rules_new();
	if (!cfg.rules) {
		error("%s: built-in rules failed to load", plugin_name);
		return 1;
	}
	iom_config_init(&cfg.config, cfg.rules);
	iomemcheck_info.help = help_text();
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
