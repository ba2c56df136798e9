/*
 * iomclang-run.c - the libclang engine on one file, for the corpus and for
 * developers: iomclang-run [--enable=LIST] [--disable=LIST] [--rules=FILE]
 * [--facts=FILE] [--summaries=DIR] FILE [-- CFLAGS...].  The iomemcheck command is the real user
 * interface; this driver only prints the findings, one text block each.
 *
 * Exit status: 0 no findings, 1 findings, 2 usage error, 3 not analysed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"

static void print(const struct iom_finding *f, void *ctx)
{
	char buf[8192];

	(void)ctx;
	if (iom_format_text(f, buf, sizeof(buf)) > 0)
		fputs(buf, stdout);
}

static int usage(void)
{
	fprintf(stderr, "usage: iomclang-run [--enable=LIST] [--disable=LIST] [--rules=FILE] "
		"[--facts=FILE] [--summaries=DIR] FILE [-- CFLAGS...]\n");
	return 2;
}

int main(int argc, char **argv)
{
	struct iom_rules *rules = iom_rules_new();
	struct iom_options opts;
	struct clang_engine_result res = { 0 };
	const char *file = NULL, *summaries = NULL;
	char err[4352];
	int i, rc;

	if (!rules)
		return 3;
	iom_options_init(&opts);
	for (i = 1; i < argc && strcmp(argv[i], "--"); i++) {
		unsigned bits;

		if (!strncmp(argv[i], "--enable=", 9) || !strncmp(argv[i], "--disable=", 10)) {
			int on = argv[i][2] == 'e';

			if (iom_parse_rule_list(strchr(argv[i], '=') + 1, &bits, err, sizeof(err))) {
				fprintf(stderr, "iomclang-run: %s\n", err);
				return 2;
			}
			opts.enabled = on ? opts.enabled | bits : opts.enabled & ~bits;
		} else if (!strncmp(argv[i], "--rules=", 8)) {
			if (iom_rules_load_file(rules, argv[i] + 8, err, sizeof(err))) {
				fprintf(stderr, "%s\n", err);
				return 2;
			}
		} else if (!strncmp(argv[i], "--facts=", 8)) {
			if (!opts.facts)
				opts.facts = iom_facts_new();
			if (!opts.facts || iom_facts_read_file(opts.facts, argv[i] + 8, err,
							       sizeof(err))) {
				fprintf(stderr, "%s\n", opts.facts ? err : "out of memory");
				return 2;
			}
		} else if (!strncmp(argv[i], "--summaries=", 12)) {
			summaries = argv[i] + 12;
		} else if (argv[i][0] == '-' || file) {
			return usage();
		} else {
			file = argv[i];
		}
	}
	if (!file)
		return usage();
	if (i < argc)
		i++;
	if (summaries)
		res.facts = iom_facts_new();
	rc = clang_engine_run(rules, &opts, file, argc - i, (const char *const *)argv + i,
			      print, NULL, &res);
	iom_rules_free(rules);
	iom_facts_free(opts.facts);
	if (rc) {
		fprintf(stderr, "%s\n", res.error);
		iom_facts_free(res.facts);
		return 3;
	}
	if (res.facts && iom_facts_save_in(res.facts, file, summaries, err, sizeof(err))) {
		fprintf(stderr, "%s\n", err);
		iom_facts_free(res.facts);
		return 3;
	}
	iom_facts_free(res.facts);
	return res.nr_findings ? 1 : 0;
}
