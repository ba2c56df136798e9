/*
 * iomclang-run.c - the libclang engine on one file, for the corpus and for
 * developers: iomclang-run [--enable=LIST] [--disable=LIST] [--rules=FILE]
 * [--dump] FILE [-- CFLAGS...].  The iomemcheck command is the real user
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
		"FILE [-- CFLAGS...]\n");
	return 2;
}

int main(int argc, char **argv)
{
	struct iom_rules *rules = iom_rules_new();
	struct iom_options opts;
	struct clang_engine_result res = { 0 };
	const char *file = NULL;
	char err[512];
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
	rc = clang_engine_run(rules, &opts, file, argc - i, (const char *const *)argv + i,
			      print, NULL, &res);
	iom_rules_free(rules);
	if (rc) {
		fprintf(stderr, "%s\n", res.error);
		return 3;
	}
	return res.nr_findings ? 1 : 0;
}
