/*
 * scale.c - synthetic scaling benchmark of the iomemcheck analysis core.
 *
 * Generates one function with N map statements over M maps, the way a front
 * end lowers it, and times iom_func_end() (dataflow, rule checks, rendering
 * of findings into text and JSON).  The function is a chain of segments of
 * four shapes, rotating over the maps:
 *
 *	diamond	if (m->is_iomem) writel(.., m->vaddr_iomem); else *m->vaddr = 0;
 *	loop	for (...) { *(m->vaddr + i) = 0; }	(header, body, back edge)
 *	set	iosys_map_set_vaddr(m, p); *m->vaddr = 0;	(through iom_call)
 *	plain	*m->vaddr = 0;		(a finding: m is a parameter)
 *
 * so blocks, joins and back edges grow with N, and every block's state holds
 * M maps.  Linear behaviour means time / (N * M) stays flat down a column.
 *
 * Times are the best of ROUNDS runs (default 3).  With one map the set
 * helper makes the map system memory for good and the I/O branches of later
 * tests become dead paths, so that row has almost no findings.
 *
 * -q disables every rule: the dataflow alone, no findings to decide or render.
 *
 * usage: scale [-r ROUNDS] [-q] [N,M ...]  (default: a grid up to 10^4 x 10^2)
 * build: cc -O2 -Icore -o build/bench/scale bench/scale.c core/libiomcore.a
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "iomem.h"

static struct iom_rules *rules;
static int type_iosys;
static int no_findings;		/* -q: every rule disabled, dataflow only */

struct gen {
	struct iom_func *fn;
	int cur;		/* current block */
	int value;		/* next SSA value */
	int line;
	int stmts;		/* statements emitted */
	int blocks;
};

static struct iom_where at(int line)
{
	struct iom_where w = { "synthetic.c", line, 9, 0 };

	return w;
}

static int newblock(struct gen *g)
{
	g->blocks++;
	return iom_block(g->fn);
}

static void stmt(struct gen *g)
{
	g->stmts++;
	g->line++;
}

static void seg_diamond(struct gen *g, int m)
{
	int flag = g->value++, io = g->value++, sys = g->value++;
	int bt = newblock(g), bf = newblock(g), join = newblock(g);

	iom_load(g->fn, g->cur, at(g->line), flag, m, IOM_MEMBER_FLAG, "m->is_iomem");
	iom_edge_if(g->fn, g->cur, bt, flag, 1, at(g->line));
	iom_edge_if(g->fn, g->cur, bf, flag, 0, at(g->line));
	stmt(g);
	iom_load(g->fn, bt, at(g->line), io, m, IOM_MEMBER_IO, "m->vaddr_iomem");
	iom_escape(g->fn, bt, at(g->line), io, IOM_ESC_CALL, "writel");
	stmt(g);
	iom_load(g->fn, bf, at(g->line), sys, m, IOM_MEMBER_SYS, "m->vaddr");
	iom_access(g->fn, bf, at(g->line), sys, 1);
	stmt(g);
	iom_edge(g->fn, bt, join);
	iom_edge(g->fn, bf, join);
	g->cur = join;
}

static void seg_loop(struct gen *g, int m)
{
	int p = g->value++, q = g->value++;
	int head = newblock(g), body = newblock(g), exit = newblock(g);

	iom_edge(g->fn, g->cur, head);
	iom_edge(g->fn, head, body);
	iom_edge(g->fn, head, exit);
	iom_load(g->fn, body, at(g->line), p, m, IOM_MEMBER_SYS, "m->vaddr");
	stmt(g);
	iom_derive(g->fn, body, q, p, IOM_DER_OFFSET);
	iom_access(g->fn, body, at(g->line), q, 1);
	stmt(g);
	iom_edge(g->fn, body, head);
	g->cur = exit;
}

/* The one type there is, as a front end would describe it. */
static const char iosys_type;

static void facts(void *ctx, const void *type, struct iom_type_facts *out)
{
	(void)ctx;
	if (type == &iosys_type) {
		out->cls = IOM_TYPE_STRUCT;
		out->tag = "iosys_map";
		out->size = 16;
	}
}

static const struct iom_types types = { facts, NULL, NULL };

static int *map_paths;		/* path of each map, for calls */

static void seg_set(struct gen *g, int m)
{
	int src = g->value++, p = g->value++;
	struct iom_arg args[2] = {
		{ .is = IOM_ARG_POINTER, .value = -1, .path = map_paths[m], .type = &iosys_type,
		  .pointer = 1 },
		{ .is = IOM_ARG_VALUE, .value = src, .path = -1, .pointer = 1 },
	};
	struct iom_call c = { .callee = "iosys_map_set_vaddr", .nr_args = 2, .args = args,
			      .result_value = -1, .result_path = -1 };

	iom_call(g->fn, g->cur, at(g->line), &c);
	stmt(g);
	iom_load(g->fn, g->cur, at(g->line), p, m, IOM_MEMBER_SYS, "m->vaddr");
	iom_access(g->fn, g->cur, at(g->line), p, 1);
	stmt(g);
}

static void seg_plain(struct gen *g, int m)
{
	int p = g->value++;

	iom_load(g->fn, g->cur, at(g->line), p, m, IOM_MEMBER_SYS, "m->vaddr");
	iom_access(g->fn, g->cur, at(g->line), p, 0);
	stmt(g);
}

static int findings;

static void count(const struct iom_finding *f, void *ctx)
{
	char buf[2048];

	(void)ctx;
	/* Render like a front end does, so output cost is counted too. */
	iom_format_text(f, buf, sizeof(buf));
	iom_format_json(f, buf, sizeof(buf));
	findings++;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

struct result {
	double build, analyse;
	int blocks, stmts, findings, rc;
};

static struct result one(int n, int m)
{
	struct gen g = { 0 };
	struct iom_options o;
	struct result r;
	char name[32];
	int *maps = malloc(sizeof(int) * m), i, k = 0;

	map_paths = malloc(sizeof(int) * m);
	double t0, t1, t2;

	t0 = now();
	g.fn = iom_func_begin(rules, "synthetic", at(1));
	g.line = 2;
	g.value = 1;
	g.blocks = 1;
	iom_func_types(g.fn, &types);
	for (i = 0; i < m; i++) {
		int path;

		snprintf(name, sizeof(name), "map%d", i);
		path = iom_path_deref(g.fn, iom_path_var(g.fn, name, 0, IOM_VAR_PARAM, at(1)));
		maps[i] = iom_object_map(g.fn, path, &iosys_type);
		map_paths[maps[i]] = path;
	}
	while (g.stmts < n) {
		int map = maps[k % m];

		switch (k % 4) {
		case 0: seg_diamond(&g, map); break;
		case 1: seg_loop(&g, map); break;
		case 2: seg_set(&g, map); break;
		default: seg_plain(&g, map); break;
		}
		k++;
	}
	t1 = now();
	iom_options_init(&o);
	if (no_findings)
		o.enabled = 0;
	findings = 0;
	r.rc = iom_func_end(g.fn, &o, count, NULL);
	t2 = now();
	if (r.rc < 0)
		fprintf(stderr, "scale: N=%d M=%d skipped: %s\n", n, m, iom_func_error(g.fn));
	iom_func_free(g.fn);
	free(maps);
	free(map_paths);
	r.build = t1 - t0;
	r.analyse = t2 - t1;
	r.blocks = g.blocks;
	r.stmts = g.stmts;
	r.findings = findings;
	return r;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	static const int grid_n[] = { 100, 1000, 3000, 10000 };
	static const int grid_m[] = { 1, 10, 30, 100 };
	int sizes[64][2], nr = 0, rounds = 3, i, j;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-r") && i + 1 < argc) {
			rounds = atoi(argv[++i]);
		} else if (!strcmp(argv[i], "-q")) {
			no_findings = 1;
		} else if (nr < 64 && sscanf(argv[i], "%d,%d", &sizes[nr][0], &sizes[nr][1]) == 2) {
			nr++;
		} else {
			fprintf(stderr, "usage: scale [-r ROUNDS] [-q] [N,M ...]\n");
			return 2;
		}
	}
	if (!nr)
		for (i = 0; i < 4; i++)
			for (j = 0; j < 4; j++) {
				sizes[nr][0] = grid_n[i];
				sizes[nr][1] = grid_m[j];
				nr++;
			}
	if (rounds < 1)
		rounds = 1;

	rules = iom_rules_new();
	type_iosys = iom_rules_type_index(rules, "iosys_map");
	if (type_iosys < 0) {
		fprintf(stderr, "scale: no iosys_map type in the built-in rules\n");
		return 1;
	}
	printf("| N stmts | M maps | blocks | findings | build ms | analyse ms | ns / (N*M) |\n");
	printf("|---:|---:|---:|---:|---:|---:|---:|\n");
	for (i = 0; i < nr; i++) {
		double build[32], an[32];
		struct result r = { 0 };
		int k, n = rounds > 32 ? 32 : rounds;

		for (k = 0; k < n; k++) {
			r = one(sizes[i][0], sizes[i][1]);
			build[k] = r.build;
			an[k] = r.analyse;
		}
		qsort(build, n, sizeof(double), cmp);
		qsort(an, n, sizeof(double), cmp);
		/* best of the rounds: the least disturbed run on a shared machine */
		printf("| %d | %d | %d | %d%s | %.2f | %.2f | %.1f |\n", r.stmts, sizes[i][1],
		       r.blocks, r.findings, r.rc < 0 ? " (skipped)" : "",
		       build[0] * 1e3, an[0] * 1e3,
		       an[0] * 1e9 / ((double)r.stmts * sizes[i][1]));
		fflush(stdout);
	}
	iom_rules_free(rules);
	return 0;
}
