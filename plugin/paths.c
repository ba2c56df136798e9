/*
 * paths.c - naming maps: from GENERIC/GIMPLE trees to the core's access paths.
 *
 * A key is built the way the core documents it: '*' for a dereference,
 * ".field" for a member, "[k]" or "[*]" for an element.  Locals carry their
 * DECL_UID so two blocks' 'm' stay apart; the display form is what a driver
 * author wrote ("obj->bo->vmap").  Anything we cannot name gets no key: the
 * caller then treats the map as unknown, the safe answer.
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

static void append(char *buf, size_t len, const char *fmt, const char *s)
{
	size_t n = strlen(buf);

	if (n < len)
		snprintf(buf + n, len - n, fmt, s);
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

static int decl_ref(tree decl, struct map_ref *out)
{
	char uid[32];

	snprintf(out->key, sizeof(out->key), "%s", decl_name(decl));
	snprintf(out->display, sizeof(out->display), "%s", decl_name(decl));
	out->decl = DECL_SOURCE_LOCATION(decl);
	if (TREE_CODE(decl) == PARM_DECL) {
		out->origin = IOM_MAP_PARAM;
	} else if (is_local(decl)) {
		snprintf(uid, sizeof(uid), "#%u", DECL_UID(decl));
		append(out->key, sizeof(out->key), "%s", uid);
		out->origin = IOM_MAP_LOCAL;
	} else if (TREE_CODE(decl) == VAR_DECL) {
		out->origin = IOM_MAP_GLOBAL;
	} else {
		return 0;
	}
	return 1;
}

static int pointee(tree ptr, struct map_ref *out, int depth);

/* A byte offset from a pointer to elements of 'size' bytes: "[k]", "[*]" or no name. */
static int add_index(struct map_ref *out, tree off, tree size)
{
	char idx[64];

	if (TREE_CODE(off) != INTEGER_CST) {
		append(out->key, sizeof(out->key), "%s", "[*]");
		append(out->display, sizeof(out->display), "%s", "[i]");
		return 1;
	}
	if (integer_zerop(off))
		return 1;
	if (!size || !tree_fits_uhwi_p(size) || !tree_to_uhwi(size) ||
	    !tree_fits_shwi_p(off) || tree_to_shwi(off) % tree_to_uhwi(size))
		return 0;
	snprintf(idx, sizeof(idx), "[%ld]", (long)(tree_to_shwi(off) / tree_to_uhwi(size)));
	append(out->key, sizeof(out->key), "%s", idx);
	append(out->display, sizeof(out->display), "%s", idx);
	return 1;
}

static int object(tree t, struct map_ref *out, int depth)
{
	char idx[64];

	if (depth > MAX_DEPTH)
		return 0;
	switch (TREE_CODE(t)) {
	case VAR_DECL:
	case PARM_DECL:
		return decl_ref(t, out);
	case MEM_REF:
		return pointee(TREE_OPERAND(t, 0), out, depth + 1) &&
		       add_index(out, TREE_OPERAND(t, 1), TYPE_SIZE_UNIT(TREE_TYPE(t)));
	case COMPONENT_REF: {
		tree field = TREE_OPERAND(t, 1);
		size_t n;

		if (!object(TREE_OPERAND(t, 0), out, depth + 1))
			return 0;
		if (!DECL_NAME(field))
			return 1;	/* anonymous union or struct: no name in C */
		n = strlen(out->key);
		/* Members of something reached by pointer print with "->". */
		append(out->display, sizeof(out->display),
		       n && out->key[n - 1] == '*' ? "->%s" : ".%s", decl_name(field));
		append(out->key, sizeof(out->key), ".%s", decl_name(field));
		return 1;
	}
	case ARRAY_REF: {
		tree i = TREE_OPERAND(t, 1);

		if (!object(TREE_OPERAND(t, 0), out, depth + 1))
			return 0;
		if (tree_fits_shwi_p(i)) {
			snprintf(idx, sizeof(idx), "[%ld]", (long)tree_to_shwi(i));
			append(out->key, sizeof(out->key), "%s", idx);
			append(out->display, sizeof(out->display), "%s", idx);
		} else {
			tree var = TREE_CODE(i) == SSA_NAME ? SSA_NAME_VAR(i) : NULL_TREE;

			append(out->key, sizeof(out->key), "%s", "[*]");
			snprintf(idx, sizeof(idx), "[%s]",
				 var && DECL_NAME(var) ? decl_name(var) : "i");
			append(out->display, sizeof(out->display), "%s", idx);
		}
		return 1;
	}
	default:
		return 0;
	}
}

/* The pointee of a pointer-valued expression. */
static int pointee(tree ptr, struct map_ref *out, int depth)
{
	gimple *def;

	if (depth > MAX_DEPTH)
		return 0;
	STRIP_NOPS(ptr);
	switch (TREE_CODE(ptr)) {
	case ADDR_EXPR:
		return object(TREE_OPERAND(ptr, 0), out, depth + 1);
	case PARM_DECL:
	case VAR_DECL:
		if (!decl_ref(ptr, out))
			return 0;
		append(out->key, sizeof(out->key), "%s", "*");
		if (out->origin == IOM_MAP_LOCAL)
			out->origin = IOM_MAP_REACHED;
		return 1;
	case SSA_NAME:
		break;
	default:
		return 0;
	}
	if (SSA_NAME_IS_DEFAULT_DEF(ptr)) {
		tree var = SSA_NAME_VAR(ptr);

		return var && TREE_CODE(var) == PARM_DECL && pointee(var, out, depth + 1);
	}
	def = SSA_NAME_DEF_STMT(ptr);
	if (!is_gimple_assign(def))
		return 0;
	switch (gimple_assign_rhs_code(def)) {
	case SSA_NAME:
	case NOP_EXPR:
	case CONVERT_EXPR:
	case ADDR_EXPR:
	case PARM_DECL:
	case VAR_DECL:
		return pointee(gimple_assign_rhs1(def), out, depth + 1);
	case COMPONENT_REF:
	case MEM_REF:
	case ARRAY_REF:
		/* A pointer loaded from memory: its pointee is "that memory, deref'd". */
		if (!object(gimple_assign_rhs1(def), out, depth + 1))
			return 0;
		append(out->key, sizeof(out->key), "%s", "*");
		if (out->origin == IOM_MAP_LOCAL)
			out->origin = IOM_MAP_REACHED;
		return 1;
	case POINTER_PLUS_EXPR: {
		tree pt = TREE_TYPE(TREE_TYPE(gimple_assign_rhs1(def)));

		return pointee(gimple_assign_rhs1(def), out, depth + 1) &&
		       add_index(out, gimple_assign_rhs2(def), pt ? TYPE_SIZE_UNIT(pt) : NULL_TREE);
	}
	default:
		return 0;
	}
}

int object_ref(tree obj, struct map_ref *out)
{
	out->key[0] = out->display[0] = 0;
	out->origin = IOM_MAP_REACHED;
	out->decl = UNKNOWN_LOCATION;
	return object(obj, out, 0);
}

int pointee_ref(tree ptr, struct map_ref *out)
{
	out->key[0] = out->display[0] = 0;
	out->origin = IOM_MAP_REACHED;
	out->decl = UNKNOWN_LOCATION;
	return pointee(ptr, out, 0);
}

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
