/*
 * unit.c - what one translation unit knows across its functions.
 *
 * A function analysed alone must assume that a map reached through a
 * parameter can be either kind.  Ops tables pin some of them down: the map a
 * vunmap callback receives is the one its sibling vmap filled (dma-buf even
 * BUG()s when they differ), so when the same initialiser names both, what
 * the vmap function leaves in its map is what the vunmap function starts
 * with.  The rules say which members pair up ('pair'); the front end reports
 * the initialisers it sees (iom_unit_bind) and hands every function over.
 *
 * Functions arrive in whatever order the compiler emits them.  A receiver
 * whose filler has not been analysed yet is kept until it has been, or until
 * iom_unit_finish(), where a filler never seen gives no fact.
 *
 * The same holds for calls to functions of the file: a caller waits for the
 * summaries of its callees (bottom-up: what the callee leaves in the map it
 * is handed, the flag it returns).  A map's flag passed in a bool parameter
 * goes the other way (top-down): the callee waits until iom_unit_finish(),
 * when every caller has been seen, and the flag holds only if every call of
 * the file passes it (summary.c reads the calls and returns).
 */
#include <stdlib.h>
#include <string.h>

#include <limits.h>
#include <stdio.h>

#include "alloc.h"
#include "facts.h"
#include "func.h"
#include "render.h"
#include "summary.h"

struct binding {
	int instance;			/* one initialiser (front end's numbering) */
	int pair;			/* index into the rules' pairs */
	int role;			/* 0: fills the map, 1: receives it */
	char *fn;
};

struct summary {
	char *fn;
	int arg;
	unsigned kinds;			/* K_* the map may have on return; 0: none set */
	int external;			/* other files may call fn: a fact for them */
	struct iom_where where;
};

/* A function that returns the flag of a map it is handed (summary.c). */
struct ret_summary {
	char *fn;
	struct flag_source src;
};

struct held {
	struct iom_func *fn;
	int guard;			/* waits for every call of the unit (guards) */
	int pending;			/* its summaries wait for a callee of the unit */
	struct iom_options opt;
	iom_report_fn cb;
	void *ctx;
};

struct iom_unit {
	const struct iom_rules *rules;
	/* A DRM driver the unit declares (rules "backend"): the kinds its GEM
	 * backend maps (IOM_EFF_SET_*), and whether one initialiser names a
	 * backend the rules do not know. */
	int declares_driver, unknown_backend;
	unsigned backend;
	int asked_driver;		/* the analysis asked the facts for its folder's driver */
	char folder[4096];		/* the real folder of the last function's file */
	char folder_of[4096];		/* ... and that file as the front end named it */
	struct binding *bind;
	int nr_bind;
	struct summary *sum;
	int nr_sum;
	struct held *held;
	int nr_held;
	char **seen;			/* functions summarised so far */
	int nr_seen;
	struct ret_summary *rets;
	int nr_rets;
	struct call_site *sites;	/* every call to a function of the unit */
	int nr_sites;
	char **needs;			/* functions of other files whose facts were asked for */
	int nr_needs;
};

struct iom_unit *iom_unit_new(const struct iom_rules *rules)
{
	struct iom_unit *u = (struct iom_unit *)calloc(1, sizeof(*u));

	if (u)
		u->rules = rules;
	return u;
}

void iom_unit_free(struct iom_unit *u)
{
	if (!u)
		return;
	for (int i = 0; i < u->nr_bind; i++)
		free(u->bind[i].fn);
	for (int i = 0; i < u->nr_sum; i++)
		free(u->sum[i].fn);
	for (int i = 0; i < u->nr_held; i++)
		iom_func_free(u->held[i].fn);
	for (int i = 0; i < u->nr_seen; i++)
		free(u->seen[i]);
	for (int i = 0; i < u->nr_rets; i++)
		free(u->rets[i].fn);
	for (int i = 0; i < u->nr_sites; i++)
		iom_call_site_free(&u->sites[i]);
	for (int i = 0; i < u->nr_needs; i++)
		free(u->needs[i]);
	free(u->needs);
	free(u->rets);
	free(u->sites);
	free(u->seen);
	free(u->bind);
	free(u->sum);
	free(u->held);
	free(u);
}

void iom_unit_bind(struct iom_unit *u, int instance, const char *ops, const char *field,
		   const char *fn)
{
	int backend;

	if (!ops || !field || !fn)
		return;
	backend = iom_rules_backend(u->rules, ops, field, fn);
	if (backend) {
		u->declares_driver = 1;
		u->unknown_backend |= backend < 0;
		u->backend |= backend > 0 ? (unsigned)backend : 0;
	}
	for (int p = 0; p < iom_rules_nr_pairs(u->rules); p++) {
		const struct iom_pair *pr = iom_rules_pair_at(u->rules, p);

		if (strcmp(pr->ops, ops))
			continue;
		for (int role = 0; role < 2; role++) {
			struct binding *nb;

			if (strcmp(pr->field[role], field))
				continue;
			nb = (struct binding *)iom_grow(u->bind, u->nr_bind, sizeof(*nb));
			if (!nb)
				return;	/* no fact: the safe default */
			u->bind = nb;
			nb = &u->bind[u->nr_bind];
			nb->instance = instance;
			nb->pair = p;
			nb->role = role;
			nb->fn = iom_strdup(fn);
			if (nb->fn)
				u->nr_bind++;
		}
	}
}

/* ---- fillers ---------------------------------------------------------------- */

static const struct summary *find_summary(const struct iom_unit *u, const char *fn, int arg)
{
	for (int i = 0; i < u->nr_sum; i++)
		if (u->sum[i].arg == arg && !strcmp(u->sum[i].fn, fn))
			return &u->sum[i];
	return NULL;
}

/*
 * What the function leaves in the map of argument 'arg' on the paths that
 * fill it: the map starts empty, so a failure path that returns without
 * touching it adds nothing, and a path that copies from unknown memory adds
 * both kinds.
 */
/* Does any event of the function write the map (set, copy, call, raw write)?
 * Reading the flag and branching on it is not writing. */
static int writes_map(const struct iom_func *fn, int map)
{
	for (int i = 0; i < fn->nr_ev; i++) {
		const struct event *e = &fn->ev[i];

		if ((e->op == EV_SET || e->op == EV_COPY || e->op == EV_WRITE) && e->map == map)
			return 1;
		if (e->op == EV_CLOBBER && iom_path_under(fn, fn->maps[map].path, e->path))
			return 1;
	}
	return 0;
}

static unsigned filled_kinds(struct iom_func *fn, int arg)
{
	int map = iom_param_map(fn, arg);
	struct state *in;
	unsigned kinds;

	if (map < 0 || !writes_map(fn, map))
		return 0;
	/* Only for this solve: receive() gives every map its real entry. */
	fn->maps[map].entry = K_UNINIT;
	in = iom_solve(fn);
	fn->maps[map].entry = 0;
	if (!in) {
		fn->error[0] = 0;	/* the real analysis reports its own trouble */
		return K_SYS | K_IO;
	}
	kinds = iom_exit_kinds(fn, in, map) & (K_SYS | K_IO);
	iom_states_free(fn, in);
	return kinds;
}

static void add_summary(struct iom_unit *u, struct iom_func *fn, int arg)
{
	struct summary *ns;

	if (find_summary(u, fn->name, arg))
		return;
	ns = (struct summary *)iom_grow(u->sum, u->nr_sum, sizeof(*ns));
	if (!ns)
		return;
	u->sum = ns;
	ns = &u->sum[u->nr_sum];
	ns->fn = iom_strdup(fn->name);
	ns->arg = arg;
	ns->kinds = filled_kinds(fn, arg);
	ns->external = fn->external;
	ns->where = fn->where;
	if (ns->fn)
		u->nr_sum++;
}

static int seen(const struct iom_unit *u, const char *name)
{
	for (int i = 0; i < u->nr_seen; i++)
		if (!strcmp(u->seen[i], name))
			return 1;
	return 0;
}

/* Does the function return only tracked values, or pass a tracked value
 * next to a pointer to a function of the unit?  Only then is a solve worth
 * it. */
static int flags_may_move(const struct iom_func *fn)
{
	int returns = 0, other_return = 0;

	/* In any order of events: a call found after a return of something
	 * else counts the same as one found before it. */
	for (int i = 0; i < fn->nr_ev; i++) {
		const struct event *e = &fn->ev[i];
		int value = 0, map = 0;

		if (e->op == EV_RETURN) {
			other_return |= e->value < 0;
			returns = 1;
		}
		for (int k = 0; e->op == EV_CALL && k < e->nr_args; k++) {
			value |= e->args[k].value >= 0;
			map |= e->args[k].path >= 0;
			/* a map handed to a function of the unit: its kind there */
			if (e->args[k].map >= 0)
				return 1;
		}
		if (value && map)
			return 1;
	}
	return returns && !other_return;
}

static const struct ret_summary *find_ret(const struct iom_unit *u, const char *fn)
{
	for (int i = 0; i < u->nr_rets; i++)
		if (!strcmp(u->rets[i].fn, fn))
			return &u->rets[i];
	return NULL;
}

static int summarised_clobbers(struct iom_unit *u, struct iom_func *fn, int final);

/* The flag the function returns, and what its calls pass (summary.c). */
static void summarise_flags(struct iom_unit *u, struct iom_func *fn)
{
	struct state *in;
	struct flag_source src;

	in = flags_may_move(fn) ? iom_solve(fn) : NULL;

	if (!in)
		fn->error[0] = 0;	/* the real analysis reports its own trouble */
	if (in && iom_returns_flag(fn, in, &src)) {
		struct ret_summary *nr = (struct ret_summary *)iom_grow(u->rets, u->nr_rets,
									   sizeof(*nr));

		if (nr) {
			u->rets = nr;
			nr[u->nr_rets].fn = iom_strdup(fn->name);
			nr[u->nr_rets].src = src;
			if (nr[u->nr_rets].fn)
				u->nr_rets++;
		}
	}
	iom_call_sites(fn, in, &u->sites, &u->nr_sites);
	iom_states_free(fn, in);
}

static void summarise(struct iom_unit *u, struct iom_func *fn)
{
	char **ns;

	/* Calls to functions summarised already count as they will in the
	 * analysis, in every solve: values keep what each solve found (they
	 * only grow), so the solves must agree on what writes a map. */
	summarised_clobbers(u, fn, 0);
	ns = (char **)iom_grow(u->seen, u->nr_seen, sizeof(char *));

	if (ns) {
		u->seen = ns;
		u->seen[u->nr_seen] = iom_strdup(fn->name);
		if (u->seen[u->nr_seen])
			u->nr_seen++;
	}
	/* Out-parameters: what a call from this unit leaves in the map it hands
	 * over (a static helper that does iosys_map_set_vaddr(map, buf)). */
	for (int a = 1; a <= fn->nr_params; a++)
		if (iom_param_map(fn, a) >= 0)
			add_summary(u, fn, a);
	for (int i = 0; i < u->nr_bind; i++) {
		const struct binding *b = &u->bind[i];

		if (b->role == 0 && !strcmp(b->fn, fn->name))
			add_summary(u, fn, iom_rules_pair_at(u->rules, b->pair)->arg[0]);
	}
	summarise_flags(u, fn);
}

/* ---- receivers -------------------------------------------------------------- */

static const struct binding *filler_of(const struct iom_unit *u, const struct binding *r)
{
	for (int i = 0; i < u->nr_bind; i++)
		if (u->bind[i].instance == r->instance && u->bind[i].pair == r->pair &&
		    u->bind[i].role == 0)
			return &u->bind[i];
	return NULL;
}

/* Both kinds and no filler to name: an initialiser without a fact was seen. */
static int spoiled(const struct map *m)
{
	return m->entry == (K_SYS | K_IO) && !m->filler[0].from && !m->filler[1].from;
}

/*
 * Give each map the function receives from a paired filler its entry kinds.
 * Every initialiser that names the function must agree to a fact: one
 * without a filler, or a filler that sets nothing, leaves the map unknown.
 * Returns 1 when a filler has not been analysed yet and 'final' is not set.
 */
static int receive(struct iom_unit *u, struct iom_func *fn, int final)
{
	for (int m = 0; m < fn->nr_maps; m++) {
		if (fn->maps[m].entry_why)
			continue;	/* what every call passes (apply_entry_kinds) */
		fn->maps[m].entry = 0;
		memset(fn->maps[m].filler, 0, sizeof(fn->maps[m].filler));
	}
	for (int i = 0; i < u->nr_bind; i++) {
		const struct binding *r = &u->bind[i], *f;
		const struct iom_pair *pr;
		const struct summary *s;
		int map;

		if (r->role != 1 || strcmp(r->fn, fn->name))
			continue;
		pr = iom_rules_pair_at(u->rules, r->pair);
		map = iom_param_map(fn, pr->arg[1]);
		if (map < 0)
			continue;
		f = filler_of(u, r);
		s = f ? find_summary(u, f->fn, pr->arg[0]) : NULL;
		if (f && !s && !final)
			return 1;
		if (!s || !s->kinds) {
			/* One initialiser without a fact spoils the others'. */
			fn->maps[map].entry = K_SYS | K_IO;
			memset(fn->maps[map].filler, 0, sizeof(fn->maps[map].filler));
			continue;
		}
		if (spoiled(&fn->maps[map]))
			continue;
		fn->maps[map].entry |= (unsigned char)s->kinds;
		fn->maps[map].entry_ops = iom_func_strdup(fn, pr->ops);
		for (int k = 0; k < K_NR; k++) {
			if (!(s->kinds & (1u << k)) || fn->maps[map].filler[k].from)
				continue;
			fn->maps[map].filler[k].from = iom_func_strdup(fn, s->fn);
			fn->maps[map].filler[k].kinds = s->kinds;
			fn->maps[map].filler[k].where = s->where;
		}
	}
	return 0;
}

/*
 * A call to a helper that returns the flag of a map it is handed: the
 * result is that flag, read where the call returns (the load takes the
 * call's place).  Returns 1 when made.
 */
static int returned_flag(struct iom_func *fn, struct event *e, const struct ret_summary *r)
{
	const struct flag_source *src = &r->src;
	char expr[300];
	int map;

	if (src->arg > e->nr_args || e->args[src->arg - 1].path < 0)
		return 0;
	map = iom_flag_source_map(fn, src, e->args[src->arg - 1].path);
	if (map < 0)
		return 0;
	iom_member_expr(fn, map, IOM_MEMBER_FLAG, expr, sizeof(expr));
	e->via = e->name;
	e->op = EV_LOAD;
	e->sub = IOM_MEMBER_FLAG;
	e->map = map;
	e->negate = src->negated;
	e->name = iom_func_strdup(fn, expr);
	return 1;
}

/* Maps made after a solve: clobbers find the maps under their path again. */
static void clobbers_again(struct iom_func *fn)
{
	for (int i = 0; i < fn->nr_ev; i++)
		if (fn->ev[i].op == EV_CLOBBER) {
			free(fn->ev[i].maps_of);
			fn->ev[i].maps_of = NULL;
			fn->ev[i].nr_maps = 0;
		}
}

/*
 * Clobbers by calls to functions of this unit: the callee's summary says
 * what it leaves in the map an argument points to.  Returns 1 when a callee
 * has not been analysed yet and 'final' is not set; at the end, a callee
 * never analysed (recursion, or it never touches a map) leaves the call as
 * any other call.
 */
static int summarised_clobbers(struct iom_unit *u, struct iom_func *fn, int final)
{
	for (int i = 0; i < fn->nr_ev; i++) {
		struct event *e = &fn->ev[i];
		const struct summary *s;

		if (e->op != EV_CLOBBER || !e->callee_here || e->summarised)
			continue;
		if (!strcmp(e->name, fn->name))
			continue;	/* a recursive call knows nothing more */
		s = find_summary(u, e->name, e->argno);
		if (!s && !final && !seen(u, e->name))
			return 1;
		if (!s)
			continue;
		e->summarised = 1;
		e->sum_kinds = (unsigned char)s->kinds;
	}
	return 0;
}

/* Calls to functions of this unit: flags they return, maps they write.
 * Returns 1 while a callee has not been analysed yet and 'final' is not set. */
static int calls_here(struct iom_unit *u, struct iom_func *fn, int final)
{
	for (int i = 0; i < fn->nr_ev; i++) {
		struct event *e = &fn->ev[i];
		const struct ret_summary *r;

		if (e->op != EV_CALL || e->value < 0 || !strcmp(e->name, fn->name))
			continue;
		r = find_ret(u, e->name);
		if (!r && !final && !seen(u, e->name))
			return 1;
		if (r && returned_flag(fn, e, r))
			clobbers_again(fn);
	}
	return summarised_clobbers(u, fn, final);
}

/* ---- facts of other files ---------------------------------------------------- */

/* Is a map of the function at or under 'path' (what a call can write)? */
static int reaches_map(const struct iom_func *fn, int path)
{
	for (int m = 0; m < fn->nr_maps; m++)
		if (iom_path_under(fn, fn->maps[m].path, path))
			return 1;
	return 0;
}

static void need(struct iom_unit *u, const char *name)
{
	char **nn;

	for (int i = 0; i < u->nr_needs; i++)
		if (!strcmp(u->needs[i], name))
			return;
	nn = (char **)iom_grow(u->needs, u->nr_needs, sizeof(*nn));
	if (!nn)
		return;
	u->needs = nn;
	nn[u->nr_needs] = iom_strdup(name);
	if (nn[u->nr_needs])
		u->nr_needs++;
}

/*
 * Calls to functions of other files: what a fact file says the callee
 * leaves in the map an argument points to.  Only for the analysis, never
 * for this unit's own summaries (summarise() runs first), so that a file's
 * facts depend on that file alone.
 */
/* The kinds a unit's own driver declaration says (0: none, or unknown). */
static unsigned own_backend(const struct iom_unit *u)
{
	if (!u->declares_driver || u->unknown_backend)
		return 0;
	return (u->backend & IOM_EFF_SET_SYSTEM ? K_SYS : 0) | (u->backend & IOM_EFF_SET_IO ? K_IO : 0);
}

/*
 * The memory kind the DRM driver the function belongs to maps (rules
 * "backend"): the unit's own struct drm_driver, else those the facts know
 * in the folder of the function's file.  0: not known.  *from says where.
 */
static unsigned driver_kinds(struct iom_unit *u, const struct iom_func *fn,
			     const struct iom_options *opt, char *from, size_t len)
{
	const char *file;
	unsigned kinds;

	if (u->declares_driver) {
		snprintf(from, len, "%s", fn->where.file ? iom_shown_path(fn->where.file) : "here");
		return own_backend(u);
	}
	u->asked_driver = 1;	/* asked, even of no facts: a later run will have them */
	if (!opt->facts || !fn->where.file)
		return 0;
	if (strcmp(u->folder_of, fn->where.file)) {
		snprintf(u->folder_of, sizeof(u->folder_of), "%s", fn->where.file);
		if (!realpath(fn->where.file, u->folder))
			u->folder[0] = 0;
	}
	if (!u->folder[0])
		return 0;
	kinds = iom_facts_driver(opt->facts, u->folder, &file);
	if (kinds)
		snprintf(from, len, "%s", iom_shown_path(file));
	return kinds;
}

/* Is the map at 'path' (an element of) a member the rules give the driver
 * ("driver-member": a shadow plane's maps)? */
static int driver_member(const struct iom_unit *u, const struct iom_func *fn, int path)
{
	while (path >= 0 && (fn->paths[path].step == PATH_INDEX ||
			     fn->paths[path].step == PATH_ANY_INDEX))
		path = fn->paths[path].parent;
	if (path < 0 || fn->paths[path].step != PATH_MEMBER || !fn->paths[path].container)
		return 0;
	return iom_rules_driver_member(u->rules, fn->paths[path].container,
				       strrchr(fn->paths[path].key, '.') + 1);
}

/*
 * What the driver's GEM backend says: maps its producers fill through the
 * driver's own objects ("driver-fills") and maps of the members the rules
 * name ("driver-member") are of its kind.
 */
static void driver_facts(struct iom_unit *u, struct iom_func *fn, const struct iom_options *opt)
{
	char from[4200], why[4400];
	unsigned kinds = 0;
	int asked = 0;

	for (int i = 0; i < fn->nr_ev; i++) {
		struct event *e = &fn->ev[i];

		if (e->op != EV_CLOBBER || !e->cause || e->summarised || !e->name ||
		    !iom_rules_driver_fills(u->rules, e->name, e->argno))
			continue;
		if (!asked++)
			kinds = driver_kinds(u, fn, opt, from, sizeof(from));
		if (!kinds)
			return;
		snprintf(why, sizeof(why), "the GEM backend of the driver declared in %s", from);
		/* every element of an array of maps (drm_gem_fb_vmap's planes) */
		e->sum_whole = 1;
		e->summarised = 1;
		e->sum_kinds = (unsigned char)kinds;
		e->sum_from = iom_func_strdup(fn, why);
	}
	for (int m = 0; m < fn->nr_maps; m++) {
		struct map *map = &fn->maps[m];

		if (map->origin == IOM_MAP_LOCAL || map->entry || !driver_member(u, fn, map->path))
			continue;
		if (!asked++)
			kinds = driver_kinds(u, fn, opt, from, sizeof(from));
		if (!kinds)
			return;
		snprintf(why, sizeof(why), "a map of 'struct %s', filled by the GEM backend of the "
			 "driver declared in %s", fn->paths[map->path].container ?
			 fn->paths[map->path].container : "?", from);
		map->entry = (unsigned char)kinds;
		map->entry_why = iom_func_strdup(fn, why);
	}
}

/*
 * Calls to functions of other files: what a fact file says the callee
 * leaves in the map an argument points to.  Only for the analysis, never
 * for this unit's own summaries (summarise() runs first), so that a file's
 * facts depend on that file alone.  A producer is the rules' business.
 */
static void external_facts(struct iom_unit *u, struct iom_func *fn, const struct iom_options *opt)
{
	char why[4200];

	for (int i = 0; i < fn->nr_ev; i++) {
		struct event *e = &fn->ev[i];
		const char *from;
		unsigned kinds;

		if (e->op != EV_CLOBBER || e->callee_here || e->cause || e->summarised ||
		    e->argno < 1 || !e->name || !reaches_map(fn, e->path))
			continue;
		need(u, e->name);
		if (!opt->facts || !iom_facts_lookup(opt->facts, e->name, e->argno, &kinds, &from))
			continue;
		snprintf(why, sizeof(why), "summary of %s", iom_shown_path(from));
		e->summarised = 1;
		e->sum_kinds = (unsigned char)kinds;
		e->sum_from = iom_func_strdup(fn, why);
	}
	driver_facts(u, fn, opt);
}

int iom_unit_facts(struct iom_unit *u, const char *source, struct iom_facts *into,
		   char *err, size_t errlen)
{
	int unit = iom_facts_begin_unit(into, source, err, errlen);

	if (unit < 0)
		return -1;
	for (int i = 0; i < u->nr_sum; i++)
		if (u->sum[i].external &&
		    iom_facts_add(into, unit, u->sum[i].fn, u->sum[i].arg, u->sum[i].kinds)) {
			snprintf(err, errlen, "%s: error: out of memory for its facts", source);
			return -1;
		}
	for (int i = 0; i < u->nr_needs; i++)
		if (iom_facts_add_use(into, unit, u->needs[i])) {
			snprintf(err, errlen, "%s: error: out of memory for its facts", source);
			return -1;
		}
	if (u->declares_driver)
		iom_facts_set_driver(into, unit, own_backend(u) ? (int)own_backend(u) : DRIVER_OTHER);
	if (u->asked_driver)
		iom_facts_set_uses_driver(into, unit);
	return 0;
}

int iom_unit_save_facts(struct iom_unit *u, const char *source, const char *dir,
			char *err, size_t errlen)
{
	struct iom_facts *f = iom_facts_new();
	int ret = -1;

	if (!f)
		snprintf(err, errlen, "%s: error: out of memory for its facts", source);
	else if (!u->nr_sum && !u->nr_needs && !u->declares_driver && !u->asked_driver)
		ret = 0;	/* nothing to say: no file, as for a file without maps */
	else if (!iom_unit_facts(u, source, f, err, errlen))
		ret = iom_facts_save_in(f, source, dir, err, errlen);
	iom_facts_free(f);
	return ret;
}

/* ---- guards: a flag every caller passes ------------------------------------ */

/* A function the unit sees every call of, with a bool parameter or a map
 * parameter: what every call passes in it may be known. */
static int guard_candidate(const struct iom_func *fn)
{
	if (fn->direct_calls < 1 || fn->error[0])
		return 0;
	for (int k = 0; k < 16; k++)
		if (fn->param_value[k] >= 0)
			return 1;
	for (int a = 1; a <= fn->nr_params; a++)
		if (iom_param_map(fn, a) >= 0)
			return 1;
	return 0;
}

/*
 * A map parameter every call of the unit hands a map of known kinds: it
 * enters with those kinds (a caller that set it, or tested its flag and
 * rejected I/O memory, before the call).  Nothing when a call passes
 * anything else, or the unit did not see every call.
 */
static void apply_entry_kinds(struct iom_unit *u, struct iom_func *fn)
{
	for (int a = 1; a <= fn->nr_params && a <= MAX_SITE_ARGS; a++) {
		int map = iom_param_map(fn, a), calls = 0;
		unsigned kinds = 0;
		char why[200];

		if (map < 0 || fn->maps[map].entry)
			continue;
		for (int i = 0; i < u->nr_sites && kinds != (K_SYS | K_IO); i++) {
			const struct call_site *c = &u->sites[i];

			if (strcmp(c->callee, fn->name))
				continue;
			calls++;
			kinds |= a <= c->nr_args && c->kinds[a - 1] ? c->kinds[a - 1] : K_SYS | K_IO;
		}
		if (calls != fn->direct_calls || !kinds || kinds == (K_SYS | K_IO))
			continue;
		fn->maps[map].entry = (unsigned char)kinds;
		snprintf(why, sizeof(why), "every call of '%s' passes %s in it", fn->name,
			 kinds == K_SYS ? "system memory" : "I/O memory");
		fn->maps[map].entry_why = iom_func_strdup(fn, why);
	}
}

/*
 * Parameter k + 1 is the flag of the map parameter j points to (or of a map
 * inside that object, by the same steps) when every call of the function
 * passes it so, and the unit has seen every call (the front end's count: a
 * call from a function that was not analysed, or one through a pointer,
 * spoils it).
 */
static void apply_guards(struct iom_unit *u, struct iom_func *fn)
{
	for (int k = 0; k < 16; k++) {
		const struct call_site *first = NULL;
		int calls = 0, ok = 1, map;

		if (fn->param_value[k] < 0)
			continue;
		for (int i = 0; i < u->nr_sites && ok; i++) {
			const struct call_site *c = &u->sites[i];

			if (strcmp(c->callee, fn->name))
				continue;
			calls++;
			if (k >= c->nr_args || !c->flag[k])
				ok = 0;
			else if (!first)
				first = c;
			else if (c->flag[k] != first->flag[k] || c->negated[k] != first->negated[k] ||
				 c->type[k] != first->type[k] || !c->under[k] != !first->under[k] ||
				 (c->under[k] && strcmp(c->under[k], first->under[k])))
				ok = 0;
		}
		if (!ok || !first || calls != fn->direct_calls)
			continue;
		map = iom_site_map(fn, first->flag[k], first->under[k], first->type[k]);
		if (map >= 0)
			iom_entry_flag(fn, fn->param_value[k], map, first->negated[k], fn->name,
				       k < fn->nr_params ? fn->params[k] : NULL);
	}
}

static int hold(struct iom_unit *u, struct iom_func *fn, const struct iom_options *opt,
		iom_report_fn cb, void *ctx, int guard)
{
	struct held *nh = (struct held *)iom_grow(u->held, u->nr_held, sizeof(*nh));

	if (!nh)
		return 0;
	u->held = nh;
	nh = &u->held[u->nr_held++];
	nh->fn = fn;
	nh->guard = guard;
	nh->opt = *opt;
	nh->cb = cb;
	nh->ctx = ctx;
	return 1;
}

/* Does the function hand a map to a function of the unit? */
static int hands_maps(const struct iom_func *fn)
{
	for (int i = 0; i < fn->nr_ev; i++)
		for (int k = 0; fn->ev[i].op == EV_CALL && k < fn->ev[i].nr_args; k++)
			if (fn->ev[i].args[k].map >= 0)
				return 1;
	return 0;
}

/*
 * The maps the function hands to functions of the unit, with all it knows
 * now (other files' facts, its own entry kinds): its call sites again, for
 * the callees that take their entry kinds from every call.
 */
static void record_calls_again(struct iom_unit *u, struct iom_func *fn)
{
	struct state *in;
	int kept = 0;

	if (!hands_maps(fn) || !(in = iom_solve(fn))) {
		fn->error[0] = 0;	/* the real analysis reports its own trouble */
		return;
	}
	for (int i = 0; i < u->nr_sites; i++) {
		if (!strcmp(u->sites[i].caller, fn->name))
			iom_call_site_free(&u->sites[i]);
		else
			u->sites[kept++] = u->sites[i];
	}
	u->nr_sites = kept;
	iom_call_sites(fn, in, &u->sites, &u->nr_sites);
	iom_states_free(fn, in);
}

static int analyse(struct iom_unit *u, struct iom_func *fn, const struct iom_options *opt,
		   iom_report_fn cb, void *ctx, int final)
{
	if (receive(u, fn, final) | calls_here(u, fn, final)) {
		if (hold(u, fn, opt, cb, ctx, 0))
			return IOM_DEFERRED;
		receive(u, fn, 1);
		calls_here(u, fn, 1);
	}
	external_facts(u, fn, opt);
	record_calls_again(u, fn);
	return iom_func_end(fn, opt, cb, ctx);
}

void iom_unit_summarise(struct iom_unit *u, struct iom_func *fn)
{
	if (!fn->error[0])
		summarise(u, fn);
}

/* Is one of the functions the unit holds unsummarised called 'name'? */
static int pending(const struct iom_unit *u, const char *name)
{
	for (int i = 0; i < u->nr_held; i++)
		if (u->held[i].fn && u->held[i].pending && !strcmp(u->held[i].fn->name, name))
			return 1;
	return 0;
}

/*
 * Does the function call a function of the unit whose summaries are not
 * known yet?  Before the end of the unit any callee not summarised may
 * still come; at the end (at_end) only those the unit holds unsummarised
 * will: a callee never analysed (it touches no map) stays a plain call.
 */
static int waits_for_callee(const struct iom_unit *u, const struct iom_func *fn, int at_end)
{
	for (int i = 0; i < fn->nr_ev; i++) {
		const struct event *e = &fn->ev[i];

		if (!((e->op == EV_CLOBBER && e->callee_here) || (e->op == EV_CALL && e->value >= 0)) ||
		    !e->name || !strcmp(e->name, fn->name) || seen(u, e->name))
			continue;
		if (!at_end || pending(u, e->name))
			return 1;
	}
	return 0;
}

int iom_unit_analyse(struct iom_unit *u, struct iom_func *fn, const struct iom_options *opt,
		     iom_report_fn cb, void *ctx)
{
	/* A summary made before its callees' would say "unknown" for every
	 * call to them: it waits for them, callees first (iom_unit_finish). */
	if (!fn->error[0] && waits_for_callee(u, fn, 0)) {
		if (hold(u, fn, opt, cb, ctx, guard_candidate(fn))) {
			u->held[u->nr_held - 1].pending = 1;
			return IOM_DEFERRED;
		}
		summarise(u, fn);
	} else if (!fn->error[0]) {
		summarise(u, fn);
	}
	/* Its callers may come later: wait for the end of the unit. */
	if (guard_candidate(fn) && hold(u, fn, opt, cb, ctx, 1))
		return IOM_DEFERRED;
	return analyse(u, fn, opt, cb, ctx, 0);
}

/* Is the function called by another the unit still holds? */
static int called_by_held(const struct iom_unit *u, const struct iom_func *fn)
{
	for (int i = 0; i < u->nr_sites; i++) {
		const struct call_site *c = &u->sites[i];

		if (strcmp(c->callee, fn->name) || !strcmp(c->caller, fn->name))
			continue;
		for (int j = 0; j < u->nr_held; j++)
			if (u->held[j].fn && !strcmp(u->held[j].fn->name, c->caller))
				return 1;
	}
	return 0;
}

/* Analyse one held function (what its callers pass first, for one that
 * waited for them) and free it.  Returns its findings. */
static int finish_one(struct iom_unit *u, struct held *h, iom_unit_done_fn done, void *ctx)
{
	int n;

	if (h->guard) {
		apply_guards(u, h->fn);
		apply_entry_kinds(u, h->fn);
	}
	n = analyse(u, h->fn, &h->opt, h->cb, h->ctx, 1);
	if (done)
		done(h->fn, n, ctx);
	iom_func_free(h->fn);
	h->fn = NULL;
	return n > 0 ? n : 0;
}

/* The summaries that waited: callees before callers, then what a cycle
 * leaves with what is known. */
static void summarise_held(struct iom_unit *u)
{
	for (int progress = 1; progress; ) {
		progress = 0;
		for (int i = 0; i < u->nr_held; i++) {
			struct held *h = &u->held[i];

			if (h->fn && h->pending && !waits_for_callee(u, h->fn, 1)) {
				h->pending = 0;
				summarise(u, h->fn);
				progress = 1;
			}
		}
	}
	for (int i = 0; i < u->nr_held; i++)
		if (u->held[i].fn && u->held[i].pending) {
			u->held[i].pending = 0;
			summarise(u, u->held[i].fn);
		}
}

int iom_unit_finish(struct iom_unit *u, iom_unit_done_fn done, void *ctx)
{
	int total = 0;

	summarise_held(u);
	/* Every filler is summarised now, and every call site was recorded:
	 * the others first, then the functions that wait for their callers,
	 * each after the held functions that call it (their call sites are
	 * recorded again when they are analysed); a cycle takes what is known. */
	for (int i = 0; i < u->nr_held; i++)
		if (!u->held[i].guard)
			total += finish_one(u, &u->held[i], done, ctx);
	for (;;) {
		int progress = 0, left = 0;

		for (int i = 0; i < u->nr_held; i++)
			if (u->held[i].fn && !called_by_held(u, u->held[i].fn)) {
				total += finish_one(u, &u->held[i], done, ctx);
				progress = 1;
			}
		for (int i = 0; i < u->nr_held; i++)
			left |= u->held[i].fn != NULL;
		if (!left)
			break;
		for (int i = 0; !progress && i < u->nr_held; i++)
			if (u->held[i].fn) {
				total += finish_one(u, &u->held[i], done, ctx);
				progress = 1;
			}
	}
	u->nr_held = 0;
	return total;
}
