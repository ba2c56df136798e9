/*
 * func.c - building the lowered function: blocks, edges, maps, values, events.
 *
 * Front ends call these while they walk their IR; nothing is analysed until
 * iom_func_end().  Every builder tolerates out-of-range input by ignoring the
 * event and remembering an error, so a front end bug skips one function
 * instead of crashing the compiler.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "func.h"

#define MAX_VALUE	(1 << 24)

static void broken(struct iom_func *fn, const char *what)
{
	if (!fn->error[0])
		snprintf(fn->error, sizeof(fn->error), "internal: %s", what);
}

const char *iom_func_strdup(struct iom_func *fn, const char *s)
{
	char *copy, **ns;

	if (!s)
		return NULL;
	ns = (char **)iom_grow(fn->strings, fn->nr_strings, sizeof(char *));
	copy = iom_strdup(s);
	if (!ns || !copy) {
		free(copy);
		if (ns)
			fn->strings = ns;
		broken(fn, "out of memory");
		return "";
	}
	fn->strings = ns;
	fn->strings[fn->nr_strings++] = copy;
	return copy;
}

struct iom_func *iom_func_begin(const struct iom_rules *rules, const char *name,
				struct iom_where where)
{
	struct iom_func *fn = (struct iom_func *)calloc(1, sizeof(*fn));

	if (!fn)
		return NULL;
	fn->rules = rules;
	fn->name = (char *)iom_func_strdup(fn, name ? name : "?");
	fn->where = where;
	fn->spell_now = -1;
	iom_block(fn);
	for (int i = 0; i < 16; i++)
		fn->param_value[i] = -1;
	fn->direct_calls = -1;
	return fn;
}

void iom_func_free(struct iom_func *fn)
{
	if (!fn)
		return;
	for (int i = 0; i < fn->nr_bb; i++) {
		free(fn->bb[i].evs);
		free(fn->bb[i].succ);
	}
	for (int i = 0; i < fn->nr_ev; i++) {
		free(fn->ev[i].maps_of);
		free(fn->ev[i].args);
	}
	for (int i = 0; i < fn->nr_strings; i++)
		free(fn->strings[i]);
	free(fn->strings);
	free(fn->ev);
	free(fn->bb);
	free(fn->maps);
	free(fn->paths);
	free(fn->path_hash);
	free(fn->val);
	free(fn->params);
	free(fn->spells);
	free(fn);
}

const char *iom_func_error(const struct iom_func *fn)
{
	return fn->error[0] ? fn->error : NULL;
}

const char *iom_func_name(const struct iom_func *fn)
{
	return fn->name;
}

int iom_block(struct iom_func *fn)
{
	struct block *nb = (struct block *)iom_grow(fn->bb, fn->nr_bb, sizeof(*fn->bb));

	if (!nb) {
		broken(fn, "out of memory");
		return 0;
	}
	fn->bb = nb;
	memset(&fn->bb[fn->nr_bb], 0, sizeof(*fn->bb));
	return fn->nr_bb++;
}

static int valid_block(struct iom_func *fn, int b)
{
	if (b >= 0 && b < fn->nr_bb)
		return 1;
	broken(fn, "bad block number");
	return 0;
}

static int valid_map(struct iom_func *fn, int m)
{
	if (m >= 0 && m < fn->nr_maps)
		return 1;
	broken(fn, "bad map number");
	return 0;
}

/* Make sure value v exists; values are created on first mention. */
static int valid_value(struct iom_func *fn, int v)
{
	int n;
	struct value *nv;

	if (v < 0 || v >= MAX_VALUE) {
		broken(fn, "bad value number");
		return 0;
	}
	if (v < fn->nr_val)
		return 1;
	for (n = fn->nr_val ? fn->nr_val : 16; n <= v; n *= 2)
		;
	nv = (struct value *)realloc(fn->val, n * sizeof(*nv));
	if (!nv) {
		broken(fn, "out of memory");
		return 0;
	}
	memset(nv + fn->nr_val, 0, (n - fn->nr_val) * sizeof(*nv));
	fn->val = nv;
	fn->nr_val = n;
	return 1;
}

static void add_edge(struct iom_func *fn, int from, int to, int value, int truth, int ev)
{
	struct block *b;
	struct edge *ns;

	if (!valid_block(fn, from) || !valid_block(fn, to))
		return;
	b = &fn->bb[from];
	ns = (struct edge *)iom_grow(b->succ, b->nr_succ, sizeof(*b->succ));
	if (!ns) {
		broken(fn, "out of memory");
		return;
	}
	b->succ = ns;
	b->succ[b->nr_succ].to = to;
	b->succ[b->nr_succ].value = value;
	b->succ[b->nr_succ].truth = truth;
	b->succ[b->nr_succ].ev = ev;
	b->succ[b->nr_succ].null_path = -1;
	b->nr_succ++;
}

void iom_edge_null(struct iom_func *fn, int from, int to, int path)
{
	add_edge(fn, from, to, -1, 0, -1);
	if (fn->error[0] || !valid_block(fn, from) || path < 0 || path >= fn->nr_paths)
		return;
	fn->bb[from].succ[fn->bb[from].nr_succ - 1].null_path = path;
}

void iom_edge(struct iom_func *fn, int from, int to)
{
	add_edge(fn, from, to, -1, 0, -1);
}

/* Append an event; b < 0 makes a detached one (edge tests). */
static struct event *new_event(struct iom_func *fn, int b, enum ev_op op, struct iom_where w)
{
	struct event *ne, *e;

	if (b >= 0) {
		struct block *bb;
		int *nevs;

		if (!valid_block(fn, b))
			return NULL;
		bb = &fn->bb[b];
		nevs = (int *)iom_grow(bb->evs, bb->nr_evs, sizeof(int));
		if (!nevs) {
			broken(fn, "out of memory");
			return NULL;
		}
		bb->evs = nevs;
		bb->evs[bb->nr_evs++] = fn->nr_ev;
	}
	ne = (struct event *)iom_grow(fn->ev, fn->nr_ev, sizeof(*fn->ev));
	if (!ne) {
		broken(fn, "out of memory");
		return NULL;
	}
	fn->ev = ne;
	e = &fn->ev[fn->nr_ev++];
	memset(e, 0, sizeof(*e));
	e->op = (unsigned char)op;
	e->map = e->value = e->value2 = e->path = -1;
	e->flag_const = -1;
	e->block = b;
	e->where = w;
	/* What a front end spelled belongs to the uses it reports, not to the
	 * loads and derivations of the pointer on the way. */
	e->spell = op == EV_ACCESS || op == EV_ESCAPE || op == EV_WRITE || op == EV_NULL_TEST ?
		   fn->spell_now : -1;
	return e;
}

void iom_edge_if(struct iom_func *fn, int from, int to, int value, int truth,
		 struct iom_where where)
{
	struct event *e;

	if (!valid_value(fn, value))
		return;
	e = new_event(fn, -1, EV_TEST, where);
	if (!e)
		return;
	e->value = value;
	e->sub = (unsigned char)!!truth;
	add_edge(fn, from, to, value, !!truth, fn->nr_ev - 1);
}

int iom_map_at(struct iom_func *fn, int path, int type)
{
	struct map *nm;
	const struct path *p;

	if (path < 0 || path >= fn->nr_paths) {
		broken(fn, "bad path number");
		return -1;
	}
	p = &fn->paths[path];
	if (p->map >= 0)
		return p->map;
	nm = (struct map *)iom_grow(fn->maps, fn->nr_maps, sizeof(*fn->maps));
	if (!nm) {
		broken(fn, "out of memory");
		return -1;
	}
	fn->maps = nm;
	nm = &fn->maps[fn->nr_maps];
	memset(nm, 0, sizeof(*nm));
	nm->key = p->key;
	nm->display = p->display;
	nm->path = path;
	nm->origin = (enum iom_map_origin)p->origin;
	nm->type = type;
	nm->decl = p->decl;
	fn->paths[path].map = fn->nr_maps;
	return fn->nr_maps++;
}

void iom_func_types(struct iom_func *fn, const struct iom_types *types)
{
	fn->types = types;
}

int iom_object_map(struct iom_func *fn, int path, const void *type)
{
	int t = iom_type_map_index(fn, type);

	if (t < 0)
		return -1;
	if (path < 0)
		path = iom_path_unnamed(fn);
	return path < 0 ? -1 : iom_map_at(fn, path, t);
}

void iom_param(struct iom_func *fn, int arg, const char *name)
{
	const char **np;

	if (arg < 1 || !name) {
		broken(fn, "bad parameter number");
		return;
	}
	if (arg > 16)
		return;		/* rules name arguments 1 to 16 only */
	while (fn->nr_params < arg) {
		np = (const char **)iom_grow(fn->params, fn->nr_params, sizeof(*np));
		if (!np) {
			broken(fn, "out of memory");
			return;
		}
		fn->params = np;
		fn->params[fn->nr_params++] = NULL;
	}
	fn->params[arg - 1] = iom_func_strdup(fn, name);
}

void iom_param_value(struct iom_func *fn, int arg, int value)
{
	if (arg < 1 || !valid_value(fn, value)) {
		broken(fn, "bad parameter value");
		return;
	}
	if (arg <= 16)
		fn->param_value[arg - 1] = value;
}

void iom_func_only_called_here(struct iom_func *fn, int calls)
{
	fn->direct_calls = calls < 0 ? -1 : calls;
}

void iom_func_external(struct iom_func *fn)
{
	fn->external = 1;
}

void iom_return(struct iom_func *fn, int b, struct iom_where w, int value)
{
	struct event *e;

	if (value >= 0 && !valid_value(fn, value))
		return;
	e = new_event(fn, b, EV_RETURN, w);
	if (e)
		e->value = value;
}

void iom_call_here(struct iom_func *fn, int b, struct iom_where w, const char *callee,
		   const struct call_arg *args, int nr_args, int result, int first)
{
	struct event *e;

	if (result >= 0 && !valid_value(fn, result))
		return;
	e = new_event(fn, b, EV_CALL, w);
	if (!e)
		return;
	e->name = iom_func_strdup(fn, callee);
	e->value = result;
	e->value2 = first;
	if (nr_args <= 0)
		return;
	e->args = (struct call_arg *)malloc(nr_args * sizeof(*args));
	if (!e->args) {
		broken(fn, "out of memory");
		return;
	}
	memcpy(e->args, args, nr_args * sizeof(*args));
	e->nr_args = nr_args;
}

void iom_entry_flag(struct iom_func *fn, int value, int map, int negate, const char *via,
		    const char *via_param)
{
	struct event *e;
	char expr[300];
	struct block *entry;

	if (!valid_value(fn, value) || !valid_map(fn, map))
		return;
	iom_member_expr(fn, map, IOM_MEMBER_FLAG, expr, sizeof(expr));
	e = new_event(fn, 0, EV_LOAD, fn->where);
	if (!e)
		return;
	e->map = map;
	e->value = value;
	e->sub = IOM_MEMBER_FLAG;
	e->negate = (unsigned char)!!negate;
	e->name = iom_func_strdup(fn, expr);
	e->via = iom_func_strdup(fn, via);
	e->via_param = iom_func_strdup(fn, via_param);
	/* First in the entry block: the value holds from the start. */
	entry = &fn->bb[0];
	memmove(entry->evs + 1, entry->evs, (entry->nr_evs - 1) * sizeof(int));
	entry->evs[0] = fn->nr_ev - 1;
}

int iom_param_map(const struct iom_func *fn, int arg)
{
	const char *name = arg >= 1 && arg <= fn->nr_params ? fn->params[arg - 1] : NULL;
	int path = iom_path_find_param_pointee(fn, name);

	return path >= 0 ? fn->paths[path].map : -1;
}

const char *iom_map_display(const struct iom_func *fn, int map)
{
	return map >= 0 && map < fn->nr_maps ? fn->maps[map].display : "?";
}

void iom_set(struct iom_func *fn, int b, struct iom_where w, int map, enum iom_kind kind,
	     enum iom_cause cause, const char *name, int ptr_value)
{
	struct event *e;

	if (!valid_map(fn, map) || (ptr_value >= 0 && !valid_value(fn, ptr_value)))
		return;
	e = new_event(fn, b, EV_SET, w);
	if (!e)
		return;
	e->map = map;
	e->sub = (unsigned char)kind;
	e->cause = (unsigned char)cause;
	e->name = iom_func_strdup(fn, name);
	e->value = ptr_value;
}

void iom_copy(struct iom_func *fn, int b, struct iom_where w, int dst, int src)
{
	struct event *e;

	if (!valid_map(fn, dst) || !valid_map(fn, src))
		return;
	e = new_event(fn, b, EV_COPY, w);
	if (!e)
		return;
	e->map = dst;
	e->value2 = src;
}

void iom_clobber(struct iom_func *fn, int b, struct iom_where w, int path,
		 const char *callee, int producer)
{
	struct event *e;

	if (path < 0 || path >= fn->nr_paths) {
		broken(fn, "bad path number");
		return;
	}
	e = new_event(fn, b, EV_CLOBBER, w);
	if (!e)
		return;
	e->path = path;
	e->key = fn->paths[path].key;
	e->name = iom_func_strdup(fn, callee);
	e->cause = (unsigned char)!!producer;
}

void iom_clobber_by(struct iom_func *fn, int b, struct iom_where w, int path,
		    const char *callee, int argno, int here, int producer)
{
	int at = fn->nr_ev;

	iom_clobber(fn, b, w, path, callee, producer);
	if (fn->nr_ev == at + 1 && callee) {
		fn->ev[at].callee_here = (unsigned char)!!here;
		fn->ev[at].argno = argno;
	}
}

void iom_load(struct iom_func *fn, int b, struct iom_where w, int value, int map,
	      enum iom_member member, const char *expr)
{
	struct event *e;

	if (!valid_map(fn, map) || !valid_value(fn, value) || member >= IOM_NR_MEMBERS)
		return;
	e = new_event(fn, b, EV_LOAD, w);
	if (!e)
		return;
	e->map = map;
	e->value = value;
	e->sub = (unsigned char)member;
	e->name = iom_func_strdup(fn, expr);
}

void iom_derive(struct iom_func *fn, int b, int dst, int src, enum iom_derive how)
{
	struct iom_where none = { NULL, 0, 0, 0 };
	struct event *e;

	if (!valid_value(fn, dst) || !valid_value(fn, src))
		return;
	e = new_event(fn, b, EV_DERIVE, none);
	if (!e)
		return;
	e->value = dst;
	e->value2 = src;
	e->sub = (unsigned char)how;
}

void iom_access(struct iom_func *fn, int b, struct iom_where w, int value, int store)
{
	struct event *e;

	if (!valid_value(fn, value))
		return;
	e = new_event(fn, b, EV_ACCESS, w);
	if (!e)
		return;
	e->value = value;
	e->sub = (unsigned char)!!store;
}

void iom_escape(struct iom_func *fn, int b, struct iom_where w, int value,
		enum iom_escape how, const char *callee)
{
	struct event *e;

	if (!valid_value(fn, value))
		return;
	e = new_event(fn, b, EV_ESCAPE, w);
	if (!e)
		return;
	e->value = value;
	e->sub = (unsigned char)how;
	e->name = iom_func_strdup(fn, callee);
}

static void slot_event(struct iom_func *fn, int b, struct iom_where w, int op, int path,
		       int value)
{
	struct event *e;

	if (!valid_value(fn, value) || path < 0 || path >= fn->nr_paths)
		return;
	e = new_event(fn, b, op, w);
	if (!e)
		return;
	e->path = path;
	e->value = value;
}

void iom_slot_store(struct iom_func *fn, int b, struct iom_where w, int path, int value)
{
	/* A pointer stored where others can reach it has left the function. */
	if (path < 0 || !iom_path_in_private(fn, path))
		iom_escape(fn, b, w, value, IOM_ESC_STORE, NULL);
	slot_event(fn, b, w, EV_SLOT_STORE, path, value);
}

void iom_slot_load(struct iom_func *fn, int b, struct iom_where w, int path, int value)
{
	slot_event(fn, b, w, EV_SLOT_LOAD, path, value);
}

void iom_escape_plain(struct iom_func *fn, int b, struct iom_where w, int value,
		      const char *callee, int store)
{
	int at = fn->nr_ev;

	iom_escape(fn, b, w, value, IOM_ESC_CALL, callee);
	if (fn->nr_ev == at + 1)
		fn->ev[at].cause = store ? ESC_PLAIN_STORE : ESC_PLAIN_LOAD;
}

void iom_memory(struct iom_func *fn, int b, struct iom_where w, int value, enum iom_kind kind,
		const char *callee)
{
	struct event *e;
	char shown[200];

	if (!valid_value(fn, value) || (kind != IOM_KIND_SYSTEM && kind != IOM_KIND_IO))
		return;
	e = new_event(fn, b, EV_MEMORY, w);
	if (!e)
		return;
	e->value = value;
	e->sub = (unsigned char)kind;
	snprintf(shown, sizeof(shown), "%s()", callee ? callee : "?");
	e->name = iom_func_strdup(fn, shown);
}

void iom_write(struct iom_func *fn, int b, struct iom_where w, int map,
	       enum iom_member member, int flag_const, int value, const char *expr)
{
	struct event *e;

	if (!valid_map(fn, map) || member >= IOM_NR_MEMBERS ||
	    (value >= 0 && !valid_value(fn, value)))
		return;
	e = new_event(fn, b, EV_WRITE, w);
	if (!e)
		return;
	e->map = map;
	e->sub = (unsigned char)member;
	e->flag_const = (signed char)(flag_const < 0 ? -1 : !!flag_const);
	e->value = value;
	e->name = iom_func_strdup(fn, expr);
}

void iom_null_test(struct iom_func *fn, int b, struct iom_where w, int value)
{
	struct event *e;

	if (!valid_value(fn, value))
		return;
	e = new_event(fn, b, EV_NULL_TEST, w);
	if (e)
		e->value = value;
}

void iom_read(struct iom_func *fn, int b, struct iom_where w, int map, const char *helper)
{
	struct event *e;

	if (!valid_map(fn, map))
		return;
	e = new_event(fn, b, EV_READ, w);
	if (!e)
		return;
	e->map = map;
	e->name = iom_func_strdup(fn, helper);
}

void iom_kill(struct iom_func *fn, int b, struct iom_where w)
{
	new_event(fn, b, EV_KILL, w);
}
