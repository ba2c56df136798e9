/*
 * lower.c - one function of sparse's linearized IR (after SSA) lowered into
 * the core's graph: blocks and edges, loads and stores of map members, values
 * derived from them, calls as descriptions, returns, asm.  The core decides
 * what any of it means; nothing here knows a rule.
 *
 * Sparse inlines every inline function it expands, helpers included.  The
 * instructions of an inlined helper body carry positions in the helper
 * header: they are skipped, and the OP_INLINED_CALL marker sparse leaves at the
 * call site stands for the call (the core applies the helper's effects from
 * the rules, as for a call the GCC front end sees before inlining).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flow.h"

static char tracked_mark, forward_mark;

/* Values of the function's arguments (PSEUDO_ARG, numbered from 1 per
 * function) come after every register number of the function. */
static int arg_base;

static int tracked(pseudo_t p)
{
	return p && (p->type == PSEUDO_REG || p->type == PSEUDO_ARG) &&
	       (p->priv == &tracked_mark || p->priv == &forward_mark);
}

static int mark(pseudo_t p)
{
	if (!p || p->type != PSEUDO_REG || tracked(p))
		return 0;
	p->priv = &tracked_mark;
	return 1;
}

/*
 * A pointer stored into a map member (".vaddr = v" of IOSYS_MAP_INIT_VADDR)
 * and read back: sparse's memory simplification forwards v to the reads, so
 * the loads are gone.  v is then what the member holds from the store on.
 */
static int mark_forwarded(pseudo_t p)
{
	if (!p || p->type != PSEUDO_REG || tracked(p))
		return 0;
	p->priv = &forward_mark;
	return 1;
}

static int value_of(pseudo_t p)
{
	return p->type == PSEUDO_ARG ? arg_base + p->nr : p->nr;
}

static int live(struct instruction *insn)
{
	return insn && insn->bb;
}

static int in_helper(struct lower *l, struct instruction *insn)
{
	return iom_helper_code(l->rules, stream_name(insn->pos.stream), NULL, 0);
}

static struct iom_where where_of(struct lower *l, struct instruction *insn)
{
	struct iom_where w = { stream_name(insn->pos.stream), insn->pos.line, byte_column(insn->pos), 0 };

	/* sparse places a macro's tokens at its use: a line that spells a
	 * helper macro (directly or through a driver macro) is helper code */
	w.helper = in_helper(l, insn) || line_spells_helper_macro(l->rules, w.file, w.line, w.col);
	return w;
}

static int is_pointer(struct symbol *t)
{
	t = real_type(t);
	return t && t->type == SYM_PTR;
}

static const char *callee_name(pseudo_t func)
{
	if (!func || func->type != PSEUDO_SYM || !func->sym || !func->sym->ident)
		return NULL;
	return name_of(func->sym->ident);
}

/* ---- slots: tracked values parked in memory ---------------------------- */

/* ---- member values sparse forwarded from a store to the reads -------- */

struct forward {
	pseudo_t value;
	int map, member;
};

static void note_forward(struct lower *l, pseudo_t v, int map, int member)
{
	struct forward *f = realloc(l->fwd, (l->nr_fwd + 1) * sizeof(*l->fwd));

	if (!f)
		return;
	l->fwd = f;
	f += l->nr_fwd++;
	f->value = v;
	f->map = map;
	f->member = member;
}

/* A use of a forwarded value reads the member (where it is used: the
 * initialiser's flag store comes after its pointer store). */
static void use(struct lower *l, struct instruction *insn, pseudo_t p)
{
	if (!p || p->priv != &forward_mark)
		return;
	for (int i = 0; i < l->nr_fwd; i++)
		if (l->fwd[i].value == p) {
			int member = l->fwd[i].member;
			char expr[300];

			/* the union's other member may be the one read: the use's
			 * type tells (vaddr_iomem is __iomem, vaddr is not) */
			if (is_pointer(insn->type) && member != IOM_MEMBER_FLAG)
				member = space_of(insn->type) ? IOM_MEMBER_IO : IOM_MEMBER_SYS;
			iom_member_expr(l->fn, l->fwd[i].map, (enum iom_member)member, expr,
					sizeof(expr));
			iom_load(l->fn, l->cur, where_of(l, insn), value_of(p), l->fwd[i].map,
				 (enum iom_member)member, expr);
			return;
		}
}

static void uses(struct lower *l, struct instruction *insn)
{
	pseudo_t a;

	switch (insn->opcode) {
	case OP_STORE:
		use(l, insn, insn->target);
		/* fall through */
	case OP_LOAD:
		use(l, insn, insn->src);
		return;
	case OP_CALL:
	case OP_INLINED_CALL:
		FOR_EACH_PTR(insn->arguments, a) {
			use(l, insn, a);
		} END_FOR_EACH_PTR(a);
		return;
	case OP_PHISOURCE:
		use(l, insn, insn->phi_src);
		return;
	case OP_CBR:
		use(l, insn, insn->cond);
		return;
	case OP_SWITCH:
		use(l, insn, insn->_cond);
		return;
	default:
		if (insn->opcode >= OP_BINARY && insn->opcode <= OP_BINCMP_END) {
			use(l, insn, insn->src1);
			use(l, insn, insn->src2);
		} else if (insn->opcode == OP_SEL) {
			use(l, insn, insn->src1);
			use(l, insn, insn->src2);
			use(l, insn, insn->src3);
		} else if (insn->opcode == OP_RET || (insn->opcode >= OP_UNOP && insn->opcode <= OP_UNOP_END) ||
			   insn->opcode == OP_COPY || insn->opcode == OP_SLICE) {
			use(l, insn, insn->src);
		}
		return;
	}
}

static int is_slot(struct lower *l, int path)
{
	for (int i = 0; i < l->nr_slots; i++)
		if (l->slots[i] == path)
			return 1;
	return 0;
}

static int add_slot(struct lower *l, int path)
{
	if (path < 0 || is_slot(l, path) || l->nr_slots >= 64)
		return 0;	/* a function parks a few values; more is not a cursor */
	l->slots = realloc(l->slots, (l->nr_slots + 1) * sizeof(*l->slots));
	if (!l->slots) {
		l->nr_slots = 0;
		return 0;
	}
	l->slots[l->nr_slots++] = path;
	return 1;
}

/* The object a load or store reaches, and the map member it is, if any. */
static int memop_member(struct lower *l, struct instruction *insn, struct obj *o, int *member)
{
	int map_path;

	*o = pointee(l, insn->src);
	o->off += insn->offset;
	return obj_map_member(l, *o, insn->type ? insn->type->ident : NULL,
			      insn->opcode == OP_STORE ? insn->type : NULL, member, &map_path);
}

/* ---- which pseudos carry map pointers and flags (a fixed point) -------- */

static int is_const(pseudo_t p)
{
	return p && p->type == PSEUDO_VAL;
}

static int defined_here(pseudo_t func);

static int is_bool(struct symbol *t)
{
	return t && real_type(t) == &bool_ctype;
}

static int scan_insn(struct lower *l, struct instruction *insn)
{
	struct obj o;
	int member, ret, i;
	pseudo_t a;

	if (in_helper(l, insn) && insn->opcode != OP_INLINED_CALL)
		return 0;
	switch (insn->opcode) {
	case OP_LOAD:
		if (tracked(insn->target))
			return 0;
		if (memop_member(l, insn, &o, &member) >= 0)
			return mark(insn->target);
		o = obj_descend(l, o, NULL);
		if (o.off == 0 && is_slot(l, o.path))
			return mark(insn->target);
		return 0;
	case OP_STORE:
		if (memop_member(l, insn, &o, &member) >= 0)
			return member != IOM_MEMBER_FLAG && mark_forwarded(insn->target);
		if (!tracked(insn->target))
			return 0;
		o = obj_descend(l, o, NULL);
		return o.off == 0 && add_slot(l, o.path);
	case OP_ADD: case OP_SUB:
	case OP_PTRCAST: case OP_UTPTR: case OP_PTRTU: case OP_COPY:
	case OP_ZEXT: case OP_SEXT: case OP_TRUNC:
		if (tracked(insn->src1) || tracked(insn->src2))
			return mark(insn->target);
		return 0;
	case OP_SET_EQ: case OP_SET_NE:
		if ((tracked(insn->src1) && is_const(insn->src2) && !is_pointer(insn->itype)) ||
		    (tracked(insn->src2) && is_const(insn->src1) && !is_pointer(insn->itype)))
			return mark(insn->target);
		return 0;
	case OP_XOR: case OP_NOT:
		if (tracked(insn->src1))
			return mark(insn->target);
		return 0;
	case OP_SEL:
		if (tracked(insn->src2) || tracked(insn->src3))
			return mark(insn->target);
		return 0;
	case OP_PHI:
		FOR_EACH_PTR(insn->phi_list, a) {
			if (a && a->type == PSEUDO_PHI && a->def && tracked(a->def->phi_src))
				return mark(insn->target);
		} END_FOR_EACH_PTR(a);
		return 0;
	case OP_CALL:
	case OP_INLINED_CALL:
		if (tracked(insn->target))
			return 0;
		if (iom_call_gives_memory(l->rules, callee_name(insn->func)))
			return mark(insn->target);
		/* a function of the file may return a map's flag (the unit's
		 * summary of it says which) */
		if (insn->opcode == OP_CALL && defined_here(insn->func) && is_bool(insn->type))
			return mark(insn->target);
		ret = iom_call_returns_arg(l->rules, callee_name(insn->func));
		i = 0;
		FOR_EACH_PTR(insn->arguments, a) {
			if (++i == ret && tracked(a))
				return mark(insn->target);
		} END_FOR_EACH_PTR(a);
		return 0;
	default:
		return 0;
	}
}

static void find_tracked(struct lower *l)
{
	struct basic_block *bb;
	struct instruction *insn;
	int changed, rounds = 0;

	FOR_EACH_PTR(l->ep->bbs, bb) {
		FOR_EACH_PTR(bb->insns, insn) {
			if (live(insn) && insn->target && insn->opcode != OP_STORE)
				insn->target->priv = NULL;
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
	do {
		changed = 0;
		FOR_EACH_PTR(l->ep->bbs, bb) {
			FOR_EACH_PTR(bb->insns, insn) {
				if (live(insn))
					changed |= scan_insn(l, insn);
			} END_FOR_EACH_PTR(insn);
		} END_FOR_EACH_PTR(bb);
	} while (changed && ++rounds < 100);
}

/* ---- events ------------------------------------------------------------ */

static void member_event(struct lower *l, struct instruction *insn, int store)
{
	struct iom_where w = where_of(l, insn);
	struct obj o;
	int member, map, flag = -1;
	char expr[300];

	map = memop_member(l, insn, &o, &member);
	if (map < 0) {
		struct instruction *src;

		if (!store) {
			o = obj_descend(l, o, NULL);
			if (tracked(insn->target) && o.off == 0 && is_slot(l, o.path))
				iom_slot_load(l->fn, l->cur, w, o.path, value_of(insn->target));
			return;
		}
		/* a whole aggregate: = {}, = another object, = bytes from elsewhere */
		if (!(o.off == 0 && o.type && o.type->bit_size == (int)insn->size))
			o = obj_descend(l, o, NULL);
		if (o.off == 0 && insn->type) {
			struct symbol *t = real_type(insn->type);

			if (t && (t->type == SYM_STRUCT || t->type == SYM_ARRAY)) {
				pseudo_t v = insn->target;

				if (is_const(v) && v->value == 0) {
					iom_store(l->fn, l->cur, w, o.path, t, IOM_STORE_ZERO, -1, NULL);
					return;
				}
				src = v && v->type == PSEUDO_REG ? v->def : NULL;
				if (src && src->opcode == OP_LOAD) {
					struct obj s = pointee(l, src->src);

					s.off += src->offset;
					if (!(s.off == 0 && s.type &&
					      s.type->bit_size == (int)insn->size))
						s = obj_descend(l, s, NULL);
					if (s.off == 0) {
						iom_store(l->fn, l->cur, w, o.path, t, IOM_STORE_COPY,
							  s.path, real_type(src->type));
						return;
					}
				}
				iom_store(l->fn, l->cur, w, o.path, t, IOM_STORE_UNKNOWN, -1, NULL);
				return;
			}
		}
		if (tracked(insn->target))
			iom_slot_store(l->fn, l->cur, w, o.off == 0 ? o.path : -1,
				       value_of(insn->target));
		return;
	}
	iom_member_expr(l->fn, map, (enum iom_member)member, expr, sizeof(expr));
	if (!store) {
		if (tracked(insn->target))
			iom_load(l->fn, l->cur, w, value_of(insn->target), map,
				 (enum iom_member)member, expr);
		return;
	}
	if (is_const(insn->target) && insn->target->value == 0 &&
	    zero_init_element_at(l->ep, insn->pos))
		return;
	if (member == IOM_MEMBER_FLAG && is_const(insn->target))
		flag = insn->target->value != 0;
	if (insn->target && insn->target->priv == &forward_mark) {
		iom_write(l->fn, l->cur, w, map, (enum iom_member)member, flag, -1, expr);
		note_forward(l, insn->target, map, member);
		return;
	}
	iom_write(l->fn, l->cur, w, map, (enum iom_member)member, flag,
		  tracked(insn->target) ? value_of(insn->target) : -1, expr);
}

static void derive(struct lower *l, struct instruction *insn, pseudo_t src, enum iom_derive how)
{
	if (tracked(src) && tracked(insn->target))
		iom_derive(l->fn, l->cur, value_of(insn->target), value_of(src), how);
}

/* x == 0, x != 0, x == 1 ... of a flag; a tracked pointer against NULL. */
static void compare(struct lower *l, struct instruction *insn)
{
	pseudo_t a = insn->src1, b = insn->src2;

	if (!tracked(a)) {
		pseudo_t t = a;

		a = b;
		b = t;
	}
	if (!tracked(a))
		return;
	if (is_pointer(insn->itype)) {
		/* Against NULL it is a test of the map; against another pointer
		 * it compares addresses, which touches no memory. */
		if (b->type == PSEUDO_VAL && !b->value)
			iom_null_test(l->fn, l->cur, where_of(l, insn), value_of(a));
		return;
	}
	if (!is_const(b))
		return;
	derive(l, insn, a, (insn->opcode == OP_SET_EQ) == (b->value == 0) ? IOM_DER_NOT :
	       IOM_DER_COPY);
}

/*
 * The object an argument points to: &x passes x, &s->map (offset 0 of *s)
 * passes the map; the pointer's own type says how deep (a void * to memset
 * is the whole object).
 */
static struct obj obj_as(struct lower *l, struct obj o, struct symbol *want, int one)
{
	int guard = 0;

	want = real_type(want);
	if (o.off != 0)
		return obj_descend(l, o, NULL);
	while (want && o.type && real_type(o.type) != want && guard++ < 16 &&
	       (want->type == SYM_STRUCT || want->type == SYM_UNION)) {
		struct symbol *t = real_type(o.type), *m;

		if (t->type == SYM_ARRAY) {
			/* an array passed as a pointer to its elements: all of
			 * it, unless the callee takes one map (a helper) */
			if (real_type(t->ctype.base_type) == want && !one)
				break;
			o.path = iom_path_index(l->fn, o.path, 0);
			o.type = real_type(t->ctype.base_type);
			continue;
		}
		if (t->type != SYM_STRUCT && t->type != SYM_UNION)
			break;
		m = member_at(t, 0, NULL);
		if (!m)
			break;
		if (m->ident)
			o.path = iom_path_member(l->fn, o.path, name_of(m->ident));
		o.type = real_type(m);
	}
	return o;
}

static int is_string_sym(struct symbol *sym)
{
	return sym && sym->initializer && sym->initializer->type == EXPR_STRING;
}

static void describe_arg(struct lower *l, pseudo_t a, struct symbol *ptype, int one,
			 struct iom_arg *out)
{
	struct symbol *pt = pointee_type(ptype);
	struct obj o;

	memset(out, 0, sizeof(*out));
	out->is = IOM_ARG_OTHER;
	out->value = -1;
	out->path = -1;
	out->pointer = is_pointer(ptype);
	/* sparse keeps "const" of the pointee on the pointer type itself */
	out->to_const = real_type(ptype) && real_type(ptype)->type == SYM_PTR &&
			(real_type(ptype)->ctype.modifiers & MOD_CONST);
	if (!a)
		return;
	if (tracked(a)) {
		out->is = IOM_ARG_VALUE;
		out->value = value_of(a);
		return;
	}
	if (a->type == PSEUDO_VAL) {
		out->is = IOM_ARG_INT;
		out->constant = a->value;
		return;
	}
	if (a->type == PSEUDO_REG && a->def && a->def->opcode == OP_SYMADDR &&
	    a->def->src && a->def->src->type == PSEUDO_SYM && is_string_sym(a->def->src->sym))
		a = a->def->src;
	if (a->type == PSEUDO_SYM && is_string_sym(a->sym)) {
		out->is = IOM_ARG_STRING;
		out->string = a->sym->initializer->string ? a->sym->initializer->string->data : "";
		return;
	}
	if (!out->pointer && a->type != PSEUDO_SYM)
		return;
	o = pointee(l, a);
	o = obj_as(l, o, a->type == PSEUDO_REG && a->def ? pointee_type(a->def->type) : pt, one);
	out->is = a->type == PSEUDO_SYM ? IOM_ARG_ADDRESS : IOM_ARG_POINTER;
	if (a->type == PSEUDO_REG && a->def && a->def->opcode == OP_SYMADDR)
		out->is = IOM_ARG_ADDRESS;
	out->path = o.off == 0 ? o.path : -1;
	out->type = o.off == 0 ? o.type : NULL;
	out->pointer = 1;
}

static int defined_here(pseudo_t func)
{
	struct symbol *fn;

	if (!func || func->type != PSEUDO_SYM || !func->sym)
		return 0;
	fn = real_type(func->sym);
	return fn && fn->type == SYM_FN && (fn->stmt || fn->inline_stmt);
}

static void call(struct lower *l, struct instruction *insn)
{
	struct iom_call c = { 0 };
	struct iom_arg args[32];
	struct symbol *ptype, *param, *fnt;
	pseudo_t a;
	int n = 0;

	c.callee = callee_name(insn->func);
	c.defined_here = defined_here(insn->func);
	/* the declared parameters (const-ness), else the arguments' own types */
	fnt = real_type(first_ptr_list((struct ptr_list *)insn->fntypes));
	if (fnt && fnt->type == SYM_PTR)
		fnt = real_type(fnt->ctype.base_type);
	PREPARE_PTR_LIST(fnt && fnt->type == SYM_FN ? fnt->arguments : NULL, param);
	PREPARE_PTR_LIST(insn->fntypes, ptype);
	NEXT_PTR_LIST(ptype);		/* the first is the function's own type */
	FOR_EACH_PTR(insn->arguments, a) {
		if (n < 32)
			describe_arg(l, a, param ? param : ptype,
				     c.callee && iom_helper_function(l->rules, c.callee, 0),
				     &args[n++]);
		NEXT_PTR_LIST(ptype);
		NEXT_PTR_LIST(param);
	} END_FOR_EACH_PTR(a);
	FINISH_PTR_LIST(ptype);
	FINISH_PTR_LIST(param);
	c.nr_args = n;
	c.args = args;
	if (tracked(insn->target)) {
		c.result = IOM_RESULT_VALUE;
		c.result_value = value_of(insn->target);
	}
	iom_call(l->fn, l->cur, where_of(l, insn), &c);
}

/* An inlined helper's marker: the call the helper body stood for. */
static void inlined_call(struct lower *l, struct instruction *insn)
{
	struct symbol *fn = insn->func && insn->func->type == PSEUDO_SYM ? insn->func->sym : NULL;
	struct iom_call c = { 0 };
	struct iom_arg args[32];
	struct symbol *ft = real_type(fn), *param;
	pseudo_t a;
	int n = 0, spelled;

	if (!fn || !fn->ident || in_helper(l, insn))
		return;
	spelled = iom_helper_code(l->rules, stream_name(fn->pos.stream), NULL, 0);
	if (!spelled || !iom_helper_function(l->rules, name_of(fn->ident), spelled))
		return;		/* not a helper: its body was lowered as code of this function */
	c.callee = name_of(fn->ident);
	c.defined_here = 1;
	PREPARE_PTR_LIST(ft ? ft->arguments : NULL, param);
	FOR_EACH_PTR(insn->arguments, a) {
		if (n < 32)
			describe_arg(l, a, param, 1, &args[n++]);
		NEXT_PTR_LIST(param);
	} END_FOR_EACH_PTR(a);
	FINISH_PTR_LIST(param);
	c.nr_args = n;
	c.args = args;
	if (tracked(insn->target)) {
		c.result = IOM_RESULT_VALUE;
		c.result_value = value_of(insn->target);
	}
	iom_call(l->fn, l->cur, where_of(l, insn), &c);
}

static int block_of(struct basic_block *bb)
{
	return (int)(long)bb->priv;
}

static void edge(struct lower *l, struct basic_block *to)
{
	if (to)
		iom_edge(l->fn, l->cur, block_of(to));
}

/*
 * The edge from -> to is taken when cond has truth 'truth'.  Sparse folds
 * "!m->is_iomem && cached" into one and.1 without branches: the true edge of
 * an and (the false edge of an or) passes a block per operand, so the core
 * sees each flag test on its own.
 */
static void edge_when(struct lower *l, int from, int to, pseudo_t cond, int truth,
		      struct iom_where w, int depth)
{
	struct instruction *def = cond && cond->type == PSEUDO_REG ? cond->def : NULL;

	if (tracked(cond)) {
		iom_edge_if(l->fn, from, to, value_of(cond), truth, w);
		return;
	}
	if (def && depth < 8) {
		switch (def->opcode) {
		case OP_ZEXT: case OP_SEXT: case OP_TRUNC: case OP_COPY:
			edge_when(l, from, to, def->src, truth, w, depth + 1);
			return;
		case OP_AND:
		case OP_OR:
			if ((def->opcode == OP_AND) == truth) {
				int mid = iom_block(l->fn);

				edge_when(l, from, mid, def->src1, truth, w, depth + 1);
				edge_when(l, mid, to, def->src2, truth, w, depth + 1);
				return;
			}
			break;
		default:
			break;
		}
	}
	iom_edge(l->fn, from, to);
}

/*
 * A branch on a pointer that is not tracked: `if (map)`, `map == NULL`,
 * `map != NULL`.  The edge where it is NULL is iom_edge_null with what it
 * points to, as the other engines describe it (the else of `if (map &&
 * map->is_iomem)` joins a path where the map does not exist).  0 when the
 * branch is no such test.
 */
static int null_edges(struct lower *l, struct instruction *insn)
{
	pseudo_t p = insn->cond;
	struct instruction *def = p && p->type == PSEUDO_REG ? p->def : NULL;
	int null_on_true = 0, path;
	struct obj o;

	if (def && (def->opcode == OP_SET_EQ || def->opcode == OP_SET_NE) &&
	    is_const(def->src2) && def->src2->value == 0 && is_pointer(def->itype)) {
		null_on_true = def->opcode == OP_SET_EQ;
		p = def->src1;
	} else if (!def || !is_pointer(def->type)) {
		if (!p || p->type != PSEUDO_ARG)
			return 0;
	}
	if (tracked(p) || is_const(p))
		return 0;
	o = pointee(l, p);
	path = o.path;
	if (path < 0 || !o.type)	/* an argument that is no pointer: no pointee type */
		return 0;
	if (null_on_true) {
		iom_edge_null(l->fn, l->cur, block_of(insn->bb_true), path);
		edge(l, insn->bb_false);
	} else {
		edge(l, insn->bb_true);
		iom_edge_null(l->fn, l->cur, block_of(insn->bb_false), path);
	}
	return 1;
}

static void branch(struct lower *l, struct instruction *insn)
{
	pseudo_t c = insn->cond;
	struct iom_where w = where_of(l, insn);

	if (!insn->bb_true || !insn->bb_false) {
		edge(l, insn->bb_true);
		edge(l, insn->bb_false);
		return;
	}
	if (tracked(c) && is_pointer(c->def ? c->def->type : NULL)) {
		/* if (map->vaddr): a truth test of the pointer */
		iom_null_test(l->fn, l->cur, w, value_of(c));
		edge(l, insn->bb_true);
		edge(l, insn->bb_false);
		return;
	}
	if (null_edges(l, insn))
		return;
	edge_when(l, l->cur, block_of(insn->bb_true), c, 1, w, 0);
	edge_when(l, l->cur, block_of(insn->bb_false), c, 0, w, 0);
}

/* switch (map->is_iomem): case 0 is the false edge, a case without 0 the true one */
static void switch_edges(struct lower *l, struct instruction *insn)
{
	struct multijmp *jmp;
	pseudo_t c = insn->_cond;

	FOR_EACH_PTR(insn->multijmp_list, jmp) {
		int is_default = jmp->begin > jmp->end;

		if (!tracked(c) || is_default || (jmp->begin <= 0 && jmp->end >= 0 && jmp->end != 0))
			edge(l, jmp->target);
		else
			iom_edge_if(l->fn, l->cur, block_of(jmp->target), value_of(c),
				    jmp->begin != 0 || jmp->end != 0, where_of(l, insn));
	} END_FOR_EACH_PTR(jmp);
}

/* The function's result has an integer type (bool and enums included). */
static int returns_int(struct lower *l)
{
	struct symbol *fnt = real_type(l->sym), *t;

	t = fnt && fnt->type == SYM_FN ? real_type(fnt->ctype.base_type) : NULL;
	if (t && t->type == SYM_ENUM)
		return 1;
	return t && t->type == SYM_BASETYPE && t->ctype.base_type == &int_type;
}

/* Several returns meet in a phi: one that returns something untracked (a
 * constant) makes the result no flag of a map (GCC's phi of false and the
 * flag is the same). */
static int phi_of_untracked(pseudo_t v)
{
	pseudo_t a;

	if (v->type != PSEUDO_REG || !v->def || v->def->opcode != OP_PHI)
		return 0;
	FOR_EACH_PTR(v->def->phi_list, a) {
		if (a && a->type == PSEUDO_PHI && a->def && !tracked(a->def->phi_src))
			return 1;
	} END_FOR_EACH_PTR(a);
	return 0;
}

static int is_phi(pseudo_t p)
{
	return p && p->type == PSEUDO_REG && p->def && p->def->opcode == OP_PHI;
}

/* Is the phi's value what the function returns (directly, or through
 * the phis of enclosing branches)? */
static int phi_returned(struct instruction *phi, int depth)
{
	struct pseudo_user *pu;

	if (!phi->target || phi->target->type != PSEUDO_REG || depth > 16)
		return 0;
	FOR_EACH_PTR(phi->target->users, pu) {
		struct instruction *u = pu ? pu->insn : NULL;

		if (!u || !u->bb)
			continue;
		if (u->opcode == OP_RET ||
		    (u->opcode == OP_PHISOURCE && u->phi_node && phi_returned(u->phi_node, depth + 1)))
			return 1;
	} END_FOR_EACH_PTR(pu);
	return 0;
}

static void lower_insn(struct lower *l, struct instruction *insn)
{
	struct multijmp *jmp;
	pseudo_t a;

	if (in_helper(l, insn)) {
		/* helper body: no events, but the blocks still need their edges */
		switch (insn->opcode) {
		case OP_BR: edge(l, insn->bb_true); return;
		case OP_CBR: edge(l, insn->bb_true); edge(l, insn->bb_false); return;
		case OP_SWITCH:
			FOR_EACH_PTR(insn->multijmp_list, jmp) {
				edge(l, jmp->target);
			} END_FOR_EACH_PTR(jmp);
			return;
		default: return;
		}
	}
	uses(l, insn);
	switch (insn->opcode) {
	case OP_LOAD:
		if (tracked(insn->src))
			iom_access(l->fn, l->cur, where_of(l, insn), value_of(insn->src), 0);
		member_event(l, insn, 0);
		return;
	case OP_STORE:
		if (tracked(insn->src))
			iom_access(l->fn, l->cur, where_of(l, insn), value_of(insn->src), 1);
		member_event(l, insn, 1);
		return;
	case OP_ADD: case OP_SUB:
		derive(l, insn, insn->src1, IOM_DER_OFFSET);
		derive(l, insn, insn->src2, IOM_DER_OFFSET);
		return;
	case OP_PTRCAST: case OP_UTPTR: case OP_PTRTU: case OP_COPY:
	case OP_ZEXT: case OP_SEXT: case OP_TRUNC:
		derive(l, insn, insn->src, IOM_DER_COPY);
		return;
	case OP_SET_EQ: case OP_SET_NE:
		compare(l, insn);
		return;
	case OP_XOR:
		if (is_const(insn->src2) && insn->src2->value == 1)
			derive(l, insn, insn->src1, IOM_DER_NOT);
		return;
	case OP_NOT:
		derive(l, insn, insn->src1, IOM_DER_NOT);
		return;
	case OP_SEL:
		derive(l, insn, insn->src2, IOM_DER_COPY);
		derive(l, insn, insn->src3, IOM_DER_COPY);
		return;
	case OP_PHI:
		FOR_EACH_PTR(insn->phi_list, a) {
			if (a && a->type == PSEUDO_PHI && a->def)
				derive(l, insn, a->def->phi_src, IOM_DER_COPY);
		} END_FOR_EACH_PTR(a);
		return;
	case OP_CALL:
		call(l, insn);
		return;
	case OP_INLINED_CALL:
		inlined_call(l, insn);
		return;
	case OP_RET:
		if (insn->src && insn->src != VOID && returns_int(l))
			iom_return(l->fn, l->cur, where_of(l, insn),
				   tracked(insn->src) && !phi_of_untracked(insn->src) ?
				   value_of(insn->src) : -1);
		else if (tracked(insn->src) && !is_phi(insn->src))
			iom_escape(l->fn, l->cur, where_of(l, insn), value_of(insn->src),
				   IOM_ESC_RETURN, NULL);
		return;
	case OP_PHISOURCE:
		/* sparse joins every return in one exit: a pointer escapes at the
		 * return statement that gives it, the phi's source */
		if (tracked(insn->phi_src) && !is_phi(insn->phi_src) && insn->phi_node &&
		    phi_returned(insn->phi_node, 0) && !returns_int(l))
			iom_escape(l->fn, l->cur, where_of(l, insn), value_of(insn->phi_src),
				   IOM_ESC_RETURN, NULL);
		return;
	case OP_ASM:
		iom_asm(l->fn, l->cur, where_of(l, insn), insn->string ? insn->string : "");
		return;
	case OP_BR:
		edge(l, insn->bb_true);
		return;
	case OP_CBR:
		branch(l, insn);
		return;
	case OP_SWITCH:
		switch_edges(l, insn);
		return;
	default:
		return;		/* arithmetic on untracked values, context, ... */
	}
}

static int last_register(struct lower *l)
{
	struct basic_block *bb;
	struct instruction *insn;
	int last = 0;

	FOR_EACH_PTR(l->ep->bbs, bb) {
		FOR_EACH_PTR(bb->insns, insn) {
			if (insn && insn->target && insn->target->type == PSEUDO_REG &&
			    insn->target->nr > last)
				last = insn->target->nr;
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
	return last;
}

/* The argument symbol and pseudo of each parameter, in order. */
#define FOR_EACH_PARAM(l, sym, arg) \
	PREPARE_PTR_LIST(l->ep->entry ? l->ep->entry->arg_list : NULL, arg); \
	FOR_EACH_PTR(real_type(l->sym)->arguments, sym)
#define END_FOR_EACH_PARAM(sym, arg) \
	NEXT_PTR_LIST(arg); \
	END_FOR_EACH_PTR(sym); \
	FINISH_PTR_LIST(arg)

/*
 * A bool parameter whose address is never taken is the value it enters
 * with wherever it is read (sparse's SSA puts the argument there): a caller
 * may pass a map's flag in it (the unit's guards).
 */
static void bool_params(struct lower *l)
{
	struct symbol *sym;
	pseudo_t arg;

	FOR_EACH_PARAM(l, sym, arg) {
		if (arg) {
			arg->priv = NULL;
			if (is_bool(sym) && !(sym->ctype.modifiers & MOD_ADDRESSABLE))
				arg->priv = &tracked_mark;
		}
	} END_FOR_EACH_PARAM(sym, arg);
}

static void declare_param_values(struct lower *l)
{
	struct symbol *sym;
	pseudo_t arg;
	int n = 0;

	FOR_EACH_PARAM(l, sym, arg) {
		n++;
		if (tracked(arg) && arg->nr == n)
			iom_param_value(l->fn, n, value_of(arg));
	} END_FOR_EACH_PARAM(sym, arg);
}

/* Is s a declaration of the function called 'ident' that has its address
 * taken (sparse marks a designator that decays, or &f, addressable)? */
static int same_function(struct symbol *s, const struct ident *ident)
{
	return s && s->ident == ident && real_type(s) && real_type(s)->type == SYM_FN;
}

/*
 * How many times the linearized functions 'bodies' call function 'fn'
 * directly, or -1 when they may call it otherwise: a declaration of it in
 * 'decls' has its address taken (in code or an initialiser), or its symbol is
 * used by anything but a call.  Each body has its own pseudo of the symbol.
 */
int direct_calls(struct symbol *fn, struct symbol_list *bodies, struct symbol_list *decls)
{
	struct symbol *s;
	pseudo_t p;
	struct pseudo_user *pu;
	int calls = 0;

	FOR_EACH_PTR(decls, s) {
		if (same_function(s, fn->ident) && (s->ctype.modifiers & MOD_ADDRESSABLE))
			return -1;
	} END_FOR_EACH_PTR(s);
	FOR_EACH_PTR(bodies, s) {
		FOR_EACH_PTR(s->ep ? s->ep->accesses : NULL, p) {
			if (!same_function(p->sym, fn->ident))
				continue;
			FOR_EACH_PTR(p->users, pu) {
				if (!pu || !live(pu->insn))
					continue;
				if (pu->insn->opcode != OP_CALL || pu->userp != &pu->insn->func)
					return -1;
				calls++;
			} END_FOR_EACH_PTR(pu);
		} END_FOR_EACH_PTR(p);
	} END_FOR_EACH_PTR(s);
	return calls;
}

void lower_function(struct lower *l)
{
	struct basic_block *bb, *entry = l->ep->entry ? l->ep->entry->bb : NULL;
	struct instruction *insn;

	/* block 0 is the entry */
	FOR_EACH_PTR(l->ep->bbs, bb) {
		bb->priv = (void *)(long)(bb == entry ? 0 : iom_block(l->fn));
	} END_FOR_EACH_PTR(bb);
	arg_base = last_register(l) + 1;
	bool_params(l);
	find_tracked(l);
	declare_param_values(l);
	FOR_EACH_PTR(l->ep->bbs, bb) {
		l->cur = block_of(bb);
		FOR_EACH_PTR(bb->insns, insn) {
			if (live(insn))
				lower_insn(l, insn);
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
	free(l->slots);
	l->slots = NULL;
	l->nr_slots = 0;
	free(l->fwd);
	l->fwd = NULL;
	l->nr_fwd = 0;
}

/* ---- helper macros spelled on a line ------------------------------------ */

#define MAX_SPELLED	(16 * 1024)	/* bytes of a macro call read for its helpers */

struct line_cache {
	const char *file;
	char *text;
	size_t len;
};

static struct line_cache cache;

static const char *line_text(const char *file, int line, size_t *len)
{
	const char *p, *end;
	int n = 1;

	if (!cache.file || strcmp(cache.file, file)) {
		FILE *f = fopen(file, "rb");
		long size;

		free(cache.text);
		cache.text = NULL;
		cache.len = 0;
		cache.file = file;
		if (!f)
			return NULL;
		if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0) {
			cache.text = malloc((size_t)size + 1);
			if (cache.text)
				cache.len = fread(cache.text, 1, (size_t)size, f);
		}
		fclose(f);
	}
	if (!cache.text)
		return NULL;
	p = cache.text;
	end = cache.text + cache.len;
	while (p < end && n < line) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));

		if (!nl)
			return NULL;
		p = nl + 1;
		n++;
	}
	*len = (size_t)(end - p);
	if (memchr(p, '\n', *len))
		*len = (size_t)((const char *)memchr(p, '\n', *len) - p);
	return p;
}

/* Does this identifier name a helper macro, or a macro whose expansion
 * spells one (ads_blob_read -> iosys_map_rd_field -> iosys_map_rd)? */
static int names_helper_macro(const struct iom_rules *rules, struct ident *id, int depth)
{
	struct symbol *sym;
	struct token *t;

	if (iom_helper_macro(rules, name_of(id)))
		return 1;
	if (depth > 8)
		return 0;
	sym = lookup_symbol(id, NS_MACRO);
	if (!sym || sym->namespace != NS_MACRO)
		return 0;
	for (t = sym->expansion; t && !eof_token(t); t = t->next)
		if (token_type(t) == TOKEN_IDENT && t->ident != id &&
		    names_helper_macro(rules, t->ident, depth + 1))
			return 1;
	return 0;
}

static int ident_char(char c)
{
	return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/*
 * How far the text at s (the line, then the rest of the file) reads as one
 * statement's worth for a position at byte column col: the line, or, when a
 * macro call starts at col, through its closing parenthesis.  Sparse places
 * every token a macro expands at the macro's name, and its arguments may go
 * on for lines (FIELD_GET(MASK,\n drv_read(...))).
 */
static size_t spelled_extent(const char *s, size_t line_len, size_t rest, int col)
{
	size_t i = col > 0 ? (size_t)col - 1 : 0, depth = 0;

	if (i >= line_len || !ident_char(s[i]) || (s[i] >= '0' && s[i] <= '9'))
		return line_len;
	while (i < rest && ident_char(s[i]))
		i++;
	while (i < rest && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\\'))
		i++;
	if (i >= rest || s[i] != '(')
		return line_len;
	for (; i < rest && i < MAX_SPELLED; i++) {
		if (s[i] == '(')
			depth++;
		else if (s[i] == ')' && --depth == 0)
			return i + 1 > line_len ? i + 1 : line_len;
	}
	return line_len;
}

int line_spells_helper_macro(const struct iom_rules *rules, const char *file, int line, int col)
{
	static const char *last_file;
	static int last_line, last_col, last;
	size_t len, i = 0;
	const char *s;
	char word[128];

	if (file == last_file && line == last_line && col == last_col)
		return last;
	s = line_text(file, line, &len);
	last_file = file;
	last_line = line;
	last_col = col;
	last = 0;
	if (!s)
		return 0;
	len = spelled_extent(s, len, (size_t)(cache.text + cache.len - s), col);
	while (i < len && !last) {
		size_t start = i;

		if (!(s[i] == '_' || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z'))) {
			i++;
			continue;
		}
		while (i < len && ident_char(s[i]))
			i++;
		if (i - start < sizeof(word)) {
			memcpy(word, s + start, i - start);
			word[i - start] = 0;
			/* the identifier the tokenizer made (or a new, unbound one) */
			last = names_helper_macro(rules, built_in_ident(word), 0);
		}
	}
	return last;
}
