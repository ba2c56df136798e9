/*
 * paths.c - what a pointer pseudo points to, as an access path of the core:
 * %arg1 is *map, "load %r <- 16[%arg1]" of a pointer is *(map->bo), a
 * pointer plus a constant is the same object further in, casts and copies
 * keep the object.  What cannot be followed is path -1 (the core then treats
 * the object as unknown, never as safe).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "flow.h"

static struct iom_where decl_where(struct symbol *sym)
{
	struct iom_where w = { stream_name(sym->pos.stream), sym->pos.line, byte_column(sym->pos), 0 };

	return w;
}

static int is_param(struct lower *l, struct symbol *sym)
{
	struct symbol *fn = real_type(l->sym), *a;

	if (!fn || fn->type != SYM_FN)
		return 0;
	FOR_EACH_PTR(fn->arguments, a) {
		if (a == sym)
			return 1;
	} END_FOR_EACH_PTR(a);
	return 0;
}

/* The object a symbol is. */
struct obj obj_var(struct lower *l, struct symbol *sym)
{
	struct obj o = { -1, real_type(sym), 0 };
	enum iom_var kind = IOM_VAR_LOCAL;

	if (!sym->ident)
		return o;
	if (sym->ctype.modifiers & (MOD_TOPLEVEL | MOD_STATIC | MOD_EXTERN))
		kind = IOM_VAR_GLOBAL;
	else if (is_param(l, sym))
		kind = IOM_VAR_PARAM;
	o.path = iom_path_var(l->fn, name_of(sym->ident),
			      (unsigned)(((uintptr_t)sym >> 4) & 0xffffffu), kind, decl_where(sym));
	return o;
}

static struct symbol *arg_symbol(struct lower *l, int nr)
{
	struct symbol *fn = real_type(l->sym), *a;
	int i = 0;

	if (!fn || fn->type != SYM_FN)
		return NULL;
	FOR_EACH_PTR(fn->arguments, a) {
		if (++i == nr)
			return a;
	} END_FOR_EACH_PTR(a);
	return NULL;
}

static struct obj unknown(struct symbol *ptr_type)
{
	struct obj o = { -1, pointee_type(ptr_type), 0 };

	return o;
}

static struct obj pointee_depth(struct lower *l, pseudo_t p, int depth);

/* The name of an index: i in "mul %r <- %i, $16" (NULL when it has none). */
static const char *index_name(pseudo_t p)
{
	if (p && p->type == PSEUDO_REG && p->def && p->def->opcode == OP_MUL)
		p = p->def->src1;
	if (p && p->type == PSEUDO_REG && p->def &&
	    (p->def->opcode == OP_ZEXT || p->def->opcode == OP_SEXT))
		p = p->def->src;
	return p && p->ident ? name_of(p->ident) : NULL;
}

/* &maps[i]: the array (or the pointer's pointee) plus a computed offset */
static struct obj any_element(struct lower *l, struct instruction *def, int depth)
{
	struct obj in = { -1, NULL, 0 };
	pseudo_t base = def->src1, index = def->src2;
	struct symbol *t;

	if (index->type == PSEUDO_SYM || index->type == PSEUDO_ARG ||
	    (index->type == PSEUDO_REG && index->def && is_ptr_type(index->def->type))) {
		base = def->src2;
		index = def->src1;
	}
	in = pointee_depth(l, base, depth + 1);
	t = real_type(in.type);
	if (in.off != 0 || !t)
		return unknown(def->type);
	if (t->type == SYM_ARRAY) {
		in.path = iom_path_any_index(l->fn, in.path, index_name(index));
		in.type = real_type(t->ctype.base_type);
		return in;
	}
	if (t->type == SYM_STRUCT || t->type == SYM_UNION) {
		/* p + i for a pointer to structs: p[i] */
		in.path = iom_path_any_index(l->fn, in.path, index_name(index));
		return in;
	}
	return unknown(def->type);
}

/*
 * A call's result (`bo = create(...)`, the local promoted away): what this
 * one value points to, the same object at every use of it, as the other
 * engines name what a local's one definition points to (IOM_VALUE_UID).
 * Named by the local when sparse kept its name, else by the call.
 */
static struct obj call_result(struct lower *l, pseudo_t p, struct instruction *call)
{
	struct obj o = unknown(call->type);
	const char *name = p->ident ? name_of(p->ident) : NULL;
	char buf[128];
	struct iom_where w = { NULL, 0, 0, 0 };
	int var;

	if (!name && call->func && call->func->type == PSEUDO_SYM && call->func->sym->ident) {
		snprintf(buf, sizeof(buf), "%s()", name_of(call->func->sym->ident));
		name = buf;
	}
	if (!name)
		return o;
	w.file = stream_name(call->pos.stream);
	w.line = call->pos.line;
	w.col = byte_column(call->pos);
	var = iom_path_var(l->fn, name, IOM_VALUE_UID(p->nr), IOM_VAR_LOCAL, w);
	iom_path_private(l->fn, var);
	o.path = iom_path_deref(l->fn, var);
	return o;
}

static struct obj pointee_depth(struct lower *l, pseudo_t p, int depth)
{
	struct instruction *def;
	struct obj o = { -1, NULL, 0 }, in;
	struct symbol *t;

	if (!p || depth > 32)
		return o;
	switch (p->type) {
	case PSEUDO_SYM:
		return obj_var(l, p->sym);
	case PSEUDO_ARG: {
		struct symbol *a = arg_symbol(l, p->nr);

		if (!a)
			return o;
		in = obj_var(l, a);
		o.path = iom_path_deref(l->fn, in.path);
		o.type = pointee_type(a);
		return o;
	}
	case PSEUDO_REG:
		break;
	default:
		return o;
	}
	def = p->def;
	if (!def)
		return o;
	switch (def->opcode) {
	case OP_LOAD:
		/* a pointer read from memory: what the object there points to */
		in = pointee_depth(l, def->src, depth + 1);
		in.off += def->offset;
		in = obj_descend(l, in, def->type ? def->type->ident : NULL);
		if (in.off != 0)
			return unknown(def->type);
		o.path = iom_path_deref(l->fn, in.path);
		o.type = pointee_type(def->type);
		return o;
	case OP_SYMADDR:
		return pointee_depth(l, def->src, depth + 1);
	case OP_PTRCAST:
	case OP_COPY:
	case OP_UTPTR:
		in = pointee_depth(l, def->src, depth + 1);
		/* (struct x *)p names the object by its new type when it starts there */
		t = pointee_type(def->type);
		if (t && (t->type == SYM_STRUCT || t->type == SYM_UNION) && in.off == 0)
			in.type = t;
		return in;
	case OP_ADD:
		if (def->src2->type == PSEUDO_VAL) {
			in = pointee_depth(l, def->src1, depth + 1);
			in.off += def->src2->value;
			return in;
		}
		if (def->src1->type == PSEUDO_VAL) {
			in = pointee_depth(l, def->src2, depth + 1);
			in.off += def->src1->value;
			return in;
		}
		return any_element(l, def, depth);
	case OP_CALL:
		return call_result(l, p, def);
	default:
		return unknown(def->type);
	}
}

struct obj pointee(struct lower *l, pseudo_t p)
{
	return pointee_depth(l, p, 0);
}

struct obj obj_descend(struct lower *l, struct obj o, const struct ident *ident)
{
	int guard = 0;

	while (o.type && guard++ < 32) {
		struct symbol *t = real_type(o.type), *m;

		if (!t)
			break;
		if (t->type == SYM_ARRAY) {
			struct symbol *e = real_type(t->ctype.base_type);
			long es = e && e->bit_size > 0 ? bits_to_bytes(e->bit_size) : 0;

			if (es <= 0 || o.off < 0)
				break;
			o.path = iom_path_index(l->fn, o.path, o.off / es);
			o.off %= es;
			o.type = e;
			if (o.off == 0 && !(e->type == SYM_STRUCT || e->type == SYM_UNION))
				break;
			continue;
		}
		if (t->type != SYM_STRUCT && t->type != SYM_UNION)
			break;
		if (iom_rules_type_index(l->rules, t->ident ? name_of(t->ident) : "") >= 0)
			break;	/* a map: its members are the core's business */
		m = member_at(t, o.off, ident);
		if (!m)
			break;
		if (o.off == 0 && !ident && m->offset == 0 &&
		    real_type(m)->type != SYM_STRUCT && real_type(m)->type != SYM_UNION &&
		    real_type(m)->type != SYM_ARRAY)
			break;	/* the whole object, not its first scalar */
		if (m->ident)
			o.path = iom_path_member_of(l->fn, o.path, name_of(m->ident),
						    t->ident ? name_of(t->ident) : NULL);
		o.off -= (long)m->offset;
		o.type = real_type(m);
		if (o.off == 0 && ident && m->ident == ident)
			break;
	}
	return o;
}

/* The address space of a pointer type ("__iomem"), or NULL. */
struct ident *space_of(struct symbol *t)
{
	int guard = 0;

	while (t && guard++ < 16) {
		if (t->ctype.as)
			return t->ctype.as;
		if (t->type == SYM_PTR)
			return NULL;
		if (t->type != SYM_NODE && t->type != SYM_TYPEOF)
			return NULL;
		t = t->ctype.base_type;
	}
	return NULL;
}

/*
 * A store into a map member whose type names another symbol: sparse types
 * an initialiser's store by its value (".vaddr = (dbi->tx_buf)" stores a
 * 'void *tx_buf').  The union members at the offset differ in their address
 * space (vaddr_iomem is __iomem): the one with the value's space is meant.
 */
static struct symbol *member_like(struct symbol *t, long off, struct symbol *value_type)
{
	struct symbol *m, *first = NULL;
	struct ident *as = space_of(value_type);

	FOR_EACH_PTR(t->symbol_list, m) {
		struct symbol *in = real_type(m), *found;

		if (!m->ident && in && (in->type == SYM_STRUCT || in->type == SYM_UNION) &&
		    off >= (long)m->offset) {
			/* the anonymous union of vaddr and vaddr_iomem */
			found = member_like(in, off - (long)m->offset, value_type);
			if (found && space_of(found) == as)
				return found;
			if (found && !first)
				first = found;
			continue;
		}
		if ((long)m->offset != off || !m->ident)
			continue;
		if (!first)
			first = m;
		if (space_of(m) == as)
			return m;
	} END_FOR_EACH_PTR(m);
	return first;
}

int obj_map_member(struct lower *l, struct obj o, const struct ident *ident,
		   struct symbol *value_type, int *member, int *map_path)
{
	struct symbol *t, *m;
	const struct iom_type *it;
	int ti;

	if (value_type && real_type(value_type) &&
	    (real_type(value_type)->type == SYM_STRUCT || real_type(value_type)->type == SYM_UNION ||
	     real_type(value_type)->type == SYM_ARRAY))
		return -1;	/* a whole object, not a member */
	o = obj_descend(l, o, ident);
	t = real_type(o.type);
	if (!t || t->type != SYM_STRUCT || !t->ident || (!ident && !value_type))
		return -1;
	ti = iom_rules_type_index(l->rules, name_of(t->ident));
	if (ti < 0)
		return -1;
	it = iom_rules_type_at(l->rules, ti);
	m = member_at(t, o.off, ident);
	if (m && (!ident || !has_member_ident(m, ident))) {
		m = value_type ? member_like(t, o.off, value_type) : NULL;
		if (!m || !m->ident)
			return -1;
		ident = m->ident;
	}
	if (!m)
		return -1;
	*member = iom_type_member(it, name_of(ident));
	if (*member < 0)
		return -1;
	*map_path = o.path;
	return iom_object_map(l->fn, o.path, t);
}
