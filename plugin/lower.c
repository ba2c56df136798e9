/*
 * lower.c - lower one GIMPLE function (right after "ssa") into core events.
 *
 * Two passes.  The first finds the SSA names worth tracking: loads of a map
 * member and everything computed from them (casts, offsets, negations, phis),
 * iterated to a fixed point because phis can see a value before its
 * definition.  It also tells whether the function touches a map at all; most
 * kernel functions don't, and cost nothing more.  The second pass emits the
 * events in block order.
 *
 * Anything not understood is left out: a map we cannot name is unknown, a
 * pointer we did not track is not reported.  Nothing here aborts.
 */
#include "gcc-common.h"
#include "lower.h"

struct lower {
	function *fun;
	const struct lower_opts *opt;
	const struct iom_rules *rules;
	struct iom_func *fn;
	int *block_of;			/* GCC bb index -> core block */
	sbitmap tracked;		/* SSA versions worth a value */
	int relevant;			/* the function touches a map */
	int unnamed;			/* counter for maps we cannot name */
	int cur;			/* core block being filled */
	location_t last_loc;
};

/* ---- locations ------------------------------------------------------------- */

/*
 * Helper code is what the helper header spells, or anything expanded by one
 * of its macros: iosys_map_rd() puts the caller's own tokens (the offset, the
 * map) and compiler.h's WRITE_ONCE() inside its branches, so spelling alone
 * is not enough.  The macro maps record every expansion a location went
 * through, innermost first.
 */
static int helper_location(const struct lower *l, location_t loc)
{
	location_t sp = linemap_resolve_location(line_table, loc, LRK_SPELLING_LOCATION, NULL);
	expanded_location xs = expand_location(sp);
	int depth = 0;

	if (iom_rules_is_helper_file(l->rules, xs.file))
		return 1;
	while (linemap_location_from_macro_expansion_p(line_table, loc) && depth++ < 64) {
		const line_map *map = linemap_lookup(line_table, loc);
		const struct iom_fn *f;

		if (!map || !linemap_macro_expansion_map_p(map))
			break;
		f = iom_rules_fn(l->rules, linemap_map_get_macro_name(linemap_check_macro(map)));
		if (f && f->kind == IOM_FN_MACRO)
			return 1;
		loc = linemap_unwind_toward_expansion(line_table, loc, &map);
	}
	return 0;
}

static struct iom_where where_at(const struct lower *l, location_t loc)
{
	struct iom_where w = { NULL, 0, 0, 0 };
	location_t user;
	expanded_location x;

	if (loc == UNKNOWN_LOCATION)
		loc = l->last_loc;
	if (loc == UNKNOWN_LOCATION)
		loc = DECL_SOURCE_LOCATION(l->fun->decl);
	user = linemap_resolve_location(line_table, loc, LRK_MACRO_EXPANSION_POINT, NULL);
	x = expand_location(user);
	w.file = x.file;
	w.line = x.line;
	w.col = x.column;
	w.helper = helper_location(l, loc);
	return w;
}

static struct iom_where where_of(struct lower *l, gimple *stmt)
{
	location_t loc = gimple_location(stmt);

	if (loc != UNKNOWN_LOCATION)
		l->last_loc = loc;
	return where_at(l, loc);
}

/*
 * A designated initialiser from a helper macro (IOSYS_MAP_INIT_VADDR) is
 * gimplified into member stores located at the declaration, not in the
 * macro, so spelling locations cannot tell it from one the user wrote.  The
 * line map can: it records where each macro was expanded.  The lines where a
 * helper macro was expanded are collected once per translation unit.
 */
struct line_ref {
	const char *file;
	int line;
};

static struct line_ref *macro_lines;
static int nr_macro_lines = -1;

static int cmp_line_ref(const void *a, const void *b)
{
	const struct line_ref *x = (const struct line_ref *)a, *y = (const struct line_ref *)b;

	if (x->line != y->line)
		return x->line - y->line;
	return strcmp(x->file, y->file);
}

static void collect_macro_lines(const struct iom_rules *rules)
{
	unsigned n = LINEMAPS_MACRO_USED(line_table), cap = 0;

	nr_macro_lines = 0;
	for (unsigned i = 0; i < n; i++) {
		const line_map_macro *map = LINEMAPS_MACRO_MAP_AT(line_table, i);
		const struct iom_fn *f = iom_rules_fn(rules, linemap_map_get_macro_name(map));
		location_t at;
		expanded_location x;

		if (!f || f->kind != IOM_FN_MACRO)
			continue;
		at = linemap_resolve_location(line_table, MACRO_MAP_EXPANSION_POINT_LOCATION(map),
					      LRK_MACRO_EXPANSION_POINT, NULL);
		x = expand_location(at);
		if (!x.file)
			continue;
		if ((unsigned)nr_macro_lines == cap) {
			cap = cap ? 2 * cap : 64;
			macro_lines = XRESIZEVEC(struct line_ref, macro_lines, cap);
		}
		macro_lines[nr_macro_lines].file = x.file;
		macro_lines[nr_macro_lines++].line = x.line;
	}
	qsort(macro_lines, nr_macro_lines, sizeof(*macro_lines), cmp_line_ref);
}

static int helper_macro_line(const struct lower *l, struct iom_where w)
{
	struct line_ref key = { w.file, w.line };

	if (nr_macro_lines < 0)
		collect_macro_lines(l->rules);
	return w.file && nr_macro_lines > 0 &&
	       bsearch(&key, macro_lines, nr_macro_lines, sizeof(key), cmp_line_ref);
}

/* ---- trees ----------------------------------------------------------------- */

static int tracked(const struct lower *l, tree t)
{
	return t && TREE_CODE(t) == SSA_NAME && bitmap_bit_p(l->tracked, SSA_NAME_VERSION(t));
}

static int value_of(tree t)
{
	return (int)SSA_NAME_VERSION(t);
}

/* Register the map an object tree names; -1 if it is not a map. */
static int map_of_object(struct lower *l, tree obj)
{
	struct map_ref r;
	int type = map_type_index(l->rules, TREE_TYPE(obj));
	char key[64];

	if (type < 0)
		return -1;
	if (!object_ref(obj, &r)) {
		/* Unnamed (a call result, a cast): unknown, never merged with others. */
		snprintf(key, sizeof(key), "?%d", l->unnamed++);
		snprintf(r.key, sizeof(r.key), "%s", key);
		snprintf(r.display, sizeof(r.display), "(map)");
		r.origin = IOM_MAP_REACHED;
		r.decl = UNKNOWN_LOCATION;
	}
	return iom_map(l->fn, r.key, r.display, r.origin, type,
		       where_at(l, r.decl != UNKNOWN_LOCATION ? r.decl :
				DECL_SOURCE_LOCATION(l->fun->decl)));
}

/* The map a pointer argument points to, or -1. */
static int map_of_pointer(struct lower *l, tree ptr)
{
	struct map_ref r;
	tree pt;
	int type;

	if (!POINTER_TYPE_P(TREE_TYPE(ptr)))
		return -1;
	pt = TREE_TYPE(TREE_TYPE(ptr));
	type = map_type_index(l->rules, pt);
	if (TREE_CODE(ptr) == ADDR_EXPR)
		type = map_type_index(l->rules, TREE_TYPE(TREE_OPERAND(ptr, 0)));
	if (type < 0 || !pointee_ref(ptr, &r))
		return -1;
	return iom_map(l->fn, r.key, r.display, r.origin, type,
		       where_at(l, r.decl != UNKNOWN_LOCATION ? r.decl :
				DECL_SOURCE_LOCATION(l->fun->decl)));
}

/* ---- pass 1: what to track ------------------------------------------------- */

static int derives(enum tree_code code)
{
	switch (code) {
	case SSA_NAME: case NOP_EXPR: case CONVERT_EXPR: case VIEW_CONVERT_EXPR:
	case POINTER_PLUS_EXPR: case PLUS_EXPR: case MINUS_EXPR: case BIT_AND_EXPR:
	case BIT_NOT_EXPR: case TRUTH_NOT_EXPR: case EQ_EXPR: case NE_EXPR:
	case BIT_XOR_EXPR: case ADDR_EXPR: case COND_EXPR: case BIT_IOR_EXPR:
		return 1;
	default:
		return 0;
	}
}

/* The tracked pointer under &MEM[p + c] / &p->field, if any. */
static tree addr_base_pointer(const struct lower *l, tree t)
{
	tree base;

	if (TREE_CODE(t) != ADDR_EXPR)
		return NULL_TREE;
	base = get_base_address(TREE_OPERAND(t, 0));
	if (base && TREE_CODE(base) == MEM_REF && tracked(l, TREE_OPERAND(base, 0)))
		return TREE_OPERAND(base, 0);
	return NULL_TREE;
}

static int rhs_tracked(const struct lower *l, gimple *stmt)
{
	for (unsigned i = 1; i < gimple_num_ops(stmt); i++) {
		tree op = gimple_op(stmt, i);

		if (tracked(l, op) || (op && addr_base_pointer(l, op)))
			return 1;
	}
	return 0;
}

static int mentions_map(const struct lower *l, tree t)
{
	tree obj;
	int member, type;

	if (!t)
		return 0;
	if (map_member(l->rules, t, &obj, &member, &type))
		return 1;
	return map_type_index(l->rules, TREE_TYPE(t)) >= 0;
}

static int scan_stmt(struct lower *l, gimple *stmt)
{
	tree lhs, obj;
	int member, type;

	if (is_gimple_call(stmt)) {
		const struct iom_fn *f = iom_rules_fn(l->rules,
			gimple_call_fndecl(stmt) ? IDENTIFIER_POINTER(DECL_NAME(gimple_call_fndecl(stmt))) : NULL);

		if (f && (f->kind == IOM_FN_HELPER || f->kind == IOM_FN_PRODUCER))
			l->relevant = 1;
		lhs = gimple_call_lhs(stmt);
		if (lhs && mentions_map(l, lhs))
			l->relevant = 1;
		if (lhs && TREE_CODE(lhs) == SSA_NAME && !tracked(l, lhs) &&
		    gimple_call_builtin_p(stmt, BUILT_IN_EXPECT) && tracked(l, gimple_call_arg(stmt, 0))) {
			bitmap_set_bit(l->tracked, SSA_NAME_VERSION(lhs));
			return 1;
		}
		return 0;
	}
	if (!is_gimple_assign(stmt))
		return 0;
	lhs = gimple_assign_lhs(stmt);
	if (mentions_map(l, lhs) || mentions_map(l, gimple_assign_rhs1(stmt)))
		l->relevant = 1;
	if (TREE_CODE(lhs) != SSA_NAME || tracked(l, lhs))
		return 0;
	if (map_member(l->rules, gimple_assign_rhs1(stmt), &obj, &member, &type) ||
	    (derives(gimple_assign_rhs_code(stmt)) && rhs_tracked(l, stmt))) {
		bitmap_set_bit(l->tracked, SSA_NAME_VERSION(lhs));
		return 1;
	}
	return 0;
}

static int scan_phi(struct lower *l, gphi *phi)
{
	tree res = gimple_phi_result(phi);

	if (tracked(l, res) || virtual_operand_p(res))
		return 0;
	for (unsigned i = 0; i < gimple_phi_num_args(phi); i++)
		if (tracked(l, gimple_phi_arg_def(phi, i))) {
			bitmap_set_bit(l->tracked, SSA_NAME_VERSION(res));
			return 1;
		}
	return 0;
}

static void find_tracked(struct lower *l)
{
	basic_block bb;
	int changed;

	do {
		changed = 0;
		FOR_EACH_BB_FN(bb, l->fun) {
			for (gphi_iterator pi = gsi_start_phis(bb); !gsi_end_p(pi); gsi_next(&pi))
				changed |= scan_phi(l, pi.phi());
			for (gimple_stmt_iterator si = gsi_start_bb(bb); !gsi_end_p(si); gsi_next(&si))
				changed |= scan_stmt(l, gsi_stmt(si));
		}
	} while (changed);
}

/* ---- pass 2: events -------------------------------------------------------- */

/* Loads and stores through tracked pointers anywhere inside an operand. */
static void accesses_in(struct lower *l, tree op, struct iom_where w, int store)
{
	tree base;

	if (!op || TREE_CODE(op) == SSA_NAME || TREE_CODE(op) == ADDR_EXPR || CONSTANT_CLASS_P(op))
		return;
	base = get_base_address(op);
	if (base && (TREE_CODE(base) == MEM_REF || TREE_CODE(base) == TARGET_MEM_REF) &&
	    tracked(l, TREE_OPERAND(base, 0)))
		iom_access(l->fn, l->cur, w, value_of(TREE_OPERAND(base, 0)), store);
}

static void load_member(struct lower *l, tree lhs, tree rhs, struct iom_where w)
{
	tree obj;
	int member, type, map;
	char expr[300];

	if (!map_member(l->rules, rhs, &obj, &member, &type))
		return;
	map = map_of_object(l, obj);
	if (map < 0 || !tracked(l, lhs))
		return;
	iom_member_expr(l->fn, map, (enum iom_member)member, expr, sizeof(expr));
	iom_load(l->fn, l->cur, w, value_of(lhs), map, (enum iom_member)member, expr);
}

static void derive(struct lower *l, gimple *stmt, struct iom_where w)
{
	tree lhs = gimple_assign_lhs(stmt), a = gimple_assign_rhs1(stmt);
	tree b = gimple_num_ops(stmt) > 2 ? gimple_assign_rhs2(stmt) : NULL_TREE;
	enum tree_code code = gimple_assign_rhs_code(stmt);
	tree via;

	switch (code) {
	case EQ_EXPR:
	case NE_EXPR:
		if (tracked(l, a) && POINTER_TYPE_P(TREE_TYPE(a))) {
			iom_null_test(l->fn, l->cur, w, value_of(a));
			return;
		}
		if (tracked(l, a) && b && TREE_CODE(b) == INTEGER_CST)
			iom_derive(l->fn, l->cur, value_of(lhs), value_of(a),
				   (code == EQ_EXPR) == !!integer_zerop(b) ? IOM_DER_NOT : IOM_DER_COPY);
		return;
	case BIT_NOT_EXPR:
	case TRUTH_NOT_EXPR:
		if (tracked(l, a))
			iom_derive(l->fn, l->cur, value_of(lhs), value_of(a), IOM_DER_NOT);
		return;
	case BIT_XOR_EXPR:
		if (tracked(l, a) && b && integer_onep(b))
			iom_derive(l->fn, l->cur, value_of(lhs), value_of(a), IOM_DER_NOT);
		return;
	case ADDR_EXPR:
		via = addr_base_pointer(l, a);
		if (via)
			iom_derive(l->fn, l->cur, value_of(lhs), value_of(via), IOM_DER_OFFSET);
		return;
	case COND_EXPR:
		for (int i = 2; i <= 3; i++)
			if (tracked(l, gimple_op(stmt, i)))
				iom_derive(l->fn, l->cur, value_of(lhs), value_of(gimple_op(stmt, i)),
					   IOM_DER_COPY);
		return;
	default:
		break;
	}
	for (unsigned i = 1; i < gimple_num_ops(stmt); i++) {
		tree op = gimple_op(stmt, i);

		if (tracked(l, op))
			iom_derive(l->fn, l->cur, value_of(lhs), value_of(op),
				   code == SSA_NAME || CONVERT_EXPR_CODE_P(code) ||
				   code == VIEW_CONVERT_EXPR ? IOM_DER_COPY : IOM_DER_OFFSET);
	}
}

/* For every map inside an aggregate: call fn with the map's id. */
static void each_map_in(struct lower *l, tree obj, void (*fn)(struct lower *, int, void *),
			void *arg, int depth)
{
	tree type = TREE_TYPE(obj);
	int m;

	if (depth > 2)
		return;
	m = map_of_object(l, obj);
	if (m >= 0) {
		fn(l, m, arg);
		return;
	}
	if (TREE_CODE(type) == ARRAY_TYPE && TYPE_DOMAIN(type) &&
	    TYPE_MAX_VALUE(TYPE_DOMAIN(type)) && tree_fits_uhwi_p(TYPE_MAX_VALUE(TYPE_DOMAIN(type)))) {
		unsigned long n = tree_to_uhwi(TYPE_MAX_VALUE(TYPE_DOMAIN(type))) + 1;

		if (map_type_index(l->rules, TREE_TYPE(type)) < 0 && depth > 0)
			return;
		for (unsigned long i = 0; i < n && i < 16; i++)
			each_map_in(l, build4(ARRAY_REF, TREE_TYPE(type), obj, size_int(i),
					      NULL_TREE, NULL_TREE), fn, arg, depth + 1);
		/* The summary element a variable index refers to. */
		each_map_in(l, build4(ARRAY_REF, TREE_TYPE(type), obj, error_mark_node,
				      NULL_TREE, NULL_TREE), fn, arg, depth + 1);
		return;
	}
	if (TREE_CODE(type) != RECORD_TYPE)
		return;
	for (tree f = TYPE_FIELDS(type); f; f = DECL_CHAIN(f))
		if (TREE_CODE(f) == FIELD_DECL && DECL_NAME(f))
			each_map_in(l, build3(COMPONENT_REF, TREE_TYPE(f), obj, f, NULL_TREE),
				    fn, arg, depth + 1);
}

struct set_arg {
	struct iom_where w;
	enum iom_kind kind;
	enum iom_cause cause;
	const char *name;
};

static void set_one(struct lower *l, int map, void *p)
{
	struct set_arg *a = (struct set_arg *)p;

	iom_set(l->fn, l->cur, a->w, map, a->kind, a->cause, a->name, -1);
}

static void set_all(struct lower *l, tree obj, struct iom_where w, enum iom_kind kind,
		    enum iom_cause cause, const char *name)
{
	struct set_arg a = { w, kind, cause, name };

	each_map_in(l, obj, set_one, &a, 0);
}

/* A store of a whole map, or of an aggregate holding maps. */
static void store_aggregate(struct lower *l, tree lhs, tree rhs, struct iom_where w)
{
	int dst, src;

	if (TREE_CODE(rhs) == CONSTRUCTOR) {
		if (TREE_CLOBBER_P(rhs))
			set_all(l, lhs, w, IOM_KIND_UNINIT, IOM_BY_SCOPE, NULL);
		else
			set_all(l, lhs, w, IOM_KIND_SYSTEM, IOM_BY_ZERO, NULL);
		return;
	}
	dst = map_of_object(l, lhs);
	src = map_of_object(l, rhs);
	if (dst >= 0 && src >= 0 && map_type_index(l->rules, TREE_TYPE(lhs)) ==
	    map_type_index(l->rules, TREE_TYPE(rhs))) {
		iom_copy(l->fn, l->cur, w, dst, src);
		return;
	}
	set_all(l, lhs, w, IOM_KIND_UNKNOWN, IOM_BY_MEMORY, NULL);
}

static int holds_map(const struct lower *l, tree type, int depth)
{
	if (!type || depth > 2)
		return 0;
	if (map_type_index(l->rules, type) >= 0)
		return 1;
	if (TREE_CODE(type) == ARRAY_TYPE)
		return holds_map(l, TREE_TYPE(type), depth + 1);
	if (TREE_CODE(type) != RECORD_TYPE)
		return 0;
	for (tree f = TYPE_FIELDS(type); f; f = DECL_CHAIN(f))
		if (TREE_CODE(f) == FIELD_DECL && holds_map(l, TREE_TYPE(f), depth + 1))
			return 1;
	return 0;
}

/* Does the byte range [off, off + size) of a map of type 'type' hold its flag? */
static int covers_flag(const struct lower *l, tree type, HOST_WIDE_INT off, HOST_WIDE_INT size)
{
	const struct iom_type *t = iom_rules_type_at(l->rules, map_type_index(l->rules, type));

	if (!t || size < 0)
		return 1;
	for (tree f = TYPE_FIELDS(TYPE_MAIN_VARIANT(type)); f; f = DECL_CHAIN(f)) {
		HOST_WIDE_INT at, len;

		if (TREE_CODE(f) != FIELD_DECL || !DECL_NAME(f) ||
		    strcmp(IDENTIFIER_POINTER(DECL_NAME(f)), t->member[IOM_MEMBER_FLAG]))
			continue;
		if (!tree_fits_shwi_p(byte_position(f)) || !DECL_SIZE_UNIT(f) ||
		    !tree_fits_shwi_p(DECL_SIZE_UNIT(f)))
			return 1;
		at = tree_to_shwi(byte_position(f));
		len = tree_to_shwi(DECL_SIZE_UNIT(f));
		return off < at + len && at < off + size;
	}
	return 1;
}

/*
 * A store that is not a member write but lands on a map: GCC folds a
 * whole-map memcpy into MEM <uint128_t> [&a] = MEM [&b], and
 * -ftrivial-auto-var-init clears padding with MEM <char[7]> [&m + 9B] = {}.
 */
static int store_into_map_bytes(struct lower *l, tree lhs, tree rhs, struct iom_where w)
{
	tree base, rbase, size = TYPE_SIZE_UNIT(TREE_TYPE(lhs));
	HOST_WIDE_INT off, len;
	int dst, src;

	if (TREE_CODE(lhs) != MEM_REF || TREE_CODE(TREE_OPERAND(lhs, 0)) != ADDR_EXPR)
		return 0;
	base = TREE_OPERAND(TREE_OPERAND(lhs, 0), 0);
	dst = map_of_object(l, base);
	if (dst < 0)
		return 0;
	off = tree_fits_shwi_p(TREE_OPERAND(lhs, 1)) ? tree_to_shwi(TREE_OPERAND(lhs, 1)) : -1;
	len = size && tree_fits_shwi_p(size) ? tree_to_shwi(size) : -1;
	if (off >= 0 && !covers_flag(l, TREE_TYPE(base), off, len))
		return 1;	/* padding or pointer bytes: the kind is unchanged */
	rbase = TREE_CODE(rhs) == MEM_REF && TREE_CODE(TREE_OPERAND(rhs, 0)) == ADDR_EXPR ?
		TREE_OPERAND(TREE_OPERAND(rhs, 0), 0) : NULL_TREE;
	src = rbase ? map_of_object(l, rbase) : -1;
	if (src >= 0 && off == 0 && integer_zerop(TREE_OPERAND(rhs, 1)))
		iom_copy(l->fn, l->cur, w, dst, src);
	else if (TREE_CODE(rhs) == CONSTRUCTOR && !TREE_CLOBBER_P(rhs))
		iom_set(l->fn, l->cur, w, dst, IOM_KIND_SYSTEM, IOM_BY_ZERO, NULL, -1);
	else
		iom_set(l->fn, l->cur, w, dst, IOM_KIND_UNKNOWN, IOM_BY_MEMORY, NULL, -1);
	return 1;
}

static void lower_assign(struct lower *l, gimple *stmt)
{
	struct iom_where w = where_of(l, stmt);
	tree lhs = gimple_assign_lhs(stmt), rhs = gimple_assign_rhs1(stmt);
	tree obj;
	int member, type, map;
	char expr[300];

	for (unsigned i = 1; i < gimple_num_ops(stmt); i++)
		accesses_in(l, gimple_op(stmt, i), w, 0);
	accesses_in(l, lhs, w, 1);

	if (TREE_CODE(lhs) == SSA_NAME) {
		if (!tracked(l, lhs))
			return;
		if (gimple_assign_single_p(stmt) && map_member(l->rules, rhs, &obj, &member, &type))
			load_member(l, lhs, rhs, w);
		else
			derive(l, stmt, w);
		return;
	}
	if (map_member(l->rules, lhs, &obj, &member, &type)) {
		map = map_of_object(l, obj);
		if (map < 0)
			return;
		if (!w.helper)
			w.helper = helper_macro_line(l, w);
		iom_member_expr(l->fn, map, (enum iom_member)member, expr, sizeof(expr));
		iom_write(l->fn, l->cur, w, map, (enum iom_member)member,
			  member == IOM_MEMBER_FLAG && TREE_CODE(rhs) == INTEGER_CST ?
			  !integer_zerop(rhs) : -1,
			  tracked(l, rhs) ? value_of(rhs) : -1, expr);
		return;
	}
	if (gimple_assign_single_p(stmt) && holds_map(l, TREE_TYPE(lhs), 0)) {
		store_aggregate(l, lhs, rhs, w);
		return;
	}
	if (gimple_assign_single_p(stmt) && store_into_map_bytes(l, lhs, rhs, w))
		return;
	if (tracked(l, rhs))
		iom_escape(l->fn, l->cur, w, value_of(rhs), IOM_ESC_STORE, NULL);
}

/*
 * The name a reader knows the callee by.  FORTIFY and KASAN builds declare
 * __underlying_memcpy() with an asm label "memcpy": the label is the real
 * function, and it is the name the rules data lists.
 */
static const char *callee_name(gimple *stmt)
{
	tree decl = gimple_call_fndecl(stmt);

	if (!decl || !DECL_NAME(decl))
		return NULL;
	if (DECL_ASSEMBLER_NAME_SET_P(decl)) {
		const char *label = IDENTIFIER_POINTER(DECL_ASSEMBLER_NAME(decl));

		/* A user label is stored with a leading '*': "no prefix added". */
		if (label[0] == '*')
			label++;
		if (label[0] && strcmp(label, IDENTIFIER_POINTER(DECL_NAME(decl))))
			return label;
	}
	return IDENTIFIER_POINTER(DECL_NAME(decl));
}

/* "__builtin_memcpy" is memcpy to the reader. */
static const char *shown_name(const char *name)
{
	if (!name)
		return "(indirect call)";
	if (!strncmp(name, "__builtin_", 10))
		return name + 10;
	return name;
}

static int const_pointee_param(gimple *stmt, unsigned arg)
{
	tree fntype = gimple_call_fntype(stmt);
	tree p = fntype ? TYPE_ARG_TYPES(fntype) : NULL_TREE;

	for (unsigned i = 0; p && i < arg; i++)
		p = TREE_CHAIN(p);
	return p && TREE_VALUE(p) && POINTER_TYPE_P(TREE_VALUE(p)) &&
	       TYPE_READONLY(TREE_TYPE(TREE_VALUE(p)));
}

/* A producer that always gives one kind: drm_gem_shmem_vmap(obj, &map). */
static void producer_sets(struct lower *l, gimple *stmt, const struct iom_fn *f, struct iom_where w)
{
	enum iom_kind kind = f->effects & IOM_EFF_SET_IO ? IOM_KIND_IO : IOM_KIND_SYSTEM;

	for (unsigned i = 0; i < gimple_call_num_args(stmt); i++) {
		int map;

		if (!(f->map_args & (1u << (i + 1))))
			continue;
		map = map_of_pointer(l, gimple_call_arg(stmt, i));
		if (map >= 0)
			iom_set(l->fn, l->cur, w, map, kind, IOM_BY_PRODUCER, f->name, -1);
	}
}

static void helper_call(struct lower *l, gimple *stmt, const struct iom_fn *f, struct iom_where w)
{
	unsigned n = gimple_call_num_args(stmt);
	int ptr = -1;

	if (f->ptr_arg && (unsigned)f->ptr_arg <= n && tracked(l, gimple_call_arg(stmt, f->ptr_arg - 1)))
		ptr = value_of(gimple_call_arg(stmt, f->ptr_arg - 1));
	for (unsigned i = 0; i < n; i++) {
		tree arg = gimple_call_arg(stmt, i);
		int map;

		if (!(f->map_args & (1u << (i + 1)))) {
			if (tracked(l, arg) && (int)i + 1 != f->ptr_arg)
				iom_escape(l->fn, l->cur, w, value_of(arg), IOM_ESC_CALL, f->name);
			continue;
		}
		map = map_of_pointer(l, arg);
		if (map < 0)
			continue;
		if (f->effects & IOM_EFF_READ)
			iom_read(l->fn, l->cur, w, map, f->name);
		if (f->effects & (IOM_EFF_SET_SYSTEM | IOM_EFF_CLEAR))
			iom_set(l->fn, l->cur, w, map, IOM_KIND_SYSTEM, IOM_BY_HELPER, f->name, ptr);
		else if (f->effects & IOM_EFF_SET_IO)
			iom_set(l->fn, l->cur, w, map, IOM_KIND_IO, IOM_BY_HELPER, f->name, ptr);
	}
}

/* memcpy(&a, &b, sizeof(a)) and memset(&m, 0, sizeof(m)) on whole maps. */
static int whole_map_call(struct lower *l, gimple *stmt, struct iom_where w)
{
	tree a, b;
	int dst, src;

	if (gimple_call_num_args(stmt) != 3)
		return 0;
	a = gimple_call_arg(stmt, 0);
	b = gimple_call_arg(stmt, 1);
	if (TREE_CODE(a) != ADDR_EXPR || (dst = map_of_pointer(l, a)) < 0)
		return 0;
	if (gimple_call_builtin_p(stmt, BUILT_IN_MEMSET) && integer_zerop(b)) {
		iom_set(l->fn, l->cur, w, dst, IOM_KIND_SYSTEM, IOM_BY_ZERO, NULL, -1);
		return 1;
	}
	if (!gimple_call_builtin_p(stmt, BUILT_IN_MEMCPY) || TREE_CODE(b) != ADDR_EXPR ||
	    (src = map_of_pointer(l, b)) < 0)
		return 0;
	iom_copy(l->fn, l->cur, w, dst, src);
	return 1;
}

static void other_call(struct lower *l, gimple *stmt, const struct iom_fn *f, struct iom_where w)
{
	const char *name = shown_name(callee_name(stmt));
	int producer = f && f->kind == IOM_FN_PRODUCER;

	if (whole_map_call(l, stmt, w))
		return;
	for (unsigned i = 0; i < gimple_call_num_args(stmt); i++) {
		tree arg = gimple_call_arg(stmt, i);
		struct map_ref r;

		if (tracked(l, arg)) {
			if (POINTER_TYPE_P(TREE_TYPE(arg)))
				iom_escape(l->fn, l->cur, w, value_of(arg), IOM_ESC_CALL, name);
			continue;
		}
		accesses_in(l, arg, w, 0);
		if (!POINTER_TYPE_P(TREE_TYPE(arg)) || const_pointee_param(stmt, i))
			continue;
		if (pointee_ref(arg, &r))
			iom_clobber(l->fn, l->cur, w, r.key, name, producer);
	}
}

static void lower_call(struct lower *l, gimple *stmt)
{
	struct iom_where w = where_of(l, stmt);
	const char *name = callee_name(stmt);
	const struct iom_fn *f = iom_rules_fn(l->rules, name);
	tree lhs = gimple_call_lhs(stmt);

	if (!f && name && !strncmp(name, "__builtin_", 10))
		f = iom_rules_fn(l->rules, name + 10);
	if (gimple_call_internal_p(stmt))
		return;		/* .DEFERRED_INIT and friends: not an initialisation */
	if (gimple_call_builtin_p(stmt, BUILT_IN_EXPECT)) {
		if (lhs && tracked(l, lhs) && tracked(l, gimple_call_arg(stmt, 0)))
			iom_derive(l->fn, l->cur, value_of(lhs), value_of(gimple_call_arg(stmt, 0)),
				   IOM_DER_COPY);
		return;
	}
	if (f && f->kind == IOM_FN_WARN) {
		iom_kill(l->fn, l->cur, w);
		return;
	}
	if (f && (f->kind == IOM_FN_PRINT || f->kind == IOM_FN_IGNORE))
		return;
	if (f && f->kind == IOM_FN_HELPER) {
		helper_call(l, stmt, f, w);
	} else {
		other_call(l, stmt, f, w);
		if (f && f->kind == IOM_FN_PRODUCER && f->effects)
			producer_sets(l, stmt, f, w);
	}
	if (lhs && TREE_CODE(lhs) != SSA_NAME) {
		accesses_in(l, lhs, w, 1);
		if (holds_map(l, TREE_TYPE(lhs), 0))
			set_all(l, lhs, w, IOM_KIND_UNKNOWN, IOM_BY_CALL, shown_name(name));
	}
}

static void lower_phi(struct lower *l, gphi *phi)
{
	tree res = gimple_phi_result(phi);

	if (!tracked(l, res))
		return;
	for (unsigned i = 0; i < gimple_phi_num_args(phi); i++) {
		tree a = gimple_phi_arg_def(phi, i);

		if (tracked(l, a))
			iom_derive(l->fn, l->cur, value_of(res), value_of(a), IOM_DER_COPY);
	}
}

static void lower_asm(struct lower *l, gasm *stmt)
{
	struct iom_where w = where_of(l, stmt);

	for (unsigned i = 0; i < gimple_asm_ninputs(stmt); i++)
		accesses_in(l, TREE_VALUE(gimple_asm_input_op(stmt, i)), w, 0);
	for (unsigned i = 0; i < gimple_asm_noutputs(stmt); i++)
		accesses_in(l, TREE_VALUE(gimple_asm_output_op(stmt, i)), w, 1);
	if (iom_rules_warn_asm(l->rules, gimple_asm_string(stmt)))
		iom_kill(l->fn, l->cur, w);
}

static void lower_cond(struct lower *l, gcond *stmt)
{
	struct iom_where w = where_of(l, stmt);
	tree a = gimple_cond_lhs(stmt);

	if (tracked(l, a) && POINTER_TYPE_P(TREE_TYPE(a)) &&
	    (gimple_cond_code(stmt) == EQ_EXPR || gimple_cond_code(stmt) == NE_EXPR))
		iom_null_test(l->fn, l->cur, w, value_of(a));
}

static void lower_stmt(struct lower *l, gimple *stmt)
{
	switch (gimple_code(stmt)) {
	case GIMPLE_ASSIGN:
		lower_assign(l, stmt);
		break;
	case GIMPLE_CALL:
		lower_call(l, stmt);
		break;
	case GIMPLE_RETURN: {
		tree v = gimple_return_retval(as_a<greturn *>(stmt));

		if (tracked(l, v) && POINTER_TYPE_P(TREE_TYPE(v)))
			iom_escape(l->fn, l->cur, where_of(l, stmt), value_of(v), IOM_ESC_RETURN, NULL);
		break;
	}
	case GIMPLE_COND:
		lower_cond(l, as_a<gcond *>(stmt));
		break;
	case GIMPLE_ASM:
		lower_asm(l, as_a<gasm *>(stmt));
		break;
	default:
		break;
	}
}

/* ---- edges ----------------------------------------------------------------- */

/* Which flag value a condition tests, and the truth on its true edge. */
static int cond_flag(const struct lower *l, gcond *c, int *truth_on_true)
{
	tree a = gimple_cond_lhs(c), b = gimple_cond_rhs(c);
	enum tree_code code = gimple_cond_code(c);

	if (!tracked(l, a) || POINTER_TYPE_P(TREE_TYPE(a)) || TREE_CODE(b) != INTEGER_CST ||
	    (code != NE_EXPR && code != EQ_EXPR))
		return -1;
	/* "!= 0" and "== 1" hold when the flag is true. */
	*truth_on_true = (code == NE_EXPR) == !!integer_zerop(b);
	return value_of(a);
}

static void switch_edges(struct lower *l, basic_block bb, gswitch *sw, struct iom_where w)
{
	tree index = gimple_switch_index(sw);
	edge e;
	edge_iterator ei;

	FOR_EACH_EDGE(e, ei, bb->succs) {
		int truth = -1;

		if (tracked(l, index)) {
			for (unsigned i = 1; i < gimple_switch_num_labels(sw); i++) {
				tree lab = gimple_switch_label(sw, i);
				int v;

				if (label_to_block(l->fun, CASE_LABEL(lab)) != e->dest || CASE_HIGH(lab))
					continue;
				v = integer_zerop(CASE_LOW(lab)) ? 0 : 1;
				truth = truth == -1 ? v : truth == v ? v : -2;
			}
		}
		if (truth >= 0)
			iom_edge_if(l->fn, l->cur, l->block_of[e->dest->index], value_of(index), truth, w);
		else
			iom_edge(l->fn, l->cur, l->block_of[e->dest->index]);
	}
}

static void block_edges(struct lower *l, basic_block bb)
{
	gimple *last = last_stmt(bb);
	edge e;
	edge_iterator ei;
	int value = -1, truth_on_true = 0;
	struct iom_where w = { NULL, 0, 0, 0 };

	if (last && gimple_code(last) == GIMPLE_SWITCH) {
		switch_edges(l, bb, as_a<gswitch *>(last), where_of(l, last));
		return;
	}
	if (last && gimple_code(last) == GIMPLE_COND) {
		value = cond_flag(l, as_a<gcond *>(last), &truth_on_true);
		w = where_of(l, last);
	}
	FOR_EACH_EDGE(e, ei, bb->succs) {
		int to = l->block_of[e->dest->index];

		if (value >= 0 && (e->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE)))
			iom_edge_if(l->fn, l->cur, to, value,
				    (e->flags & EDGE_TRUE_VALUE) ? truth_on_true : !truth_on_true, w);
		else
			iom_edge(l->fn, l->cur, to);
	}
}

/* ---- driver ---------------------------------------------------------------- */

static int helper_function(const struct lower *l)
{
	tree decl = l->fun->decl;
	const struct iom_fn *f = iom_rules_fn(l->rules, IDENTIFIER_POINTER(DECL_NAME(decl)));

	if (f && f->kind == IOM_FN_HELPER)
		return 1;
	return helper_location(l, DECL_SOURCE_LOCATION(decl));
}

static void declare_params(struct lower *l)
{
	int arg = 1;

	for (tree p = DECL_ARGUMENTS(l->fun->decl); p; p = DECL_CHAIN(p), arg++)
		if (DECL_NAME(p))
			iom_param(l->fn, arg, IDENTIFIER_POINTER(DECL_NAME(p)));
}

struct iom_func *lower_function(function *fun, const struct lower_opts *opt)
{
	struct lower l;
	basic_block bb;
	struct iom_where fw;

	memset(&l, 0, sizeof(l));
	l.fun = fun;
	l.opt = opt;
	l.rules = opt->rules;
	if (!fun->cfg || !DECL_NAME(fun->decl) || helper_function(&l))
		return NULL;
	l.tracked = sbitmap_alloc(num_ssa_names + 1);
	bitmap_clear(l.tracked);
	find_tracked(&l);
	if (!l.relevant && bitmap_empty_p(l.tracked)) {
		sbitmap_free(l.tracked);
		return NULL;
	}

	fw = where_at(&l, DECL_SOURCE_LOCATION(fun->decl));
	l.fn = iom_func_begin(l.rules, IDENTIFIER_POINTER(DECL_NAME(fun->decl)), fw);
	if (!l.fn) {
		sbitmap_free(l.tracked);
		return NULL;
	}
	declare_params(&l);
	l.block_of = XNEWVEC(int, last_basic_block_for_fn(fun));
	l.block_of[ENTRY_BLOCK] = 0;
	FOR_EACH_BB_FN(bb, fun)
		l.block_of[bb->index] = iom_block(l.fn);
	l.block_of[EXIT_BLOCK] = iom_block(l.fn);

	l.cur = 0;
	iom_edge(l.fn, 0, l.block_of[single_succ(ENTRY_BLOCK_PTR_FOR_FN(fun))->index]);
	FOR_EACH_BB_FN(bb, fun) {
		l.cur = l.block_of[bb->index];
		for (gphi_iterator pi = gsi_start_phis(bb); !gsi_end_p(pi); gsi_next(&pi))
			lower_phi(&l, pi.phi());
		for (gimple_stmt_iterator si = gsi_start_bb(bb); !gsi_end_p(si); gsi_next(&si))
			lower_stmt(&l, gsi_stmt(si));
		block_edges(&l, bb);
	}
	XDELETEVEC(l.block_of);
	sbitmap_free(l.tracked);
	return l.fn;
}
