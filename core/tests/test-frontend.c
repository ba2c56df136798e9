/*
 * test-frontend.c - the front-end contract (core/FRONTENDS.md), tested with
 * nothing but iomem.h: a front end that only describes its IR (paths,
 * types, calls, stores, helper-code facts) gets the rules applied by the
 * core.  Each test describes a tiny function the way a front end would and
 * compares the findings ("line:rule" list).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iomem.h"

static int failures, passed;
static struct iom_rules *rules;

#define EXPECT(cond, what) do { \
	if (cond) { passed++; } else { failures++; \
		fprintf(stderr, "FAIL %s:%d: %s\n", __func__, __LINE__, what); } } while (0)

/* ---- a toy type system, what a compiler would have ---- */

struct ttype {
	enum iom_type_class cls;
	const char *tag;
	long size, count;
	const struct ttype *element;
	const char *const *field_names;
	const struct ttype *const *field_types;
	int nr_fields;
};

static const struct ttype t_char = { IOM_TYPE_OTHER, NULL, 1, -1, NULL, NULL, NULL, 0 };
static const struct ttype t_ptr = { IOM_TYPE_OTHER, NULL, 8, -1, NULL, NULL, NULL, 0 };
static const struct ttype t_map = { IOM_TYPE_STRUCT, "iosys_map", 16, -1, NULL, NULL, NULL, 0 };
static const struct ttype t_dmap = { IOM_TYPE_STRUCT, "dma_buf_map", 16, -1, NULL, NULL, NULL, 0 };
static const struct ttype t_rgb = { IOM_TYPE_ARRAY, NULL, 3, 3, &t_char, NULL, NULL, 0 };
static const struct ttype t_maps20 = { IOM_TYPE_ARRAY, NULL, 320, 20, &t_map, NULL, NULL, 0 };
static const char *const state_names[] = { "count", "planes" };
static const struct ttype *const state_types[] = { &t_ptr, &t_maps20 };
static const struct ttype t_state = { IOM_TYPE_STRUCT, "plane_state", 328, -1, NULL,
				       state_names, state_types, 2 };

static void facts(void *ctx, const void *type, struct iom_type_facts *out)
{
	const struct ttype *t = (const struct ttype *)type;

	(void)ctx;
	out->cls = t->cls;
	out->tag = t->tag;
	out->size = t->size;
	out->count = t->count;
	out->element = t->element;
}

static void fields(void *ctx, const void *type, iom_field_fn each, void *arg)
{
	const struct ttype *t = (const struct ttype *)type;

	(void)ctx;
	for (int i = 0; i < t->nr_fields; i++)
		each(arg, t->field_names[i], t->field_types[i]);
}

static const struct iom_types types = { facts, fields, NULL };

/* ---- describing a function ---- */

struct got {
	char list[1024];
	char text[4096];
};

static void collect(const struct iom_finding *f, void *ctx)
{
	struct got *g = (struct got *)ctx;
	size_t n = strlen(g->list), t = strlen(g->text);

	snprintf(g->list + n, sizeof(g->list) - n, "%s%d:%s", n ? " " : "", f->where.line,
		 iom_rule_name(f->rule));
	iom_format_text(f, g->text + t, sizeof(g->text) - t);
}

static struct iom_where at(int line)
{
	struct iom_where w = { "t.c", line, 5, 0 };

	return w;
}

static struct iom_func *begin(void)
{
	struct iom_func *fn = iom_func_begin(rules, "f", at(1));

	iom_func_types(fn, &types);
	return fn;
}

static void run(struct iom_func *fn, struct got *g)
{
	struct iom_options o;

	iom_options_init(&o);
	memset(g, 0, sizeof(*g));
	if (iom_func_end(fn, &o, collect, g) < 0)
		snprintf(g->list, sizeof(g->list), "skipped: %s", iom_func_error(fn));
	iom_func_free(fn);
}

static void expect_list(const char *test, const struct got *g, const char *want)
{
	if (!strcmp(g->list, want)) {
		passed++;
		return;
	}
	failures++;
	fprintf(stderr, "FAIL %s\n  expected: %s\n  got:      %s\n%s", test, want, g->list, g->text);
}

static int param(struct iom_func *fn, const char *name)
{
	return iom_path_var(fn, name, 0, IOM_VAR_PARAM, at(1));
}

static int local(struct iom_func *fn, const char *name, unsigned uid)
{
	return iom_path_var(fn, name, uid, IOM_VAR_LOCAL, at(2));
}

static struct iom_arg value_arg(int value)
{
	struct iom_arg a = { .is = IOM_ARG_VALUE, .value = value, .path = -1, .pointer = 1 };

	return a;
}

static struct iom_arg pointer_arg(int path, const void *type)
{
	struct iom_arg a = { .is = IOM_ARG_POINTER, .value = -1, .path = path, .type = type, .pointer = 1 };

	return a;
}

static struct iom_arg address_arg(int path, const void *type)
{
	struct iom_arg a = { .is = IOM_ARG_ADDRESS, .value = -1, .path = path, .type = type, .pointer = 1 };

	return a;
}

static struct iom_arg int_arg(long long k)
{
	struct iom_arg a = { .is = IOM_ARG_INT, .value = -1, .path = -1, .constant = k };

	return a;
}

static void call(struct iom_func *fn, int line, const char *callee, int nr,
		 const struct iom_arg *args)
{
	struct iom_call c;

	memset(&c, 0, sizeof(c));
	c.callee = callee;
	c.nr_args = nr;
	c.args = args;
	c.result_value = c.result_path = -1;
	iom_call(fn, 0, at(line), &c);
}

/* Value 'v' is m->vaddr + offset, m being what parameter 'name' points to. */
static int derived(struct iom_func *fn, const char *name, int line, int v)
{
	int m = iom_object_map(fn, iom_path_deref(fn, param(fn, name)), &t_map);

	iom_load(fn, 0, at(line), v, m, IOM_MEMBER_SYS, "map->vaddr");
	iom_derive(fn, 0, v + 1, v, IOM_DER_OFFSET);
	return v + 1;
}

/* ---- tests ---- */

/* The core names what the front end built, and the same steps are the same map. */
static void test_paths(void)
{
	struct iom_func *fn = begin();
	int obj = iom_path_deref(fn, param(fn, "obj"));
	int vmap = iom_path_member(fn, iom_path_deref(fn, iom_path_member(fn, obj, "bo")), "vmap");
	int m1 = iom_object_map(fn, vmap, &t_map);
	int again = iom_object_map(fn, iom_path_member(fn, iom_path_deref(fn,
				   iom_path_member(fn, obj, "bo")), "vmap"), &t_map);
	int a = iom_object_map(fn, local(fn, "m", 1), &t_map);
	int b = iom_object_map(fn, local(fn, "m", 2), &t_map);
	int el = iom_object_map(fn, iom_path_any_index(fn, local(fn, "maps", 3), "i"), &t_map);
	int u1 = iom_object_map(fn, -1, &t_map), u2 = iom_object_map(fn, -1, &t_map);
	char expr[64];

	EXPECT(m1 >= 0 && m1 == again, "same steps, same map");
	EXPECT(!strcmp(iom_map_display(fn, m1), "obj->bo->vmap"), "display with ->");
	iom_member_expr(fn, m1, IOM_MEMBER_FLAG, expr, sizeof(expr));
	EXPECT(!strcmp(expr, "obj->bo->vmap.is_iomem"), "member of a member");
	iom_member_expr(fn, iom_object_map(fn, obj, &t_map), IOM_MEMBER_SYS, expr, sizeof(expr));
	EXPECT(!strcmp(expr, "obj->vaddr"), "member through a pointer");
	EXPECT(a >= 0 && b >= 0 && a != b, "two locals of one name are two maps");
	EXPECT(!strcmp(iom_map_display(fn, el), "maps[i]"), "any index shown as written");
	EXPECT(u1 >= 0 && u2 >= 0 && u1 != u2, "unnamed objects never merge");
	EXPECT(iom_path_member(fn, -1, "x") == -1 && iom_path_deref(fn, -1) == -1 &&
	       iom_path_index(fn, -1, 0) == -1, "-1 chains");
	EXPECT(iom_object_map(fn, vmap, &t_char) == -1, "not a map type");
	iom_func_free(fn);
}

/* Helper effects come from the rules: set-system, then set-io. */
static void test_helper_calls(void)
{
	struct iom_func *fn = begin();
	int m = local(fn, "m", 1);
	int mi = iom_object_map(fn, m, &t_map);
	struct iom_arg args[2] = { address_arg(m, &t_map), value_arg(9) };
	struct got g;

	call(fn, 3, "iosys_map_set_vaddr", 2, args);
	iom_load(fn, 0, at(4), 1, mi, IOM_MEMBER_SYS, "m.vaddr");
	iom_access(fn, 0, at(4), 1, 1);
	call(fn, 5, "iosys_map_set_vaddr_iomem", 2, args);
	iom_load(fn, 0, at(6), 2, mi, IOM_MEMBER_SYS, "m.vaddr");
	iom_access(fn, 0, at(6), 2, 1);
	run(fn, &g);
	expect_list(__func__, &g, "6:IOM001");
	EXPECT(strstr(g.text, "by 'iosys_map_set_vaddr_iomem'"), "the helper is named");
}

/* rules "access-sizes": the sizes GCC folds into a load and a store. */
static void test_small_copies(void)
{
	struct iom_func *fn = begin();
	int p = derived(fn, "map", 2, 1);
	int out = iom_path_deref(fn, param(fn, "out"));
	int rgb = local(fn, "rgb", 7);
	struct iom_arg c4[3] = { pointer_arg(out, &t_char), value_arg(p), int_arg(4) };
	struct iom_arg c3[3] = { pointer_arg(out, &t_char), value_arg(p), int_arg(3) };
	struct iom_arg c3a[3] = { address_arg(rgb, &t_rgb), value_arg(p), int_arg(3) };
	struct iom_arg c16w[3] = { value_arg(p), pointer_arg(out, &t_char), int_arg(16) };
	struct iom_arg c32[3] = { pointer_arg(out, &t_char), value_arg(p), int_arg(32) };
	struct iom_arg s4[3] = { value_arg(p), int_arg(0), int_arg(4) };
	struct got g;

	call(fn, 3, "memcpy", 3, c4);
	call(fn, 4, "__builtin_memcpy", 3, c3);
	call(fn, 5, "memcpy", 3, c3a);
	call(fn, 6, "memmove", 3, c16w);
	call(fn, 7, "memcpy", 3, c32);
	call(fn, 8, "memset", 3, s4);
	run(fn, &g);
	expect_list(__func__, &g, "3:IOM002 4:IOM003 5:IOM002 6:IOM002 7:IOM003 8:IOM003");
	EXPECT(strstr(g.text, "passed to 'memcpy'"), "__builtin_ prefix not shown");
}

/* Arguments past the 16 the rules can name still escape (varargs). */
static void test_many_args(void)
{
	struct iom_func *fn = begin();
	int p = derived(fn, "map", 2, 1);
	struct iom_arg args[40];
	struct got g;

	for (int i = 0; i < 40; i++)
		args[i] = int_arg(i);
	args[39] = value_arg(p);
	call(fn, 3, "iosys_map_clear", 40, args);	/* a helper: map=1 only */
	call(fn, 4, "sink", 40, args);
	run(fn, &g);
	expect_list(__func__, &g, "3:IOM003 4:IOM003");
}

/* A small copy into a whole map from unknown bytes is still a write of it. */
static void test_small_copy_into_map(void)
{
	struct iom_func *fn = begin();
	int m = local(fn, "m", 1), mi = iom_object_map(fn, m, &t_map);
	int src = iom_path_deref(fn, param(fn, "src"));
	struct iom_arg set[2] = { address_arg(m, &t_map), value_arg(20) };
	struct iom_arg copy[3] = { address_arg(m, &t_map), pointer_arg(src, &t_char), int_arg(16) };
	struct got g;

	call(fn, 3, "iosys_map_set_vaddr", 2, set);
	copy[1].to_const = 1;
	call(fn, 4, "memcpy", 3, copy);
	iom_load(fn, 0, at(5), 1, mi, IOM_MEMBER_SYS, "m.vaddr");
	iom_access(fn, 0, at(5), 1, 0);
	run(fn, &g);
	expect_list(__func__, &g, "5:IOM002");
}

/* Whole-map memset 0 and memcpy; a call that can reach a map clobbers it,
 * one through a pointer to const does not. */
static void test_whole_maps_and_clobbers(void)
{
	struct iom_func *fn = begin();
	int s = local(fn, "s", 1), d = local(fn, "d", 2);
	int obj = iom_path_deref(fn, param(fn, "obj"));
	int vmap = iom_path_member(fn, obj, "vmap");
	int mi = iom_object_map(fn, vmap, &t_map);
	int si = iom_object_map(fn, s, &t_map), di = iom_object_map(fn, d, &t_map);
	struct iom_arg zero[3] = { address_arg(s, &t_map), int_arg(0), int_arg(16) };
	struct iom_arg copy[3] = { address_arg(d, &t_map), address_arg(s, &t_map), int_arg(16) };
	struct iom_arg set[2] = { address_arg(vmap, &t_map), value_arg(20) };
	struct iom_arg reach[1] = { pointer_arg(obj, &t_char) };
	struct got g;

	call(fn, 3, "memset", 3, zero);
	call(fn, 4, "memcpy", 3, copy);
	iom_load(fn, 0, at(5), 1, di, IOM_MEMBER_SYS, "d.vaddr");
	iom_access(fn, 0, at(5), 1, 0);
	iom_load(fn, 0, at(5), 2, si, IOM_MEMBER_SYS, "s.vaddr");
	iom_access(fn, 0, at(5), 2, 0);
	call(fn, 6, "iosys_map_set_vaddr", 2, set);
	reach[0].to_const = 1;
	call(fn, 7, "driver_peek", 1, reach);
	iom_load(fn, 0, at(8), 3, mi, IOM_MEMBER_SYS, "obj->vmap.vaddr");
	iom_access(fn, 0, at(8), 3, 0);
	reach[0].to_const = 0;
	call(fn, 9, "driver_refresh", 1, reach);
	iom_load(fn, 0, at(10), 4, mi, IOM_MEMBER_SYS, "obj->vmap.vaddr");
	iom_access(fn, 0, at(10), 4, 0);
	run(fn, &g);
	expect_list(__func__, &g, "10:IOM002");
	EXPECT(strstr(g.text, "'obj->vmap' passed to 'driver_refresh' here"), "clobber note");
}

/*
 * if (likely(map->is_iomem)) { <end>; read map->vaddr } else read map->vaddr,
 * after printk(map->vaddr): returns-arg keeps the flag through
 * __builtin_expect, print is no escape, and <end> (a warn call, a BUG asm)
 * ends the path unless it is an ordinary asm.
 */
static void flag_test_with_end(const char *want, const char *warn_call, const char *asm_text)
{
	struct iom_func *fn = begin();
	int m = iom_object_map(fn, iom_path_deref(fn, param(fn, "map")), &t_map);
	int p = derived(fn, "map", 2, 10);
	struct iom_arg printed[2] = { pointer_arg(-1, &t_char), value_arg(p) };
	struct iom_arg expect[2] = { value_arg(1), int_arg(0) };
	struct iom_call c;
	int io = iom_block(fn), sys = iom_block(fn);
	struct got g;

	call(fn, 3, "_printk", 2, printed);
	iom_load(fn, 0, at(4), 1, m, IOM_MEMBER_FLAG, "map->is_iomem");
	memset(&c, 0, sizeof(c));
	c.callee = "__builtin_expect";
	c.nr_args = 2;
	c.args = expect;
	c.result = IOM_RESULT_VALUE;
	c.result_value = 2;
	c.result_path = -1;
	iom_call(fn, 0, at(4), &c);
	iom_edge_if(fn, 0, io, 2, 1, at(4));
	iom_edge_if(fn, 0, sys, 2, 0, at(4));
	if (warn_call) {
		memset(&c, 0, sizeof(c));
		c.callee = warn_call;
		c.result_value = c.result_path = -1;
		iom_call(fn, io, at(5), &c);
	}
	if (asm_text)
		iom_asm(fn, io, at(5), asm_text);
	iom_load(fn, io, at(6), 3, m, IOM_MEMBER_SYS, "map->vaddr");
	iom_access(fn, io, at(6), 3, 0);
	iom_load(fn, sys, at(7), 4, m, IOM_MEMBER_SYS, "map->vaddr");
	iom_access(fn, sys, at(7), 4, 0);
	run(fn, &g);
	expect_list(want, &g, want);
}

static void test_warn_print_returns_arg(void)
{
	flag_test_with_end("6:IOM001", NULL, "nop");
	flag_test_with_end("", "__warn_printk", NULL);
	flag_test_with_end("", NULL, "1: ud2\n.pushsection __bug_table,\"aw\"");
}

/* Whole objects: zero init, the element limit, end of scope, results. */
static void test_stores(void)
{
	struct iom_func *fn = begin();
	int st = local(fn, "st", 1);
	int planes = iom_path_member(fn, st, "planes");
	int p15 = iom_object_map(fn, iom_path_index(fn, planes, 15), &t_map);
	int pi = iom_object_map(fn, iom_path_any_index(fn, planes, "i"), &t_map);
	int m = local(fn, "m", 2), mi = iom_object_map(fn, m, &t_map);
	struct iom_call c;
	struct got g;

	EXPECT(iom_store(fn, 0, at(3), st, &t_state, IOM_STORE_ZERO, -1, NULL) == 1,
	       "a struct holding maps is taken");
	EXPECT(iom_store(fn, 0, at(3), local(fn, "x", 3), &t_rgb, IOM_STORE_ZERO, -1, NULL) == 0,
	       "bytes are not");
	iom_load(fn, 0, at(4), 1, p15, IOM_MEMBER_FLAG, "st.planes[15].is_iomem");
	iom_load(fn, 0, at(4), 2, pi, IOM_MEMBER_FLAG, "st.planes[i].is_iomem");
	iom_store(fn, 0, at(5), m, &t_map, IOM_STORE_END_SCOPE, -1, NULL);
	iom_load(fn, 0, at(6), 3, mi, IOM_MEMBER_FLAG, "m.is_iomem");
	memset(&c, 0, sizeof(c));
	c.callee = "get_state";
	c.result = IOM_RESULT_OBJECT;
	c.result_value = -1;
	c.result_path = st;
	c.result_type = &t_state;
	iom_call(fn, 0, at(7), &c);
	iom_load(fn, 0, at(8), 4, p15, IOM_MEMBER_SYS, "st.planes[15].vaddr");
	iom_access(fn, 0, at(8), 4, 0);
	run(fn, &g);
	expect_list(__func__, &g, "6:IOM008 8:IOM002");
	EXPECT(strstr(g.text, "'get_state'"), "the map came back from the call");
}

/* Helper code is decided from the facts, not by the front end. */
static void test_helper_facts(void)
{
	const char *chain[] = { "WRITE_ONCE", "iosys_map_wr" };
	const char *user[] = { "WRITE_ONCE", "my_macro" };

	EXPECT(iom_helper_code(rules, "/src/include/linux/iosys-map.h", NULL, 0), "header");
	EXPECT(iom_helper_code(rules, "drv.c", chain, 2), "expanded from a helper macro");
	EXPECT(!iom_helper_code(rules, "drv.c", user, 2), "user macros are not helpers");
	EXPECT(iom_helper_macro(rules, "IOSYS_MAP_INIT_VADDR") && !iom_helper_macro(rules, "memcpy"),
	       "helper macro");
	EXPECT(iom_helper_function(rules, "iosys_map_memcpy_to", 0) &&
	       iom_helper_function(rules, "static_inline_in_header", 1) &&
	       !iom_helper_function(rules, "driver_fn", 0), "helper function");
	EXPECT(iom_call_matters(rules, "dma_buf_vmap") && iom_call_matters(rules, "iosys_map_clear") &&
	       !iom_call_matters(rules, "memcpy"), "calls that matter");
	EXPECT(iom_call_returns_arg(rules, "__builtin_expect") == 1 &&
	       iom_call_returns_arg(rules, "memcpy") == 0, "returns-arg");
}

static void test_rules_lines(void)
{
	static const char *const bad[] = {
		"copy memcpy dst=1 src=2\n",
		"fill memset dst=1 size=3 value=x\n",
		"access-sizes 0\n",
		"access-sizes 4 bytes\n",
		"returns-arg __builtin_expect 0\n",
	};
	char err[256];

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct iom_rules *r = iom_rules_new();

		EXPECT(iom_rules_load_text(r, "x.rules", bad[i], err, sizeof(err)) < 0 &&
		       !strncmp(err, "x.rules:1: error: ", 18), bad[i]);
		iom_rules_free(r);
	}
}


/* ---- fix-its: spelled constructs, the core's decision ---- */

struct fixed {
	int nr;
	struct iom_finding f[8];
	char text[2048];
};

static void keep_finding(const struct iom_finding *f, void *ctx)
{
	struct fixed *x = (struct fixed *)ctx;
	struct iom_buf b = { 0 };

	if (x->nr < 8) {
		x->f[x->nr] = *f;
		x->f[x->nr++].function = "f";	/* the function's own name goes with it */
	}
	if (!iom_render(IOM_FORMAT_FIXITS, f, &b))
		snprintf(x->text + strlen(x->text), sizeof(x->text) - strlen(x->text), "%s", b.s);
	iom_buf_free(&b);
}

static void run_fixed(struct iom_func *fn, struct fixed *x)
{
	struct iom_options o;

	iom_options_init(&o);
	memset(x, 0, sizeof(*x));
	iom_func_end(fn, &o, keep_finding, x);
	iom_func_free(fn);
}

static struct iom_span span(int line, int col, int end_col)
{
	struct iom_span s = { line, col, line, end_col };

	return s;
}

/* memcpy(map->vaddr + off, src, n): the name and the pointer argument. */
static struct iom_spelling spelled_copy(int line, const char *offset)
{
	struct iom_spelling sp;

	memset(&sp, 0, sizeof(sp));
	sp.is = IOM_SPELL_CALL;
	sp.file = "t.c";
	sp.name = span(line, 2, 8);
	sp.whole = sp.name;
	sp.callee = "memcpy";
	sp.arg = 1;
	sp.ptr.map = "map";
	sp.ptr.arrow = 1;
	sp.ptr.member = "vaddr";
	sp.ptr.offset = offset;
	sp.ptr.span = span(line, 9, offset ? 25 : 19);
	return sp;
}

static void copy_to(struct iom_func *fn, int line, int v, const struct iom_spelling *sp)
{
	int out = iom_path_deref(fn, param(fn, "src"));
	struct iom_arg args[3] = { value_arg(v), pointer_arg(out, &t_char), int_arg(64) };

	iom_spelled(fn, sp);
	call(fn, line, "memcpy", 3, args);
	iom_spelled(fn, NULL);
}

static void test_fix_calls(void)
{
	struct iom_func *fn = begin();
	struct iom_spelling off = spelled_copy(3, "off"), none = spelled_copy(4, NULL);
	struct iom_spelling wrong = spelled_copy(5, NULL);
	int p = derived(fn, "map", 2, 1);
	int m = iom_object_map(fn, iom_path_deref(fn, param(fn, "map")), &t_map);
	struct fixed x;

	copy_to(fn, 3, p, &off);
	iom_load(fn, 0, at(4), 7, m, IOM_MEMBER_SYS, "map->vaddr");
	copy_to(fn, 4, 7, &none);
	copy_to(fn, 5, p, &wrong);	/* spelled without offset, proven with one */
	run_fixed(fn, &x);
	EXPECT(x.nr == 3, "three findings");
	EXPECT(x.f[0].nr_edits == 2 && !strcmp(x.f[0].edits[0].text, "iosys_map_memcpy_to") &&
	       x.f[0].edits[0].line == 3 && x.f[0].edits[0].col == 2 &&
	       x.f[0].edits[0].end_col == 8 && !strcmp(x.f[0].edits[1].text, "map, off") &&
	       x.f[0].edits[1].col == 9 && x.f[0].edits[1].end_col == 25, "copy with offset");
	EXPECT(!x.f[0].preferred, "a parameter's kind is not proven");
	EXPECT(x.f[1].nr_edits == 2 && !strcmp(x.f[1].edits[1].text, "map, 0"), "no offset: 0");
	EXPECT(x.f[2].nr_edits == 0, "an offset the spelling lacks: no fix");
	EXPECT(strstr(x.text, "t.c:3:5: warning: ") &&
	       strstr(x.text, "fix-it:\"t.c\":{3:2-3:8}:\"iosys_map_memcpy_to\"\n"
				"fix-it:\"t.c\":{3:9-3:25}:\"map, off\"\n"), "parseable fix-it lines");
}

/* *(u32 *)(m.vaddr + 8) = v after set_vaddr_iomem: proven, preferred. */
static void test_fix_store_and_test(void)
{
	struct iom_func *fn = begin();
	int m = local(fn, "m", 1);
	int mi = iom_object_map(fn, m, &t_map);
	struct iom_arg args[2] = { address_arg(m, &t_map), value_arg(9) };
	struct iom_spelling st, t;
	struct fixed x;
	char json[1024];

	memset(&st, 0, sizeof(st));
	st.is = IOM_SPELL_STORE;
	st.file = "t.c";
	st.whole = span(4, 2, 30);
	st.ptr.map = "m";
	st.ptr.member = "vaddr";
	st.ptr.offset = "8";
	st.type = "u32";
	st.value = "v";
	t = st;
	t.is = IOM_SPELL_TEST;
	t.ptr.offset = NULL;
	t.negated = 1;
	t.whole = span(5, 6, 15);
	call(fn, 3, "iosys_map_set_vaddr_iomem", 2, args);
	iom_load(fn, 0, at(4), 1, mi, IOM_MEMBER_SYS, "m.vaddr");
	iom_derive(fn, 0, 2, 1, IOM_DER_OFFSET);
	iom_spelled(fn, &st);
	iom_access(fn, 0, at(4), 2, 1);
	iom_access(fn, 0, at(8), 2, 0);		/* a load: the STORE spelling does not fit */
	iom_spelled(fn, NULL);
	iom_load(fn, 0, at(5), 3, mi, IOM_MEMBER_SYS, "m.vaddr");
	iom_spelled(fn, &t);
	iom_null_test(fn, 0, at(5), 3);
	iom_spelled(fn, NULL);
	run_fixed(fn, &x);
	EXPECT(x.nr == 3 && x.f[2].nr_edits == 0, "three findings, the load without fix");
	EXPECT(x.f[0].rule == IOM001 && x.f[0].nr_edits == 1 &&
	       !strcmp(x.f[0].edits[0].text, "iosys_map_wr(&m, 8, u32, v)") && x.f[0].preferred,
	       "store: wr, &m for a map object, preferred");
	EXPECT(x.f[1].rule == IOM006 && x.f[1].nr_edits == 1 &&
	       !strcmp(x.f[1].edits[0].text, "iosys_map_is_null(&m)"), "!m.vaddr: is_null");
	iom_format_json(&x.f[0], json, sizeof(json));
	EXPECT(strstr(json, ",\"fixes\":[{\"file\":\"t.c\",\"line\":4,\"column\":2,\"end_line\":4,"
			    "\"end_column\":30,\"text\":\"iosys_map_wr(&m, 8, u32, v)\"}],"
			    "\"preferred\":true}"), "JSON fixes");
	iom_format_json(&x.f[1], json, sizeof(json));
	EXPECT(strstr(json, "\"preferred\":true"), "a map set to I/O memory: proven");
}

/* The old header: memcpy_to without offset, no wr. */
static void test_fix_old_header(void)
{
	struct iom_func *fn = begin();
	int m = iom_object_map(fn, iom_path_deref(fn, param(fn, "map")), &t_dmap);
	struct iom_spelling off = spelled_copy(3, "off"), none = spelled_copy(4, NULL);
	struct fixed x;

	iom_load(fn, 0, at(2), 1, m, IOM_MEMBER_SYS, "map->vaddr");
	iom_derive(fn, 0, 2, 1, IOM_DER_OFFSET);
	copy_to(fn, 3, 2, &off);
	copy_to(fn, 4, 1, &none);
	run_fixed(fn, &x);
	EXPECT(x.nr == 2 && x.f[0].nr_edits == 0, "dma_buf_map_memcpy_to takes no offset");
	EXPECT(x.f[1].nr_edits == 2 && !strcmp(x.f[1].edits[0].text, "dma_buf_map_memcpy_to") &&
	       !strcmp(x.f[1].edits[1].text, "map"), "a copy to the start");
}

/* m->vaddr = p; m->is_iomem = false;  Both findings, one fix of two edits. */
static void test_fix_pair(void)
{
	struct iom_func *fn = begin();
	int m = iom_object_map(fn, iom_path_deref(fn, param(fn, "m")), &t_map);
	struct iom_spelling sp;
	struct fixed x;

	memset(&sp, 0, sizeof(sp));
	sp.is = IOM_SPELL_SET;
	sp.file = "t.c";
	sp.whole = span(3, 2, 15);
	sp.flag_stmt = (struct iom_span){ 4, 1, 5, 1 };
	sp.ptr.map = "m";
	sp.ptr.arrow = 1;
	sp.ptr.member = "vaddr";
	sp.value = "p";
	sp.flag = "is_iomem";
	sp.flag_value = 0;
	iom_spelled(fn, &sp);
	iom_write(fn, 0, at(3), m, IOM_MEMBER_SYS, -1, -1, "m->vaddr");
	iom_spelled(fn, NULL);
	iom_spelled(fn, &sp);
	iom_write(fn, 0, at(4), m, IOM_MEMBER_FLAG, 0, -1, "m->is_iomem");
	iom_spelled(fn, NULL);
	sp.flag_value = 1;		/* is_iomem = true with vaddr: no helper does that */
	iom_spelled(fn, &sp);
	iom_write(fn, 0, at(6), m, IOM_MEMBER_SYS, -1, -1, "m->vaddr");
	iom_spelled(fn, NULL);
	run_fixed(fn, &x);
	EXPECT(x.nr == 3, "three writes");
	for (int i = 0; i < 2; i++)
		EXPECT(x.f[i].nr_edits == 2 &&
		       !strcmp(x.f[i].edits[0].text, "iosys_map_set_vaddr(m, p)") &&
		       x.f[i].edits[1].line == 4 && x.f[i].edits[1].end_line == 5 &&
		       !x.f[i].edits[1].text[0], "set_vaddr, the flag's line deleted");
	EXPECT(x.f[2].nr_edits == 0, "vaddr with is_iomem = true: no fix");

	/* struct iosys_map m = { .vaddr_iomem = regs, .is_iomem = true }; */
	fn = begin();
	m = iom_object_map(fn, local(fn, "m", 1), &t_map);
	memset(&sp, 0, sizeof(sp));
	sp.is = IOM_SPELL_INIT;
	sp.file = "t.c";
	sp.whole = span(3, 23, 61);
	sp.ptr.map = "";
	sp.ptr.member = "vaddr_iomem";
	sp.value = "regs";
	sp.flag = "is_iomem";
	sp.flag_value = 1;
	iom_spelled(fn, &sp);
	iom_write(fn, 0, at(3), m, IOM_MEMBER_IO, -1, -1, "m.vaddr_iomem");
	iom_write(fn, 0, at(3), m, IOM_MEMBER_FLAG, 1, -1, "m.is_iomem");
	iom_spelled(fn, NULL);
	run_fixed(fn, &x);
	EXPECT(x.nr == 1 && x.f[0].nr_edits == 1 &&
	       !strcmp(x.f[0].edits[0].text, "IOSYS_MAP_INIT_VADDR_IOMEM(regs)") &&
	       x.f[0].edits[0].col == 23 && x.f[0].edits[0].end_col == 61, "an initialiser: INIT");
}

/* Fix-it text escaped as clang's -fdiagnostics-parseable-fixits does. */
static void test_fixit_escapes(void)
{
	struct iom_finding f;
	char out[512];

	memset(&f, 0, sizeof(f));
	f.rule = IOM006;
	f.where = at(3);
	f.function = "f";
	snprintf(f.message, sizeof(f.message), "m");
	f.nr_edits = 1;
	f.edits[0] = (struct iom_edit){ "d\"ir/t.c", 3, 1, 3, 4, "" };
	snprintf(f.edits[0].text, sizeof(f.edits[0].text), "a\"b\\c\n\t\xc3\xa9\x01");
	{
		struct iom_buf b = { 0 };

		iom_render(IOM_FORMAT_FIXITS, &f, &b);
		snprintf(out, sizeof(out), "%s", b.s ? b.s : "");
		iom_buf_free(&b);
	}
	EXPECT(strstr(out, "\nfix-it:\"d\\\"ir/t.c\":{3:1-3:4}:\"a\\\"b\\\\c\\n\\t\\303\\251\\001\"\n"),
	       "quotes, backslashes, newline, tab, UTF-8 and control bytes escaped");
	iom_format_text(&f, out, sizeof(out));
	EXPECT(!strstr(out, "fix-it:"), "plain text has no fix-it lines");
}

static void test_fix_rules(void)
{
	static const char *const bad[] = {
		"fix copy-to iosys_map_memcpy_to\n",
		"type t\nfix sideways h\n",
		"type t\nfix copy-to\n",
		"type t\nfix copy-to a\nfix copy-to b\n",
	};
	char err[256];
	struct iom_rules *r = iom_rules_new();

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct iom_rules *b = iom_rules_new();

		EXPECT(iom_rules_load_text(b, "x.rules", bad[i], err, sizeof(err)) < 0 &&
		       !strncmp(err, "x.rules:", 8), bad[i]);
		iom_rules_free(b);
	}
	/* A type replaced at run time keeps only the fixes its block names. */
	EXPECT(!iom_rules_load_text(r, "x.rules", "type iosys_map\nheader linux/iosys-map.h\n"
				    "system vaddr\nio vaddr_iomem\nflag is_iomem\n"
				    "fix is-null my_is_null\nend\n", err, sizeof(err)), err);
	{
		struct iom_rules *saved = rules;
		struct fixed x;
		struct iom_func *fn;
		int m;
		struct iom_spelling t = spelled_copy(3, NULL);

		rules = r;
		fn = begin();
		m = iom_object_map(fn, iom_path_deref(fn, param(fn, "map")), &t_map);
		iom_load(fn, 0, at(2), 1, m, IOM_MEMBER_SYS, "map->vaddr");
		copy_to(fn, 3, 1, &t);
		t.is = IOM_SPELL_TEST;
		t.negated = 1;
		iom_spelled(fn, &t);
		iom_null_test(fn, 0, at(4), 1);
		iom_spelled(fn, NULL);
		run_fixed(fn, &x);
		rules = saved;
		EXPECT(x.nr == 2 && x.f[0].nr_edits == 0, "no copy-to helper named: no fix");
		EXPECT(x.f[1].nr_edits == 1 && !strcmp(x.f[1].edits[0].text, "my_is_null(map)"),
		       "the rules' own name");
	}
	iom_rules_free(r);
}

/* ---- the unit's summaries: a flag through a function of the same file ---- */

static int unit_analyse(struct iom_unit *u, struct iom_func *fn, struct got *g)
{
	struct iom_options o;
	int n;

	iom_options_init(&o);
	n = iom_unit_analyse(u, fn, &o, collect, g);
	if (n != IOM_DEFERRED)
		iom_func_free(fn);
	return n;
}

static struct iom_func *begin_named(const char *name)
{
	struct iom_func *fn = iom_func_begin(rules, name, at(1));

	iom_func_types(fn, &types);
	return fn;
}

/*
 * static void emit(struct iosys_map *dst, bool io)
 * { if (io) *(u32 *)dst->vaddr = 0; else memcpy_toio(dst->vaddr_iomem, ...); }
 * called 'calls' times in all, as the front end counts.
 */
static struct iom_func *emit_fn(int calls)
{
	struct iom_func *fn = begin_named("emit");
	int m = iom_object_map(fn, iom_path_deref(fn, param(fn, "dst")), &t_map);
	int io = iom_block(fn), sys = iom_block(fn);

	iom_param(fn, 1, "dst");
	iom_param(fn, 2, "io");
	iom_param_value(fn, 2, 5);
	iom_func_only_called_here(fn, calls);
	iom_edge_if(fn, 0, io, 5, 1, at(9));
	iom_edge_if(fn, 0, sys, 5, 0, at(9));
	iom_load(fn, io, at(10), 1, m, IOM_MEMBER_SYS, "dst->vaddr");
	iom_access(fn, io, at(10), 1, 1);
	iom_load(fn, sys, at(12), 2, m, IOM_MEMBER_IO, "dst->vaddr_iomem");
	iom_escape(fn, sys, at(12), 2, IOM_ESC_CALL, "memcpy_toio");
	return fn;
}

/* void draw(struct iosys_map *map, struct iosys_map *other)
 * { emit(map, flag_of->is_iomem); }: flag of 'map' or of 'other'. */
static struct iom_func *draw_fn(const char *name, const char *flag_of, int negated)
{
	struct iom_func *fn = begin_named(name);
	int mp = iom_path_deref(fn, param(fn, "map"));
	int f = iom_object_map(fn, iom_path_deref(fn, param(fn, flag_of)), &t_map);
	struct iom_arg args[2] = { pointer_arg(mp, &t_map), value_arg(3) };
	struct iom_call c;

	iom_param(fn, 1, "map");
	iom_param(fn, 2, "other");
	iom_load(fn, 0, at(20), 1, f, IOM_MEMBER_FLAG, "map->is_iomem");
	iom_derive(fn, 0, 3, 1, negated ? IOM_DER_NOT : IOM_DER_COPY);
	args[1].pointer = 0;
	memset(&c, 0, sizeof(c));
	c.callee = "emit";
	c.defined_here = 1;
	c.nr_args = 2;
	c.args = args;
	c.result_value = c.result_path = -1;
	iom_call(fn, 0, at(21), &c);
	return fn;
}

static void guard_case(const char *want, int calls, const char *flag_of2, int negated)
{
	struct iom_unit *u = iom_unit_new(rules);
	struct got g;

	memset(&g, 0, sizeof(g));
	/* Called from elsewhere: analysed at once; else it waits for its callers. */
	EXPECT((unit_analyse(u, emit_fn(calls), &g) == IOM_DEFERRED) == (calls >= 0),
	       "waits for its callers");
	EXPECT(unit_analyse(u, draw_fn("draw", "map", negated), &g) == 0, "caller");
	if (flag_of2)
		EXPECT(unit_analyse(u, draw_fn("draw2", flag_of2, negated), &g) == 0, "caller");
	iom_unit_finish(u, NULL, NULL);
	iom_unit_free(u);
	expect_list(want, &g, want);
	if (!strcmp(want, "10:IOM001 12:IOM004"))
		EXPECT(strstr(g.text, "'dst->is_iomem' is true on this path (tested here as 'io': "
			      "every call of 'emit' passes it there)"), g.text);
}

static void test_unit_guards(void)
{
	/* Every call passes the flag of the map it hands over: the bool is it. */
	guard_case("10:IOM001 12:IOM004", 1, NULL, 0);
	guard_case("10:IOM001 12:IOM004", 2, "map", 0);
	/* Its negation: the branches swap, the correct code is silent. */
	guard_case("", 1, NULL, 1);
	/* A call the unit did not see (through a pointer, from a function not
	 * analysed), or a call passing another map's flag: the bool says nothing. */
	guard_case("10:IOM002 12:IOM004", 2, NULL, 0);
	guard_case("10:IOM002 12:IOM004", 2, "other", 0);
	guard_case("10:IOM002 12:IOM004", -1, NULL, 0);
}

/*
 * static void put(struct obj *obj, bool io) { if (io) *(u32 *)obj->vmap.vaddr = 0; }
 * void show(struct obj *obj) { put(obj, obj->vmap.is_iomem); }: the map is
 * inside the object the call hands over.
 */
static void test_unit_guard_of_a_member(void)
{
	struct iom_unit *u = iom_unit_new(rules);
	struct iom_func *put = begin_named("put"), *show = begin_named("show");
	int pm = iom_object_map(put, iom_path_member(put, iom_path_deref(put, param(put, "obj")),
						      "vmap"), &t_map);
	int sobj = iom_path_deref(show, param(show, "obj"));
	int sm = iom_object_map(show, iom_path_member(show, sobj, "vmap"), &t_map);
	struct iom_arg args[2] = { pointer_arg(sobj, &t_char), value_arg(3) };
	int io = iom_block(put);
	struct iom_call c;
	struct got g;

	memset(&g, 0, sizeof(g));
	iom_param(put, 1, "obj");
	iom_param(put, 2, "io");
	iom_param_value(put, 2, 5);
	iom_func_only_called_here(put, 1);
	iom_edge_if(put, 0, io, 5, 1, at(9));
	iom_load(put, io, at(10), 1, pm, IOM_MEMBER_SYS, "obj->vmap.vaddr");
	iom_access(put, io, at(10), 1, 1);
	EXPECT(unit_analyse(u, put, &g) == IOM_DEFERRED, "waits for its callers");
	iom_param(show, 1, "obj");
	iom_load(show, 0, at(20), 3, sm, IOM_MEMBER_FLAG, "obj->vmap.is_iomem");
	args[1].pointer = 0;
	memset(&c, 0, sizeof(c));
	c.callee = "put";
	c.defined_here = 1;
	c.nr_args = 2;
	c.args = args;
	c.result_value = c.result_path = -1;
	iom_call(show, 0, at(21), &c);
	EXPECT(unit_analyse(u, show, &g) == 0, "caller");
	iom_unit_finish(u, NULL, NULL);
	iom_unit_free(u);
	expect_list(__func__, &g, "10:IOM001");
}

/* static bool is_io(struct iosys_map *map) { return [!]map->is_iomem; }, or
 * with 'other_path' a second return of something else. */
static struct iom_func *is_io_fn(int negated, int other_path)
{
	struct iom_func *fn = begin_named("is_io");
	int m = iom_object_map(fn, iom_path_deref(fn, param(fn, "map")), &t_map);
	int b = iom_block(fn);

	iom_param(fn, 1, "map");
	iom_load(fn, 0, at(30), 1, m, IOM_MEMBER_FLAG, "map->is_iomem");
	iom_derive(fn, 0, 2, 1, negated ? IOM_DER_NOT : IOM_DER_COPY);
	iom_edge(fn, 0, b);
	iom_return(fn, b, at(31), 2);
	if (other_path) {
		int c = iom_block(fn);

		iom_edge(fn, 0, c);
		iom_return(fn, c, at(32), -1);
	}
	return fn;
}

/* void use(struct iosys_map *m) { if (is_io(m)) *(u32 *)m->vaddr = 0; } */
static struct iom_func *use_fn(void)
{
	struct iom_func *fn = begin_named("use");
	int mp = iom_path_deref(fn, param(fn, "m"));
	int m = iom_object_map(fn, mp, &t_map);
	struct iom_arg args[1] = { pointer_arg(mp, &t_map) };
	int yes = iom_block(fn), no = iom_block(fn);
	struct iom_call c;

	iom_param(fn, 1, "m");
	memset(&c, 0, sizeof(c));
	c.callee = "is_io";
	c.defined_here = 1;
	c.nr_args = 1;
	c.args = args;
	c.result = IOM_RESULT_VALUE;
	c.result_value = 7;
	c.result_path = -1;
	iom_call(fn, 0, at(40), &c);
	iom_edge_if(fn, 0, yes, 7, 1, at(40));
	iom_edge(fn, 0, no);
	iom_load(fn, yes, at(41), 8, m, IOM_MEMBER_SYS, "m->vaddr");
	iom_access(fn, yes, at(41), 8, 1);
	return fn;
}

static void returned_case(const char *want, int negated, int other_path, int callee_first)
{
	struct iom_unit *u = iom_unit_new(rules);
	struct got g;

	memset(&g, 0, sizeof(g));
	if (callee_first) {
		unit_analyse(u, is_io_fn(negated, other_path), &g);
		EXPECT(unit_analyse(u, use_fn(), &g) != IOM_DEFERRED, "callee seen");
	} else {
		EXPECT(unit_analyse(u, use_fn(), &g) == IOM_DEFERRED, "waits for the callee");
		unit_analyse(u, is_io_fn(negated, other_path), &g);
	}
	iom_unit_finish(u, NULL, NULL);
	iom_unit_free(u);
	expect_list(want, &g, want);
	if (!strcmp(want, "41:IOM001"))
		EXPECT(strstr(g.text, "'m->is_iomem' is true on this path (tested here through "
			      "'is_io()', which returns it)"), g.text);
}

static void test_unit_returned_flag(void)
{
	returned_case("41:IOM001", 0, 0, 1);
	returned_case("41:IOM001", 0, 0, 0);
	returned_case("", 1, 0, 1);			/* returns !flag: true is system */
	returned_case("41:IOM002", 0, 1, 1);		/* something else on one path */
}

int main(void)
{
	rules = iom_rules_new();
	if (!rules)
		return 1;
	test_paths();
	test_helper_calls();
	test_small_copies();
	test_many_args();
	test_small_copy_into_map();
	test_whole_maps_and_clobbers();
	test_warn_print_returns_arg();
	test_stores();
	test_helper_facts();
	test_rules_lines();
	test_fix_calls();
	test_fix_store_and_test();
	test_fix_old_header();
	test_fix_pair();
	test_fix_rules();
	test_fixit_escapes();
	test_unit_guards();
	test_unit_guard_of_a_member();
	test_unit_returned_flag();
	iom_rules_free(rules);
	printf("front-end contract: %d passed, %d failed\n", passed, failures);
	return failures ? 1 : 0;
}
