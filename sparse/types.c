/*
 * types.c - sparse's types as the core sees them (struct iom_types), and
 * members found by byte offset: a load says "8[%arg1]", the member name comes
 * from the struct type of what %arg1 points to.
 */
#include <string.h>

#include "flow.h"

/* Strip symbol nodes, typedefs and typeof: the type itself. */
struct symbol *real_type(struct symbol *type)
{
	int guard = 0;

	while (type && guard++ < 64) {
		if (type->type == SYM_NODE || type->type == SYM_TYPEOF ||
		    type->type == SYM_BITFIELD || type->type == SYM_RESTRICT ||
		    type->type == SYM_FOULED)
			type = type->ctype.base_type;
		else
			break;
	}
	return type;
}

struct symbol *pointee_type(struct symbol *type)
{
	type = real_type(type);
	if (!type || (type->type != SYM_PTR && type->type != SYM_ARRAY))
		return NULL;
	return real_type(type->ctype.base_type);
}

static long size_of(struct symbol *t)
{
	return t && t->bit_size > 0 ? bits_to_bytes(t->bit_size) : -1;
}

static void facts(void *ctx, const void *type, struct iom_type_facts *out)
{
	struct symbol *t = real_type((struct symbol *)type);
	long esize;

	(void)ctx;
	memset(out, 0, sizeof(*out));
	out->cls = IOM_TYPE_OTHER;
	out->size = size_of(t);
	out->count = -1;
	if (!t)
		return;
	switch (t->type) {
	case SYM_STRUCT:
		out->cls = IOM_TYPE_STRUCT;
		break;
	case SYM_UNION:
		out->cls = IOM_TYPE_UNION;
		break;
	case SYM_ARRAY:
		out->cls = IOM_TYPE_ARRAY;
		out->element = real_type(t->ctype.base_type);
		esize = size_of((struct symbol *)out->element);
		if (esize > 0 && out->size >= 0)
			out->count = out->size / esize;
		return;
	default:
		return;
	}
	out->tag = t->ident ? show_ident(t->ident) : NULL;
}

static void fields(void *ctx, const void *type, iom_field_fn each, void *arg)
{
	struct symbol *t = real_type((struct symbol *)type), *m;

	(void)ctx;
	if (!t || (t->type != SYM_STRUCT && t->type != SYM_UNION))
		return;
	FOR_EACH_PTR(t->symbol_list, m) {
		each(arg, m->ident ? show_ident(m->ident) : NULL, real_type(m));
	} END_FOR_EACH_PTR(m);
}

const struct iom_types sparse_types = { facts, fields, NULL };

/* Does member m (or an anonymous aggregate in it) have this name? */
static int has_ident(struct symbol *m, const struct ident *ident, int depth)
{
	struct symbol *t, *s;

	if (m->ident)
		return m->ident == ident;
	t = real_type(m);
	if (depth > 8 || !t || (t->type != SYM_STRUCT && t->type != SYM_UNION))
		return 0;
	FOR_EACH_PTR(t->symbol_list, s) {
		if (has_ident(s, ident, depth + 1))
			return 1;
	} END_FOR_EACH_PTR(s);
	return 0;
}

int has_member_ident(struct symbol *m, const struct ident *ident)
{
	return has_ident(m, ident, 0);
}

struct symbol *member_at(struct symbol *type, long off, const struct ident *ident)
{
	struct symbol *t = real_type(type), *m, *best = NULL;

	if (!t || (t->type != SYM_STRUCT && t->type != SYM_UNION))
		return NULL;
	FOR_EACH_PTR(t->symbol_list, m) {
		long at = (long)m->offset, len = size_of(real_type(m));

		if (off < at || (len > 0 && off >= at + len) || (len <= 0 && off != at))
			continue;
		/* a union holds several members here: the name decides */
		if (ident && has_ident(m, ident, 0))
			return m;
		if (!best)
			best = m;
	} END_FOR_EACH_PTR(m);
	return best;
}
