/*
 * lower.h - the GCC front end: GIMPLE in, core events out.
 *
 * paths.c names the objects a tree refers to (with the core's path builder)
 * and answers the core's questions about types; lower.c walks one function
 * after the "ssa" pass and reports loads, stores, calls and edges; ops.c
 * reports the ops-table initialisers of the unit.  None of them decides
 * anything about rules: that is the core's job.
 */
#ifndef IOM_LOWER_H
#define IOM_LOWER_H

#include "iomem.h"

struct lower {
	function *fun;
	const struct lower_opts *opt;
	const struct iom_rules *rules;
	struct iom_func *fn;
	int *block_of;			/* GCC bb index -> core block */
	sbitmap tracked;		/* SSA versions worth a value */
	int relevant;			/* the function touches a map */
	int cur;			/* core block being filled */
	location_t last_loc;
	tree *slots;			/* memory a tracked value is stored into */
	int nr_slots;
	int *stmt_lines;		/* sorted lines of the function's statements, */
	int nr_stmt_lines;		/* -1 until needed (helper_macro_line) */
};

struct lower_opts {
	const struct iom_rules *rules;
};

/* ---- paths.c ---- */

/* The tag of a struct or union type (or its typedef name), NULL if anonymous. */
const char *struct_tag(tree type);
/* Index of the rules type a (struct) type is, or -1. */
int map_type_index(const struct iom_rules *, tree type);
/* The path of the object 'obj' (an lvalue tree), -1 when it cannot be named. */
int object_path(struct lower *, tree obj);
/* The path of what a pointer points to (an SSA name, ADDR_EXPR or decl), or -1. */
int pointee_path(struct lower *, tree ptr);
/* If t is a member access of a map type: the map object, the member and the type. */
int map_member(const struct iom_rules *, tree t, tree *obj, int *member, int *type);
/* How the core asks about GCC types. */
extern const struct iom_types gcc_types;

/* ---- lower.c ---- */

/* Where a location is, for the core (and whether it is helper code). */
struct iom_where where_at(const struct lower *, location_t);

/*
 * Lower the current function.  Returns NULL when there is nothing to check
 * (no map is touched, or it is helper code).
 */
struct iom_func *lower_function(function *fun, const struct lower_opts *);

/* ---- ops.c ---- */

/* Tell the unit which functions every static initialiser of the TU puts in
 * which members of which structs (the core keeps the ones rules pair). */
void bind_ops_tables(struct iom_unit *);

#endif
