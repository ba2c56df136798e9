/*
 * types.c - sparse's types as the core sees them (struct iom_types), and
 * members found by byte offset: a load says "8[%arg1]", the member name comes
 * from the struct type of what %arg1 points to.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "flow.h"

struct name_slot {
	const struct ident *ident;
	char *name;
};

static struct name_slot *names;
static size_t nr_names, cap_names;

static size_t slot_of(struct name_slot *tab, size_t cap, const struct ident *ident)
{
	size_t i = (size_t)(((uintptr_t)ident >> 4) * 2654435761u) & (cap - 1);

	while (tab[i].ident && tab[i].ident != ident)
		i = (i + 1) & (cap - 1);
	return i;
}

const char *name_of(const struct ident *ident)
{
	size_t i;

	if (!ident)
		return "";
	if (2 * (nr_names + 1) > cap_names) {
		size_t cap = cap_names ? 2 * cap_names : 1024;
		struct name_slot *tab = calloc(cap, sizeof(*tab));

		if (!tab)
			return "";
		for (size_t k = 0; k < cap_names; k++)
			if (names[k].ident)
				tab[slot_of(tab, cap, names[k].ident)] = names[k];
		free(names);
		names = tab;
		cap_names = cap;
	}
	i = slot_of(names, cap_names, ident);
	if (!names[i].ident) {
		char *s = malloc((size_t)ident->len + 1);

		if (!s)
			return "";
		memcpy(s, ident->name, (size_t)ident->len);
		s[ident->len] = 0;
		names[i].ident = ident;
		names[i].name = s;
		nr_names++;
	}
	return names[i].name;
}

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
	out->tag = t->ident ? name_of(t->ident) : NULL;
}

static void fields(void *ctx, const void *type, iom_field_fn each, void *arg)
{
	struct symbol *t = real_type((struct symbol *)type), *m;

	(void)ctx;
	if (!t || (t->type != SYM_STRUCT && t->type != SYM_UNION))
		return;
	FOR_EACH_PTR(t->symbol_list, m) {
		each(arg, m->ident ? name_of(m->ident) : NULL, real_type(m));
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
