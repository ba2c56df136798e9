/*
 * call.c - what a call does to maps and tracked pointers, by the rules data.
 *
 * The front end says what the callee is called and what each argument is
 * (struct iom_call); everything else is decided here, so every engine
 * treats a call the same way:
 *	warn functions end the path; print and ignore functions do nothing;
 *	a helper reads or sets the maps it is given and keeps its pointer
 *	argument; a producer with a fixed kind sets its maps;
 *	a whole-map copy or zero fill copies or sets the kind;
 *	a copy of a size the compiler turns into a load and a store is an
 *	access through the derived pointers it is given (rules "access-sizes");
 *	any other call lets tracked pointers escape and may write every map it
 *	can reach through a non-const pointer;
 *	maps the result is stored into come back with an unknown kind.
 */
#include <string.h>

#include "func.h"

/* The name a reader knows the callee by: "__builtin_memcpy" is memcpy. */
static const char *shown_name(const struct iom_func *fn, const char *name)
{
	return name ? iom_rules_spelled(fn->rules, name) : "(indirect call)";
}

static const struct iom_arg *arg_at(const struct iom_call *c, int argno)
{
	return argno >= 1 && argno <= c->nr_args ? &c->args[argno - 1] : NULL;
}

/* Is argument 'argno' one the rules call a map (map=N, N from 1 to 16)? */
static int map_arg(const struct iom_fn *f, int argno)
{
	return argno >= 1 && argno <= 16 && (f->map_args >> argno) & 1;
}

static int names_object(const struct iom_arg *a)
{
	return a && (a->is == IOM_ARG_ADDRESS || a->is == IOM_ARG_POINTER) && a->path >= 0;
}

/* The map an argument points to, or -1. */
static int map_of_arg(struct iom_func *fn, const struct iom_arg *a)
{
	return names_object(a) ? iom_object_map(fn, a->path, a->type) : -1;
}

/* A map written as &m (not any pointer that happens to point to one). */
static int map_of_address(struct iom_func *fn, const struct iom_arg *a)
{
	return a && a->is == IOM_ARG_ADDRESS ? map_of_arg(fn, a) : -1;
}

static void helper_call(struct iom_func *fn, int b, struct iom_where w, const struct iom_fn *f,
			const struct iom_call *c)
{
	const struct iom_arg *pa = arg_at(c, f->ptr_arg);
	int ptr = pa && pa->is == IOM_ARG_VALUE ? pa->value : -1;

	for (int i = 1; i <= c->nr_args; i++) {
		const struct iom_arg *a = arg_at(c, i);
		int map;

		if (!map_arg(f, i)) {
			/* The helper keeps its pointer argument; anything else escapes. */
			if (a->is == IOM_ARG_VALUE && i != f->ptr_arg)
				iom_escape(fn, b, w, a->value, IOM_ESC_CALL, f->name);
			continue;
		}
		map = map_of_arg(fn, a);
		if (map < 0)
			continue;
		if (f->effects & IOM_EFF_READ)
			iom_read(fn, b, w, map, f->name);
		if (f->effects & (IOM_EFF_SET_SYSTEM | IOM_EFF_CLEAR))
			iom_set(fn, b, w, map, IOM_KIND_SYSTEM, IOM_BY_HELPER, f->name, ptr);
		else if (f->effects & IOM_EFF_SET_IO)
			iom_set(fn, b, w, map, IOM_KIND_IO, IOM_BY_HELPER, f->name, ptr);
	}
}

/* A producer that always gives one kind: drm_gem_shmem_vmap(obj, &map). */
static void producer_sets(struct iom_func *fn, int b, struct iom_where w, const struct iom_fn *f,
			  const struct iom_call *c)
{
	enum iom_kind kind = f->effects & IOM_EFF_SET_IO ? IOM_KIND_IO : IOM_KIND_SYSTEM;

	for (int i = 1; i <= c->nr_args; i++) {
		int map;

		if (!map_arg(f, i))
			continue;
		map = map_of_arg(fn, arg_at(c, i));
		if (map >= 0)
			iom_set(fn, b, w, map, kind, IOM_BY_PRODUCER, f->name, -1);
	}
}

/* memcpy(&a, &b, ...) and memset(&m, 0, ...) on whole maps. */
static int whole_map(struct iom_func *fn, int b, struct iom_where w, const struct iom_fn *f,
		     const struct iom_call *c)
{
	const struct iom_arg *v = arg_at(c, f->value_arg);
	int dst = map_of_address(fn, arg_at(c, f->dst_arg)), src;

	if (dst < 0)
		return 0;
	if (f->kind == IOM_FN_FILL) {
		if (!v || v->is != IOM_ARG_INT || v->constant != 0)
			return 0;
		iom_set(fn, b, w, dst, IOM_KIND_SYSTEM, IOM_BY_ZERO, NULL, -1);
		return 1;
	}
	src = map_of_address(fn, arg_at(c, f->src_arg));
	if (src < 0)
		return 0;
	iom_copy(fn, b, w, dst, src);
	return 1;
}

/* Is 'a' the address of a whole array of 'size' bytes? */
static int whole_byte_array(struct iom_func *fn, const struct iom_arg *a, long long size)
{
	struct iom_type_facts t, e;

	if (!a || a->is != IOM_ARG_ADDRESS)
		return 0;
	iom_type_facts_of(fn, a->type, &t);
	if (t.cls != IOM_TYPE_ARRAY || t.size != size)
		return 0;
	iom_type_facts_of(fn, t.element, &e);
	return e.size == 1;
}

/*
 * A copy the compiler does as one load and one store (rules "access-sizes"):
 * an access through each derived pointer it is given instead of an escape.
 * Other pointers it is given are written as by any call: a destination that
 * names an object holding maps loses what was known of them.
 */
static int small_copy(struct iom_func *fn, int b, struct iom_where w, const struct iom_fn *f,
		      const struct iom_call *c)
{
	const struct iom_arg *size = arg_at(c, f->size_arg);
	const struct iom_arg *dst = arg_at(c, f->dst_arg), *src = arg_at(c, f->src_arg);

	if (f->kind != IOM_FN_COPY || !size || size->is != IOM_ARG_INT || !dst || !src)
		return 0;
	if (!iom_rules_access_size(fn->rules, size->constant) &&
	    !(iom_rules_access_byte_array(fn->rules) &&
	      (whole_byte_array(fn, dst, size->constant) ||
	       whole_byte_array(fn, src, size->constant))))
		return 0;
	/* The load comes before the store, as in the code the copy becomes. */
	if (src->is == IOM_ARG_VALUE)
		iom_access(fn, b, w, src->value, 0);
	if (dst->is == IOM_ARG_VALUE)
		iom_access(fn, b, w, dst->value, 1);
	return 1;
}

#define MAX_FORMAT_ARGS	64

/*
 * printk(), snprintf() and friends: the destination of the vsprintf family is
 * written, and every argument the format prints by reading through it (%s,
 * %ph, %pE, ...) is read.  Arguments printed as addresses are left alone.  A
 * format that is not a literal says nothing, as before.
 */
static void print_call(struct iom_func *fn, int b, struct iom_where w, const struct iom_fn *f,
		       const struct iom_call *c)
{
	unsigned char roles[MAX_FORMAT_ARGS];
	const struct iom_arg *fmt = arg_at(c, f->fmt_arg);
	int n;

	for (int i = 1; i <= c->nr_args && i <= 16; i++) {
		const struct iom_arg *a = arg_at(c, i);

		if (a->is != IOM_ARG_VALUE)
			continue;
		if (f->store_args & (1u << i))
			iom_access(fn, b, w, a->value, 1);
		else if (f->load_args & (1u << i))
			iom_access(fn, b, w, a->value, 0);
	}
	if (!fmt || fmt->is != IOM_ARG_STRING || !fmt->string)
		return;
	n = iom_format_roles(fmt->string, roles, MAX_FORMAT_ARGS);
	for (int k = 0; k < n && k < MAX_FORMAT_ARGS; k++) {
		const struct iom_arg *a = arg_at(c, f->fmt_arg + 1 + k);

		if (a && a->is == IOM_ARG_VALUE && roles[k] == IOM_CONV_READS)
			iom_access(fn, b, w, a->value, 0);
	}
}

/* Does the callee read (1) or write (2) the memory behind argument i plainly? */
static int plain_use(const struct iom_fn *f, int i)
{
	if (!f)
		return 0;
	if (f->kind == IOM_FN_COPY || f->kind == IOM_FN_FILL)
		return i == f->dst_arg ? 2 : i == f->src_arg ? 1 : 0;
	if (f->kind != IOM_FN_PLAIN || i > 16)
		return 0;
	return f->store_args & (1u << i) ? 2 : f->load_args & (1u << i) ? 1 : 0;
}

static void other_call(struct iom_func *fn, int b, struct iom_where w, const struct iom_fn *f,
		       const struct iom_call *c)
{
	const char *name = shown_name(fn, c->callee);
	int producer = f && f->kind == IOM_FN_PRODUCER;
	int accessed = 0;

	if (f && (f->kind == IOM_FN_COPY || f->kind == IOM_FN_FILL)) {
		if (whole_map(fn, b, w, f, c))
			return;
		accessed = small_copy(fn, b, w, f, c);
	}
	for (int i = 1; i <= c->nr_args; i++) {
		const struct iom_arg *a = arg_at(c, i);

		if (a->is == IOM_ARG_VALUE) {
			int use = plain_use(f, i);

			if (accessed && (i == f->dst_arg || i == f->src_arg))
				continue;	/* an access, reported above */
			if (use)
				iom_escape_plain(fn, b, w, a->value, name, use == 2);
			else if (a->pointer)
				iom_escape(fn, b, w, a->value, IOM_ESC_CALL, name);
			continue;
		}
		if (!a->pointer || a->to_const || !names_object(a))
			continue;
		if (c->callee && (!f || producer))
			iom_clobber_by(fn, b, w, a->path, name, i, c->defined_here && !f, producer);
		else
			iom_clobber(fn, b, w, a->path, name, producer);
	}
}

#define MAX_CALL_ARGS	16	/* summaries name arguments 1 to 16 */

/*
 * A call to a function of this unit the rules know nothing of: the unit's
 * summaries may know what its result is, or what the call passes (unit.c).
 * It comes after the call's own events; 'first' is the first of them.
 */
static void call_here(struct iom_func *fn, int b, struct iom_where w, const struct iom_call *c,
		      int first)
{
	struct call_arg args[MAX_CALL_ARGS];
	int n = c->nr_args < MAX_CALL_ARGS ? c->nr_args : MAX_CALL_ARGS;

	for (int i = 0; i < n; i++) {
		const struct iom_arg *a = &c->args[i];

		args[i].value = a->is == IOM_ARG_VALUE ? a->value : -1;
		args[i].path = names_object(a) ? a->path : -1;
		args[i].map = map_of_arg(fn, a);
	}
	iom_call_here(fn, b, w, c->callee, args, n,
		      c->result == IOM_RESULT_VALUE ? c->result_value : -1, first);
}

void iom_call(struct iom_func *fn, int b, struct iom_where w, const struct iom_call *c)
{
	const struct iom_fn *f = iom_rules_callee(fn->rules, c->callee);
	int first = fn->nr_ev;

	if (c->nr_args < 0 || (c->nr_args > 0 && !c->args))
		return;
	if (f && f->kind == IOM_FN_RETURNS_ARG) {
		const struct iom_arg *a = arg_at(c, f->ret_arg);

		if (c->result == IOM_RESULT_VALUE && a && a->is == IOM_ARG_VALUE)
			iom_derive(fn, b, c->result_value, a->value, IOM_DER_COPY);
		return;
	}
	if (f && f->kind == IOM_FN_WARN) {
		iom_kill(fn, b, w);
		return;
	}
	if (f && f->kind == IOM_FN_PRINT) {
		print_call(fn, b, w, f, c);
		return;
	}
	if (f && f->kind == IOM_FN_IGNORE)
		return;
	if (f && f->kind == IOM_FN_MEMORY) {
		if (c->result == IOM_RESULT_VALUE)
			iom_memory(fn, b, w, c->result_value,
				   f->effects & IOM_EFF_SET_IO ? IOM_KIND_IO : IOM_KIND_SYSTEM,
				   shown_name(fn, c->callee));
		return;
	}
	if (f && f->kind == IOM_FN_HELPER) {
		helper_call(fn, b, w, f, c);
	} else {
		other_call(fn, b, w, f, c);
		if (f && f->kind == IOM_FN_PRODUCER && f->effects)
			producer_sets(fn, b, w, f, c);
	}
	if (c->result == IOM_RESULT_OBJECT)
		iom_store_result(fn, b, w, c->result_path, c->result_type, shown_name(fn, c->callee));
	if (c->defined_here && c->callee && !f)
		call_here(fn, b, w, c, first);
}

void iom_asm(struct iom_func *fn, int b, struct iom_where w, const char *text)
{
	if (iom_rules_warn_asm(fn->rules, text))
		iom_kill(fn, b, w);
}

int iom_call_matters(const struct iom_rules *r, const char *callee)
{
	const struct iom_fn *f = iom_rules_callee(r, callee);

	return f && (f->kind == IOM_FN_HELPER || f->kind == IOM_FN_PRODUCER);
}

int iom_call_returns_arg(const struct iom_rules *r, const char *callee)
{
	const struct iom_fn *f = iom_rules_callee(r, callee);

	return f && f->kind == IOM_FN_RETURNS_ARG ? f->ret_arg : 0;
}

int iom_call_gives_memory(const struct iom_rules *r, const char *callee)
{
	const struct iom_fn *f = iom_rules_callee(r, callee);

	return f && f->kind == IOM_FN_MEMORY;
}
