/*
 * lower.c - lower one GIMPLE function (right after "ssa") into core events.
 *
 * Two passes.  The first finds the SSA names worth tracking: loads of a map
 * member and everything computed from them (casts, offsets, negations, phis),
 * iterated to a fixed point because phis can see a value before its
 * definition.  It also tells whether the function touches a map at all; most
 * kernel functions don't, and cost nothing more.  The second pass emits the
 * events in block order.  In a function that touches maps, bool parameters
 * and the bool results of calls to functions of the file are tracked too:
 * the unit's summaries may know them to be a map's flag.
 *
 * Anything not understood is left out: a map we cannot name is unknown, a
 * pointer we did not track is not reported.  Nothing here aborts.
 */
#include "gcc-common.h"
#include "lower.h"


/* ---- locations ------------------------------------------------------------- */

/*
 * Helper code is what the helper header spells, or anything expanded by one
 * of its macros: iosys_map_rd() puts the caller's own tokens (the offset, the
 * map) and compiler.h's WRITE_ONCE() inside its branches, so spelling alone
 * is not enough.  The macro maps record every expansion a location went
 * through, innermost first.
 */
#define MAX_MACROS	64	/* expansion depth reported; deeper ones are cut off */

static int helper_location(const struct lower *l, location_t loc)
{
	location_t sp = linemap_resolve_location(line_table, loc, LRK_SPELLING_LOCATION, NULL);
	expanded_location xs = expand_location(sp);
	const char *macros[MAX_MACROS];
	int n = 0;

	while (linemap_location_from_macro_expansion_p(line_table, loc) && n < MAX_MACROS) {
		const line_map *map = linemap_lookup(line_table, loc);

		if (!map || !linemap_macro_expansion_map_p(map))
			break;
		macros[n++] = linemap_map_get_macro_name(linemap_check_macro(map));
		loc = linemap_unwind_toward_expansion(line_table, loc, &map);
	}
	return iom_helper_code(l->rules, xs.file, macros, n);
}

struct iom_where where_at(const struct lower *l, location_t loc)
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
		location_t at;
		expanded_location x;

		if (!iom_helper_macro(rules, linemap_map_get_macro_name(map)))
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

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/* The lines of the function's own statements in 'file', sorted. */
static void collect_stmt_lines(struct lower *l, const char *file)
{
	basic_block bb;
	int cap = 0;

	l->nr_stmt_lines = 0;
	FOR_EACH_BB_FN(bb, l->fun) {
		for (gimple_stmt_iterator si = gsi_start_bb(bb); !gsi_end_p(si); gsi_next(&si)) {
			location_t loc = gimple_location(gsi_stmt(si));
			expanded_location x;

			if (loc == UNKNOWN_LOCATION)
				continue;
			x = expand_location(linemap_resolve_location(line_table, loc,
								     LRK_MACRO_EXPANSION_POINT, NULL));
			if (!x.file || strcmp(x.file, file))
				continue;
			if (l->nr_stmt_lines == cap) {
				cap = cap ? 2 * cap : 64;
				l->stmt_lines = XRESIZEVEC(int, l->stmt_lines, cap);
			}
			l->stmt_lines[l->nr_stmt_lines++] = x.line;
		}
	}
	qsort(l->stmt_lines, l->nr_stmt_lines, sizeof(int), cmp_int);
}

/*
 * An initialiser that spans lines puts all its member stores on the line of
 * the declaration, while the helper macro sits on a later line of the same
 * initialiser: accept a helper macro anywhere before the next line that has
 * a statement of its own.
 */
static int helper_macro_in_initialiser(struct lower *l, struct iom_where w)
{
	int next = INT_MAX;

	if (l->nr_stmt_lines < 0)
		collect_stmt_lines(l, w.file);
	for (int i = 0; i < l->nr_stmt_lines; i++)
		if (l->stmt_lines[i] > w.line) {
			next = l->stmt_lines[i];
			break;
		}
	for (int i = 0; i < nr_macro_lines; i++)
		if (macro_lines[i].line > w.line && macro_lines[i].line < next &&
		    !strcmp(macro_lines[i].file, w.file))
			return 1;
	return 0;
}

static int helper_macro_line(struct lower *l, struct iom_where w)
{
	struct line_ref key = { w.file, w.line };

	if (nr_macro_lines < 0)
		collect_macro_lines(l->rules);
	if (!w.file || nr_macro_lines <= 0)
		return 0;
	return bsearch(&key, macro_lines, nr_macro_lines, sizeof(key), cmp_line_ref) ||
	       helper_macro_in_initialiser(l, w);
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
	if (map_type_index(l->rules, TREE_TYPE(obj)) < 0)
		return -1;
	/* Unnamed (a call result, a cast): the core makes it unknown, never merged. */
	return iom_object_map(l->fn, object_path(l, obj), TREE_TYPE(obj));
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

/* ---- slots: tracked values parked in memory -------------------------------- */

/* -O0 reloads a pointer variable before each use (p.0_1 = p): see through it. */
static tree pointer_origin(tree p)
{
	for (int n = 0; n < 8 && TREE_CODE(p) == SSA_NAME; n++) {
		gimple *d;

		if (SSA_NAME_IS_DEFAULT_DEF(p))
			return SSA_NAME_VAR(p) ? SSA_NAME_VAR(p) : p;
		d = SSA_NAME_DEF_STMT(p);
		if (!d || !is_gimple_assign(d) || !gimple_assign_single_p(d))
			return p;
		p = gimple_assign_rhs1(d);
		if (TREE_CODE(p) != SSA_NAME && !DECL_P(p))
			return p;
	}
	return p;
}

/* Do two memory references name the same place? */
static int same_slot(tree a, tree b)
{
	if (TREE_CODE(a) != TREE_CODE(b))
		return 0;
	switch (TREE_CODE(a)) {
	case VAR_DECL:
	case PARM_DECL:
		return a == b;
	case COMPONENT_REF:
		return TREE_OPERAND(a, 1) == TREE_OPERAND(b, 1) &&
		       same_slot(TREE_OPERAND(a, 0), TREE_OPERAND(b, 0));
	case ARRAY_REF:
		return TREE_CODE(TREE_OPERAND(a, 1)) == INTEGER_CST &&
		       TREE_CODE(TREE_OPERAND(b, 1)) == INTEGER_CST &&
		       tree_int_cst_equal(TREE_OPERAND(a, 1), TREE_OPERAND(b, 1)) &&
		       same_slot(TREE_OPERAND(a, 0), TREE_OPERAND(b, 0));
	case MEM_REF:
		return tree_int_cst_equal(TREE_OPERAND(a, 1), TREE_OPERAND(b, 1)) &&
		       pointer_origin(TREE_OPERAND(a, 0)) == pointer_origin(TREE_OPERAND(b, 0));
	default:
		return 0;
	}
}

static int is_slot(const struct lower *l, tree ref)
{
	for (int i = 0; i < l->nr_slots; i++)
		if (same_slot(l->slots[i], ref))
			return 1;
	return 0;
}

/* A store of a tracked value into memory that is not a map member. */
static void note_slot(struct lower *l, tree lhs)
{
	if (is_slot(l, lhs) || l->nr_slots >= 64)
		return;		/* a function parks a few values; more is not a cursor */
	l->slots = XRESIZEVEC(tree, l->slots, l->nr_slots + 1);
	l->slots[l->nr_slots++] = lhs;
}

static int is_memory_ref(tree t)
{
	return TREE_CODE(t) == COMPONENT_REF || TREE_CODE(t) == MEM_REF ||
	       TREE_CODE(t) == ARRAY_REF || TREE_CODE(t) == VAR_DECL;
}

static int scan_stmt(struct lower *l, gimple *stmt)
{
	tree lhs, obj;
	int member, type;

	if (is_gimple_call(stmt)) {
		const char *name = gimple_call_fndecl(stmt) ?
			IDENTIFIER_POINTER(DECL_NAME(gimple_call_fndecl(stmt))) : NULL;
		int ret;

		if (iom_call_matters(l->rules, name))
			l->relevant = 1;
		/* A map handed on matters: what the callee does to it is what
		 * this function does to it (its facts for other files). */
		for (unsigned i = 0; i < gimple_call_num_args(stmt); i++) {
			tree a = gimple_call_arg(stmt, i);

			if (POINTER_TYPE_P(TREE_TYPE(a)) &&
			    map_type_index(l->rules, TREE_TYPE(TREE_TYPE(a))) >= 0)
				l->relevant = 1;
		}
		lhs = gimple_call_lhs(stmt);
		if (lhs && mentions_map(l, lhs))
			l->relevant = 1;
		if (!lhs || TREE_CODE(lhs) != SSA_NAME || tracked(l, lhs) ||
		    gimple_call_internal_p(stmt))
			return 0;
		/* ioremap(), kmalloc(): the result points to a known kind of memory. */
		if (iom_call_gives_memory(l->rules, name)) {
			bitmap_set_bit(l->tracked, SSA_NAME_VERSION(lhs));
			return 1;
		}
		/* likely(x): the result is x. */
		ret = iom_call_returns_arg(l->rules, name);
		if (ret && (unsigned)ret <= gimple_call_num_args(stmt) &&
		    tracked(l, gimple_call_arg(stmt, ret - 1))) {
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
	if (TREE_CODE(lhs) != SSA_NAME && gimple_assign_single_p(stmt) &&
	    tracked(l, gimple_assign_rhs1(stmt)) && is_memory_ref(lhs) &&
	    !map_member(l->rules, lhs, &obj, &member, &type)) {
		int had = l->nr_slots;

		note_slot(l, lhs);
		return l->nr_slots != had;
	}
	if (TREE_CODE(lhs) != SSA_NAME || tracked(l, lhs))
		return 0;
	if (gimple_assign_single_p(stmt) && is_memory_ref(gimple_assign_rhs1(stmt)) &&
	    is_slot(l, gimple_assign_rhs1(stmt))) {
		bitmap_set_bit(l->tracked, SSA_NAME_VERSION(lhs));
		return 1;
	}
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
		/* Against NULL it is a test of the map; against another pointer
		 * it compares addresses, which touches no memory. */
		if (tracked(l, a) && POINTER_TYPE_P(TREE_TYPE(a))) {
			if (b && integer_zerop(b))
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

/* A store of a whole struct or array: the core takes it if it holds maps. */
static int aggregate_store(struct lower *l, tree lhs, tree rhs, struct iom_where w)
{
	enum tree_code code = TREE_CODE(TREE_TYPE(lhs));

	if (code != RECORD_TYPE && code != ARRAY_TYPE)
		return 0;
	if (TREE_CODE(rhs) == CONSTRUCTOR)
		return iom_store(l->fn, l->cur, w, object_path(l, lhs), TREE_TYPE(lhs),
				 TREE_CLOBBER_P(rhs) ? IOM_STORE_END_SCOPE : IOM_STORE_ZERO,
				 -1, NULL);
	return iom_store(l->fn, l->cur, w, object_path(l, lhs), TREE_TYPE(lhs), IOM_STORE_COPY,
			 object_path(l, rhs), TREE_TYPE(rhs));
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
	int dst;

	if (TREE_CODE(lhs) != MEM_REF || TREE_CODE(TREE_OPERAND(lhs, 0)) != ADDR_EXPR)
		return 0;
	base = TREE_OPERAND(TREE_OPERAND(lhs, 0), 0);
	if (map_type_index(l->rules, TREE_TYPE(base)) < 0)
		return 0;
	dst = object_path(l, base);
	off = tree_fits_shwi_p(TREE_OPERAND(lhs, 1)) ? tree_to_shwi(TREE_OPERAND(lhs, 1)) : -1;
	len = size && tree_fits_shwi_p(size) ? tree_to_shwi(size) : -1;
	if (off >= 0 && !covers_flag(l, TREE_TYPE(base), off, len))
		return 1;	/* padding or pointer bytes: the kind is unchanged */
	rbase = TREE_CODE(rhs) == MEM_REF && TREE_CODE(TREE_OPERAND(rhs, 0)) == ADDR_EXPR ?
		TREE_OPERAND(TREE_OPERAND(rhs, 0), 0) : NULL_TREE;
	if (rbase && off == 0 && integer_zerop(TREE_OPERAND(rhs, 1)) &&
	    map_type_index(l->rules, TREE_TYPE(rbase)) >= 0)
		iom_store(l->fn, l->cur, w, dst, TREE_TYPE(base), IOM_STORE_COPY,
			  object_path(l, rbase), TREE_TYPE(rbase));
	else
		iom_store(l->fn, l->cur, w, dst, TREE_TYPE(base),
			  TREE_CODE(rhs) == CONSTRUCTOR && !TREE_CLOBBER_P(rhs) ?
			  IOM_STORE_ZERO : IOM_STORE_UNKNOWN, -1, NULL);
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
		else if (gimple_assign_single_p(stmt) && is_memory_ref(rhs) && is_slot(l, rhs))
			iom_slot_load(l->fn, l->cur, w, object_path(l, rhs), value_of(lhs));
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
	if (gimple_assign_single_p(stmt) && aggregate_store(l, lhs, rhs, w))
		return;
	if (gimple_assign_single_p(stmt) && store_into_map_bytes(l, lhs, rhs, w))
		return;
	if (tracked(l, rhs))
		iom_slot_store(l->fn, l->cur, w, is_memory_ref(lhs) ? object_path(l, lhs) : -1,
			       value_of(rhs));
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

static int const_pointee_param(gimple *stmt, unsigned arg)
{
	tree fntype = gimple_call_fntype(stmt);
	tree p = fntype ? TYPE_ARG_TYPES(fntype) : NULL_TREE;

	for (unsigned i = 0; p && i < arg; i++)
		p = TREE_CHAIN(p);
	return p && TREE_VALUE(p) && POINTER_TYPE_P(TREE_VALUE(p)) &&
	       TYPE_READONLY(TREE_TYPE(TREE_VALUE(p)));
}

/* "fmt" as an argument: &"fmt"[0] or the address of the string itself. */
static const char *string_literal(tree arg)
{
	tree t;

	if (TREE_CODE(arg) != ADDR_EXPR)
		return NULL;
	t = TREE_OPERAND(arg, 0);
	if (TREE_CODE(t) == ARRAY_REF && integer_zerop(TREE_OPERAND(t, 1)))
		t = TREE_OPERAND(t, 0);
	return TREE_CODE(t) == STRING_CST ? TREE_STRING_POINTER(t) : NULL;
}

/* What one argument is, for the core. */
static void describe_arg(struct lower *l, gimple *stmt, unsigned i, struct iom_arg *a)
{
	tree arg = gimple_call_arg(stmt, i);

	memset(a, 0, sizeof(*a));
	a->is = IOM_ARG_OTHER;
	a->value = a->path = -1;
	a->pointer = POINTER_TYPE_P(TREE_TYPE(arg));
	a->to_const = a->pointer && const_pointee_param(stmt, i);
	if (tracked(l, arg)) {
		a->is = IOM_ARG_VALUE;
		a->value = value_of(arg);
	} else if (string_literal(arg)) {
		a->is = IOM_ARG_STRING;
		a->string = string_literal(arg);
	} else if (TREE_CODE(arg) == INTEGER_CST && tree_fits_shwi_p(arg)) {
		a->is = IOM_ARG_INT;
		a->constant = tree_to_shwi(arg);
	} else if (a->pointer && TREE_CODE(arg) == ADDR_EXPR) {
		a->is = IOM_ARG_ADDRESS;
		a->path = object_path(l, TREE_OPERAND(arg, 0));
		a->type = TREE_TYPE(TREE_OPERAND(arg, 0));
	} else if (a->pointer) {
		a->is = IOM_ARG_POINTER;
		a->path = pointee_path(l, arg);
		a->type = TREE_TYPE(TREE_TYPE(arg));
	}
}

/* Is the callee's body in this translation unit (the whole file is parsed
 * before any function reaches the plugin's pass)? */
static int defined_here(tree decl)
{
	cgraph_node *node = decl ? cgraph_node::get(decl) : NULL;

	return node && node->definition;
}

/* Arguments described on the stack; longer calls (varargs) get the heap. */
#define STACK_ARGS	16

static void lower_call(struct lower *l, gimple *stmt)
{
	struct iom_where w = where_of(l, stmt);
	tree lhs = gimple_call_lhs(stmt);
	struct iom_arg stack_args[STACK_ARGS], *args = stack_args;
	struct iom_call c;
	unsigned n = gimple_call_num_args(stmt);

	if (gimple_call_internal_p(stmt))
		return;		/* .DEFERRED_INIT and friends: not an initialisation */
	if (n > STACK_ARGS)
		args = XNEWVEC(struct iom_arg, n);
	memset(&c, 0, sizeof(c));
	c.callee = callee_name(stmt);
	c.defined_here = defined_here(gimple_call_fndecl(stmt));
	c.nr_args = (int)n;
	c.args = args;
	c.result_value = c.result_path = -1;
	for (unsigned i = 0; i < n; i++) {
		describe_arg(l, stmt, i, &args[i]);
		if (args[i].is != IOM_ARG_VALUE)
			accesses_in(l, gimple_call_arg(stmt, i), w, 0);
	}
	if (lhs && tracked(l, lhs)) {
		c.result = IOM_RESULT_VALUE;
		c.result_value = value_of(lhs);
	} else if (lhs && TREE_CODE(lhs) != SSA_NAME) {
		c.result = IOM_RESULT_OBJECT;
		c.result_path = object_path(l, lhs);
		c.result_type = TREE_TYPE(lhs);
	}
	iom_call(l->fn, l->cur, w, &c);
	if (lhs && TREE_CODE(lhs) != SSA_NAME)
		accesses_in(l, lhs, w, 1);
	if (args != stack_args)
		XDELETEVEC(args);
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
	iom_asm(l->fn, l->cur, w, gimple_asm_string(stmt));
}

static void lower_cond(struct lower *l, gcond *stmt)
{
	struct iom_where w = where_of(l, stmt);
	tree a = gimple_cond_lhs(stmt);

	if (tracked(l, a) && POINTER_TYPE_P(TREE_TYPE(a)) && integer_zerop(gimple_cond_rhs(stmt)) &&
	    (gimple_cond_code(stmt) == EQ_EXPR || gimple_cond_code(stmt) == NE_EXPR))
		iom_null_test(l->fn, l->cur, w, value_of(a));
}

/*
 * With several return statements GCC keeps one, without a location, that
 * returns a PHI of the values; each PHI argument carries the location of its
 * own return statement, which is the line a reader looks for.
 */
/* A phi with an argument that is not tracked (a constant: return false). */
static int phi_of_untracked(const struct lower *l, tree v)
{
	gimple *def = SSA_NAME_DEF_STMT(v);

	if (!def || gimple_code(def) != GIMPLE_PHI)
		return 0;
	for (unsigned i = 0; i < gimple_phi_num_args(as_a<gphi *>(def)); i++)
		if (!tracked(l, gimple_phi_arg_def(as_a<gphi *>(def), i)))
			return 1;
	return 0;
}

static void lower_return(struct lower *l, greturn *stmt)
{
	tree v = gimple_return_retval(stmt);
	gimple *def;

	if (v && !POINTER_TYPE_P(TREE_TYPE(v)) && INTEGRAL_TYPE_P(TREE_TYPE(v)))
		iom_return(l->fn, l->cur, where_of(l, stmt),
			   tracked(l, v) && !phi_of_untracked(l, v) ? value_of(v) : -1);
	if (!tracked(l, v) || !POINTER_TYPE_P(TREE_TYPE(v)))
		return;
	def = SSA_NAME_DEF_STMT(v);
	if (gimple_location(stmt) == UNKNOWN_LOCATION && def && gimple_code(def) == GIMPLE_PHI) {
		gphi *phi = as_a<gphi *>(def);

		for (unsigned i = 0; i < gimple_phi_num_args(phi); i++) {
			tree a = gimple_phi_arg_def(phi, i);
			location_t loc = gimple_phi_arg_location(phi, i);

			if (tracked(l, a))
				iom_escape(l->fn, l->cur, loc != UNKNOWN_LOCATION ? where_at(l, loc) :
					   where_of(l, stmt), value_of(a), IOM_ESC_RETURN, NULL);
		}
		return;
	}
	iom_escape(l->fn, l->cur, where_of(l, stmt), value_of(v), IOM_ESC_RETURN, NULL);
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
	case GIMPLE_RETURN:
		lower_return(l, as_a<greturn *>(stmt));
		break;
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

/* if (ptr) / if (!ptr): the path of what ptr points to, and whether the
 * true edge is the one where it is NULL. */
static int cond_null(struct lower *l, gcond *c, int *null_on_true)
{
	tree a = gimple_cond_lhs(c), b = gimple_cond_rhs(c);
	enum tree_code code = gimple_cond_code(c);

	if (tracked(l, a) || !POINTER_TYPE_P(TREE_TYPE(a)) || !integer_zerop(b) ||
	    (code != NE_EXPR && code != EQ_EXPR))
		return -1;
	*null_on_true = code == EQ_EXPR;
	return pointee_path(l, a);
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
	int value = -1, truth_on_true = 0, null_path = -1, null_on_true = 0;
	struct iom_where w = { NULL, 0, 0, 0 };

	if (last && gimple_code(last) == GIMPLE_SWITCH) {
		switch_edges(l, bb, as_a<gswitch *>(last), where_of(l, last));
		return;
	}
	if (last && gimple_code(last) == GIMPLE_COND) {
		value = cond_flag(l, as_a<gcond *>(last), &truth_on_true);
		if (value < 0)
			null_path = cond_null(l, as_a<gcond *>(last), &null_on_true);
		w = where_of(l, last);
	}
	FOR_EACH_EDGE(e, ei, bb->succs) {
		int to = l->block_of[e->dest->index];

		if (value >= 0 && (e->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE)))
			iom_edge_if(l->fn, l->cur, to, value,
				    (e->flags & EDGE_TRUE_VALUE) ? truth_on_true : !truth_on_true, w);
		else if (null_path >= 0 && (e->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE)) &&
			 !(e->flags & EDGE_TRUE_VALUE) == !null_on_true)
			iom_edge_null(l->fn, l->cur, to, null_path);
		else
			iom_edge(l->fn, l->cur, to);
	}
}

/* ---- driver ---------------------------------------------------------------- */

static int helper_function(const struct lower *l)
{
	tree decl = l->fun->decl;

	return iom_helper_function(l->rules, IDENTIFIER_POINTER(DECL_NAME(decl)),
				   helper_location(l, DECL_SOURCE_LOCATION(decl)));
}

/* The value a bool parameter enters with (its default definition). */
static tree param_entry(const struct lower *l, tree p)
{
	if (TREE_CODE(TREE_TYPE(p)) != BOOLEAN_TYPE || !is_gimple_reg(p))
		return NULL_TREE;
	return ssa_default_def(l->fun, p);
}

static void declare_params(struct lower *l)
{
	int arg = 1;

	for (tree p = DECL_ARGUMENTS(l->fun->decl); p; p = DECL_CHAIN(p), arg++) {
		tree entry = param_entry(l, p);

		if (DECL_NAME(p))
			iom_param(l->fn, arg, IDENTIFIER_POINTER(DECL_NAME(p)));
		if (entry && tracked(l, entry))
			iom_param_value(l->fn, arg, value_of(entry));
	}
}

/*
 * What the unit's summaries need, in a function that touches maps: the
 * values bool parameters enter with, and the bool results of calls to
 * functions of this file (a helper may return a map's flag).  Only bools:
 * an int parameter would make every pointer offset by it a tracked value.  Returns 1
 * when something new is tracked.
 */
static int track_for_summaries(struct lower *l)
{
	basic_block bb;
	int more = 0;

	for (tree p = DECL_ARGUMENTS(l->fun->decl); p; p = DECL_CHAIN(p)) {
		tree entry = param_entry(l, p);

		if (entry && !tracked(l, entry)) {
			bitmap_set_bit(l->tracked, SSA_NAME_VERSION(entry));
			more = 1;
		}
	}
	FOR_EACH_BB_FN(bb, l->fun)
		for (gimple_stmt_iterator si = gsi_start_bb(bb); !gsi_end_p(si); gsi_next(&si)) {
			gimple *stmt = gsi_stmt(si);
			tree lhs;

			if (!is_gimple_call(stmt) || gimple_call_internal_p(stmt) ||
			    !defined_here(gimple_call_fndecl(stmt)))
				continue;
			lhs = gimple_call_lhs(stmt);
			if (lhs && TREE_CODE(lhs) == SSA_NAME &&
			    TREE_CODE(TREE_TYPE(lhs)) == BOOLEAN_TYPE &&
			    !tracked(l, lhs)) {
				bitmap_set_bit(l->tracked, SSA_NAME_VERSION(lhs));
				more = 1;
			}
		}
	return more;
}

/* A static function whose address is never taken: the call graph's edges
 * are all its calls. */
static void only_called_here(struct lower *l)
{
	tree decl = l->fun->decl;
	cgraph_node *node = cgraph_node::get(decl);
	int calls = 0;

	if (TREE_PUBLIC(decl) || !node || node->address_taken)
		return;
	for (cgraph_edge *e = node->callers; e; e = e->next_caller)
		calls++;
	iom_func_only_called_here(l->fn, calls);
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
	l.nr_stmt_lines = -1;
	if (!fun->cfg || !DECL_NAME(fun->decl) || helper_function(&l))
		return NULL;
	l.tracked = sbitmap_alloc(num_ssa_names + 1);
	bitmap_clear(l.tracked);
	find_tracked(&l);
	if (!l.relevant && bitmap_empty_p(l.tracked)) {
		XDELETEVEC(l.slots);
		sbitmap_free(l.tracked);
		return NULL;
	}
	if (track_for_summaries(&l))
		find_tracked(&l);

	fw = where_at(&l, DECL_SOURCE_LOCATION(fun->decl));
	l.fn = iom_func_begin(l.rules, IDENTIFIER_POINTER(DECL_NAME(fun->decl)), fw);
	if (!l.fn) {
		XDELETEVEC(l.slots);
		sbitmap_free(l.tracked);
		return NULL;
	}
	iom_func_types(l.fn, &gcc_types);
	if (TREE_PUBLIC(fun->decl))
		iom_func_external(l.fn);
	declare_params(&l);
	only_called_here(&l);
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
	XDELETEVEC(l.stmt_lines);
	XDELETEVEC(l.slots);
	sbitmap_free(l.tracked);
	return l.fn;
}
