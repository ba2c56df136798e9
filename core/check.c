/*
 * check.c - the rule decisions.
 *
 * After the dataflow has settled, every reachable block is replayed from its
 * entry state and each event is judged against the state it sees.  One
 * function per kind of event decides which rules fire; the messages and the
 * notes that explain the state are built here from notes.c's pieces.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "func.h"

/*
 * What has been reported, for "once per line and rule" and "once per
 * pointer in a loop": an open-addressing set, so a function with many
 * findings does not pay for comparing each with all earlier ones.
 */
struct seen_key {
	const char *file;	/* NULL: a loop key */
	int line;		/* or the load event of a loop key */
	int rule;		/* 0: empty slot */
};

struct findings {
	struct iom_finding *f;
	int nr;
	struct seen_key *set;
	unsigned set_size;	/* a power of two, at least twice the entries */
	unsigned set_used;
};

static unsigned key_hash(const struct seen_key *k)
{
	unsigned h = 2166136261u;

	for (const char *c = k->file; c && *c; c++)
		h = (h ^ (unsigned char)*c) * 16777619u;
	h = (h ^ (unsigned)k->line) * 16777619u;
	return (h ^ (unsigned)k->rule) * 16777619u;
}

static int same_key(const struct seen_key *a, const struct seen_key *b)
{
	return a->rule == b->rule && a->line == b->line &&
	       (a->file == b->file || (a->file && b->file && !strcmp(a->file, b->file)));
}

static int set_grow(struct findings *out)
{
	struct seen_key *old = out->set;
	unsigned n = out->set_size ? 2 * out->set_size : 64;
	struct seen_key *nset = (struct seen_key *)calloc(n, sizeof(*nset));

	if (!nset)
		return -1;
	for (unsigned i = 0; i < out->set_size; i++) {
		unsigned h;

		if (!old[i].rule)
			continue;
		for (h = key_hash(&old[i]) & (n - 1); nset[h].rule; h = (h + 1) & (n - 1))
			;
		nset[h] = old[i];
	}
	free(old);
	out->set = nset;
	out->set_size = n;
	return 0;
}

/* Add a key; 0 if it was already there. */
static int set_add(struct findings *out, struct seen_key k)
{
	unsigned h;

	if (2 * (out->set_used + 1) > out->set_size && set_grow(out))
		return 0;
	for (h = key_hash(&k) & (out->set_size - 1); out->set[h].rule;
	     h = (h + 1) & (out->set_size - 1))
		if (same_key(&out->set[h], &k))
			return 0;
	out->set[h] = k;
	out->set_used++;
	return 1;
}

static int set_has(const struct findings *out, struct seen_key k)
{
	if (!out->set_size)
		return 0;
	for (unsigned h = key_hash(&k) & (out->set_size - 1); out->set[h].rule;
	     h = (h + 1) & (out->set_size - 1))
		if (same_key(&out->set[h], &k))
			return 1;
	return 0;
}

struct judge {
	struct iom_func *fn;
	const struct iom_options *opt;
	struct findings *out;
	const struct state *s;
	const struct event *e;
	int idx;		/* event index */
	int block;
};

static struct iom_finding *report(struct judge *j, int rule, int loop_key, const char *fmt, ...)
{
	struct findings *out = j->out;
	struct iom_finding *f;
	void *nf;
	va_list ap;

	if (!(j->opt->enabled & (1u << rule)) || !j->e->where.file)
		return NULL;
	struct seen_key by_line = { j->e->where.file, j->e->where.line, rule };
	struct seen_key by_loop = { NULL, loop_key, rule };

	if (!j->fn->bb[j->block].in_cycle)
		loop_key = -1;
	if (set_has(out, by_line) || (loop_key >= 0 && set_has(out, by_loop)))
		return NULL;
	nf = iom_grow(out->f, out->nr, sizeof(*out->f));
	if (!nf)
		return NULL;
	out->f = (struct iom_finding *)nf;
	set_add(out, by_line);
	if (loop_key >= 0)
		set_add(out, by_loop);
	f = &out->f[out->nr++];
	memset(f, 0, sizeof(*f));
	f->rule = rule;
	f->error = j->opt->error;
	f->function = j->fn->name;
	f->where = j->e->where;
	va_start(ap, fmt);
	vsnprintf(f->message, sizeof(f->message), fmt, ap);
	va_end(ap);
	iom_fix(j->fn, j->s, j->e, f);
	return f;
}

/* ---- what a value is at this point ---------------------------------------- */

struct seen {
	const struct value *v;
	unsigned sys, io;	/* effective kinds of the system / I/O member parts */
	const int *why;		/* origins of the kinds */
	const char *expr;	/* the member it was loaded from */
};

static int look(struct judge *j, int value, struct seen *s)
{
	const struct value *v = &j->fn->val[value];
	const struct mstate *m;

	if (v->kind != VAL_PTR)
		return 0;
	s->v = v;
	iom_effective(j->s, v, &s->sys, &s->io);
	m = v->map >= 0 ? &j->s->m[v->map] : NULL;
	s->why = m && m->gen == v->gen ? m->why : v->why;
	s->expr = v->load >= 0 ? j->fn->ev[v->load].name : "?";
	if (!s->expr)
		s->expr = "?";
	return 1;
}

static const char *may(unsigned bits, unsigned want)
{
	return bits == want ? "is" : "may be";
}

static const char *flag_word(struct judge *j, const struct seen *s)
{
	const struct iom_type *t;

	if (s->v->map < 0)
		return "is_iomem";
	t = iom_rules_type_at(j->fn->rules, j->fn->maps[s->v->map].type);
	return t ? t->member[IOM_MEMBER_FLAG] : "is_iomem";
}

/* Notes: why the kind is possible, then where the pointer came from. */
static void explain(struct judge *j, struct iom_finding *f, const struct seen *s, unsigned bit)
{
	int k = bit == K_IO ? 1 : 0, other = 1 - k;

	if (!f)
		return;
	if (s->v->map == MAP_MIXED) {
		iom_note_at(f, j->e->where, "the pointer comes from more than one map");
	} else if (s->v->map < 0) {
		if (s->v->load >= 0)
			iom_note_at(f, j->fn->ev[s->v->load].where, "'%s' returns %s",
				    s->expr, bit == K_IO ? "I/O memory" : "system memory");
		return;
	} else {
		iom_note_origin(j->fn, f, s->v->map, s->why[k], k);
		if (((s->sys | s->io) & (1u << other)) && s->why[other] != s->why[k])
			iom_note_origin(j->fn, f, s->v->map, s->why[other], other);
	}
	if (s->v->load >= 0 && j->fn->ev[s->v->load].where.line != j->e->where.line)
		iom_note_at(f, j->fn->ev[s->v->load].where, "pointer loaded from '%s' here", s->expr);
}

/* ---- judges, one per event kind -------------------------------------------- */

static void judge_access(struct judge *j)
{
	struct seen s;
	unsigned all;
	const char *op = j->e->sub ? "store" : "load";

	if (j->e->where.helper || !look(j, j->e->value, &s))
		return;
	all = s.sys | s.io;
	if (all & K_IO) {
		int rule = all == K_IO ? IOM001 : IOM002;

		explain(j, report(j, rule, s.v->load, "%s through '%s' while '%s' %s true", op,
				  s.expr, flag_word(j, &s), may(all, K_IO)), &s, K_IO);
	}
	if (s.io & K_SYS)
		explain(j, report(j, IOM004, s.v->load, "%s through '%s' while '%s' %s false",
				  op, s.expr, flag_word(j, &s), may(s.io, K_SYS)), &s, K_SYS);
}

static void escape_words(const struct event *e, char *buf, size_t len)
{
	switch (e->sub) {
	case IOM_ESC_CALL:
		snprintf(buf, len, "passed to '%s'", e->name ? e->name : "?");
		break;
	case IOM_ESC_STORE:
		snprintf(buf, len, "stored into memory");
		break;
	default:
		snprintf(buf, len, "returned");
		break;
	}
}

/*
 * I/O memory handed to memset() or memcpy(): the callee touches it with plain
 * loads and stores, the same bug as a plain access through the pointer.  (A
 * pointer from the system member keeps its own rule, IOM003: vaddr escapes.)
 */
static void judge_plain_io(struct judge *j, const struct seen *s)
{
	unsigned all = s->sys | s->io;

	if (!(s->io & K_IO))
		return;
	explain(j, report(j, all == K_IO ? IOM001 : IOM002, s->v->load,
			  "'%s' %s I/O memory behind '%s' while '%s' %s true", j->e->name,
			  j->e->cause == ESC_PLAIN_STORE ? "writes" : "reads", s->expr,
			  flag_word(j, s), may(all, K_IO)), s, K_IO);
}

static void judge_escape(struct judge *j)
{
	struct seen s;
	char how[160];

	if (j->e->where.helper || !look(j, j->e->value, &s))
		return;
	if (j->e->cause != ESC_OPAQUE)
		judge_plain_io(j, &s);
	escape_words(j->e, how, sizeof(how));
	if (s.sys & K_IO)
		explain(j, report(j, IOM003, s.v->load, "'%s' %s while '%s' %s true", s.expr, how,
				  flag_word(j, &s), may(s.sys, K_IO)), &s, K_IO);
	if (s.io & K_SYS)
		explain(j, report(j, IOM004, s.v->load, "'%s' %s while '%s' %s false", s.expr, how,
				  flag_word(j, &s), may(s.io, K_SYS)), &s, K_SYS);
}

static void judge_uninit(struct judge *j, int map, const char *by)
{
	const struct mstate *m = &j->s->m[map];
	struct iom_finding *f;
	const char *name = iom_map_display(j->fn, map);
	char flag[256];

	if (!(m->bits & K_UNINIT))
		return;
	snprintf(flag, sizeof(flag), "%s", iom_flag_name(j->fn, map));
	f = by ? report(j, IOM008, -1, "'%s' read by '%s' while '%s' %s uninitialised", flag, by,
			name, m->bits == K_UNINIT ? "is" : "may be")
	       : report(j, IOM008, -1, "'%s' read while '%s' %s uninitialised", flag, name,
			m->bits == K_UNINIT ? "is" : "may be");
	if (f)
		iom_note_origin(j->fn, f, map, m->why[2], 2);
}

static void judge_load(struct judge *j)
{
	if (j->e->sub == IOM_MEMBER_FLAG) {
		judge_uninit(j, j->e->map, NULL);
		return;
	}
	if (!j->e->where.helper)
		report(j, IOM010, -1, "'%s' used outside the map helpers", j->e->name);
}

static void judge_read(struct judge *j)
{
	judge_uninit(j, j->e->map, j->e->name);
}

/* A map is about to be labelled 'kind' by 'by': does the pointer stored agree? */
static void judge_label(struct judge *j, int value, int kind, const char *by, int map)
{
	struct seen s;
	unsigned all, bad = kind == IOM_KIND_SYSTEM ? K_IO : K_SYS;

	if (value < 0 || (kind != IOM_KIND_SYSTEM && kind != IOM_KIND_IO) || !look(j, value, &s))
		return;
	all = s.sys | s.io | s.v->mem;
	if (!(all & bad))
		return;
	explain(j, report(j, IOM007, -1, "'%s' %s %s, but %s labels '%s' as %s", s.expr,
			  all == bad ? "points to" : "may point to",
			  bad == K_IO ? "I/O memory" : "system memory", by,
			  iom_map_display(j->fn, map),
			  kind == IOM_KIND_SYSTEM ? "system memory" : "I/O memory"), &s, bad);
}

static void judge_set(struct judge *j)
{
	char by[160];

	snprintf(by, sizeof(by), "'%s'", j->e->name ? j->e->name : "?");
	judge_label(j, j->e->value, j->e->sub, by, j->e->map);
}

static void judge_write(struct judge *j)
{
	const struct event *e = j->e;
	const struct mstate *m = &j->s->m[e->map];

	if (!e->where.helper) {
		report(j, IOM005, -1, "'%s' written directly; use the map helpers", e->name);
		if (e->sub != IOM_MEMBER_FLAG)
			report(j, IOM010, -1, "'%s' used outside the map helpers", e->name);
	}
	if (e->sub == IOM_MEMBER_FLAG && e->flag_const >= 0 && m->lastptr >= 0)
		judge_label(j, m->lastptr, e->flag_const ? IOM_KIND_IO : IOM_KIND_SYSTEM,
			    e->where.helper ? "its initialiser" : "a direct write", e->map);
}

static void judge_null_test(struct judge *j)
{
	const struct value *v = &j->fn->val[j->e->value];
	const char *expr;

	if (j->e->where.helper || v->kind != VAL_PTR || !v->direct)
		return;
	expr = v->load >= 0 && j->fn->ev[v->load].name ? j->fn->ev[v->load].name : "?";
	report(j, IOM006, -1, "'%s' tested against NULL; use the map helpers (is_null/is_set)", expr);
}

typedef void (*judge_fn)(struct judge *);

static const judge_fn judges[EV_NR_KINDS] = {
#define EVENT(name, text, sub, transfer, judge) [EV_##name] = judge,
#include "events.def"
#undef EVENT
};

static int cmp_finding(const void *a, const void *b)
{
	const struct iom_finding *x = (const struct iom_finding *)a;
	const struct iom_finding *y = (const struct iom_finding *)b;
	int c = strcmp(x->where.file, y->where.file);

	if (c)
		return c;
	if (x->where.line != y->where.line)
		return x->where.line - y->where.line;
	if (x->where.col != y->where.col)
		return x->where.col - y->where.col;
	return x->rule - y->rule;
}

/* A min-heap of block numbers. */
static void heap_push(int *h, int *n, int b)
{
	int i = (*n)++;

	for (; i > 0 && h[(i - 1) / 2] > b; i = (i - 1) / 2)
		h[i] = h[(i - 1) / 2];
	h[i] = b;
}

static int heap_pop(int *h, int *n)
{
	int top = h[0], last = h[--*n], i = 0;

	for (;;) {
		int c = 2 * i + 1;

		if (c >= *n)
			break;
		if (c + 1 < *n && h[c + 1] < h[c])
			c++;
		if (h[c] >= last)
			break;
		h[i] = h[c];
		i = c;
	}
	if (*n)
		h[i] = last;
	return top;
}

/*
 * The order blocks are judged in.  A finding reported once per pointer in a
 * loop goes to the access met first as the code is read, whatever numbers
 * the front end gave its blocks (the libclang engine numbers the branches of
 * an if before the blocks of the statement expressions in its condition):
 * by block number, except that a block waits for every block that reaches
 * it by a forward edge (a depth-first walk from the entry tells the edges
 * that go back around a loop).  Blocks the walk does not reach come last.
 * NULL when out of memory: then by number.
 */
static int *judge_order(const struct iom_func *fn)
{
	int n = fn->nr_bb, total = 0, nr = 0, hn = 0, sp = 0;
	int *first = (int *)calloc(n + 1, sizeof(int)), *state = (int *)calloc(n, sizeof(int));
	int *waits = (int *)calloc(n, sizeof(int)), *order = (int *)malloc(n * sizeof(int));
	int *stack = (int *)malloc(2 * n * sizeof(int)), *heap = (int *)malloc(n * sizeof(int));
	char *back = NULL;

	if (first)
		for (int b = 0; b < n; b++)
			first[b + 1] = total += fn->bb[b].nr_succ;
	back = (char *)calloc(total + 1, 1);
	if (!first || !state || !waits || !order || !stack || !heap || !back || !n) {
		free(order);
		order = NULL;
		goto out;
	}
	/* state: 0 not seen, 1 on the walk's path, 2 done */
	stack[sp++] = 0;
	stack[sp++] = 0;
	state[0] = 1;
	while (sp) {
		int b = stack[sp - 2], *next = &stack[sp - 1];

		if (*next < fn->bb[b].nr_succ) {
			int e = first[b] + *next, t = fn->bb[b].succ[(*next)++].to;

			if (state[t] == 1) {
				back[e] = 1;
			} else {
				waits[t]++;
				if (!state[t]) {
					state[t] = 1;
					stack[sp++] = t;
					stack[sp++] = 0;
				}
			}
			continue;
		}
		state[b] = 2;
		sp -= 2;
	}
	heap_push(heap, &hn, 0);
	while (hn) {
		int b = heap_pop(heap, &hn);

		order[nr++] = b;
		for (int s = 0; s < fn->bb[b].nr_succ; s++) {
			int t = fn->bb[b].succ[s].to;

			if (!back[first[b] + s] && --waits[t] == 0)
				heap_push(heap, &hn, t);
		}
	}
	for (int b = 0; b < n; b++)
		if (!state[b])
			order[nr++] = b;
out:
	free(first);
	free(state);
	free(waits);
	free(stack);
	free(heap);
	free(back);
	return order;
}

int iom_check(struct iom_func *fn, const struct state *in, const struct iom_options *opt,
	      iom_report_fn cb, void *ctx)
{
	struct findings out = { NULL, 0, NULL, 0, 0 };
	struct state s;
	struct judge j;
	int *order;

	iom_state_alloc(fn, &s);
	if (!s.m)
		return -1;
	j.fn = fn;
	j.opt = opt;
	j.out = &out;
	j.s = &s;
	order = judge_order(fn);
	for (int i = 0; i < fn->nr_bb; i++) {
		int b = order ? order[i] : i;
		const struct block *bb = &fn->bb[b];

		if (!in[b].reachable)
			continue;
		iom_state_copy(fn, &s, &in[b]);
		j.block = b;
		for (int k = 0; k < bb->nr_evs && s.reachable; k++) {
			j.idx = bb->evs[k];
			j.e = &fn->ev[j.idx];
			if (judges[j.e->op])
				judges[j.e->op](&j);
			iom_transfer(fn, &s, j.e, j.idx);
		}
	}
	if (out.nr)
		qsort(out.f, out.nr, sizeof(*out.f), cmp_finding);
	for (int i = 0; i < out.nr; i++)
		cb(&out.f[i], ctx);
	free(out.f);
	free(out.set);
	free(s.m);
	free(order);
	return out.nr;
}

int iom_func_end(struct iom_func *fn, const struct iom_options *opt, iom_report_fn cb, void *ctx)
{
	struct state *in = iom_solve(fn);
	int n;

	if (!in)
		return -1;
	n = iom_check(fn, in, opt, cb, ctx);
	iom_states_free(fn, in);
	return n;
}
