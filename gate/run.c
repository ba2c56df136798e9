/*
 * run.c - the gate's options and the end of every run: whatever produced
 * the findings (the engines, --import, --merge), they are keyed, matched
 * against suppressions and the baseline, rendered and counted here, and
 * the exit status follows the command's contract.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"
#include "gate.h"

const char gate_help[] =
	"\n"
	"CI gate (findings of any engine; with a baseline, \"findings\" means new ones):\n"
	"  --format=FORMAT    also sarif (SARIF 2.1.0), github (workflow annotations),\n"
	"                     codequality (GitLab), 0day (new findings marked >>)\n"
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
	"  or alone on the line above; the reason is required.\n";

void gate_opts_init(struct gate_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->format = GATE_FMT_GNU;
}

enum { FLAG, VALUE };

static const struct {
	const char *name;
	int kind;
} options[] = {
	{ "--format", VALUE }, { "-o", VALUE }, { "--sarif-all", FLAG },
	{ "--baseline", VALUE }, { "--write-baseline", VALUE }, { "--prune-baseline", FLAG },
	{ "--import", FLAG }, { "--merge", FLAG }, { "--shard", VALUE }, { "--srcroot", VALUE },
	{ "-q", FLAG },
};

static int set(struct gate_opts *o, const char *name, const char *v, char *err, size_t len)
{
	if (!strcmp(name, "--format")) {
		if ((o->format = gate_format_of(v)) < 0) {
			snprintf(err, len, "unknown format '%s' (gnu, json, sarif, github, "
				 "codequality, 0day)", v);
			return -1;
		}
	} else if (!strcmp(name, "-o")) {
		o->output = v;
	} else if (!strcmp(name, "--sarif-all")) {
		o->sarif_all = 1;
	} else if (!strcmp(name, "--baseline")) {
		o->baseline = v;
	} else if (!strcmp(name, "--write-baseline")) {
		o->write_baseline = v;
	} else if (!strcmp(name, "--prune-baseline")) {
		o->prune = 1;
	} else if (!strcmp(name, "--import")) {
		o->import = 1;
	} else if (!strcmp(name, "--merge")) {
		o->merge = 1;
	} else if (!strcmp(name, "--shard")) {
		if (gate_shard_parse(v, &o->shard_k, &o->shard_n)) {
			snprintf(err, len, "--shard wants K/N with 1 <= K <= N, not '%s'", v);
			return -1;
		}
	} else if (!strcmp(name, "--srcroot")) {
		o->srcroot = v;
	} else if (!strcmp(name, "-q")) {
		o->quiet = 1;
	}
	return 1;
}

int gate_option(struct gate_opts *o, int argc, char **argv, int *i, char *err, size_t len)
{
	const char *arg = argv[*i];

	for (size_t k = 0; k < sizeof(options) / sizeof(options[0]); k++) {
		size_t n = strlen(options[k].name);

		if (strncmp(arg, options[k].name, n))
			continue;
		if (options[k].kind == FLAG) {
			if (arg[n])
				continue;
			return set(o, options[k].name, NULL, err, len);
		}
		if (arg[n] == '=')
			return set(o, options[k].name, arg + n + 1, err, len);
		if (arg[n])
			continue;
		if (*i + 1 >= argc) {
			snprintf(err, len, "%s needs a value", options[k].name);
			return -1;
		}
		return set(o, options[k].name, argv[++*i], err, len);
	}
	return 0;
}

int gate_opts_check(const struct gate_opts *o, char *err, size_t len)
{
	if (o->prune && !o->baseline) {
		snprintf(err, len, "--prune-baseline needs --baseline FILE");
		return -1;
	}
	if (o->import && o->merge) {
		snprintf(err, len, "--import and --merge do not go together");
		return -1;
	}
	if (o->sarif_all && o->format != GATE_FMT_SARIF) {
		snprintf(err, len, "--sarif-all goes with --format=sarif");
		return -1;
	}
	return 0;
}

/* Imported findings are sharded by their own file; a native run shards the
 * database's entries before analysing. */
static void shard(const struct gate_opts *o, struct gate_set *s)
{
	struct gate_set keep;

	if (!o->shard_n || !o->import)
		return;
	gate_set_init(&keep);
	for (int i = 0; i < s->n; i++)
		if (gate_shard_has(s->v[i].file, o->shard_k, o->shard_n)) {
			struct gate_finding *f = &s->v[i];
			struct gate_finding *g = gate_set_add(&keep, f->engine, f->rule, f->error,
							      f->file, f->line, f->col, f->function,
							      f->message);

			for (int k = 0; k < f->nr_notes; k++)
				gate_finding_note(g, f->notes[k].file, f->notes[k].line,
						  f->notes[k].col, f->notes[k].text);
		}
	for (int i = 0; i < s->nr_files; i++)
		if (gate_shard_has(s->files[i].file, o->shard_k, o->shard_n))
			gate_set_file(&keep, s->files[i].engine, s->files[i].file, s->files[i].error);
	gate_set_free(s);
	*s = keep;
}

static void count(const struct gate_set *s, struct gate_summary *sum)
{
	sum->found = s->n;
	for (int i = 0; i < s->n; i++) {
		sum->new_ += s->v[i].state == GATE_NEW;
		sum->baselined += s->v[i].state == GATE_BASELINED;
		sum->suppressed += s->v[i].state == GATE_SUPPRESSED;
	}
	sum->files = s->nr_files;
	for (int i = 0; i < s->nr_files; i++)
		sum->not_analysed += s->files[i].error != NULL;
}

static int write_file(const char *path, const char *text, FILE *err)
{
	char msg[1024];

	if (out_file(path, text, strlen(text), msg, sizeof(msg))) {
		fprintf(err, "%s\n", msg);
		return -1;
	}
	return 0;
}

static void print_summary(const struct gate_opts *o, const struct gate_summary *sum, FILE *err)
{
	if (o->baseline)
		fprintf(err, "iomemcheck: %d new, %d baselined, %d fixed (in the baseline, no "
			"longer found)", sum->new_, sum->baselined, sum->fixed);
	else
		fprintf(err, "iomemcheck: %d findings", sum->new_);
	fprintf(err, ", %d suppressed, %d file(s) not analysed\n", sum->suppressed,
		sum->not_analysed);
}

int gate_finish(const struct gate_opts *o, struct gate_set *s, FILE *err)
{
	struct gate_summary sum = { 0 };
	struct gate_sarif_opts so = { o->sarif_all, o->srcroot, NULL, o->baseline != NULL };
	struct gate_baseline b = { 0 };
	char msg[1024], *text;
	int status = GATE_EXIT_CLEAN, bad = 0;

	shard(o, s);
	gate_set_sort_unique(s);
	gate_set_keys(s);
	if (gate_suppress(s, err))
		bad = 1;
	if (o->baseline) {
		if (gate_baseline_read(&b, o->baseline, msg, sizeof(msg))) {
			fprintf(err, "%s\n", msg);
			gate_baseline_free(&b);
			return GATE_EXIT_USAGE;
		}
		sum.fixed = gate_baseline_match(&b, s);
		sum.baseline = 1;
	}
	count(s, &sum);
	/* Merged shards carry their baseline marks without a --baseline. */
	so.baseline |= sum.baselined > 0;
	if (o->write_baseline) {
		text = gate_baseline_text(s, 1u << GATE_NEW | 1u << GATE_BASELINED);
		bad |= write_file(o->write_baseline, text, err) != 0;
		free(text);
	}
	if (o->prune) {
		text = gate_baseline_text(s, 1u << GATE_BASELINED);
		bad |= write_file(o->baseline, text, err) != 0;
		free(text);
	}
	text = gate_render(o->format, s, &sum, &so);
	if (!text) {
		fprintf(err, "iomemcheck: error: cannot render the report\n");
		bad = 1;
	} else {
		bad |= write_file(o->output ? o->output : "-", text, err) != 0;
	}
	free(text);
	if (!o->quiet)
		print_summary(o, &sum, err);
	gate_baseline_free(&b);
	if (bad)
		status = GATE_EXIT_USAGE;
	else if (sum.not_analysed)
		status = GATE_EXIT_NOT_ANALYSED;
	else if (sum.new_ && !o->write_baseline)
		status = GATE_EXIT_FINDINGS;
	return status;
}
