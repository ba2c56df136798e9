/*
 * paths.c - naming objects: from GENERIC/GIMPLE trees to the core's access paths.
 *
 * Paths are built with the core's path builder, step by step; locals pass
 * their DECL_UID so two blocks' 'm' stay apart.  Anything we cannot name is
 * path -1: the core then treats the map as unknown, the safe answer.  The
 * type callbacks answer the core's questions about aggregates.
 */
#include "gcc-common.h"
#include "lower.h"

#define MAX_DEPTH 40	/* tree nesting, not path length: each "->" costs about 4 */

const char *struct_tag(tree type)
{
	tree name = TYPE_NAME(TYPE_MAIN_VARIANT(type));

	if (name && TREE_CODE(name) == TYPE_DECL)
		name = DECL_NAME(name);
	return name && TREE_CODE(name) == IDENTIFIER_NODE ? IDENTIFIER_POINTER(name) : NULL;
}

int map_type_index(const struct iom_rules *rules, tree type)
{
	/* A tiny cache: a TU has few map types and asks about them constantly. */
	static tree seen[8];
	static int seen_idx[8], next;
	const char *name;
	int i;

	if (!type)
		return -1;
	type = TYPE_MAIN_VARIANT(type);
	if (TREE_CODE(type) != RECORD_TYPE)
		return -1;
	for (i = 0; i < 8; i++)
		if (seen[i] == type)
			return seen_idx[i];
	name = struct_tag(type);
	i = name ? iom_rules_type_index(rules, name) : -1;
	seen[next] = type;
	seen_idx[next] = i;
	next = (next + 1) % 8;
	return i;
}

static const char *decl_name(tree decl)
{
	tree name = DECL_NAME(decl);

	return name ? IDENTIFIER_POINTER(name) : "(anonymous)";
}

static int is_local(tree decl)
{
	return TREE_CODE(decl) == VAR_DECL && !TREE_STATIC(decl) && !DECL_EXTERNAL(decl) &&
	       DECL_CONTEXT(decl) && TREE_CODE(DECL_CONTEXT(decl)) == FUNCTION_DECL;
}

static int decl_path(struct lower *l, tree decl)
{
	enum iom_var var;
	int path;

	if (TREE_CODE(decl) == PARM_DECL)
		var = IOM_VAR_PARAM;
	else if (is_local(decl))
		var = IOM_VAR_LOCAL;
	else if (TREE_CODE(decl) == VAR_DECL)
		var = IOM_VAR_GLOBAL;
	else
		return -1;
	path = iom_path_var(l->fn, decl_name(decl), DECL_UID(decl), var,
			    where_at(l, DECL_SOURCE_LOCATION(decl)));
	if (var == IOM_VAR_LOCAL && !TREE_ADDRESSABLE(decl))
		iom_path_private(l->fn, path);
	return path;
}

static int pointee(struct lower *l, tree ptr, int depth);

/*
 * A named local holding a value that cannot be followed further (a call's
 * result): what this one definition points to, the same object at every use
 * of it (`bo = create(); if (bo->vmap.is_iomem) ... bo->vmap.vaddr`).  Its
 * uid is the definition's (IOM_VALUE_UID), so another assignment of the
 * local is another object.
 */
static int value_pointee(struct lower *l, tree ssa)
{
	tree var = SSA_NAME_VAR(ssa);
	int path;

	if (!var || TREE_CODE(var) != VAR_DECL || !is_local(var) || !DECL_NAME(var))
		return -1;
	path = iom_path_var(l->fn, decl_name(var), IOM_VALUE_UID(SSA_NAME_VERSION(ssa)),
			    IOM_VAR_LOCAL, where_at(l, DECL_SOURCE_LOCATION(var)));
	iom_path_private(l->fn, path);
	return iom_path_deref(l->fn, path);
}

/* A byte offset from a pointer to elements of 'size' bytes: an index, or no name. */
static int add_index(struct lower *l, int path, tree off, tree size)
{
	if (TREE_CODE(off) != INTEGER_CST)
		return iom_path_any_index(l->fn, path, NULL);
	if (integer_zerop(off))
		return path;
	if (!size || !tree_fits_uhwi_p(size) || !tree_to_uhwi(size) ||
	    !tree_fits_shwi_p(off) || tree_to_shwi(off) % tree_to_uhwi(size))
		return -1;
	return iom_path_index(l->fn, path, (long)(tree_to_shwi(off) / tree_to_uhwi(size)));
}

static int object(struct lower *l, tree t, int depth)
{
	if (depth > MAX_DEPTH)
		return -1;
	switch (TREE_CODE(t)) {
	case VAR_DECL:
	case PARM_DECL:
		return decl_path(l, t);
	case MEM_REF:
		return add_index(l, pointee(l, TREE_OPERAND(t, 0), depth + 1),
				 TREE_OPERAND(t, 1), TYPE_SIZE_UNIT(TREE_TYPE(t)));
	case COMPONENT_REF: {
		tree field = TREE_OPERAND(t, 1);
		int p = object(l, TREE_OPERAND(t, 0), depth + 1);

		if (!DECL_NAME(field))
			return p;	/* anonymous union or struct: no name in C */
		return iom_path_member_of(l->fn, p, decl_name(field),
					  struct_tag(DECL_CONTEXT(field)));
	}
	case ARRAY_REF: {
		tree i = TREE_OPERAND(t, 1);
		int p = object(l, TREE_OPERAND(t, 0), depth + 1);
		tree var;

		if (tree_fits_shwi_p(i))
			return iom_path_index(l->fn, p, (long)tree_to_shwi(i));
		var = TREE_CODE(i) == SSA_NAME ? SSA_NAME_VAR(i) : NULL_TREE;
		return iom_path_any_index(l->fn, p, var && DECL_NAME(var) ? decl_name(var) : NULL);
	}
	default:
		return -1;
	}
}

/* The pointee of a pointer-valued expression. */
static int pointee(struct lower *l, tree ptr, int depth)
{
	gimple *def;

	if (depth > MAX_DEPTH)
		return -1;
	STRIP_NOPS(ptr);
	switch (TREE_CODE(ptr)) {
	case ADDR_EXPR:
		return object(l, TREE_OPERAND(ptr, 0), depth + 1);
	case PARM_DECL:
	case VAR_DECL:
		return iom_path_deref(l->fn, decl_path(l, ptr));
	case SSA_NAME:
		break;
	default:
		return -1;
	}
	if (SSA_NAME_IS_DEFAULT_DEF(ptr)) {
		tree var = SSA_NAME_VAR(ptr);

		return var && TREE_CODE(var) == PARM_DECL ? pointee(l, var, depth + 1) : -1;
	}
	def = SSA_NAME_DEF_STMT(ptr);
	if (!is_gimple_assign(def))
		return value_pointee(l, ptr);
	switch (gimple_assign_rhs_code(def)) {
	case SSA_NAME:
	case NOP_EXPR:
	case CONVERT_EXPR:
	case ADDR_EXPR:
	case PARM_DECL:
	case VAR_DECL:
		return pointee(l, gimple_assign_rhs1(def), depth + 1);
	case COMPONENT_REF:
	case MEM_REF:
	case ARRAY_REF:
		/* A pointer loaded from memory: its pointee is "that memory, deref'd". */
		return iom_path_deref(l->fn, object(l, gimple_assign_rhs1(def), depth + 1));
	case POINTER_PLUS_EXPR: {
		tree pt = TREE_TYPE(TREE_TYPE(gimple_assign_rhs1(def)));

		return add_index(l, pointee(l, gimple_assign_rhs1(def), depth + 1),
				 gimple_assign_rhs2(def), pt ? TYPE_SIZE_UNIT(pt) : NULL_TREE);
	}
	default:
		return value_pointee(l, ptr);
	}
}

int object_path(struct lower *l, tree obj)
{
	return object(l, obj, 0);
}

int pointee_path(struct lower *l, tree ptr)
{
	return pointee(l, ptr, 0);
}

/* ---- types, as the core asks about them ---- */

static void type_facts(void *ctx, const void *t, struct iom_type_facts *out)
{
	tree type = (tree)t;
	tree size = TYPE_SIZE_UNIT(type);

	(void)ctx;
	out->size = size && tree_fits_shwi_p(size) ? (long)tree_to_shwi(size) : -1;
	switch (TREE_CODE(type)) {
	case RECORD_TYPE:
		out->cls = IOM_TYPE_STRUCT;
		out->tag = struct_tag(type);
		break;
	case UNION_TYPE:
		out->cls = IOM_TYPE_UNION;
		out->tag = struct_tag(type);
		break;
	case ARRAY_TYPE:
		out->cls = IOM_TYPE_ARRAY;
		out->element = TREE_TYPE(type);
		if (TYPE_DOMAIN(type) && TYPE_MAX_VALUE(TYPE_DOMAIN(type)) &&
		    tree_fits_uhwi_p(TYPE_MAX_VALUE(TYPE_DOMAIN(type))))
			out->count = (long)tree_to_uhwi(TYPE_MAX_VALUE(TYPE_DOMAIN(type))) + 1;
		break;
	default:
		out->cls = IOM_TYPE_OTHER;
		break;
	}
}

static void type_fields(void *ctx, const void *t, iom_field_fn each, void *arg)
{
	(void)ctx;
	for (tree f = TYPE_FIELDS((tree)t); f; f = DECL_CHAIN(f))
		if (TREE_CODE(f) == FIELD_DECL)
			each(arg, DECL_NAME(f) ? IDENTIFIER_POINTER(DECL_NAME(f)) : NULL,
			     TREE_TYPE(f));
}

const struct iom_types gcc_types = { type_facts, type_fields, NULL };

int map_member(const struct iom_rules *rules, tree t, tree *obj, int *member, int *type)
{
	tree field, base, ctx;
	int ty;

	if (TREE_CODE(t) != COMPONENT_REF)
		return 0;
	field = TREE_OPERAND(t, 1);
	base = TREE_OPERAND(t, 0);
	ctx = DECL_CONTEXT(field);
	if (!DECL_NAME(field) || !ctx)
		return 0;
	ty = map_type_index(rules, ctx);
	if (ty < 0) {
		/* The pointers sit in an anonymous union inside the map. */
		if (TREE_CODE(ctx) != UNION_TYPE || TREE_CODE(base) != COMPONENT_REF)
			return 0;
		ty = map_type_index(rules, DECL_CONTEXT(TREE_OPERAND(base, 1)));
		if (ty < 0)
			return 0;
		base = TREE_OPERAND(base, 0);
	}
	*member = iom_type_member(iom_rules_type_at(rules, ty), decl_name(field));
	if (*member < 0)
		return 0;
	*obj = base;
	*type = ty;
	return 1;
}
