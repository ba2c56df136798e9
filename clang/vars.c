/*
 * vars.c - local variables as values: SSA built while the tree is walked.
 *
 * The core wants each value defined once.  A local scalar or pointer gets a
 * new value at each assignment; a read finds the definition that reaches it
 * in its block, or, with none there, a phi: a new value that copies the
 * definitions reaching the end of every predecessor.  Predecessors are only
 * all known once the function is walked (loops, gotos), so phis made during
 * the walk get their operands in vars_finish(), like the unsealed blocks of
 * Braun et al.'s construction.  A phi with one operand is a plain copy.
 *
 * vars_scan() also remembers, for each local assigned exactly once and never
 * addressed, its initialiser: paths.c names what such a pointer points to.
 */
#include <stdlib.h>
#include <string.h>

#include "clang.h"

struct var_def {
	unsigned uid;
	int block;
	int value;		/* -1: defined as "no value" */
	int used;
};

struct pending_phi {
	unsigned uid;
	int block, value;
};

struct single_def {
	unsigned uid;
	int count;		/* definitions; 2 means "many" */
	CXCursor init;
};

struct derivation {
	int dst, src;
};

int var_uid(CXCursor decl)
{
	return (int)clang_getCursorLocation(decl).int_data;
}

int is_local_var(CXCursor decl)
{
	enum CX_StorageClass sc;
	CXCursor parent;

	if (clang_getCursorKind(decl) != CXCursor_VarDecl)
		return 0;
	sc = clang_Cursor_getStorageClass(decl);
	if (sc == CX_SC_Static || sc == CX_SC_Extern)
		return 0;
	parent = clang_getCursorSemanticParent(decl);
	return clang_getCursorKind(parent) == CXCursor_FunctionDecl;
}

CXCursor var_init(CXCursor decl)
{
	CXCursor k[MAX_KIDS];
	int n = kids(decl, k);
	CXType t = plain_type(clang_getCursorType(decl));

	if (n < 1 || !clang_isExpression(clang_getCursorKind(k[n - 1])))
		return clang_getNullCursor();
	/* An array's children also hold its size expression. */
	if ((t.kind == CXType_ConstantArray || t.kind == CXType_VariableArray ||
	     t.kind == CXType_IncompleteArray) &&
	    clang_getCursorKind(k[n - 1]) != CXCursor_InitListExpr)
		return clang_getNullCursor();
	return k[n - 1];
}

/* ---- the (variable, block) -> value table, open addressing ---- */

static unsigned slot_of(unsigned uid, int block, int cap)
{
	return (uid * 2654435761u ^ (unsigned)block * 40503u) & (unsigned)(cap - 1);
}

static struct var_def *find(struct lower *l, unsigned uid, int block, int make)
{
	unsigned i;

	if (make && (l->nr_defs + 1) * 2 > l->cap_defs) {
		int cap = l->cap_defs ? 2 * l->cap_defs : 256;
		struct var_def *old = l->defs, *n = calloc(cap, sizeof(*n));
		int oldcap = l->cap_defs;

		if (!n)
			return NULL;
		l->defs = n;
		l->cap_defs = cap;
		for (int k = 0; k < oldcap; k++)
			if (old[k].used) {
				unsigned j = slot_of(old[k].uid, old[k].block, cap);

				while (n[j].used)
					j = (j + 1) & (cap - 1);
				n[j] = old[k];
			}
		free(old);
	}
	if (!l->cap_defs)
		return NULL;
	for (i = slot_of(uid, block, l->cap_defs); l->defs[i].used; i = (i + 1) & (l->cap_defs - 1))
		if (l->defs[i].uid == uid && l->defs[i].block == block)
			return &l->defs[i];
	if (!make)
		return NULL;
	l->defs[i].used = 1;
	l->defs[i].uid = uid;
	l->defs[i].block = block;
	l->defs[i].value = -1;
	l->nr_defs++;
	return &l->defs[i];
}

static void write_def(struct lower *l, unsigned uid, int b, int value)
{
	struct var_def *d = find(l, uid, b, 1);

	if (d)
		d->value = value;
}

void var_write(struct lower *l, CXCursor decl, int value)
{
	write_def(l, (unsigned)var_uid(decl), block(l), value);
}

static int read_def(struct lower *l, unsigned uid, int b, int finishing, int depth)
{
	struct var_def *d = find(l, uid, b, 0);
	int v;

	if (d)
		return d->value;
	if (b == 0 || depth > 10000)
		return -1;
	if (finishing && l->nr_preds[b] == 1) {
		v = read_def(l, uid, l->preds[b][0], 1, depth + 1);
		write_def(l, uid, b, v);
		return v;
	}
	if (finishing && l->nr_preds[b] == 0) {
		write_def(l, uid, b, -1);
		return -1;
	}
	v = new_value(l);
	write_def(l, uid, b, v);
	if (finishing) {
		for (int i = 0; i < l->nr_preds[b]; i++) {
			int u = read_def(l, uid, l->preds[b][i], 1, depth + 1);

			if (u >= 0) {
				iom_derive(l->fn, b, v, u, IOM_DER_COPY);
				derive(l, v, u, -1);
			}
		}
	} else {
		struct pending_phi *p = realloc(l->phis, (l->nr_phis + 1) * sizeof(*p));

		if (p) {
			l->phis = p;
			p[l->nr_phis].uid = uid;
			p[l->nr_phis].block = b;
			p[l->nr_phis++].value = v;
		}
	}
	return v;
}

int var_read(struct lower *l, CXCursor decl)
{
	return read_def(l, (unsigned)var_uid(decl), block(l), 0, 0);
}

void vars_finish(struct lower *l)
{
	for (int i = 0; i < l->nr_phis; i++) {
		struct pending_phi p = l->phis[i];

		for (int k = 0; k < l->nr_preds[p.block]; k++) {
			int u = read_def(l, p.uid, l->preds[p.block][k], 1, 0);

			if (u >= 0) {
				iom_derive(l->fn, p.block, p.value, u, IOM_DER_COPY);
				derive(l, p.value, u, -1);
			}
		}
	}
	l->nr_phis = 0;
}

void vars_reset(struct lower *l)
{
	free(l->defs);
	l->defs = NULL;
	l->nr_defs = l->cap_defs = 0;
	free(l->phis);
	l->phis = NULL;
	l->nr_phis = 0;
}

/* ---- locals assigned once ---- */

static struct single_def *single(struct lower *l, CXCursor decl)
{
	unsigned uid = (unsigned)var_uid(decl);
	struct single_def *s;

	for (int i = 0; i < l->nr_singles; i++)
		if (l->singles[i].uid == uid)
			return &l->singles[i];
	s = realloc(l->singles, (l->nr_singles + 1) * sizeof(*s));
	if (!s)
		return NULL;
	l->singles = s;
	s = &s[l->nr_singles++];
	s->uid = uid;
	s->count = 0;
	s->init = clang_getNullCursor();
	return s;
}

static void defined(struct lower *l, CXCursor var_ref, CXCursor value, int many)
{
	CXCursor decl = clang_getCursorReferenced(strip(var_ref));
	struct single_def *s;

	if (clang_getCursorKind(strip(var_ref)) != CXCursor_DeclRefExpr || !is_local_var(decl))
		return;
	s = single(l, decl);
	if (!s)
		return;
	s->count += many ? 2 : 1;
	s->init = value;
}

/* The local an lvalue is part of (x, x.f, x[i] of an array x), or a null cursor. */
static CXCursor lvalue_root(CXCursor c)
{
	CXCursor k[MAX_KIDS];

	for (int i = 0; i < 64; i++) {
		int n;

		c = strip(c);
		n = kids(c, k);
		switch (clang_getCursorKind(c)) {
		case CXCursor_DeclRefExpr:
			c = clang_getCursorReferenced(c);
			return is_local_var(c) || clang_getCursorKind(c) == CXCursor_ParmDecl ?
			       c : clang_getNullCursor();
		case CXCursor_MemberRefExpr:
			if (n < 1 || plain_type(clang_getCursorType(k[0])).kind == CXType_Pointer)
				return clang_getNullCursor();
			c = k[0];
			break;
		case CXCursor_ArraySubscriptExpr:
			if (n != 2 || plain_type(clang_getCursorType(strip(k[0]))).kind == CXType_Pointer)
				return clang_getNullCursor();
			c = k[0];
			break;
		default:
			return clang_getNullCursor();
		}
	}
	return clang_getNullCursor();
}

static void addressed(struct lower *l, CXCursor lvalue)
{
	CXCursor decl = lvalue_root(lvalue);
	unsigned *a;

	if (clang_Cursor_isNull(decl) || var_addressed(l, decl))
		return;
	a = realloc(l->addressed, (l->nr_addressed + 1) * sizeof(*a));
	if (!a)
		return;
	l->addressed = a;
	a[l->nr_addressed++] = (unsigned)var_uid(decl);
}

int var_addressed(const struct lower *l, CXCursor decl)
{
	unsigned uid = (unsigned)var_uid(decl);

	for (int i = 0; i < l->nr_addressed; i++)
		if (l->addressed[i] == uid)
			return 1;
	return 0;
}

static int is_array_type(CXType t)
{
	enum CXTypeKind k = plain_type(t).kind;

	return k == CXType_ConstantArray || k == CXType_IncompleteArray ||
	       k == CXType_VariableArray;
}

static enum CXChildVisitResult scan(CXCursor c, CXCursor parent, CXClientData data)
{
	struct lower *l = (struct lower *)data;
	CXCursor k[MAX_KIDS];
	int n;

	(void)parent;
	switch (clang_getCursorKind(c)) {
	case CXCursor_UnaryExpr:
		return CXChildVisit_Continue;	/* sizeof x takes no address */
	case CXCursor_DeclRefExpr:
		/* An array used as a value decays to its address. */
		if (is_array_type(clang_getCursorType(c)))
			addressed(l, c);
		break;
	case CXCursor_VarDecl:
		if (is_local_var(c)) {
			CXCursor init = var_init(c);

			if (!clang_Cursor_isNull(init)) {
				struct single_def *s = single(l, c);

				if (s) {
					s->count++;
					s->init = init;
				}
			}
		}
		break;
	case CXCursor_BinaryOperator:
		n = kids(c, k);
		if (n == 2 && binary_op(c) == OP_ASSIGN)
			defined(l, k[0], k[1], 0);
		break;
	case CXCursor_CompoundAssignOperator:
		n = kids(c, k);
		if (n == 2)
			defined(l, k[0], k[1], 1);
		break;
	case CXCursor_UnaryOperator: {
		enum op op;

		n = kids(c, k);
		if (n != 1)
			break;
		op = unary_op(c);
		if (op == OP_ADDR)
			addressed(l, k[0]);
		if (op == OP_ADDR || op == OP_PREINC || op == OP_PREDEC || op == OP_POSTINC ||
		    op == OP_POSTDEC)
			defined(l, k[0], k[0], 1);
		break;
	}
	default:
		break;
	}
	return CXChildVisit_Recurse;
}

void vars_scan(struct lower *l, CXCursor body)
{
	free(l->singles);
	l->singles = NULL;
	l->nr_singles = 0;
	free(l->addressed);
	l->addressed = NULL;
	l->nr_addressed = 0;
	clang_visitChildren(body, scan, l);
}

CXCursor var_single_init(struct lower *l, CXCursor decl)
{
	unsigned uid = (unsigned)var_uid(decl);

	for (int i = 0; i < l->nr_singles; i++)
		if (l->singles[i].uid == uid)
			return l->singles[i].count == 1 ? l->singles[i].init : clang_getNullCursor();
	return clang_getNullCursor();
}
