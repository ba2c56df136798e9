/*
 * lower.h - the GCC front end: GIMPLE in, core events out.
 *
 * paths.c names the maps a tree refers to (access paths, as the core wants
 * them); lower.c walks one function after the "ssa" pass and emits events;
 * ops.c reports the ops-table initialisers of the unit.
 * None of them decides anything about rules: that is the core's job.
 */
#ifndef IOM_LOWER_H
#define IOM_LOWER_H

#include "iomem.h"

/* ---- paths.c ---- */

struct map_ref {
	char key[256];
	char display[256];
	enum iom_map_origin origin;
	location_t decl;
};

/* The tag of a struct or union type (or its typedef name), NULL if anonymous. */
const char *struct_tag(tree type);
/* Index of the rules type a (struct) type is, or -1. */
int map_type_index(const struct iom_rules *, tree type);
/* Name the object 'obj' (an lvalue tree). Returns 0 when it cannot be named. */
int object_ref(tree obj, struct map_ref *out);
/* Name the object a pointer points to (an SSA name, ADDR_EXPR or decl). */
int pointee_ref(tree ptr, struct map_ref *out);
/* If t is a member access of a map type: the map object, the member and the type. */
int map_member(const struct iom_rules *, tree t, tree *obj, int *member, int *type);

/* ---- lower.c ---- */

struct lower_opts {
	const struct iom_rules *rules;
};

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
