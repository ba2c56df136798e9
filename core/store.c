/*
 * store.c - whole objects: which maps an object holds and what a store of
 * the whole object does to them.
 *
 * The core asks the front end about types through struct iom_types and
 * decides here: zero initialisation gives system memory, a copy from a map
 * of the same type copies its state, the end of a variable's scope makes
 * its maps uninitialised, anything else makes them unknown.
 */
#include <string.h>

#include "func.h"

/*
 * How deep the core looks into an aggregate for maps: a map, a struct
 * holding one, an array of those.  Deeper nesting is rare in drivers and
 * each level multiplies the maps a store touches; a map left out is never
 * reported (its kind stays what it was), the safe side for a checker that
 * must not cry wolf.
 */
#define MAX_NESTING	2

/*
 * Elements of an array tracked one by one ("maps[0]" .. "maps[15]"); the
 * rest share the summary element "maps[*]" with variable indexes.  Arrays
 * of maps in drivers hold a few planes or buffers; 16 covers them without
 * making a store of a large table cost thousands of events.
 */
#define MAX_ELEMENTS	16

void iom_type_facts_of(struct iom_func *fn, const void *type, struct iom_type_facts *out)
{
	memset(out, 0, sizeof(*out));
	out->cls = IOM_TYPE_OTHER;
	out->size = out->count = -1;
	if (type && fn->types && fn->types->facts)
		fn->types->facts(fn->types->ctx, type, out);
}

int iom_type_map_index(struct iom_func *fn, const void *type)
{
	struct iom_type_facts f;
	int i;

	if (!type)
		return -1;
	/* A function asks about the same few types over and over. */
	for (i = 0; i < 8; i++)
		if (fn->type_seen[i] == type)
			return fn->type_seen_idx[i];
	iom_type_facts_of(fn, type, &f);
	i = f.cls == IOM_TYPE_STRUCT && f.tag ? iom_rules_type_index(fn->rules, f.tag) : -1;
	fn->type_seen[fn->type_seen_next] = type;
	fn->type_seen_idx[fn->type_seen_next] = i;
	fn->type_seen_next = (fn->type_seen_next + 1) % 8;
	return i;
}

/* ---- does a type hold maps ---- */

struct holds {
	struct iom_func *fn;
	int depth, found;
};

static int holds_map(struct iom_func *fn, const void *type, int depth);

static void holds_field(void *arg, const char *name, const void *type)
{
	struct holds *h = (struct holds *)arg;

	(void)name;
	if (!h->found && holds_map(h->fn, type, h->depth + 1))
		h->found = 1;
}

static int holds_map(struct iom_func *fn, const void *type, int depth)
{
	struct iom_type_facts f;
	struct holds h = { fn, depth, 0 };

	if (!type || depth > MAX_NESTING)
		return 0;
	if (iom_type_map_index(fn, type) >= 0)
		return 1;
	iom_type_facts_of(fn, type, &f);
	if (f.cls == IOM_TYPE_ARRAY)
		return holds_map(fn, f.element, depth + 1);
	if (f.cls != IOM_TYPE_STRUCT || !fn->types->fields)
		return 0;
	fn->types->fields(fn->types->ctx, type, holds_field, &h);
	return h.found;
}

/* ---- every map in an object ---- */

struct set_all {
	struct iom_func *fn;
	int b;
	struct iom_where w;
	enum iom_kind kind;
	enum iom_cause cause;
	const char *name;
	int path, depth;	/* of the struct whose fields are visited */
	int src;		/* copying: the same place in the source object, else -1 */
};

static void set_in(struct set_all *a, int path, const void *type, int depth);

static void set_field(void *arg, const char *name, const void *type)
{
	struct set_all *a = (struct set_all *)arg;

	/* Members of anonymous structs and unions have no name to track by. */
	if (!name)
		return;
	if (a->src >= 0) {
		struct set_all inner = *a;

		inner.src = iom_path_member(a->fn, a->src, name);
		set_in(&inner, iom_path_member(a->fn, a->path, name), type, a->depth + 1);
		return;
	}
	set_in(a, iom_path_member(a->fn, a->path, name), type, a->depth + 1);
}

/* One element of an array, in the destination and (copying) the source. */
static void set_element(struct set_all *a, int path, long index, const void *type, int depth)
{
	struct set_all inner = *a;

	if (a->src >= 0)
		inner.src = index >= 0 ? iom_path_index(a->fn, a->src, index) :
					 iom_path_any_index(a->fn, a->src, NULL);
	set_in(&inner, index >= 0 ? iom_path_index(a->fn, path, index) :
				    iom_path_any_index(a->fn, path, NULL), type, depth);
}

/* A map of the destination: set it, or copy the map at the same place of the source. */
static void set_map(struct set_all *a, int m, const void *type)
{
	int src = a->src >= 0 ? iom_object_map(a->fn, a->src, type) : -1;

	if (src >= 0)
		iom_copy(a->fn, a->b, a->w, m, src);
	else
		iom_set(a->fn, a->b, a->w, m, a->kind, a->cause, a->name, -1);
}

static void set_in(struct set_all *a, int path, const void *type, int depth)
{
	struct iom_type_facts f;
	int m;

	if (depth > MAX_NESTING)
		return;
	m = iom_object_map(a->fn, path, type);
	if (m >= 0) {
		set_map(a, m, type);
		return;
	}
	iom_type_facts_of(a->fn, type, &f);
	if (f.cls == IOM_TYPE_ARRAY && f.count >= 0) {
		/* Below the top, only arrays of maps themselves are looked into. */
		if (depth > 0 && iom_type_map_index(a->fn, f.element) < 0)
			return;
		for (long i = 0; i < f.count && i < MAX_ELEMENTS; i++)
			set_element(a, path, i, f.element, depth + 1);
		/* The summary element a variable index refers to. */
		set_element(a, path, -1, f.element, depth + 1);
		return;
	}
	if (f.cls == IOM_TYPE_STRUCT && a->fn->types->fields) {
		struct set_all inner = *a;

		inner.path = path;
		inner.depth = depth;
		a->fn->types->fields(a->fn->types->ctx, type, set_field, &inner);
	}
}

void iom_set_all(struct iom_func *fn, int b, struct iom_where w, int path, const void *type,
		 enum iom_kind kind, enum iom_cause cause, const char *name)
{
	struct set_all a = { fn, b, w, kind, cause, name, path, 0, -1 };

	set_in(&a, path, type, 0);
}

/*
 * A struct assignment of an object holding maps (a plane state, a buffer
 * object) from another of the same type: each map takes the kind of the map
 * at the same place of the source.
 */
static void copy_all(struct iom_func *fn, int b, struct iom_where w, int dst_path,
		     const void *type, int src_path)
{
	struct set_all a = { fn, b, w, IOM_KIND_UNKNOWN, IOM_BY_MEMORY, NULL, dst_path, 0,
			     src_path };

	set_in(&a, dst_path, type, 0);
}

static int same_type(struct iom_func *fn, const void *a, const void *b)
{
	struct iom_type_facts fa, fb;

	if (a == b)
		return 1;
	iom_type_facts_of(fn, a, &fa);
	iom_type_facts_of(fn, b, &fb);
	return fa.cls == IOM_TYPE_STRUCT && fb.cls == IOM_TYPE_STRUCT && fa.tag && fb.tag &&
	       !strcmp(fa.tag, fb.tag);
}

int iom_store(struct iom_func *fn, int b, struct iom_where w, int dst_path, const void *dst_type,
	      enum iom_store_is what, int src_path, const void *src_type)
{
	int dst, src;

	if (!holds_map(fn, dst_type, 0))
		return 0;
	switch (what) {
	case IOM_STORE_ZERO:
		iom_set_all(fn, b, w, dst_path, dst_type, IOM_KIND_SYSTEM, IOM_BY_ZERO, NULL);
		return 1;
	case IOM_STORE_END_SCOPE:
		iom_set_all(fn, b, w, dst_path, dst_type, IOM_KIND_UNINIT, IOM_BY_SCOPE, NULL);
		return 1;
	case IOM_STORE_COPY:
		dst = iom_object_map(fn, dst_path, dst_type);
		src = iom_object_map(fn, src_path, src_type);
		if (dst >= 0 && src >= 0 && fn->maps[dst].type == fn->maps[src].type) {
			iom_copy(fn, b, w, dst, src);
			return 1;
		}
		if (dst < 0 && src_path >= 0 && same_type(fn, dst_type, src_type)) {
			copy_all(fn, b, w, dst_path, dst_type, src_path);
			return 1;
		}
		break;
	case IOM_STORE_UNKNOWN:
		break;
	}
	iom_set_all(fn, b, w, dst_path, dst_type, IOM_KIND_UNKNOWN, IOM_BY_MEMORY, NULL);
	return 1;
}

void iom_store_result(struct iom_func *fn, int b, struct iom_where w, int path, const void *type,
		      const char *callee)
{
	if (holds_map(fn, type, 0))
		iom_set_all(fn, b, w, path, type, IOM_KIND_UNKNOWN, IOM_BY_CALL, callee);
}

/*
 * GCC clears an incomplete initialiser's object, and a complete one when
 * more than CLEAR_RATIO (6 on x86, at -O0 as at -O2) of its scalars are zero
 * and fewer than a quarter are not (gimplify_init_constructor).
 */
#define CLEAR_RATIO	6

int iom_init_clears(int complete, long scalars, long nonzero)
{
	return !complete || (scalars - nonzero > CLEAR_RATIO && nonzero < scalars / 4);
}
