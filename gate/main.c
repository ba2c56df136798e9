/*
 * main.c - iomemcheck-gate: the gate on findings other runs produced
 * (--import of the plugin's or sparse's output, --merge of SARIF shards),
 * until the iomemcheck command takes these options itself.
 */
#include <stdio.h>
#include <string.h>

#include "gate.h"

static int usage(const char *msg)
{
	if (msg)
		fprintf(stderr, "iomemcheck: error: %s\n", msg);
	fprintf(stderr, "usage: iomemcheck-gate (--import|--merge) FILE... [options]\n%s",
		gate_help);
	return GATE_EXIT_USAGE;
}

int main(int argc, char **argv)
{
	struct gate_opts o;
	struct gate_set s;
	char err[1024];
	const char *paths[4096];
	int n = 0, status;

	gate_opts_init(&o);
	for (int i = 1; i < argc; i++) {
		int r;

		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			printf("usage: iomemcheck-gate (--import|--merge) FILE... [options]\n%s",
			       gate_help);
			return 0;
		}
		r = gate_option(&o, argc, argv, &i, err, sizeof(err));
		if (r < 0)
			return usage(err);
		if (r)
			continue;
		if (argv[i][0] == '-' && argv[i][1]) {
			snprintf(err, sizeof(err), "unknown option '%s'", argv[i]);
			return usage(err);
		}
		if (n == (int)(sizeof(paths) / sizeof(paths[0])))
			return usage("too many files");
		paths[n++] = argv[i];
	}
	if (gate_opts_check(&o, err, sizeof(err)))
		return usage(err);
	if (!o.import && !o.merge)
		return usage("say --import or --merge");
	gate_set_init(&s);
	for (int i = 0; i < n; i++) {
		int rc = o.import ? gate_import_file(&s, paths[i], err, sizeof(err)) :
				    gate_read_sarif(&s, paths[i], err, sizeof(err));

		if (rc) {
			fprintf(stderr, "%s\n", err);
			gate_set_free(&s);
			return GATE_EXIT_USAGE;
		}
	}
	status = gate_finish(&o, &s, stderr);
	gate_set_free(&s);
	gate_source_forget();
	return status;
}
