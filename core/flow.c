/*
 * flow.c - the dataflow: map states along the control-flow graph.
 *
 * A map's state is a set of memory kinds (system, I/O, uninitialised),
 * joined by union where paths meet.  Besides the kinds, each map carries a
 * generation: the event that last wrote it.  A derived pointer remembers the
 * generation it was loaded under, so a later test of the same, unchanged map
 * refines the pointer as well.
 *
 * Values (derived pointers and flag copies) are single-assignment, so their
 * facts live in one table for the whole function and only ever grow.  The
 * solver is a round-robin over reverse postorder until nothing changes; every
 * part of the state only grows, so it terminates, and a generous bound on the
 * rounds turns any bug into a skipped function instead of a hung compiler.
 */
#include <stdlib.h>
#include <string.h>

#include "func.h"

#define MARKER(b)	(-2 - (b))	/* generation of a join at block b */

void iom_state_alloc(const struct iom_func *fn, struct state *s)
{
	s->reachable = 0;
	s->m = (struct mstate *)calloc(fn->nr_maps ? fn->nr_maps : 1, sizeof(*s->m));
}

void iom_state_copy(const struct iom_func *fn, struct state *dst, const struct state *src)
{
	dst->reachable = src->reachable;
	memcpy(dst->m, src->m, fn->nr_maps * sizeof(*src->m));
}

static void set_all_why(struct mstate *m, int why)
{
	for (int k = 0; k < K_NR; k++)
		m->why[k] = why;
}

static void entry_state(const struct iom_func *fn, struct state *s)
{
	s->reachable = 1;
	for (int i = 0; i < fn->nr_maps; i++) {
		struct mstate *m = &s->m[i];

		if (fn->maps[i].entry)
			m->bits = fn->maps[i].entry;
		else
			m->bits = fn->maps[i].origin == IOM_MAP_LOCAL ? K_UNINIT : K_SYS | K_IO;
		m->gen = ENTRY_WHY(i);
		m->lastptr = -1;
		set_all_why(m, ENTRY_WHY(i));
	}
}

/* ---- values --------------------------------------------------------------- */

static int join_value(struct value *dst, const struct value *src)
{
	struct value old = *dst;

	if (src->kind == VAL_NONE)
		return 0;
	if (dst->kind == VAL_NONE) {
		*dst = *src;
		return 1;
	}
	if (dst->map != src->map)
		dst->map = MAP_MIXED;
	if (dst->gen != src->gen)
		dst->gen = GEN_NONE;
	if (dst->negated != src->negated)
		dst->map = MAP_MIXED;	/* a flag that is both x and !x says nothing */
	dst->sys_bits |= src->sys_bits;
	dst->io_bits |= src->io_bits;
	dst->mem |= src->mem;
	dst->direct &= src->direct;
	for (int k = 0; k < K_NR; k++)
		if (dst->why[k] == -1)
			dst->why[k] = src->why[k];
	return dst->map != old.map || dst->gen != old.gen || dst->sys_bits != old.sys_bits ||
	       dst->io_bits != old.io_bits || dst->mem != old.mem || dst->direct != old.direct ||
	       dst->kind != old.kind;
}

static void load_value(struct iom_func *fn, struct state *s, const struct event *e, int idx)
{
	const struct mstate *m = &s->m[e->map];
	struct value v;

	memset(&v, 0, sizeof(v));
	v.map = e->map;
	v.gen = m->gen;
	v.load = idx;
	v.direct = 1;
	memcpy(v.why, m->why, sizeof(v.why));
	if (e->sub == IOM_MEMBER_FLAG) {
		v.kind = VAL_FLAG;
		v.negated = e->negate;
	} else {
		v.kind = VAL_PTR;
		if (e->sub == IOM_MEMBER_SYS)
			v.sys_bits = m->bits & (K_SYS | K_IO);
		else
			v.io_bits = m->bits & (K_SYS | K_IO);
	}
	fn->changed_values |= join_value(&fn->val[e->value], &v);
}

static const unsigned char kind_bits[] = {
	[IOM_KIND_SYSTEM] = K_SYS,
	[IOM_KIND_IO] = K_IO,
	[IOM_KIND_UNKNOWN] = K_SYS | K_IO,
	[IOM_KIND_UNINIT] = K_UNINIT,
};

/* A pointer from ioremap() or kmalloc(): no map, but a known kind of memory. */
static void memory_value(struct iom_func *fn, const struct event *e, int idx)
{
	struct value v;

	memset(&v, 0, sizeof(v));
	v.kind = VAL_PTR;
	v.map = -1;
	v.gen = GEN_NONE;
	v.load = idx;
	v.mem = kind_bits[e->sub];
	for (int k = 0; k < K_NR; k++)
		v.why[k] = -1;
	fn->changed_values |= join_value(&fn->val[e->value], &v);
}

static void derive_value(struct iom_func *fn, const struct event *e)
{
	struct value v = fn->val[e->value2];

	if (v.kind == VAL_NONE)
		return;
	if (e->sub == IOM_DER_OFFSET)
		v.direct = 0;
	if (e->sub == IOM_DER_NOT) {
		if (v.kind != VAL_FLAG)
			return;
		v.negated ^= 1;
	}
	fn->changed_values |= join_value(&fn->val[e->value], &v);
}

void iom_effective(const struct state *s, const struct value *v,
		   unsigned *sys, unsigned *io)
{
	unsigned mask = K_SYS | K_IO;

	if (v->map >= 0 && v->gen != GEN_NONE && s->m[v->map].gen == v->gen)
		mask = s->m[v->map].bits;
	*sys = v->sys_bits & mask;
	*io = v->io_bits & mask;
}

/* ---- transfer functions, one per event ------------------------------------- */


static void write_map(struct mstate *m, unsigned bits, int idx)
{
	m->bits = (unsigned char)bits;
	m->gen = idx;
	m->lastptr = -1;
	set_all_why(m, idx);
}

static void tf_set(struct iom_func *fn, struct state *s, const struct event *e, int idx)
{
	(void)fn;
	write_map(&s->m[e->map], kind_bits[e->sub], idx);
}

static void tf_copy(struct iom_func *fn, struct state *s, const struct event *e, int idx)
{
	struct mstate src = s->m[e->value2];

	(void)fn;
	s->m[e->map] = src;
	s->m[e->map].gen = idx;
	s->m[e->map].lastptr = -1;
}

static void tf_clobber(struct iom_func *fn, struct state *s, const struct event *e, int idx)
{
	for (int i = 0; i < e->nr_maps; i++) {
		int m = e->maps_of[i];

		/* What the unit knows the callee leaves in the map it is handed;
		 * maps further inside the object stay unknown. */
		if (e->summarised && (fn->maps[m].path == e->path || e->sum_whole)) {
			if (e->sum_kinds)
				write_map(&s->m[m], e->sum_kinds, idx);
			continue;
		}
		write_map(&s->m[m], K_SYS | K_IO, idx);
	}
}

static void tf_load(struct iom_func *fn, struct state *s, const struct event *e, int idx)
{
	load_value(fn, s, e, idx);
}

static void tf_derive(struct iom_func *fn, struct state *s, const struct event *e, int idx)
{
	(void)s;
	(void)idx;
	derive_value(fn, e);
}

static void tf_memory(struct iom_func *fn, struct state *s, const struct event *e, int idx)
{
	(void)s;
	memory_value(fn, e, idx);
}

/*
 * A load from a slot is every value stored there (values are joined over the
 * whole function, like a local assigned several times): flags from any
 * slot, pointers only from private locals (iom_slot_store).
 */
static void tf_slot_load(struct iom_func *fn, struct state *s, const struct event *e, int idx)
{
	int private_slot = iom_path_in_private(fn, e->path);

	(void)s;
	(void)idx;
	for (int i = 0; i < fn->nr_ev; i++) {
		const struct event *st = &fn->ev[i];
		const struct value *v;

		if (st->op != EV_SLOT_STORE || st->path != e->path)
			continue;
		v = &fn->val[st->value];
		if (v->kind == VAL_FLAG || (v->kind == VAL_PTR && private_slot)) {
			struct value copy = *v;

			fn->changed_values |= join_value(&fn->val[e->value], &copy);
		}
	}
}

static void tf_write(struct iom_func *fn, struct state *s, const struct event *e, int idx)
{
	static const unsigned char flag_bits[] = { K_SYS | K_IO, K_SYS, K_IO };
	struct mstate *m = &s->m[e->map];

	(void)fn;
	if (e->sub == IOM_MEMBER_FLAG) {
		write_map(m, flag_bits[e->flag_const + 1], idx);
		return;
	}
	/* The kind stays until the flag is written; the pointer is new. */
	m->gen = idx;
	m->lastptr = e->value;
}

static void tf_kill(struct iom_func *fn, struct state *s, const struct event *e, int idx)
{
	(void)fn;
	(void)e;
	(void)idx;
	s->reachable = 0;
}

typedef void (*transfer_fn)(struct iom_func *, struct state *, const struct event *, int);

static const transfer_fn transfer[EV_NR_KINDS] = {
#define EVENT(name, text, sub, transfer, judge) [EV_##name] = transfer,
#include "events.def"
#undef EVENT
};

void iom_transfer(struct iom_func *fn, struct state *s, const struct event *e, int idx)
{
	if (s->reachable && transfer[e->op])
		transfer[e->op](fn, s, e, idx);
}

/* ---- edges and joins ------------------------------------------------------- */

/* Apply an is_iomem test to the state leaving along an edge. */
static void refine(struct iom_func *fn, struct state *s, const struct edge *ed)
{
	const struct value *v;
	struct mstate *m;
	unsigned want, bits;

	if (ed->null_path >= 0 && s->reachable) {
		for (int i = 0; i < fn->nr_maps; i++)
			if (iom_path_under(fn, fn->maps[i].path, ed->null_path))
				s->m[i].bits = 0;
		return;
	}
	if (ed->value < 0 || !s->reachable)
		return;
	v = &fn->val[ed->value];
	if (v->kind == VAL_NONE)
		fn->refined_early = 1;
	if (v->kind != VAL_FLAG || v->map < 0 || v->gen == GEN_NONE)
		return;
	m = &s->m[v->map];
	if (m->gen != v->gen)
		return;
	want = (ed->truth ^ v->negated) ? K_IO : K_SYS;
	/* Testing a flag nobody wrote picks a kind; IOM008 has said so already. */
	bits = (m->bits & want) | ((m->bits & K_UNINIT) ? want : 0);
	if (!bits) {
		s->reachable = 0;
		return;
	}
	if (bits != m->bits)
		m->why[want == K_IO ? 1 : 0] = ed->ev;
	m->bits = (unsigned char)bits;
}

static void join_into(const struct iom_func *fn, struct state *dst, const struct state *src,
		      int b)
{
	if (!src->reachable)
		return;
	if (!dst->reachable) {
		iom_state_copy(fn, dst, src);
		return;
	}
	for (int i = 0; i < fn->nr_maps; i++) {
		struct mstate *d = &dst->m[i];
		const struct mstate *s = &src->m[i];

		for (int k = 0; k < K_NR; k++)
			if (!(d->bits & (1u << k)) && (s->bits & (1u << k)))
				d->why[k] = s->why[k];
		d->bits |= s->bits;
		if (d->gen != s->gen)
			d->gen = MARKER(b);
		if (d->lastptr != s->lastptr)
			d->lastptr = -1;
	}
}

static int same_state(const struct iom_func *fn, const struct state *a, const struct state *b)
{
	if (a->reachable != b->reachable)
		return 0;
	if (!a->reachable)
		return 1;
	for (int i = 0; i < fn->nr_maps; i++)
		if (a->m[i].bits != b->m[i].bits || a->m[i].gen != b->m[i].gen ||
		    a->m[i].lastptr != b->m[i].lastptr)
			return 0;
	return 1;
}

/* Keep what a block has seen: kinds never shrink, a join stays a join. */
static void keep_growing(const struct iom_func *fn, struct state *now, const struct state *old,
			 int b)
{
	if (!old->reachable || !now->reachable)
		return;
	for (int i = 0; i < fn->nr_maps; i++) {
		now->m[i].bits |= old->m[i].bits;
		if (old->m[i].gen == MARKER(b))
			now->m[i].gen = MARKER(b);
	}
}

/* ---- setup ----------------------------------------------------------------- */

static void resolve_clobbers(struct iom_func *fn)
{
	for (int i = 0; i < fn->nr_ev; i++) {
		struct event *e = &fn->ev[i];

		if (e->op != EV_CLOBBER || e->maps_of)
			continue;
		e->maps_of = (int *)malloc((fn->nr_maps ? fn->nr_maps : 1) * sizeof(int));
		if (!e->maps_of)
			continue;
		for (int m = 0; m < fn->nr_maps; m++)
			if (iom_path_under(fn, fn->maps[m].path, e->path))
				e->maps_of[e->nr_maps++] = m;
	}
}

/* Reverse postorder from the entry, and which blocks sit on a cycle. */
struct walk {
	int *order, nr;
	int *index, *low, *stack, *on, sp, counter;
	int *comp, nr_comps;	/* the cycle (outermost loop) a block is on, or -1 */
};

static void scc(struct iom_func *fn, struct walk *w, int root)
{
	/* Iterative Tarjan: the explicit stack holds (block, next successor). */
	int *cs = (int *)malloc(2 * fn->nr_bb * sizeof(int));
	int csp = 0;

	if (!cs)
		return;
	cs[csp++] = root;
	cs[csp++] = 0;
	w->index[root] = w->low[root] = ++w->counter;
	w->stack[w->sp++] = root;
	w->on[root] = 1;
	while (csp) {
		int b = cs[csp - 2], *next = &cs[csp - 1];

		if (*next < fn->bb[b].nr_succ) {
			int t = fn->bb[b].succ[(*next)++].to;

			if (t == b) {
				fn->bb[b].in_cycle = 1;
				if (w->comp[b] < 0)
					w->comp[b] = w->nr_comps++;
			}
			if (!w->index[t]) {
				w->index[t] = w->low[t] = ++w->counter;
				w->stack[w->sp++] = t;
				w->on[t] = 1;
				cs[csp++] = t;
				cs[csp++] = 0;
			} else if (w->on[t] && w->index[t] < w->low[b]) {
				w->low[b] = w->index[t];
			}
			continue;
		}
		csp -= 2;
		w->order[w->nr++] = b;	/* postorder */
		if (csp && w->low[b] < w->low[cs[csp - 2]])
			w->low[cs[csp - 2]] = w->low[b];
		if (w->low[b] == w->index[b]) {
			int t, size = 0, first = w->sp;

			do {
				t = w->stack[--first];
				size++;
			} while (t != b);
			for (int i = first; i < w->sp; i++) {
				w->on[w->stack[i]] = 0;
				if (size > 1) {
					fn->bb[w->stack[i]].in_cycle = 1;
					w->comp[w->stack[i]] = w->nr_comps;
				}
			}
			if (size > 1)
				w->nr_comps++;
			w->sp = first;
		}
	}
	free(cs);
}

struct preds {
	int *start;		/* preds of b: pe[start[b] .. start[b + 1]) */
	int *pe;		/* encoded block * MAX_SUCC + edge */
};

static int build_preds(const struct iom_func *fn, struct preds *p)
{
	int n = fn->nr_bb, total = 0, *fill;

	p->start = (int *)calloc(n + 1, sizeof(int));
	for (int b = 0; b < n; b++)
		total += fn->bb[b].nr_succ;
	p->pe = (int *)malloc((total ? total : 1) * 2 * sizeof(int));
	fill = (int *)calloc(n + 1, sizeof(int));
	if (!p->start || !p->pe || !fill) {
		free(fill);
		return -1;
	}
	for (int b = 0; b < n; b++)
		for (int s = 0; s < fn->bb[b].nr_succ; s++)
			p->start[fn->bb[b].succ[s].to + 1]++;
	for (int b = 0; b < n; b++)
		p->start[b + 1] += p->start[b];
	for (int b = 0; b < n; b++)
		for (int s = 0; s < fn->bb[b].nr_succ; s++) {
			int t = fn->bb[b].succ[s].to, at = p->start[t] + fill[t]++;

			p->pe[2 * at] = b;
			p->pe[2 * at + 1] = s;
		}
	free(fill);
	return 0;
}

/*
 * Leaving a loop half-way.  A loop that fills maps[i] one element per round
 * and jumps out when one fails (goto err) leaves the elements after i as they
 * were before the loop; the summary element maps[*] stands for all of them,
 * so on such an exit it also has the kinds it had before the loop.  The loop
 * is left normally from its header (for/while test) or from a block that
 * jumps back to the header (do-while); any other exit is half-way.
 */
struct loops {
	const int *comp;
	int *header;		/* per cycle: its first block in reverse postorder */
	const struct preds *pr;
	struct state pre;
};

static int jumps_to(const struct iom_func *fn, int from, int to)
{
	for (int s = 0; s < fn->bb[from].nr_succ; s++)
		if (fn->bb[from].succ[s].to == to)
			return 1;
	return 0;
}

static int half_way_exit(const struct iom_func *fn, const struct loops *lp, int p, int b)
{
	int c = lp->comp[p];

	return c >= 0 && lp->comp[b] != c && p != lp->header[c] && !jumps_to(fn, p, lp->header[c]);
}

/* Does an event in cycle c write map m? */
static int written_in(const struct iom_func *fn, const struct loops *lp, int c, int m)
{
	for (int i = 0; i < fn->nr_ev; i++) {
		const struct event *e = &fn->ev[i];

		if (e->block < 0 || lp->comp[e->block] != c)
			continue;
		if ((e->op == EV_SET || e->op == EV_COPY || e->op == EV_WRITE) && e->map == m)
			return 1;
		for (int k = 0; e->op == EV_CLOBBER && k < e->nr_maps; k++)
			if (e->maps_of[k] == m)
				return 1;
	}
	return 0;
}

static void half_way_join(struct iom_func *fn, struct loops *lp, const struct state *out,
			  int c, int b, struct state *cur)
{
	int h = lp->header[c];

	lp->pre.reachable = 0;
	for (int j = lp->pr->start[h]; j < lp->pr->start[h + 1]; j++) {
		int q = lp->pr->pe[2 * j];

		if (lp->comp[q] == c || !out[q].reachable)
			continue;
		join_into(fn, &lp->pre, &out[q], h);
	}
	if (!lp->pre.reachable)
		return;
	for (int m = 0; m < fn->nr_maps; m++) {
		struct mstate *d = &cur->m[m];
		const struct mstate *s = &lp->pre.m[m];

		if (fn->paths[fn->maps[m].path].step != PATH_ANY_INDEX || !(s->bits & ~d->bits) ||
		    !written_in(fn, lp, c, m))
			continue;
		for (int k = 0; k < K_NR; k++)
			if (!(d->bits & (1u << k)) && (s->bits & (1u << k)))
				d->why[k] = s->why[k];
		d->bits |= s->bits;
		d->gen = MARKER(b);
	}
}

static void block_out(struct iom_func *fn, int b, const struct state *in, struct state *out)
{
	const struct block *bb = &fn->bb[b];

	iom_state_copy(fn, out, in);
	for (int k = 0; k < bb->nr_evs; k++)
		iom_transfer(fn, out, &fn->ev[bb->evs[k]], bb->evs[k]);
}

/*
 * Fill in[b] with the state at the entry of every block.  Returns 0, or -1
 * with fn->error set when the function must be skipped.
 */
int iom_flow(struct iom_func *fn, struct state *in)
{
	struct walk w;
	struct preds pr = { NULL, NULL };
	struct loops lp;
	struct state cur, next, *out;
	int n = fn->nr_bb, changed, rounds = 0, *rpo;

	memset(&w, 0, sizeof(w));
	w.order = (int *)calloc(n, sizeof(int));
	w.index = (int *)calloc(n, sizeof(int));
	w.low = (int *)calloc(n, sizeof(int));
	w.stack = (int *)calloc(n, sizeof(int));
	w.on = (int *)calloc(n, sizeof(int));
	w.comp = (int *)malloc(n * sizeof(int));
	memset(&lp, 0, sizeof(lp));
	lp.header = (int *)malloc(n * sizeof(int));
	iom_state_alloc(fn, &lp.pre);
	out = (struct state *)calloc(n, sizeof(*out));
	iom_state_alloc(fn, &cur);
	iom_state_alloc(fn, &next);
	if (!w.order || !w.index || !w.low || !w.stack || !w.on || !w.comp || !lp.header ||
	    !lp.pre.m || !out || !cur.m || !next.m || build_preds(fn, &pr)) {
		strcpy(fn->error, "out of memory");
		goto out;
	}
	for (int b = 0; b < n; b++) {
		iom_state_alloc(fn, &out[b]);
		if (!out[b].m) {
			strcpy(fn->error, "out of memory");
			goto out;
		}
	}
	resolve_clobbers(fn);
	for (int b = 0; b < n; b++)
		w.comp[b] = -1;
	scc(fn, &w, 0);
	rpo = w.order;
	for (int i = 0; i < w.nr / 2; i++) {
		int t = rpo[i];

		rpo[i] = rpo[w.nr - 1 - i];
		rpo[w.nr - 1 - i] = t;
	}
	for (int c = 0; c < w.nr_comps; c++)
		lp.header[c] = -1;
	for (int i = 0; i < w.nr; i++)
		if (w.comp[rpo[i]] >= 0 && lp.header[w.comp[rpo[i]]] < 0)
			lp.header[w.comp[rpo[i]]] = rpo[i];
	lp.comp = w.comp;
	lp.pr = &pr;

	do {
		fn->changed_values = 0;
		changed = 0;
		for (int i = 0; i < w.nr; i++) {
			int b = rpo[i];

			if (b == 0)
				entry_state(fn, &next);
			else
				next.reachable = 0;
			for (int j = pr.start[b]; j < pr.start[b + 1]; j++) {
				int p = pr.pe[2 * j], s = pr.pe[2 * j + 1];

				if (!out[p].reachable)
					continue;
				iom_state_copy(fn, &cur, &out[p]);
				refine(fn, &cur, &fn->bb[p].succ[s]);
				if (half_way_exit(fn, &lp, p, b))
					half_way_join(fn, &lp, out, w.comp[p], b, &cur);
				join_into(fn, &next, &cur, b);
			}
			keep_growing(fn, &next, &in[b], b);
			if (!same_state(fn, &next, &in[b])) {
				iom_state_copy(fn, &in[b], &next);
				changed = 1;
			}
			if (in[b].reachable)
				block_out(fn, b, &in[b], &out[b]);
		}
		if (++rounds > 64 + 4 * fn->nr_maps) {
			strcpy(fn->error, "no fixed point; function skipped");
			break;
		}
	} while (changed || fn->changed_values);
out:
	if (out)
		for (int b = 0; b < n; b++)
			free(out[b].m);
	free(out);
	free(pr.start);
	free(pr.pe);
	free(w.order);
	free(w.index);
	free(w.low);
	free(w.stack);
	free(w.on);
	free(w.comp);
	free(lp.header);
	free(lp.pre.m);
	free(cur.m);
	free(next.m);
	return fn->error[0] ? -1 : 0;
}

void iom_states_free(const struct iom_func *fn, struct state *in)
{
	if (!in)
		return;
	for (int b = 0; b < fn->nr_bb; b++)
		free(in[b].m);
	free(in);
}

/* Does an edge test a value that is now known to be a flag? */
static int flag_tested(const struct iom_func *fn)
{
	for (int b = 0; b < fn->nr_bb; b++)
		for (int s = 0; s < fn->bb[b].nr_succ; s++) {
			int v = fn->bb[b].succ[s].value;

			if (v >= 0 && v < fn->nr_val && fn->val[v].kind == VAL_FLAG)
				return 1;
		}
	return 0;
}

struct state *iom_solve(struct iom_func *fn)
{
	struct state *in;

	if (fn->error[0])
		return NULL;
	in = (struct state *)calloc(fn->nr_bb, sizeof(*in));
	if (!in)
		return NULL;
	for (int b = 0; b < fn->nr_bb; b++) {
		iom_state_alloc(fn, &in[b]);
		if (!in[b].m) {
			iom_states_free(fn, in);
			return NULL;
		}
	}
	/* Values are facts of one solve: an earlier one (a summary's, before a
	 * callee's summary was known) must not leave its generations in them. */
	if (fn->val)
		memset(fn->val, 0, fn->nr_val * sizeof(*fn->val));
	fn->refined_early = 0;
	if (iom_flow(fn, in)) {
		iom_states_free(fn, in);
		return NULL;
	}
	/* An edge tested a flag before the value was known (a phi completed at
	 * the end of its block): the kinds it let through stay, since states
	 * only grow.  Once more, from the entry, with the values known. */
	if (fn->refined_early && flag_tested(fn)) {
		for (int b = 0; b < fn->nr_bb; b++)
			in[b].reachable = 0;
		if (iom_flow(fn, in)) {
			iom_states_free(fn, in);
			return NULL;
		}
	}
	return in;
}

/* Blocks without successors are where the function returns (or never does:
 * a noreturn call ends its block too, and its state is just as final). */
unsigned iom_exit_kinds(struct iom_func *fn, const struct state *in, int map)
{
	struct state out;
	unsigned bits = 0;

	if (map < 0 || map >= fn->nr_maps)
		return 0;
	iom_state_alloc(fn, &out);
	if (!out.m)
		return K_SYS | K_IO;
	for (int b = 0; b < fn->nr_bb; b++) {
		if (fn->bb[b].nr_succ || !in[b].reachable)
			continue;
		block_out(fn, b, &in[b], &out);
		if (out.reachable)
			bits |= out.m[map].bits;
	}
	free(out.m);
	return bits;
}
