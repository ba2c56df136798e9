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
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "func.h"

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
	struct iom_where where;
};

struct held {
	struct iom_func *fn;
	struct iom_options opt;
	iom_report_fn cb;
	void *ctx;
};

struct iom_unit {
	const struct iom_rules *rules;
	struct binding *bind;
	int nr_bind;
	struct summary *sum;
	int nr_sum;
	struct held *held;
	int nr_held;
	char **seen;			/* functions summarised so far */
	int nr_seen;
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
	free(u->seen);
	free(u->bind);
	free(u->sum);
	free(u->held);
	free(u);
}

void iom_unit_bind(struct iom_unit *u, int instance, const char *ops, const char *field,
		   const char *fn)
{
	if (!ops || !field || !fn)
		return;
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

static void summarise(struct iom_unit *u, struct iom_func *fn)
{
	char **ns = (char **)iom_grow(u->seen, u->nr_seen, sizeof(char *));

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
 * Calls to functions of this unit: the callee's summary says what it leaves
 * in the map an argument points to.  Returns 1 when a callee has not been
 * analysed yet and 'final' is not set; at the end, a callee never analysed
 * (recursion, or it never touches a map) leaves the call as any other call.
 */
static int calls_here(struct iom_unit *u, struct iom_func *fn, int final)
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

static int analyse(struct iom_unit *u, struct iom_func *fn, const struct iom_options *opt,
		   iom_report_fn cb, void *ctx, int final)
{
	struct held *nh;

	if (receive(u, fn, final) | calls_here(u, fn, final)) {
		nh = (struct held *)iom_grow(u->held, u->nr_held, sizeof(*nh));
		if (nh) {
			u->held = nh;
			nh = &u->held[u->nr_held++];
			nh->fn = fn;
			nh->opt = *opt;
			nh->cb = cb;
			nh->ctx = ctx;
			return IOM_DEFERRED;
		}
		receive(u, fn, 1);
		calls_here(u, fn, 1);
	}
	return iom_func_end(fn, opt, cb, ctx);
}

int iom_unit_analyse(struct iom_unit *u, struct iom_func *fn, const struct iom_options *opt,
		     iom_report_fn cb, void *ctx)
{
	if (!fn->error[0])
		summarise(u, fn);
	return analyse(u, fn, opt, cb, ctx, 0);
}

int iom_unit_finish(struct iom_unit *u, iom_unit_done_fn done, void *ctx)
{
	int total = 0;

	/* Every filler was summarised when it arrived: one pass is enough. */
	for (int i = 0; i < u->nr_held; i++) {
		struct held *h = &u->held[i];
		int n = analyse(u, h->fn, &h->opt, h->cb, h->ctx, 1);

		if (done)
			done(h->fn, n, ctx);
		if (n > 0)
			total += n;
		iom_func_free(h->fn);
		h->fn = NULL;
	}
	u->nr_held = 0;
	return total;
}
