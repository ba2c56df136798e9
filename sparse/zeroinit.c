/*
 * zeroinit.c - the zero elements of a local aggregate's initialiser.
 *
 * Sparse clears the whole object before it stores an initialiser's elements
 * (linearize_one_symbol), and then stores every element, zeros included:
 * `struct iosys_map m = { NULL }` becomes a clearing store and a store of 0
 * into vaddr_iomem.  GCC and the libclang engine clear an object first only
 * when iom_init_clears() says so (an initialiser that leaves something out),
 * and then skip its zero elements: a store of 0 at a zero element of such
 * an initialiser is part of the clearing, not a write of the member.  A
 * complete one (`{ .vaddr = NULL, .is_iomem = false }`) writes each member.
 */
#include "flow.h"

static int same_pos(struct position a, struct position b)
{
	return a.stream == b.stream && a.line == b.line && a.pos == b.pos;
}

/* Is e a zero constant (through casts) written at pos? */
static int zero_at(struct expression *e, struct position pos)
{
	for (int depth = 0; e && depth < 16; depth++) {
		int here = same_pos(e->pos, pos);

		switch (e->type) {
		case EXPR_VALUE:
			return e->value == 0 && here;
		case EXPR_CAST: case EXPR_FORCE_CAST: case EXPR_IMPLIED_CAST:
			if (here)
				return zero_at(e->cast_expression, e->cast_expression->pos);
			e = e->cast_expression;
			break;
		default:
			return 0;
		}
	}
	return 0;
}

static int element_at(struct expression *init, struct position pos, int depth)
{
	struct expression *e;

	if (!init || depth > 16)
		return 0;
	if (init->type == EXPR_POS)
		return element_at(init->init_expr, pos, depth + 1);
	if (init->type != EXPR_INITIALIZER)
		return zero_at(init, pos);
	FOR_EACH_PTR(init->expr_list, e) {
		if (element_at(e, pos, depth + 1))
			return 1;
	} END_FOR_EACH_PTR(e);
	return 0;
}

/* The bits of the scalars an initialiser of type t must give for it to be
 * complete (a union: its largest member). */
static long scalar_bits(struct symbol *t, int depth)
{
	struct symbol *m;
	long bits = 0, n;

	t = real_type(t);
	if (!t || depth > 16)
		return 0;
	switch (t->type) {
	case SYM_STRUCT: case SYM_UNION:
		FOR_EACH_PTR(t->symbol_list, m) {
			n = scalar_bits(m, depth + 1);
			bits = t->type == SYM_STRUCT ? bits + n : n > bits ? n : bits;
		} END_FOR_EACH_PTR(m);
		return bits;
	case SYM_ARRAY:
		n = scalar_bits(t->ctype.base_type, depth + 1);
		return n && t->bit_size > 0 && real_type(t->ctype.base_type)->bit_size > 0 ?
		       n * (t->bit_size / real_type(t->ctype.base_type)->bit_size) : 0;
	default:
		return t->bit_size > 0 ? t->bit_size : 0;
	}
}

/* What an initialiser gives: bits of scalars, scalars, and scalars that
 * are not a zero constant. */
struct given {
	long bits, scalars, nonzero;
};

static void give(struct expression *init, long times, struct given *g, int depth)
{
	struct expression *e;

	if (!init || depth > 16)
		return;
	if (init->type == EXPR_POS) {
		give(init->init_expr, times * (init->init_nr > 1 ? init->init_nr : 1), g, depth + 1);
		return;
	}
	if (init->type != EXPR_INITIALIZER) {
		g->bits += times * scalar_bits(init->ctype, depth + 1);
		g->scalars += times;
		g->nonzero += zero_at(init, init->pos) ? 0 : times;
		return;
	}
	FOR_EACH_PTR(init->expr_list, e) {
		give(e, times, g, depth + 1);
	} END_FOR_EACH_PTR(e);
}

int zero_init_element_at(struct entrypoint *ep, struct position pos)
{
	struct symbol *sym;

	FOR_EACH_PTR(ep->syms, sym) {
		if (!sym->initializer || (sym->ctype.modifiers & (MOD_STATIC | MOD_TOPLEVEL)) ||
		    is_scalar_type(sym))
			continue;
		if (sym->initializer->type == EXPR_INITIALIZER &&
		    element_at(sym->initializer, pos, 0)) {
			struct given g = { 0, 0, 0 };

			give(sym->initializer, 1, &g, 0);
			return iom_init_clears(g.bits >= scalar_bits(sym, 0), g.scalars, g.nonzero);
		}
	} END_FOR_EACH_PTR(sym);
	return 0;
}
