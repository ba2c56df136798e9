/*
 * path.c - access paths: how the core names the objects a function reaches.
 *
 * Front ends build paths step by step (iomem.h); this file is the only place
 * that knows how a path is written.  Each path has a key, unique within the
 * function ('*' for a dereference, ".f" for a member, "[k]" / "[*]" for an
 * element, "#uid" after a local's name, "?n" for an unnamed object), which
 * interns it and is what dumps print, and a display form, what a driver
 * author wrote ("obj->bo->vmap", "maps[i]").  Questions about a path (is it
 * reached by pointer, which paths lie under it) follow the parent links;
 * nothing parses a key.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "func.h"

/* Key and display of one path; longer ones cannot be named (the safe side). */
#define PATH_TEXT	256

static unsigned hash_key(const char *s)
{
	unsigned h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static int find_key(const struct iom_func *fn, const char *key)
{
	if (!fn->path_hash)
		return -1;
	for (unsigned h = hash_key(key) & (fn->path_hash_size - 1); fn->path_hash[h] >= 0;
	     h = (h + 1) & (fn->path_hash_size - 1))
		if (!strcmp(fn->paths[fn->path_hash[h]].key, key))
			return fn->path_hash[h];
	return -1;
}

static int rehash(struct iom_func *fn)
{
	int size = fn->path_hash_size ? 2 * fn->path_hash_size : 64;
	int *table = (int *)malloc(size * sizeof(int));

	if (!table)
		return 0;
	memset(table, -1, size * sizeof(int));
	for (int p = 0; p < fn->nr_paths; p++) {
		unsigned h = hash_key(fn->paths[p].key) & (size - 1);

		while (table[h] >= 0)
			h = (h + 1) & (size - 1);
		table[h] = p;
	}
	free(fn->path_hash);
	fn->path_hash = table;
	fn->path_hash_size = size;
	return 1;
}

/* The path with this key: the existing one, or a new one with these fields. */
static int intern(struct iom_func *fn, const char *key, const char *display, int parent,
		  enum path_step step, enum iom_map_origin origin, struct iom_where decl)
{
	struct path *np;
	int p = find_key(fn, key);

	if (p >= 0)
		return p;
	if (2 * (fn->nr_paths + 1) > fn->path_hash_size && !rehash(fn))
		return -1;
	np = (struct path *)iom_grow(fn->paths, fn->nr_paths, sizeof(*fn->paths));
	if (!np)
		return -1;
	fn->paths = np;
	np = &fn->paths[fn->nr_paths];
	np->key = iom_func_strdup(fn, key);
	np->display = iom_func_strdup(fn, display);
	np->parent = parent;
	np->step = step;
	np->origin = origin;
	np->decl = decl;
	np->map = -1;
	np->private_var = 0;	/* until the front end says so */
	np->container = NULL;	/* until the front end says so */
	p = fn->nr_paths++;
	{
		unsigned h = hash_key(key) & (fn->path_hash_size - 1);

		while (fn->path_hash[h] >= 0)
			h = (h + 1) & (fn->path_hash_size - 1);
		fn->path_hash[h] = p;
	}
	return p;
}

static int valid_path(const struct iom_func *fn, int path)
{
	return path >= 0 && path < fn->nr_paths;
}

/* A step below 'path': key and display get the two suffixes. */
static int step(struct iom_func *fn, int path, enum path_step what, const char *key_suffix,
		const char *display_suffix)
{
	const struct path *p;
	char key[PATH_TEXT], display[PATH_TEXT];
	enum iom_map_origin origin;

	if (!valid_path(fn, path))
		return -1;
	p = &fn->paths[path];
	if ((size_t)snprintf(key, sizeof(key), "%s%s", p->key, key_suffix) >= sizeof(key) ||
	    (size_t)snprintf(display, sizeof(display), "%s%s", p->display, display_suffix) >=
	    sizeof(display))
		return -1;
	origin = p->origin;
	/* What a local pointer points to is not local: it is reached. */
	if (what == PATH_DEREF && origin == IOM_MAP_LOCAL)
		origin = IOM_MAP_REACHED;
	return intern(fn, key, display, path, what, origin, p->decl);
}

int iom_path_var(struct iom_func *fn, const char *name, unsigned uid, enum iom_var var,
		 struct iom_where decl)
{
	char key[PATH_TEXT];
	static const enum iom_map_origin origin_of[] = {
		[IOM_VAR_LOCAL] = IOM_MAP_LOCAL,
		[IOM_VAR_PARAM] = IOM_MAP_PARAM,
		[IOM_VAR_GLOBAL] = IOM_MAP_GLOBAL,
	};

	if (!name || (unsigned)var > IOM_VAR_GLOBAL)
		return -1;
	/* Locals carry their uid: two blocks' 'm' are two maps. */
	if (var == IOM_VAR_LOCAL)
		snprintf(key, sizeof(key), "%s#%u", name, uid);
	else
		snprintf(key, sizeof(key), "%s", name);
	return intern(fn, key, name, -1, PATH_VAR, origin_of[var], decl);
}

int iom_path_deref(struct iom_func *fn, int path)
{
	return step(fn, path, PATH_DEREF, "*", "");
}

int iom_path_member(struct iom_func *fn, int path, const char *field)
{
	char key[PATH_TEXT], display[PATH_TEXT];

	if (!valid_path(fn, path) || !field)
		return -1;
	snprintf(key, sizeof(key), ".%s", field);
	/* Members of something reached by pointer print with "->". */
	snprintf(display, sizeof(display), "%s%s",
		 fn->paths[path].step == PATH_DEREF ? "->" : ".", field);
	return step(fn, path, PATH_MEMBER, key, display);
}

int iom_path_member_of(struct iom_func *fn, int path, const char *field, const char *container)
{
	int p = iom_path_member(fn, path, field);

	if (p >= 0 && container && *container && !fn->paths[p].container)
		fn->paths[p].container = iom_func_strdup(fn, container);
	return p;
}

int iom_path_index(struct iom_func *fn, int path, long index)
{
	char idx[32];

	snprintf(idx, sizeof(idx), "[%ld]", index);
	return step(fn, path, PATH_INDEX, idx, idx);
}

int iom_path_any_index(struct iom_func *fn, int path, const char *shown)
{
	char idx[64];

	snprintf(idx, sizeof(idx), "[%s]", shown && *shown ? shown : "i");
	return step(fn, path, PATH_ANY_INDEX, "[*]", idx);
}

int iom_path_unnamed(struct iom_func *fn)
{
	char key[32];

	/* '?' never starts a C name: an unnamed object merges with nothing. */
	snprintf(key, sizeof(key), "?%d", fn->nr_unnamed++);
	return intern(fn, key, "(map)", -1, PATH_UNNAMED, IOM_MAP_REACHED, fn->where);
}

void iom_path_private(struct iom_func *fn, int path)
{
	if (valid_path(fn, path))
		fn->paths[path].private_var = 1;
}

/* ---- questions about paths (core-internal, func.h) ------------------------ */

int iom_path_in_private(const struct iom_func *fn, int path)
{
	while (path >= 0 && fn->paths[path].parent >= 0) {
		if (fn->paths[path].step == PATH_DEREF)
			return 0;	/* what a pointer points to is anybody's */
		path = fn->paths[path].parent;
	}
	return path >= 0 && fn->paths[path].private_var;
}


int iom_path_under(const struct iom_func *fn, int path, int top)
{
	for (int depth = 0; valid_path(fn, path) && depth < PATH_TEXT; depth++) {
		if (path == top)
			return 1;
		path = fn->paths[path].parent;
	}
	return 0;
}

int iom_path_by_pointer(const struct iom_func *fn, int path)
{
	return valid_path(fn, path) && fn->paths[path].step == PATH_DEREF;
}

int iom_path_is_pointee_of_var(const struct iom_func *fn, int path)
{
	return iom_path_by_pointer(fn, path) &&
	       fn->paths[fn->paths[path].parent].step == PATH_VAR;
}

int iom_path_find_param_pointee(const struct iom_func *fn, const char *name)
{
	int var = name ? find_key(fn, name) : -1;

	if (var < 0 || fn->paths[var].origin != IOM_MAP_PARAM)
		return -1;
	for (int p = 0; p < fn->nr_paths; p++)
		if (fn->paths[p].parent == var && fn->paths[p].step == PATH_DEREF)
			return p;
	return -1;
}

const char *iom_path_key(const struct iom_func *fn, int path)
{
	return valid_path(fn, path) ? fn->paths[path].key : NULL;
}
