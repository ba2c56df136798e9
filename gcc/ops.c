/*
 * ops.c - ops-table initialisers, for the core's callback pairs.
 *
 * By the time the first function reaches the pass, the whole TU has been
 * parsed, so every file-scope and function-scope static initialiser is in
 * the varpool.  Each record-typed CONSTRUCTOR is one instance: only members
 * of the same instance are paired, so two tables that share a vunmap but not
 * a vmap do not vouch for each other.
 */
#include "gcc-common.h"
#include "lower.h"

#define MAX_NESTING	8

static void bind_constructor(struct iom_unit *u, tree ctor, int *instance, int depth)
{
	unsigned HOST_WIDE_INT ix;
	tree field, value;
	const char *ops = NULL;
	int me = -1;

	if (depth > MAX_NESTING || !TREE_TYPE(ctor))
		return;
	if (TREE_CODE(TREE_TYPE(ctor)) == RECORD_TYPE) {
		ops = struct_tag(TREE_TYPE(ctor));
		me = (*instance)++;
	}
	FOR_EACH_CONSTRUCTOR_ELT(CONSTRUCTOR_ELTS(ctor), ix, field, value) {
		if (!value)
			continue;
		STRIP_NOPS(value);
		if (TREE_CODE(value) == CONSTRUCTOR) {
			bind_constructor(u, value, instance, depth + 1);
			continue;
		}
		if (!ops || !field || TREE_CODE(field) != FIELD_DECL || !DECL_NAME(field) ||
		    TREE_CODE(value) != ADDR_EXPR ||
		    TREE_CODE(TREE_OPERAND(value, 0)) != FUNCTION_DECL ||
		    !DECL_NAME(TREE_OPERAND(value, 0)))
			continue;
		iom_unit_bind(u, me, ops, IDENTIFIER_POINTER(DECL_NAME(field)),
			      IDENTIFIER_POINTER(DECL_NAME(TREE_OPERAND(value, 0))));
	}
}

void bind_ops_tables(struct iom_unit *u)
{
	varpool_node *node;
	int instance = 0;

	FOR_EACH_VARIABLE(node) {
		tree init = DECL_INITIAL(node->decl);

		if (init && TREE_CODE(init) == CONSTRUCTOR)
			bind_constructor(u, init, &instance, 0);
	}
}
