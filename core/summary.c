/*
 * summary.c - the flag of a map across the calls of one file.
 *
 * Two shapes of driver code move a map's flag through a static function:
 * a helper that returns it (bool bo_is_iomem(bo) { return bo->map.is_iomem; }),
 * and a worker that is handed it as a bool by every caller
 * (emit(map, map->is_iomem, ...)).  This file reads both off solved
 * functions; unit.c decides when a summary holds and applies it.  A flag
 * counts only when it is fresh: the map was not written between the read
 * and the return or the call, so the value still says what the map is.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "summary.h"

/* The state just before event 'idx' of block b (every event with a lower
 * index in the block has run). */
static int state_before(struct iom_func *fn, const struct state *in, int b, int idx,
			struct state *out)
{
	iom_state_alloc(fn, out);
	if (!out->m)
		return -1;
	iom_state_copy(fn, out, &in[b]);
	for (int k = 0; k < fn->bb[b].nr_evs && fn->bb[b].evs[k] < idx; k++)
		iom_transfer(fn, out, &fn->ev[fn->bb[b].evs[k]], fn->bb[b].evs[k]);
	return 0;
}

/* Is value v the fresh flag of one map in state s? */
static int fresh_flag(const struct iom_func *fn, const struct state *s, int v)
{
	const struct value *val;

	if (v < 0 || v >= fn->nr_val)
		return 0;
	val = &fn->val[v];
	return val->kind == VAL_FLAG && val->map >= 0 && val->gen != GEN_NONE &&
	       s->m[val->map].gen == val->gen;
}

static int param_index(const struct iom_func *fn, const char *name)
{
	for (int a = 1; a <= fn->nr_params; a++)
		if (fn->params[a - 1] && !strcmp(fn->params[a - 1], name))
			return a;
	return 0;
}

/* Is 'p' *param, what a variable itself points to? */
static int var_pointee(const struct iom_func *fn, int p)
{
	return fn->paths[p].step == PATH_DEREF && fn->paths[p].parent >= 0 &&
	       fn->paths[fn->paths[p].parent].step == PATH_VAR;
}

/* The steps from *param down to the map at 'path'; 0 when it is not reached
 * from a parameter by members, constant indexes and pointers in members
 * (bo->vmap->is_iomem). */
static int source_of(const struct iom_func *fn, int path, struct flag_source *src)
{
	int chain[MAX_FLAG_STEPS], n = 0, p = path;

	while (p >= 0 && !var_pointee(fn, p)) {
		if (n == MAX_FLAG_STEPS || (fn->paths[p].step != PATH_MEMBER &&
					    fn->paths[p].step != PATH_INDEX &&
					    fn->paths[p].step != PATH_DEREF))
			return 0;
		chain[n++] = p;
		p = fn->paths[p].parent;
	}
	if (p < 0 || fn->paths[p].parent < 0)
		return 0;
	{
		const struct path *var = &fn->paths[fn->paths[p].parent];

		if (var->step != PATH_VAR || var->origin != IOM_MAP_PARAM)
			return 0;
		src->arg = param_index(fn, var->display);
	}
	if (!src->arg)
		return 0;
	src->nr_steps = n;
	for (int i = 0; i < n; i++) {
		const struct path *s = &fn->paths[chain[n - 1 - i]];
		const char *suffix = s->key + strlen(fn->paths[s->parent].key);

		src->steps[i].step = s->step;
		if (s->step == PATH_DEREF)
			continue;
		if (s->step == PATH_MEMBER) {
			if (suffix[0] != '.' || strlen(suffix + 1) >= sizeof(src->steps[i].field))
				return 0;
			strcpy(src->steps[i].field, suffix + 1);
		} else if (sscanf(suffix, "[%ld]", &src->steps[i].index) != 1) {
			return 0;
		}
	}
	return 1;
}

int iom_returns_flag(struct iom_func *fn, const struct state *in, struct flag_source *out)
{
	int map = -1, negated = 0, any = 0;

	for (int i = 0; i < fn->nr_ev; i++) {
		const struct event *e = &fn->ev[i];
		struct state s;
		int ok;

		if (e->op != EV_RETURN)
			continue;
		if (e->value < 0)
			return 0;	/* a constant or anything else on some path */
		if (e->block < 0 || !in[e->block].reachable)
			continue;
		if (state_before(fn, in, e->block, i, &s))
			return 0;
		ok = s.reachable && fresh_flag(fn, &s, e->value);
		free(s.m);
		if (!ok)
			continue;	/* a return the analysis cannot reach */
		if (any && (fn->val[e->value].map != map || fn->val[e->value].negated != negated))
			return 0;
		map = fn->val[e->value].map;
		negated = fn->val[e->value].negated;
		any = 1;
	}
	/* Every reachable return must have given the flag: check again. */
	for (int i = 0; any && i < fn->nr_ev; i++) {
		const struct event *e = &fn->ev[i];
		struct state s;
		int ok;

		if (e->op != EV_RETURN || e->block < 0 || !in[e->block].reachable)
			continue;
		if (state_before(fn, in, e->block, i, &s))
			return 0;
		ok = !s.reachable || fresh_flag(fn, &s, e->value);
		free(s.m);
		if (!ok)
			return 0;
	}
	if (!any)
		return 0;
	memset(out, 0, sizeof(*out));
	if (!source_of(fn, fn->maps[map].path, out))
		return 0;
	out->type = fn->maps[map].type;
	out->negated = (unsigned char)negated;
	return 1;
}

int iom_flag_source_map(struct iom_func *fn, const struct flag_source *src, int path)
{
	for (int i = 0; path >= 0 && i < src->nr_steps; i++)
		path = src->steps[i].step == PATH_MEMBER ?
			iom_path_member(fn, path, src->steps[i].field) :
			src->steps[i].step == PATH_DEREF ? iom_path_deref(fn, path) :
			iom_path_index(fn, path, src->steps[i].index);
	return path >= 0 ? iom_map_at(fn, path, src->type) : -1;
}

/* Is 'path' the object 'top' or reached from it by members, constant
 * indexes and pointers in members? */
static int below(const struct iom_func *fn, int path, int top)
{
	for (int depth = 0; path >= 0 && depth < MAX_FLAG_STEPS; depth++) {
		if (path == top)
			return 1;
		if (fn->paths[path].step != PATH_MEMBER && fn->paths[path].step != PATH_INDEX &&
		    fn->paths[path].step != PATH_DEREF)
			return 0;
		path = fn->paths[path].parent;
	}
	return 0;
}

static void one_site(struct iom_func *fn, const struct state *in, const struct event *e,
		     struct call_site *site)
{
	struct state s;

	if (e->block < 0 || !in[e->block].reachable ||
	    state_before(fn, in, e->block, e->value2, &s))
		return;
	for (int k = 0; s.reachable && k < site->nr_args; k++) {
		int v = e->args[k].value, m = e->args[k].map;

		if (m >= 0 && !(s.m[m].bits & K_UNINIT))
			site->kinds[k] = s.m[m].bits & (K_SYS | K_IO);
		if (!fresh_flag(fn, &s, v))
			continue;
		m = fn->val[v].map;
		/* The map itself first, then an object that holds it. */
		for (int j = 0; j < 2 * e->nr_args && !site->flag[k]; j++) {
			const struct call_arg *a = &e->args[j % e->nr_args];
			const char *under;

			if (j % e->nr_args == k || a->path < 0 ||
			    (j < e->nr_args ? a->map != m : !below(fn, fn->maps[m].path, a->path)))
				continue;
			under = fn->maps[m].key + strlen(fn->paths[a->path].key);
			if (*under && !(site->under[k] = iom_strdup(under)))
				break;
			site->flag[k] = (unsigned char)(j % e->nr_args + 1);
			site->negated[k] = fn->val[v].negated;
			site->type[k] = fn->maps[m].type;
		}
	}
	free(s.m);
}

void iom_call_site_free(struct call_site *site)
{
	free(site->caller);
	free(site->callee);
	for (int k = 0; k < MAX_SITE_ARGS; k++)
		free(site->under[k]);
}

int iom_site_map(struct iom_func *fn, int arg, const char *under, int type)
{
	int path = iom_path_find_param_pointee(fn, arg >= 1 && arg <= fn->nr_params ?
					       fn->params[arg - 1] : NULL);

	while (path >= 0 && under && *under) {
		char field[64];
		long index;
		int n = 0;

		if (*under == '*') {
			path = iom_path_deref(fn, path);
			under++;
		} else if (sscanf(under, ".%63[A-Za-z0-9_]%n", field, &n) == 1 && n > 0) {
			path = iom_path_member(fn, path, field);
			under += n;
		} else if (sscanf(under, "[%ld]%n", &index, &n) == 1 && n > 0) {
			path = iom_path_index(fn, path, index);
			under += n;
		} else {
			return -1;
		}
	}
	return path >= 0 ? iom_map_at(fn, path, type) : -1;
}

void iom_call_sites(struct iom_func *fn, const struct state *in, struct call_site **sites,
		    int *nr)
{
	for (int i = 0; i < fn->nr_ev; i++) {
		const struct event *e = &fn->ev[i];
		struct call_site *ns, *site;

		if (e->op != EV_CALL || !e->name)
			continue;
		ns = (struct call_site *)iom_grow(*sites, *nr, sizeof(**sites));
		if (!ns)
			return;
		*sites = ns;
		site = &ns[*nr];
		memset(site, 0, sizeof(*site));
		site->callee = iom_strdup(e->name);
		site->caller = iom_strdup(fn->name);
		if (!site->callee || !site->caller) {
			iom_call_site_free(site);
			return;
		}
		site->nr_args = e->nr_args < MAX_SITE_ARGS ? e->nr_args : MAX_SITE_ARGS;
		(*nr)++;
		if (in)
			one_site(fn, in, e, site);
	}
}
