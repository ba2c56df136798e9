/*
 * test-core.c - unit tests of the analysis core, no compiler involved.
 *
 * Each test lowers a tiny function by hand, the way a front end would, and
 * compares the findings ("line:rule" list) with what the rules promise.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "facts.h"
#include "func.h"		/* core-internal tests: events the core derives */

static int failures, passed;
static struct iom_rules *rules;
static int T_IOSYS;

struct got {
	char list[1024];
	char text[4096];
	char json[4096];
};

static void collect(const struct iom_finding *f, void *ctx)
{
	struct got *g = (struct got *)ctx;
	size_t n = strlen(g->list), t = strlen(g->text), j = strlen(g->json);

	snprintf(g->list + n, sizeof(g->list) - n, "%s%d:%s", n ? " " : "", f->where.line,
		 iom_rule_name(f->rule));
	iom_format_text(f, g->text + t, sizeof(g->text) - t);
	iom_format_json(f, g->json + j, sizeof(g->json) - j);
}

static struct iom_where at(int line)
{
	struct iom_where w = { "t.c", line, 5, 0 };

	return w;
}

static struct iom_where in_helper(int line)
{
	struct iom_where w = { "t.c", line, 5, 1 };

	return w;
}

static void run(struct iom_func *fn, struct got *g, unsigned extra)
{
	struct iom_options o;

	iom_options_init(&o);
	o.enabled |= extra;
	memset(g, 0, sizeof(*g));
	if (iom_func_end(fn, &o, collect, g) < 0)
		snprintf(g->list, sizeof(g->list), "skipped: %s", iom_func_error(fn));
	iom_func_free(fn);
}

#define EXPECT(cond, what) do { \
	if (cond) { passed++; } else { failures++; \
		fprintf(stderr, "FAIL %s:%d: %s\n", __func__, __LINE__, what); } } while (0)

static void expect_list(const char *test, const struct got *g, const char *want)
{
	if (!strcmp(g->list, want)) {
		passed++;
		return;
	}
	failures++;
	fprintf(stderr, "FAIL %s\n  expected: %s\n  got:      %s\n%s", test, want, g->list, g->text);
}

static struct iom_func *begin(const char *name)
{
	return iom_func_begin(rules, name, at(1));
}

static int param_path(struct iom_func *fn, const char *name)
{
	return iom_path_deref(fn, iom_path_var(fn, name, 0, IOM_VAR_PARAM, at(1)));
}

/* The map parameter 'name' points to. */
static int param(struct iom_func *fn, const char *name)
{
	return iom_map_at(fn, param_path(fn, name), T_IOSYS);
}

static int local_path(struct iom_func *fn, const char *name)
{
	return iom_path_var(fn, name, 0, IOM_VAR_LOCAL, at(2));
}

/* A local map variable. */
static int local(struct iom_func *fn, const char *name)
{
	return iom_map_at(fn, local_path(fn, name), T_IOSYS);
}

/* *(u32 *)map->vaddr = 0 on a parameter: may be I/O. */
static void test_param_store(void)
{
	struct iom_func *fn = begin("f");
	int m = param(fn, "map");
	struct got g;

	iom_load(fn, 0, at(3), 1, m, IOM_MEMBER_SYS, "map->vaddr");
	iom_derive(fn, 0, 2, 1, IOM_DER_COPY);
	iom_access(fn, 0, at(3), 2, 1);
	run(fn, &g, 0);
	expect_list(__func__, &g, "3:IOM002");
	EXPECT(strstr(g.text, "t.c:3:5: warning: store through 'map->vaddr' while 'is_iomem' may be true [IOM002]"),
	       "message text");
	EXPECT(strstr(g.text, "t.c:1:5: note: 'map' is a parameter: its memory kind is unknown here"),
	       "parameter note");
}

/* if (map->is_iomem) ... else *vaddr: the else edge refines to system. */
static void test_branch_refines(void)
{
	struct iom_func *fn = begin("f");
	int m = param(fn, "map");
	int bt = iom_block(fn), bf = iom_block(fn), join = iom_block(fn);
	struct got g;

	iom_load(fn, 0, at(2), 1, m, IOM_MEMBER_FLAG, "map->is_iomem");
	iom_edge_if(fn, 0, bt, 1, 1, at(2));
	iom_edge_if(fn, 0, bf, 1, 0, at(2));
	iom_load(fn, bt, at(3), 2, m, IOM_MEMBER_IO, "map->vaddr_iomem");
	iom_escape(fn, bt, at(3), 2, IOM_ESC_CALL, "writel");
	iom_load(fn, bf, at(5), 3, m, IOM_MEMBER_SYS, "map->vaddr");
	iom_access(fn, bf, at(5), 3, 1);
	iom_edge(fn, bt, join);
	iom_edge(fn, bf, join);
	iom_load(fn, join, at(7), 4, m, IOM_MEMBER_SYS, "map->vaddr");
	iom_access(fn, join, at(7), 4, 0);
	run(fn, &g, 0);
	expect_list(__func__, &g, "7:IOM002");
}

/* A flag copied, negated, tested: p loaded before the test is refined. */
static void test_negated_copy_refines_earlier_pointer(void)
{
	struct iom_func *fn = begin("f");
	int m = param(fn, "map");
	int bt = iom_block(fn), bend = iom_block(fn);
	struct got g;

	iom_load(fn, 0, at(2), 1, m, IOM_MEMBER_SYS, "map->vaddr");
	iom_load(fn, 0, at(3), 2, m, IOM_MEMBER_FLAG, "map->is_iomem");
	iom_derive(fn, 0, 3, 2, IOM_DER_NOT);		/* bool sys = !map->is_iomem */
	iom_edge_if(fn, 0, bt, 3, 1, at(4));		/* if (sys) */
	iom_edge_if(fn, 0, bend, 3, 0, at(4));
	iom_derive(fn, bt, 4, 1, IOM_DER_OFFSET);
	iom_access(fn, bt, at(5), 4, 1);
	iom_edge(fn, bt, bend);
	run(fn, &g, 0);
	expect_list(__func__, &g, "");
}

/* After set_vaddr_iomem the map is I/O: a store is IOM001, and a pointer
 * loaded before the set keeps the state it was loaded under. */
static void test_set_io_and_generation(void)
{
	struct iom_func *fn = begin("f");
	int m = local(fn, "m");
	struct got g;

	iom_set(fn, 0, at(3), m, IOM_KIND_SYSTEM, IOM_BY_HELPER, "iosys_map_set_vaddr", -1);
	iom_load(fn, 0, at(4), 1, m, IOM_MEMBER_SYS, "m.vaddr");
	iom_set(fn, 0, at(5), m, IOM_KIND_IO, IOM_BY_HELPER, "iosys_map_set_vaddr_iomem", -1);
	iom_load(fn, 0, at(6), 2, m, IOM_MEMBER_SYS, "m.vaddr");
	iom_access(fn, 0, at(7), 1, 1);
	iom_access(fn, 0, at(8), 2, 1);
	run(fn, &g, 0);
	expect_list(__func__, &g, "8:IOM001");
	EXPECT(strstr(g.text, "note: 'm' set to I/O memory by 'iosys_map_set_vaddr_iomem' here"),
	       "set note");
	EXPECT(strstr(g.text, "t.c:6:5: note: pointer loaded from 'm.vaddr' here"), "load note");
}

/* An unknown call that can reach the container clobbers nested maps. */
static void test_clobber_by_prefix(void)
{
	struct iom_func *fn = begin("f");
	int m = iom_map_at(fn, iom_path_member(fn, iom_path_deref(fn,
		iom_path_member(fn, param_path(fn, "obj"), "bo")), "vmap"), T_IOSYS);
	int other = iom_map_at(fn, iom_path_member(fn, param_path(fn, "other"), "vmap"),
				T_IOSYS);
	struct got g;

	iom_set(fn, 0, at(2), m, IOM_KIND_SYSTEM, IOM_BY_HELPER, "iosys_map_set_vaddr", -1);
	iom_set(fn, 0, at(2), other, IOM_KIND_SYSTEM, IOM_BY_HELPER, "iosys_map_set_vaddr", -1);
	iom_clobber(fn, 0, at(3), param_path(fn, "obj"), "driver_refresh", 0);
	iom_clobber(fn, 0, at(3), param_path(fn, "oth"), "unrelated", 0);	/* not a path prefix */
	iom_load(fn, 0, at(4), 1, m, IOM_MEMBER_SYS, "obj->bo->vmap.vaddr");
	iom_access(fn, 0, at(4), 1, 0);
	iom_load(fn, 0, at(5), 2, other, IOM_MEMBER_SYS, "other->vmap.vaddr");
	iom_access(fn, 0, at(5), 2, 0);
	run(fn, &g, 0);
	expect_list(__func__, &g, "4:IOM002");
	EXPECT(strstr(g.text, "'obj->bo->vmap' passed to 'driver_refresh' here"), "clobber note");
}

/* Copies carry the state; escapes of vaddr and uses of vaddr_iomem. */
static void test_copy_escape_iomem(void)
{
	struct iom_func *fn = begin("f");
	int src = local(fn, "s");
	int dst = local(fn, "d");
	int p = param(fn, "map");
	struct got g;

	iom_set(fn, 0, at(3), src, IOM_KIND_IO, IOM_BY_HELPER, "IOSYS_MAP_INIT_VADDR_IOMEM", -1);
	iom_copy(fn, 0, at(4), dst, src);
	iom_load(fn, 0, at(5), 1, dst, IOM_MEMBER_SYS, "d.vaddr");
	iom_escape(fn, 0, at(5), 1, IOM_ESC_CALL, "memcpy");
	iom_load(fn, 0, at(6), 2, p, IOM_MEMBER_IO, "map->vaddr_iomem");
	iom_escape(fn, 0, at(6), 2, IOM_ESC_CALL, "readl");
	iom_load(fn, 0, at(7), 3, dst, IOM_MEMBER_IO, "d.vaddr_iomem");
	iom_escape(fn, 0, at(7), 3, IOM_ESC_CALL, "memcpy_toio");
	iom_load(fn, 0, at(8), 4, p, IOM_MEMBER_SYS, "map->vaddr");
	iom_escape(fn, 0, at(8), 4, IOM_ESC_RETURN, NULL);
	run(fn, &g, 0);
	expect_list(__func__, &g, "5:IOM003 6:IOM004 8:IOM003");
	EXPECT(strstr(g.text, "'d.vaddr' passed to 'memcpy' while 'is_iomem' is true [IOM003]"), "is true");
	EXPECT(strstr(g.text, "'map->vaddr' returned while 'is_iomem' may be true"), "returned");
}

/* Raw writes, NULL tests, strict mode and helper code. */
static void test_writes_null_tests_strict(void)
{
	struct iom_func *fn = begin("f");
	int m = local(fn, "m");
	struct got g;

	iom_write(fn, 0, at(3), m, IOM_MEMBER_SYS, -1, -1, "m.vaddr");
	iom_write(fn, 0, at(4), m, IOM_MEMBER_FLAG, 0, -1, "m.is_iomem");
	iom_write(fn, 0, in_helper(5), m, IOM_MEMBER_FLAG, 0, -1, "m.is_iomem");
	iom_load(fn, 0, at(6), 1, m, IOM_MEMBER_SYS, "m.vaddr");
	iom_null_test(fn, 0, at(6), 1);
	iom_derive(fn, 0, 2, 1, IOM_DER_OFFSET);
	iom_null_test(fn, 0, at(7), 2);			/* arithmetic: not the member */
	iom_load(fn, 0, in_helper(8), 3, m, IOM_MEMBER_SYS, "m.vaddr");
	iom_null_test(fn, 0, in_helper(8), 3);
	iom_access(fn, 0, at(9), 1, 1);			/* system: fine */
	run(fn, &g, 1u << IOM010);
	expect_list(__func__, &g, "3:IOM005 3:IOM010 4:IOM005 6:IOM006 6:IOM010");
}

/* IOM007 through a set helper and through a raw pair of writes. */
static void test_mislabel(void)
{
	struct iom_func *fn = begin("f");
	int src = param(fn, "src");
	int d1 = local(fn, "d1");
	int d2 = local(fn, "d2");
	struct got g;

	iom_load(fn, 0, at(3), 1, src, IOM_MEMBER_SYS, "src->vaddr");
	iom_set(fn, 0, at(4), d1, IOM_KIND_SYSTEM, IOM_BY_HELPER, "iosys_map_set_vaddr", 1);
	iom_write(fn, 0, in_helper(5), d2, IOM_MEMBER_SYS, -1, 1, "d2.vaddr");
	iom_write(fn, 0, in_helper(5), d2, IOM_MEMBER_FLAG, 0, -1, "d2.is_iomem");
	run(fn, &g, 0);
	expect_list(__func__, &g, "4:IOM007 5:IOM007");
	EXPECT(strstr(g.text, "'src->vaddr' may point to I/O memory, but 'iosys_map_set_vaddr' labels 'd1' as system memory"),
	       "IOM007 text");
}

/* IOM008: reading the flag of a map nothing initialised, on some path. */
static void test_uninit(void)
{
	struct iom_func *fn = begin("f");
	int m = local(fn, "m");
	int a = iom_map_at(fn, iom_path_index(fn, local_path(fn, "a"), 0), T_IOSYS);
	int b1 = iom_block(fn), b2 = iom_block(fn);
	struct got g;

	iom_set(fn, 0, at(3), a, IOM_KIND_UNINIT, IOM_BY_SCOPE, ".DEFERRED_INIT", -1);
	iom_edge(fn, 0, b1);
	iom_edge(fn, 0, b2);
	iom_clobber(fn, b1, at(4), local_path(fn, "m"), "dma_buf_vmap", 1);
	iom_edge(fn, b1, b2);
	iom_read(fn, b2, at(5), m, "iosys_map_is_null");
	iom_read(fn, b2, at(6), a, "iosys_map_clear");
	iom_set(fn, b2, at(7), m, IOM_KIND_SYSTEM, IOM_BY_HELPER, "iosys_map_clear", -1);
	iom_load(fn, b2, at(8), 1, m, IOM_MEMBER_FLAG, "m.is_iomem");
	run(fn, &g, 0);
	expect_list(__func__, &g, "5:IOM008 6:IOM008");
	EXPECT(strstr(g.text, "'m.is_iomem' read by 'iosys_map_is_null' while 'm' may be uninitialised"),
	       "may be uninitialised");
	EXPECT(strstr(g.text, "note: 'm' is declared here without an initialiser"), "decl note");
}

/* A WARN path is dead: WARN_ON(map->is_iomem); leaves the map system. */
static void test_warn_kills_path(void)
{
	struct iom_func *fn = begin("f");
	int m = param(fn, "map");
	int warn = iom_block(fn), after = iom_block(fn);
	struct got g;

	iom_load(fn, 0, at(2), 1, m, IOM_MEMBER_FLAG, "map->is_iomem");
	iom_edge_if(fn, 0, warn, 1, 1, at(2));
	iom_edge_if(fn, 0, after, 1, 0, at(2));
	iom_kill(fn, warn, at(2));
	iom_edge(fn, warn, after);
	iom_load(fn, after, at(3), 2, m, IOM_MEMBER_SYS, "map->vaddr");
	iom_access(fn, after, at(3), 2, 1);
	run(fn, &g, 0);
	expect_list(__func__, &g, "");
}

/* A loop: one finding per pointer, not per line; the fixed point converges. */
static void test_loop_dedup(void)
{
	struct iom_func *fn = begin("f");
	int m = param(fn, "map");
	int head = iom_block(fn), body = iom_block(fn), out = iom_block(fn);
	struct got g;

	iom_load(fn, 0, at(2), 1, m, IOM_MEMBER_SYS, "map->vaddr");
	iom_edge(fn, 0, head);
	iom_derive(fn, head, 2, 1, IOM_DER_COPY);	/* p = phi(vaddr, p + 4) */
	iom_derive(fn, head, 2, 3, IOM_DER_COPY);
	iom_edge(fn, head, body);
	iom_edge(fn, head, out);
	iom_access(fn, body, at(4), 2, 1);
	iom_access(fn, body, at(5), 2, 1);
	iom_derive(fn, body, 3, 2, IOM_DER_OFFSET);
	iom_edge(fn, body, head);
	run(fn, &g, 0);
	expect_list(__func__, &g, "4:IOM002");
}

/* The loop key goes to the access met first by the graph, not by block
 * numbers: the body's block is numbered before the blocks of its test. */
static void test_loop_dedup_graph_order(void)
{
	struct iom_func *fn = begin("f");
	int m = param(fn, "map");
	int head = iom_block(fn), body = iom_block(fn), test = iom_block(fn), out = iom_block(fn);
	struct got g;

	iom_load(fn, 0, at(2), 1, m, IOM_MEMBER_SYS, "map->vaddr");
	iom_edge(fn, 0, head);
	iom_edge(fn, head, test);
	iom_edge(fn, head, out);
	iom_access(fn, test, at(4), 1, 0);
	iom_edge(fn, test, body);
	iom_edge(fn, test, head);
	iom_access(fn, body, at(5), 1, 0);
	iom_edge(fn, body, head);
	run(fn, &g, 0);
	expect_list(__func__, &g, "4:IOM002");
}

/* GCC's clearing of a brace initialiser's object. */
static void test_init_clears(void)
{
	EXPECT(iom_init_clears(0, 1, 0), "{ NULL }: incomplete, cleared");
	EXPECT(iom_init_clears(0, 1, 1), "{ .vaddr = p }: incomplete, cleared");
	EXPECT(!iom_init_clears(1, 2, 0), "{ NULL, false }: each member written");
	EXPECT(!iom_init_clears(1, 6, 0), "six zero scalars: written");
	EXPECT(iom_init_clears(1, 7, 0), "seven zero scalars: cleared");
	EXPECT(!iom_init_clears(1, 7, 2), "seven scalars, two not zero: written");
}

/* Joins of different kinds: both origins explained. */
static void test_join_notes(void)
{
	struct iom_func *fn = begin("f");
	int m = local(fn, "m");
	int b1 = iom_block(fn), b2 = iom_block(fn), j = iom_block(fn);
	struct got g;

	iom_edge(fn, 0, b1);
	iom_edge(fn, 0, b2);
	iom_set(fn, b1, at(3), m, IOM_KIND_IO, IOM_BY_HELPER, "iosys_map_set_vaddr_iomem", -1);
	iom_set(fn, b2, at(4), m, IOM_KIND_SYSTEM, IOM_BY_HELPER, "iosys_map_set_vaddr", -1);
	iom_edge(fn, b1, j);
	iom_edge(fn, b2, j);
	iom_load(fn, j, at(6), 1, m, IOM_MEMBER_SYS, "m.vaddr");
	iom_access(fn, j, at(6), 1, 0);
	run(fn, &g, 0);
	expect_list(__func__, &g, "6:IOM002");
	EXPECT(strstr(g.text, "t.c:3:5: note: 'm' set to I/O memory") &&
	       strstr(g.text, "t.c:4:5: note: 'm' set to system memory"), "both origins");
	EXPECT(strstr(g.json, "{\"rule\":\"IOM002\",\"severity\":\"warning\",\"file\":\"t.c\",\"line\":6,"
		       "\"column\":5,\"function\":\"f\",\"message\":\"load through 'm.vaddr' while 'is_iomem' may be true\","),
	       "json shape");
}

/* Bad input from a front end skips the function instead of crashing. */
static void test_front_end_bug_skips(void)
{
	struct iom_func *fn = begin("f");
	struct got g;

	iom_access(fn, 0, at(2), -5, 1);
	iom_edge(fn, 0, 99);
	run(fn, &g, 0);
	EXPECT(!strncmp(g.list, "skipped: internal: bad value number", 35), g.list);
}

static void test_rules_errors(void)
{
	static const struct {
		const char *text, *want;
	} cases[] = {
		{ "type x\n system a\n io b\n flag c\n", "r:4: error: type 'x' is not closed by 'end'" },
		{ "type x\n system a\n io b\nend\n", "r:4: error: type 'x' has no 'flag' member" },
		{ "type x\n helper f frob map=1\nend\n", "r:2: error: unknown effect 'frob'" },
		{ "type x\n helper f read\nend\n", "r:2: error: 'f' needs map=N" },
		{ "type x\n producer f read map=1\nend\n",
		  "r:2: error: a producer can only say set-system or set-io, and map=N" },
		{ "type x\n helper f read map=0\nend\n", "r:2: error: bad argument number '0' in 'map='" },
		{ "warn\n", "r:1: error: 'warn' takes 1 to 1 fields" },
		{ "producer f\n", "r:1: error: 'producer' must be inside a type block" },
		{ "bogus x\n", "r:1: error: unknown keyword 'bogus'" },
		{ "pair ops a map=2 b map=2\n", "r:1: error: 'pair' must be inside a type block" },
		{ "type x\n pair ops a map=2 b\nend\n",
		  "r:2: error: 'pair' takes OPS PRODUCER map=N RECEIVER map=M" },
		{ "type x\n pair ops a map=2 a map=2\nend\n", "r:2: error: 'a' cannot be paired with itself" },
		{ "type x\n pair ops a map=2 b map=x\nend\n", "r:2: error: bad argument number 'x' in 'map='" },
		{ "type x\n pair ops a map=2 b map=2\n pair ops c map=1 b map=1\nend\n",
		  "r:3: error: 'ops.b' is already paired" },
		{ "type x\n system a\n io b\n flag c\n header h\nend\ntype x\n",
		  "r:7: error: type 'x' is already defined at line 1 of this file" },
		{ "type x\n system a\n io a\n", "r:3: error: 'a' is already the system member" },
		{ "type x\n flag a\n system b\n io a\n", "r:4: error: 'a' is already the flag member" },
		{ "type x\n producer f\n producer f\nend\n", "r:3: error: 'f' is already declared" },
		{ "backend shmem drm_driver import f\n",
		  "r:1: error: unknown memory kind 'shmem' (system, io or either)" },
		{ "backend system drm_driver import\n",
		  "r:1: error: 'backend' takes system|io|either OPS FIELD FUNC, outside type blocks" },
		{ "driver-fills f 2\n", "r:1: error: 'driver-fills' needs map=N" },
		{ "driver-fills f map=0\n", "r:1: error: bad argument number '0' in 'map='" },
		{ "type x\n driver-member s m\nend\n",
		  "r:2: error: 'driver-member' takes STRUCT FIELD, outside type blocks" },
		{ "alias a\n", "r:1: error: 'alias' takes NAME AS, outside type blocks" },
		{ "alias a a\n", "r:1: error: 'a' cannot be an alias of itself" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct iom_rules *r = iom_rules_new();
		char err[256] = "";
		int ret = iom_rules_load_text(r, "r", cases[i].text, err, sizeof(err));

		EXPECT(ret == -1 && !strcmp(err, cases[i].want), err);
		iom_rules_free(r);
	}
}

/* The fact file: what reads, what is refused with FILE:LINE, what a lookup
 * gives when two files disagree or one changed. */
static void test_facts(void)
{
	static const struct {
		const char *body, *want;	/* want: the error, NULL when it reads */
	} cases[] = {
		{ "unit 0000000000000001 1 /x.c\nfn f 1 keeps\n", NULL },
		{ "fn f 1 keeps\n", "f:2: error: a fact before any 'unit' line" },
		{ "unit 0000000000000001 1 /x.c\nfn f 0 keeps\n",
		  "f:3: error: 'fn f': the argument must be a number from 1 to 64" },
		{ "unit 0000000000000001 1 /x.c\nfn f 1 sometimes\n",
		  "f:3: error: 'fn f 1': unknown kind 'sometimes' (keeps, system, io or either)" },
		{ "unit 1 1 /x.c\n", "f:2: error: 'unit' wants a 16-digit hash, a size and a path" },
		{ "unit 0000000000000001 1 x.c\n",
		  "f:2: error: 'unit' wants a size and an absolute path after the hash" },
		{ "unit 0000000000000001 1 /x.c\ndriver shmem\n",
		  "f:3: error: 'driver' wants system, io, either or other, after a 'unit' line" },
		{ "unit 0000000000000001 1 /x.c\nuses 9x\n",
		  "f:3: error: 'uses' wants a function name, after a 'unit' line" },
		{ "what\n", "f:2: error: unknown line 'what'" },
	};
	char text[512], err[256];
	unsigned kinds;
	const char *from;
	struct iom_facts *f;
	struct iom_buf b = { 0 };
	size_t n;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		n = (size_t)snprintf(text, sizeof(text), "iomemcheck-facts 1\n%s", cases[i].body);
		snprintf(text + n, sizeof(text) - n, "end %016llx\n", iom_hash_bytes(0, text, n));
		f = iom_facts_new();
		err[0] = 0;
		EXPECT((iom_facts_read_text(f, "f", text, strlen(text), err, sizeof(err)) == 0) ==
		       !cases[i].want, cases[i].body);
		EXPECT(!cases[i].want || !strcmp(err, cases[i].want), err);
		iom_facts_free(f);
	}
	/* A changed byte, a cut file. */
	f = iom_facts_new();
	EXPECT(iom_facts_read_text(f, "f", "iomemcheck-facts 1\nend 0000000000000000\n", 40, err,
				   sizeof(err)) && strstr(err, "f:2: error: the file's hash does not match"),
	       err);
	EXPECT(iom_facts_read_text(f, "f", "iomemcheck-facts 1\n", 19, err, sizeof(err)) &&
	       strstr(err, "no 'end' line"), err);
	iom_facts_free(f);

	/* Two files define g: they agree on argument 1 and not on 2.  A block
	 * whose file is gone (changed) is not used, and spoils its names. */
	{
		char src[] = "/tmp/iomcore-facts-XXXXXX";
		int fd = mkstemp(src);
		long long size;
		unsigned long long hash;

		EXPECT(fd >= 0 && write(fd, "int x;\n", 7) == 7, "temp source");
		close(fd);
		EXPECT(!iom_hash_file(src, &size, &hash) && size == 7, "hash of a file");
		n = (size_t)snprintf(text, sizeof(text),
				     "iomemcheck-facts 1\nunit %016llx 7 %s\nfn g 1 keeps\nfn g 2 io\n"
				     "unit %016llx 7 %s.gone\nfn g 1 keeps\nfn g 2 system\nfn h 1 keeps\n",
				     hash, src, hash, src);
		snprintf(text + n, sizeof(text) - n, "end %016llx\n", iom_hash_bytes(0, text, n));
		f = iom_facts_new();
		iom_facts_warn_to(f, NULL);
		EXPECT(!iom_facts_read_text(f, "f", text, strlen(text), err, sizeof(err)), err);
		EXPECT(iom_facts_lookup(f, "g", 1, &kinds, &from) == 0, "a changed file spoils g");
		EXPECT(iom_facts_lookup(f, "h", 1, &kinds, &from) == 0, "h's file is gone");
		iom_facts_drop_unit(f, 1);
		EXPECT(iom_facts_lookup(f, "g", 1, &kinds, &from) == 1 && kinds == 0, "g 1 keeps");
		EXPECT(iom_facts_lookup(f, "g", 2, &kinds, &from) == 1 && kinds == K_IO &&
		       !strcmp(from, src), "g 2 io");
		EXPECT(iom_facts_lookup(f, "g", 3, &kinds, &from) == 0, "no fact for g 3");
		/* What is written reads back the same. */
		EXPECT(!iom_facts_render(f, &b), "render");
		{
			struct iom_facts *again = iom_facts_new();
			struct iom_buf b2 = { 0 };

			EXPECT(!iom_facts_read_text(again, "r", b.s, b.len, err, sizeof(err)), err);
			EXPECT(!iom_facts_render(again, &b2) && b2.len == b.len &&
			       !memcmp(b.s, b2.s, b.len), "round trip");
			iom_buf_free(&b2);
			iom_facts_free(again);
		}
		iom_buf_free(&b);
		iom_facts_free(f);
		unlink(src);
	}
}

static void test_rules_override_and_lookup(void)
{
	struct iom_rules *r = iom_rules_new();
	char err[256] = "";
	const struct iom_fn *f;
	int t;

	EXPECT(r != NULL, "built-in rules load");
	EXPECT(iom_rules_type_index(r, "iosys_map") >= 0 && iom_rules_type_index(r, "dma_buf_map") >= 0,
	       "both built-in types");
	f = iom_rules_fn(r, "iosys_map_set_vaddr_iomem");
	EXPECT(f && f->kind == IOM_FN_HELPER && (f->effects & IOM_EFF_SET_IO) && f->ptr_arg == 2 &&
	       f->map_args == 1u << 1, "set_vaddr_iomem data");
	f = iom_rules_fn(r, "drm_gem_shmem_vmap");
	EXPECT(f && f->kind == IOM_FN_PRODUCER && f->effects == IOM_EFF_SET_SYSTEM &&
	       f->map_args == 1u << 2, "shmem producer gives system memory");
	f = iom_rules_fn(r, "__warn_printk");
	EXPECT(f && f->kind == IOM_FN_WARN, "warn entry");
	EXPECT(iom_rules_is_helper_file(r, "/x/include/linux/iosys-map.h") &&
	       !iom_rules_is_helper_file(r, "/x/include/linux/xiosys-map.h"), "helper file match");
	EXPECT(iom_rules_load_text(r, "over", "type iosys_map\n header h.h\n system vaddr\n io vaddr_iomem\n"
				   " flag is_iomem\n helper my_set set-io map=1\nend\n", err, sizeof(err)) == 0, err);
	t = iom_rules_type_index(r, "iosys_map");
	EXPECT(!iom_rules_fn(r, "iosys_map_set_vaddr") && iom_rules_fn(r, "my_set") &&
	       !strcmp(iom_rules_type_at(r, t)->header, "h.h"), "type replaced");
	EXPECT(iom_rules_fn(r, "dma_buf_map_set_vaddr") != NULL, "other type kept");
	iom_rules_free(r);
}

/* A function both built-in types declare belongs to each: replacing one type
 * keeps it for the other. */
static void test_rules_shared_fns(void)
{
	static const char *const types[] = { "dma_buf_map", "iosys_map" };

	for (int i = 0; i < 2; i++) {
		struct iom_rules *r = iom_rules_new();
		char text[256], err[256] = "";
		const struct iom_fn *f;

		snprintf(text, sizeof(text), "type %s\n header h.h\n system vaddr\n io vaddr_iomem\n"
			 " flag is_iomem\nend\n", types[i]);
		EXPECT(iom_rules_load_text(r, "over", text, err, sizeof(err)) == 0, err);
		f = iom_rules_fn(r, "drm_gem_shmem_vmap");
		EXPECT(f && f->kind == IOM_FN_PRODUCER && f->effects == IOM_EFF_SET_SYSTEM &&
		       f->map_args == 1u << 2 && f->type == 1 - i, types[i]);
		f = iom_rules_fn(r, "drm_gem_vmap");
		EXPECT(f && f->kind == IOM_FN_PRODUCER && f->type == 1 - i, types[i]);
		/* Declared by iosys_map only. */
		EXPECT(!iom_rules_fn(r, "drm_gem_vmap_unlocked") == (i == 1), types[i]);
		iom_rules_free(r);
	}
}

/* Rules files are read to their end: pipes and /proc files have no size. */
static void test_rules_file_reading(void)
{
	static const struct {
		const char *path, *want;
	} cases[] = {
		{ "/", "/:0: error: is a directory, not a rules file" },
		{ "", "error: the rules file name is empty" },
		{ "/nonexistent.rules", "/nonexistent.rules:0: error: cannot open rules file: "
		  "No such file or directory" },
		{ "/proc/self/status", "/proc/self/status:1: error: unknown keyword 'Name:'" },
		{ "/proc/self/cmdline", "/proc/self/cmdline:0: error: not a text file" },
	};
	char path[] = "/tmp/iom-test-XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	struct iom_rules *r;
	char err[256];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		r = iom_rules_new();
		err[0] = 0;
		EXPECT(iom_rules_load_file(r, cases[i].path, err, sizeof(err)) == -1 &&
		       !strcmp(err, cases[i].want), err);
		iom_rules_free(r);
	}
	/* Longer than any stdio buffer: the whole file is read. */
	EXPECT(f != NULL, "temporary file");
	if (!f)
		return;
	for (int i = 0; i < 2000; i++)
		fprintf(f, "# filler line %d\n", i);
	fprintf(f, "warn my_bug\n");
	fclose(f);
	r = iom_rules_new();
	err[0] = 0;
	EXPECT(iom_rules_load_file(r, path, err, sizeof(err)) == 0, err);
	EXPECT(iom_rules_fn(r, "my_bug") && iom_rules_fn(r, "my_bug")->kind == IOM_FN_WARN, "last line read");
	iom_rules_free(r);
	unlink(path);
}

static const struct iom_pair *find_pair(const struct iom_rules *r, const char *ops, const char *recv)
{
	for (int i = 0; i < iom_rules_nr_pairs(r); i++) {
		const struct iom_pair *p = iom_rules_pair_at(r, i);

		if (!strcmp(p->ops, ops) && !strcmp(p->field[1], recv))
			return p;
	}
	return NULL;
}

static void test_rules_pairs(void)
{
	const struct iom_pair *p = find_pair(rules, "ttm_kmap_iter_ops", "unmap_local");
	struct iom_rules *r = iom_rules_new();
	char err[256] = "";
	int before = iom_rules_nr_pairs(r);

	EXPECT(p && !strcmp(p->field[0], "map_local") && p->arg[0] == 2 && p->arg[1] == 2,
	       "ttm iterator pair");
	EXPECT(find_pair(rules, "dma_buf_ops", "vunmap") && find_pair(rules, "drm_gem_object_funcs", "vunmap"),
	       "vmap/vunmap pairs");
	/* Replacing a type drops its pairs, not the other type's copies. */
	EXPECT(iom_rules_load_text(r, "over", "type iosys_map\n header h.h\n system vaddr\n io vaddr_iomem\n"
				   " flag is_iomem\n pair my_ops fill map=1 drain map=3\nend\n",
				   err, sizeof(err)) == 0, err);
	p = find_pair(r, "my_ops", "drain");
	EXPECT(p && p->arg[0] == 1 && p->arg[1] == 3, "new pair");
	EXPECT(iom_rules_nr_pairs(r) == before - 3 + 1, "the replaced type's pairs are gone");
	p = find_pair(r, "ttm_kmap_iter_ops", "unmap_local");
	EXPECT(p && p->type == iom_rules_type_index(r, "dma_buf_map"), "dma_buf_map states it too");
	iom_rules_free(r);
}

/* ---- the unit: callback pairs ---------------------------------------------- */

/* vmap(obj, map): fails without touching the map, or sets it to 'kind'. */
static struct iom_func *filler(const char *name, enum iom_kind kind)
{
	struct iom_func *fn = begin(name);
	int m = param(fn, "map");
	int fail = iom_block(fn), ok = iom_block(fn);

	iom_param(fn, 1, "obj");
	iom_param(fn, 2, "map");
	iom_edge(fn, 0, fail);
	iom_edge(fn, 0, ok);
	iom_set(fn, ok, at(20), m, kind, IOM_BY_HELPER, "set", -1);
	return fn;
}

/* vunmap(obj, map): vunmap(map->vaddr). */
static struct iom_func *receiver(const char *name)
{
	struct iom_func *fn = begin(name);
	int m = param(fn, "map");

	iom_param(fn, 2, "map");
	iom_load(fn, 0, at(30), 1, m, IOM_MEMBER_SYS, "map->vaddr");
	iom_escape(fn, 0, at(30), 1, IOM_ESC_CALL, "vunmap");
	return fn;
}

static int unit_run(struct iom_unit *u, struct iom_func *fn, struct got *g)
{
	struct iom_options o;
	int n;

	iom_options_init(&o);
	n = iom_unit_analyse(u, fn, &o, collect, g);
	if (n != IOM_DEFERRED)
		iom_func_free(fn);
	return n;
}

struct bind_row {
	int instance;
	const char *ops, *field, *fn;
};

/* A unit that has seen these initialiser members; g starts empty. */
static struct iom_unit *unit_of(const struct bind_row *rows, size_t n, struct got *g)
{
	struct iom_unit *u = iom_unit_new(rules);

	memset(g, 0, sizeof(*g));
	for (size_t i = 0; i < n; i++)
		iom_unit_bind(u, rows[i].instance, rows[i].ops, rows[i].field, rows[i].fn);
	return u;
}

#define UNIT_OF(rows, g)	unit_of(rows, sizeof(rows) / sizeof(rows[0]), g)

/* The receiver arrives first: held until the filler has been seen. */
static void test_unit_receiver_waits(void)
{
	static const struct bind_row rows[] = {
		{ 0, "dma_buf_ops", "vunmap", "x_vunmap" },
		{ 0, "dma_buf_ops", "vmap", "x_vmap" },
		{ 0, "dma_buf_ops", "release", "x_vmap" },	/* not paired */
	};
	struct got g;
	struct iom_unit *u = UNIT_OF(rows, &g);

	EXPECT(unit_run(u, receiver("x_vunmap"), &g) == IOM_DEFERRED, "receiver deferred");
	EXPECT(unit_run(u, filler("x_vmap", IOM_KIND_SYSTEM), &g) == 0, "filler analysed");
	EXPECT(iom_unit_finish(u, NULL, NULL) == 0, "finish");
	expect_list(__func__, &g, "");
	iom_unit_free(u);
}

/* An I/O filler makes the receiver's raw vaddr a finding that names it. */
static void test_unit_io_filler(void)
{
	static const struct bind_row rows[] = {
		{ 7, "drm_gem_object_funcs", "vmap", "y_vmap" },
		{ 7, "drm_gem_object_funcs", "vunmap", "y_vunmap" },
	};
	struct got g;
	struct iom_unit *u = UNIT_OF(rows, &g);

	EXPECT(unit_run(u, filler("y_vmap", IOM_KIND_IO), &g) == 0, "filler first");
	EXPECT(unit_run(u, receiver("y_vunmap"), &g) == 1, "receiver analysed at once");
	expect_list(__func__, &g, "30:IOM003");
	EXPECT(strstr(g.text, "'map->vaddr' passed to 'vunmap' while 'is_iomem' is true [IOM003]") &&
	       strstr(g.text, "note: 'map' comes from 'y_vmap', its pair in 'struct drm_gem_object_funcs', "
		      "which sets I/O memory"), g.text);
	iom_unit_free(u);
}

/* A function with more parameters than rules can name is still analysed. */
static void test_many_params(void)
{
	struct iom_func *fn = receiver("wide");
	struct got g;

	iom_param(fn, 40, "last");
	run(fn, &g, 0);
	expect_list(__func__, &g, "30:IOM003");
}

/*
 * A receiver shared by two initialisers is as sure as the least sure of
 * them: one without a filler, or with a filler never analysed, gives no fact.
 */
static void test_unit_instances(void)
{
	static const struct bind_row rows[] = {
		{ 1, "dma_buf_ops", "vmap", "a_vmap" },
		{ 1, "dma_buf_ops", "vunmap", "shared_vunmap" },
		{ 2, "dma_buf_ops", "vunmap", "shared_vunmap" },
		{ 3, "dma_buf_ops", "vmap", "never_seen_vmap" },
		{ 3, "dma_buf_ops", "vunmap", "late_vunmap" },
	};
	struct got g;
	struct iom_unit *u = UNIT_OF(rows, &g);

	EXPECT(unit_run(u, filler("a_vmap", IOM_KIND_SYSTEM), &g) == 0, "filler");
	EXPECT(unit_run(u, receiver("shared_vunmap"), &g) == 1, "instance without a filler");
	EXPECT(strstr(g.text, "'map' is a parameter: its memory kind is unknown here"), g.text);
	EXPECT(unit_run(u, receiver("late_vunmap"), &g) == IOM_DEFERRED, "waits for its filler");
	EXPECT(iom_unit_finish(u, NULL, NULL) == 1, "filler never seen: no fact");
	expect_list(__func__, &g, "30:IOM003 30:IOM003");
	iom_unit_free(u);
}

/* Which printf arguments are read through: %s and the dumping %p extensions. */
static void test_format_roles(void)
{
	static const struct {
		const char *fmt;
		const char *want;	/* one letter per argument: v value, r read */
	} cases[] = {
		{ "\0016x %d %s\n", "vr" },
		{ "%*ph %*phN %p %px %pK %pS", "vrvrvvvv" },
		{ "%-08.*s|%%|%pE%pM%pI4", "vrrrr" },
		{ "%lu %zx %llx %hhd %c", "vvvvv" },
		{ "%pe %pB %ps %pF", "vvvv" },
		{ "100%", "" },
		{ "%*.*pE", "vvr" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		unsigned char roles[16];
		char got[17] = "";
		int n = iom_format_roles(cases[i].fmt, roles, 16);

		for (int k = 0; k < n && k < 16; k++)
			got[k] = roles[k] == IOM_CONV_READS ? 'r' : 'v';
		got[n < 16 ? n : 16] = 0;
		EXPECT(!strcmp(got, cases[i].want), cases[i].fmt);
	}
}

/* print/plain/memory entries: their arguments, and their mistakes. */
static void test_rules_memory_functions(void)
{
	const struct iom_fn *f = iom_rules_fn(rules, "snprintf");
	struct iom_rules *r;
	char err[256];

	EXPECT(f && f->kind == IOM_FN_PRINT && f->fmt_arg == 3 && f->store_args == 1u << 1,
	       "snprintf writes argument 1, format 3");
	f = iom_rules_fn(rules, "memcmp");
	EXPECT(f && f->kind == IOM_FN_PLAIN && f->load_args == ((1u << 1) | (1u << 2)), "memcmp reads 1 and 2");
	EXPECT(iom_call_gives_memory(rules, "ioremap_wc") && iom_call_gives_memory(rules, "kzalloc") &&
	       !iom_call_gives_memory(rules, "memcpy"), "memory producers");
	f = iom_rules_fn(rules, "pci_iomap");
	EXPECT(f && f->effects == IOM_EFF_SET_IO, "pci_iomap gives I/O memory");
	r = iom_rules_new();
	EXPECT(iom_rules_load_text(r, "m", "plain my_fill\n", err, sizeof(err)) == -1 &&
	       !strcmp(err, "m:1: error: 'plain' takes 2 to 3 fields"), err);
	EXPECT(iom_rules_load_text(r, "m", "plain my_fill value=1\n", err, sizeof(err)) == -1 &&
	       !strcmp(err, "m:1: error: unexpected 'value=1'"), err);
	EXPECT(iom_rules_load_text(r, "m", "memory vram my_map\n", err, sizeof(err)) == -1 &&
	       !strcmp(err, "m:1: error: 'memory' takes 'system' or 'io', then a function name"), err);
	EXPECT(iom_rules_load_text(r, "m", "print my_log fmt=0\n", err, sizeof(err)) == -1 &&
	       !strcmp(err, "m:1: error: bad argument number '0' in 'fmt='"), err);
	EXPECT(iom_rules_load_text(r, "m", "memory io my_map\nplain my_fill store=1\n", err,
				   sizeof(err)) == 0 && iom_call_gives_memory(r, "my_map"), err);
	iom_rules_free(r);
}

static void test_options(void)
{
	unsigned bits;
	char err[128];
	struct iom_options o;

	iom_options_init(&o);
	EXPECT(!(o.enabled & (1u << IOM010)) && (o.enabled & (1u << IOM001)), "defaults");
	EXPECT(iom_parse_rule_list("IOM002,IOM006", &bits, err, sizeof(err)) == 0 &&
	       bits == ((1u << IOM002) | (1u << IOM006)), "list");
	EXPECT(iom_parse_rule_list("IOM002,IOM99", &bits, err, sizeof(err)) == -1 &&
	       !strcmp(err, "unknown rule 'IOM99'"), err);
}

static void test_rule_table(void)
{
	int n;
	const struct iom_rule_info *t = iom_rule_table(&n);

	EXPECT(n == 9 && t[0].id == IOM001 && t[n - 1].id == IOM010, "nine rules, in id order");
	EXPECT(!iom_rule_exists(9) && !iom_rule_get(9) && !strcmp(iom_rule_name(9), "IOM???"),
	       "IOM009 is not a rule");
	EXPECT(!strcmp(iom_rule_get(IOM010)->page, "rules/catalog/IOM010.md") &&
	       !iom_rule_get(IOM010)->on && iom_rule_get(IOM003)->on, "page and default");
	for (int i = 0; i < n; i++)
		EXPECT(t[i].summary[0] && t[i].help[0] && (i == 0 || t[i - 1].id < t[i].id), t[i].name);
}

static void test_config(void)
{
	struct iom_rules *r = iom_rules_new();
	struct iom_config c;
	char err[256];
	static const struct {
		const char *key, *value;
		int ret;
		const char *err;
	} cases[] = {
		{ "bogus", NULL, IOM_OPT_BAD, "unknown option '--bogus'" },
		{ "rules", NULL, IOM_OPT_BAD, "'--rules' needs a value: FILE" },
		{ "rules", "", IOM_OPT_BAD, "'--rules' names no file: the value is empty" },
		{ "rules", "/nonexistent.rules", IOM_OPT_INPUT,
		  "/nonexistent.rules:0: error: cannot open rules file: No such file or directory" },
		{ "error", "1", IOM_OPT_BAD, "'--error' takes no value (given '1')" },
		{ "enable", "IOM009", IOM_OPT_BAD, "bad value for '--enable': unknown rule 'IOM009'" },
		{ "json", "a.json", 0, "" },
		{ "json", "b.json", IOM_OPT_BAD,
		  "'--json' given twice ('a.json', then 'b.json'): findings go to one file" },
	};

	iom_config_init(&c, r);
	EXPECT(c.options.enabled & (1u << IOM001) && !(c.options.enabled & (1u << IOM010)), "defaults");
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char shown[64];
		int ret;

		snprintf(shown, sizeof(shown), "--%s", cases[i].key);
		err[0] = 0;
		ret = iom_config_set(&c, cases[i].key, cases[i].value, shown, err, sizeof(err));
		EXPECT(ret == cases[i].ret && !strcmp(err, cases[i].err), err);
	}
	EXPECT(!strcmp(c.json, "a.json"), "the first json= stays");
	EXPECT(!iom_config_set(&c, "enable", "IOM010", "--enable", err, sizeof(err)) &&
	       !iom_config_set(&c, "disable", "IOM001,IOM002", "--disable", err, sizeof(err)) &&
	       !iom_config_set(&c, "error", NULL, "--error", err, sizeof(err)) &&
	       !iom_config_set(&c, "dump", NULL, "--dump", err, sizeof(err)) &&
	       !iom_config_set(&c, "verbose", NULL, "--verbose", err, sizeof(err)), err);
	EXPECT((c.options.enabled & (1u << IOM010)) && !(c.options.enabled & (1u << IOM001)) &&
	       !(c.options.enabled & (1u << IOM002)) && c.options.error && c.dump && c.verbose,
	       "options applied");
	EXPECT(iom_option_find("rules") && iom_option_find("rules")->value &&
	       iom_option_find("dump") && !iom_option_find("dump")->value && !iom_option_find("x"),
	       "table says which options take a value");
	iom_rules_free(r);
}

static void test_render_any_length(void)
{
	static char file[6000];
	static const char json_end[] = "\"message\":\"second\"}]}\n";
	struct iom_finding f;
	struct iom_buf b = { NULL, 0, 0, 0 };
	char small[64];

	memset(file, 'd', sizeof(file) - 1);
	memset(&f, 0, sizeof(f));
	f.rule = IOM002;
	f.function = "fill";
	f.where.file = file;
	f.where.line = 5;
	f.where.col = 9;
	snprintf(f.message, sizeof(f.message), "a \"quoted\"\tmessage");
	f.nr_notes = 2;
	f.notes[0].where = f.where;
	f.notes[1].where = f.where;
	snprintf(f.notes[0].text, sizeof(f.notes[0].text), "first");
	snprintf(f.notes[1].text, sizeof(f.notes[1].text), "second");

	EXPECT(iom_render(IOM_FORMAT_TEXT, &f, &b) == 0 && b.len == strlen(b.s) &&
	       b.len > 3 * sizeof(file) && b.s[b.len - 1] == '\n' &&
	       strstr(b.s, ":5:9: warning: a \"quoted\"\tmessage [IOM002]\n") &&
	       strstr(b.s, ":5:9: note: second\n"), "text of any length");
	EXPECT(iom_format_text(&f, small, sizeof(small)) == (int)b.len && strlen(small) == 63,
	       "fixed buffer: whole length returned, cut text");
	b.len = 0;
	EXPECT(iom_render(IOM_FORMAT_JSON, &f, &b) == 0 && b.len > 3 * sizeof(file) &&
	       !strncmp(b.s, "{\"rule\":\"IOM002\",\"severity\":\"warning\",\"file\":\"ddd", 45) &&
	       strstr(b.s, "\"message\":\"a \\\"quoted\\\"\\u0009message\"") &&
	       b.len > strlen(json_end) && !strcmp(b.s + b.len - strlen(json_end), json_end), b.s);
	EXPECT(iom_format_json(&f, small, sizeof(small)) == (int)b.len, "json: whole length");
	b.len = 0;
	EXPECT(iom_render_begin(IOM_FORMAT_JSON, &b) == 0 && iom_render_end(IOM_FORMAT_TEXT, &b) == 0 &&
	       b.len == 0, "no envelope for text and JSON lines");
	EXPECT(iom_format_find("json") == IOM_FORMAT_JSON && iom_format_find("text") == IOM_FORMAT_TEXT &&
	       iom_format_find("sarif") == -1 && !strcmp(iom_format_name(IOM_FORMAT_JSON), "json"),
	       "format names");
	iom_buf_free(&b);
}

static void test_output_failure_said_once(void)
{
	struct iom_config c;
	struct iom_output *o;
	struct iom_finding f;
	char err[256] = "";

	memset(&f, 0, sizeof(f));
	f.rule = IOM002;
	f.function = "fill";
	f.where.file = "t.c";
	iom_config_init(&c, rules);
	c.json = "/nonexistent/dir/f.json";
	EXPECT(!iom_output_open(&c, err, sizeof(err)) &&
	       !strcmp(err, "cannot open '/nonexistent/dir/f.json' for appending: "
		       "No such file or directory"), err);
	c.json = "/dev/full";
	o = iom_output_open(&c, err, sizeof(err));
	EXPECT(o && !iom_output_check(o, err, sizeof(err)), "nothing lost yet");
	for (int i = 0; o && i < 3; i++)
		iom_output_finding(o, &f, NULL);
	EXPECT(o && iom_output_check(o, err, sizeof(err)) == -1 &&
	       !strcmp(err, "cannot write to '/dev/full': No space left on device: "
		       "3 of 3 finding(s) lost"), err);
	iom_output_close(o);
}

int main(void)
{
	rules = iom_rules_new();
	if (!rules)
		return 1;
	T_IOSYS = iom_rules_type_index(rules, "iosys_map");
	test_param_store();
	test_branch_refines();
	test_negated_copy_refines_earlier_pointer();
	test_set_io_and_generation();
	test_clobber_by_prefix();
	test_copy_escape_iomem();
	test_writes_null_tests_strict();
	test_mislabel();
	test_uninit();
	test_warn_kills_path();
	test_loop_dedup();
	test_loop_dedup_graph_order();
	test_init_clears();
	test_join_notes();
	test_front_end_bug_skips();
	test_rules_errors();
	test_facts();
	test_rules_override_and_lookup();
	test_rules_shared_fns();
	test_rules_file_reading();
	test_options();
	test_format_roles();
	test_rules_memory_functions();
	test_rule_table();
	test_config();
	test_render_any_length();
	test_output_failure_said_once();
	test_rules_pairs();
	test_unit_receiver_waits();
	test_unit_io_filler();
	test_unit_instances();
	test_many_params();
	iom_rules_free(rules);
	printf("core: %d passed, %d failed\n", passed, failures);
	return failures ? 1 : 0;
}
