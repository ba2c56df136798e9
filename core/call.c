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
static const char *shown_name(const char *name)
{
	if (!name)
		return "(indirect call)";
	if (!strncmp(name, "__builtin_", 10))
		return name + 10;
	return name;
}

static const struct iom_arg *arg_at(const struct iom_call *c, int argno)
{
	return argno >= 1 && argno <= c->nr_args ? &c->args[argno - 1] : NULL;
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

		if (!(f->map_args & (1u << i))) {
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

		if (!(f->map_args & (1u << i)))
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
 * an access through each derived pointer it is given, nothing else.
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

static void other_call(struct iom_func *fn, int b, struct iom_where w, const struct iom_fn *f,
		       const struct iom_call *c)
{
	const char *name = shown_name(c->callee);
	int producer = f && f->kind == IOM_FN_PRODUCER;

	if (f && (f->kind == IOM_FN_COPY || f->kind == IOM_FN_FILL) &&
	    (whole_map(fn, b, w, f, c) || small_copy(fn, b, w, f, c)))
		return;
	for (int i = 1; i <= c->nr_args; i++) {
		const struct iom_arg *a = arg_at(c, i);

		if (a->is == IOM_ARG_VALUE) {
			if (a->pointer)
				iom_escape(fn, b, w, a->value, IOM_ESC_CALL, name);
			continue;
		}
		if (!a->pointer || a->to_const || !names_object(a))
			continue;
		iom_clobber(fn, b, w, a->path, name, producer);
	}
}

void iom_call(struct iom_func *fn, int b, struct iom_where w, const struct iom_call *c)
{
	const struct iom_fn *f = iom_rules_callee(fn->rules, c->callee);

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
	if (f && (f->kind == IOM_FN_PRINT || f->kind == IOM_FN_IGNORE))
		return;
	if (f && f->kind == IOM_FN_HELPER) {
		helper_call(fn, b, w, f, c);
	} else {
		other_call(fn, b, w, f, c);
		if (f && f->kind == IOM_FN_PRODUCER && f->effects)
			producer_sets(fn, b, w, f, c);
	}
	if (c->result == IOM_RESULT_OBJECT)
		iom_store_result(fn, b, w, c->result_path, c->result_type, shown_name(c->callee));
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
