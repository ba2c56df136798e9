/*
 * stmt.c - statements: the control-flow graph built from the statement tree.
 *
 * libclang has no CFG.  Each statement is lowered into the current block
 * (l->cur); control statements make blocks and edges: if/else, the three
 * loops, switch (cases fall through, a missing default goes to the end),
 * break/continue, goto and labels, return.  After a jump the current block
 * is -1: code there is unreachable, and gets a fresh block without
 * predecessors if it does anything.  Conditions are lowered by cond_branch()
 * (expr.c), which splits && || ?: and ! into edges as GCC does.
 */
#include <stdlib.h>
#include <string.h>

#include "clang.h"

struct label_ref {
	unsigned uid;
	int block;
};

/* Room for the predecessors of block b. */
void block_room(struct lower *l, int b)
{
	int **p, *n;

	if (b >= l->nr_blocks) {
		int cap = b + 64;

		p = realloc(l->preds, cap * sizeof(*p));
		if (!p)
			return;
		l->preds = p;
		n = realloc(l->nr_preds, cap * sizeof(*n));
		if (!n)
			return;
		l->nr_preds = n;
		for (int i = l->nr_blocks; i < cap; i++) {
			l->preds[i] = NULL;
			l->nr_preds[i] = 0;
		}
		l->nr_blocks = cap;
	}
}

int new_block(struct lower *l)
{
	int b = iom_block(l->fn);

	block_room(l, b);
	return b;
}

static void add_pred(struct lower *l, int from, int to)
{
	int *p;

	if (to < 0 || to >= l->nr_blocks)
		return;
	for (int i = 0; i < l->nr_preds[to]; i++)
		if (l->preds[to][i] == from)
			return;
	p = realloc(l->preds[to], (l->nr_preds[to] + 1) * sizeof(*p));
	if (!p)
		return;
	l->preds[to] = p;
	p[l->nr_preds[to]++] = from;
}

void edge(struct lower *l, int from, int to)
{
	if (from < 0 || to < 0)
		return;
	add_pred(l, from, to);
	iom_edge(l->fn, from, to);
}

void edge_if(struct lower *l, int from, int to, int value, int truth, struct iom_where w)
{
	if (from < 0 || to < 0)
		return;
	add_pred(l, from, to);
	iom_edge_if(l->fn, from, to, value, truth, w);
}

void edge_null(struct lower *l, int from, int to, int path)
{
	if (from < 0 || to < 0)
		return;
	add_pred(l, from, to);
	if (path >= 0)
		iom_edge_null(l->fn, from, to, path);
	else
		iom_edge(l->fn, from, to);
}

int block(struct lower *l)
{
	if (l->cur < 0)
		l->cur = new_block(l);
	return l->cur;
}

static void jump(struct lower *l, int to)
{
	edge(l, l->cur, to);
	l->cur = -1;
}

static int label_block(struct lower *l, CXCursor label)
{
	unsigned uid = clang_getCursorLocation(label).int_data;
	struct label_ref *r;

	for (int i = 0; i < l->nr_labels; i++)
		if (l->labels[i].uid == uid)
			return l->labels[i].block;
	r = realloc(l->labels, (l->nr_labels + 1) * sizeof(*r));
	if (!r)
		return -1;
	l->labels = r;
	r[l->nr_labels].uid = uid;
	r[l->nr_labels].block = new_block(l);
	return r[l->nr_labels++].block;
}

static struct loop_ctx *push(struct lower *l, int brk, int cont)
{
	struct loop_ctx *x;

	if (l->nr_loops >= 64)
		return NULL;
	x = &l->loops[l->nr_loops++];
	x->brk = brk;
	x->cont = cont;
	x->sw = NULL;
	return x;
}

static int innermost(struct lower *l, int want_cont)
{
	for (int i = l->nr_loops - 1; i >= 0; i--) {
		if (!want_cont)
			return l->loops[i].brk;
		if (l->loops[i].cont >= 0)
			return l->loops[i].cont;
	}
	return -1;
}

static struct switch_ctx *innermost_switch(struct lower *l)
{
	for (int i = l->nr_loops - 1; i >= 0; i--)
		if (l->loops[i].sw)
			return l->loops[i].sw;
	return NULL;
}

/* An if or while condition: GCC places its tests at the "(" before it. */
static void cond_at_paren(struct lower *l, CXCursor cond, int t, int f)
{
	CXSourceLocation loc;
	struct iom_where w;

	if (punct_before(cond, "(", &loc)) {
		w = where_at(l->wc, cond, loc);
		l->cond_w = &w;
	}
	cond_branch(l, cond, t, f);
	l->cond_w = NULL;
}

/* ---- declarations ---- */

static void lower_decl(struct lower *l, CXCursor var)
{
	enum CX_StorageClass sc = clang_Cursor_getStorageClass(var);
	CXCursor init;

	if (clang_getCursorKind(var) != CXCursor_VarDecl || sc == CX_SC_Static || sc == CX_SC_Extern)
		return;
	init = var_init(var);
	if (is_aggregate(clang_getCursorType(var))) {
		lower_aggregate_init(l, var, decl_path(l, var), init);
		return;
	}
	lower_init(l, var, init);
}

/* End of scope of the aggregates a block declared. */
static void end_scope(struct lower *l, CXCursor compound, CXCursor *k, int n)
{
	if (l->cur < 0)
		return;
	for (int i = 0; i < n; i++) {
		CXCursor d[MAX_KIDS];
		int m;

		if (clang_getCursorKind(k[i]) != CXCursor_DeclStmt)
			continue;
		m = kids(k[i], d);
		for (int j = 0; j < m; j++) {
			CXType t = clang_getCursorType(d[j]);

			if (!is_local_var(d[j]) || !is_aggregate(t))
				continue;
			iom_store(l->fn, l->cur, where_of(l->wc, compound), decl_path(l, d[j]),
				  type_ref(l->types, t), IOM_STORE_END_SCOPE, -1, NULL);
		}
	}
}

/* ---- switch ---- */

static void case_label(struct lower *l, CXCursor c, int is_default)
{
	struct switch_ctx *sw = innermost_switch(l);
	CXCursor k[MAX_KIDS];
	int n, b, truth;
	long long v;

	/* case 1: case 2: ... nest each label in the previous one: a loop,
	 * not a recursion, for switches with thousands of labels. */
again:
	n = kids(c, k);
	truth = -2;

	if (!sw) {
		if (n)
			lower_stmt(l, k[n - 1]);
		return;
	}
	if (!is_default && n == 2 && const_int(k[0], &v))
		truth = v != 0;
	if (sw->fresh && sw->nr && l->cur == sw->blocks[sw->nr - 1]) {
		b = l->cur;
		if (sw->truth[sw->nr - 1] != truth)
			sw->truth[sw->nr - 1] = -2;
	} else {
		int *bl = realloc(sw->blocks, (sw->nr + 1) * sizeof(int));
		int *tr;

		if (!bl)
			return;
		sw->blocks = bl;
		tr = realloc(sw->truth, (sw->nr + 1) * sizeof(int));
		if (!tr)
			return;
		sw->truth = tr;
		b = new_block(l);
		edge(l, l->cur, b);
		sw->blocks[sw->nr] = b;
		sw->truth[sw->nr++] = truth;
	}
	if (is_default) {
		sw->has_default = 1;
		sw->truth[sw->nr - 1] = -2;
	}
	l->cur = b;
	sw->fresh = 1;
	if (n) {
		enum CXCursorKind sk = clang_getCursorKind(k[n - 1]);

		if (sk == CXCursor_CaseStmt || sk == CXCursor_DefaultStmt) {
			is_default = sk == CXCursor_DefaultStmt;
			c = k[n - 1];
			goto again;
		}
		sw->fresh = 0;
		lower_stmt(l, k[n - 1]);
	}
}

static void lower_switch(struct lower *l, CXCursor c, CXCursor *k, int n)
{
	struct switch_ctx sw;
	struct loop_ctx *x;
	int exit_b, cont = innermost(l, 1), v, other;
	struct iom_where w = where_of(l->wc, c);

	if (n < 2) {
		for (int i = 0; i < n; i++)
			lower_stmt(l, k[i]);
		return;
	}
	v = eval(l, k[n - 2]);
	memset(&sw, 0, sizeof(sw));
	sw.dispatch = block(l);
	sw.value = v;
	exit_b = new_block(l);
	x = push(l, exit_b, cont);
	if (!x)
		return;
	x->sw = &sw;
	l->cur = -1;
	lower_stmt(l, k[n - 1]);
	jump(l, exit_b);
	l->nr_loops--;
	/* One case and a default (or none) is an if to GCC: the other way
	 * out is taken when the flag is the other truth. */
	other = -1;
	if (sw.nr - sw.has_default == 1 && is_tracked(l, v))
		for (int i = 0; i < sw.nr; i++)
			if (sw.truth[i] >= 0)
				other = !sw.truth[i];
	for (int i = 0; i < sw.nr; i++) {
		if (sw.truth[i] >= 0 && is_tracked(l, v))
			edge_if(l, sw.dispatch, sw.blocks[i], v, sw.truth[i], w);
		else if (other >= 0 && sw.truth[i] == -2)
			edge_if(l, sw.dispatch, sw.blocks[i], v, other, w);
		else
			edge(l, sw.dispatch, sw.blocks[i]);
	}
	if (!sw.has_default && other >= 0)
		edge_if(l, sw.dispatch, exit_b, v, other, w);
	else if (!sw.has_default)
		edge(l, sw.dispatch, exit_b);
	free(sw.blocks);
	free(sw.truth);
	l->cur = exit_b;
}

/* ---- loops ---- */

static void lower_for(struct lower *l, CXCursor c, CXCursor *k)
{
	int init, cond, inc, body, head, b, exit_b, next;

	for_parts(c, &init, &cond, &inc, &body);
	if (body < 0)
		return;
	if (init >= 0)
		lower_stmt(l, k[init]);
	head = new_block(l);
	jump(l, head);
	l->cur = head;
	b = new_block(l);
	exit_b = new_block(l);
	next = new_block(l);
	if (cond >= 0)
		cond_branch(l, k[cond], b, exit_b);
	else
		jump(l, b);
	if (!push(l, exit_b, next))
		return;
	l->cur = b;
	lower_stmt(l, k[body]);
	l->nr_loops--;
	jump(l, next);
	l->cur = next;
	if (inc >= 0)
		eval(l, k[inc]);
	jump(l, head);
	l->cur = exit_b;
}

static void lower_while(struct lower *l, CXCursor *k, int n)
{
	int head = new_block(l), b, exit_b;

	if (n != 2)
		return;
	jump(l, head);
	l->cur = head;
	b = new_block(l);
	exit_b = new_block(l);
	cond_at_paren(l, k[0], b, exit_b);
	if (!push(l, exit_b, head))
		return;
	l->cur = b;
	lower_stmt(l, k[1]);
	l->nr_loops--;
	jump(l, head);
	l->cur = exit_b;
}

static void lower_do(struct lower *l, CXCursor *k, int n)
{
	int b = new_block(l), cond, exit_b;

	if (n != 2)
		return;
	jump(l, b);
	cond = new_block(l);
	exit_b = new_block(l);
	if (!push(l, exit_b, cond))
		return;
	l->cur = b;
	lower_stmt(l, k[0]);
	l->nr_loops--;
	jump(l, cond);
	l->cur = cond;
	cond_branch(l, k[1], b, exit_b);
	l->cur = exit_b;
}

/* ---- statements ---- */

static void lower_asm(struct lower *l, CXCursor c, CXCursor *k, int n)
{
	char text[2048];

	for (int i = 0; i < n; i++)
		if (clang_isExpression(clang_getCursorKind(k[i])))
			eval(l, k[i]);
	/* The core decides whether the rules call it a WARN/BUG. */
	if (asm_template(c, text, sizeof(text)))
		iom_asm(l->fn, block(l), where_of(l->wc, c), text);
}

static void lower_one(struct lower *l, CXCursor c);

void lower_stmt(struct lower *l, CXCursor c)
{
	if (l->depth >= MAX_NESTING)
		return;
	l->depth++;
	/* An expression as a statement: its value is unused (spell.c). */
	if (clang_isExpression(clang_getCursorKind(c))) {
		l->statement = c;
		l->has_statement = 1;
	}
	lower_one(l, c);
	l->depth--;
}

static void lower_one(struct lower *l, CXCursor c)
{
	CXCursor k[MAX_KIDS];
	enum CXCursorKind kind = clang_getCursorKind(c);
	int n = kids(c, k);

	switch (kind) {
	case CXCursor_CompoundStmt:
		for (int i = 0; i < n; i++) {
			spell_pair(l, k, n, i);
			lower_stmt(l, k[i]);
		}
		end_scope(l, c, k, n);
		return;
	case CXCursor_DeclStmt:
		for (int i = 0; i < n; i++)
			lower_decl(l, k[i]);
		return;
	case CXCursor_IfStmt: {
		int t = new_block(l), join = new_block(l), e = n > 2 ? new_block(l) : join;

		if (n < 2)
			return;
		cond_at_paren(l, k[0], t, e);
		l->cur = t;
		lower_stmt(l, k[1]);
		jump(l, join);
		if (n > 2) {
			l->cur = e;
			lower_stmt(l, k[2]);
			jump(l, join);
		}
		l->cur = join;
		return;
	}
	case CXCursor_WhileStmt:
		lower_while(l, k, n);
		return;
	case CXCursor_DoStmt:
		lower_do(l, k, n);
		return;
	case CXCursor_ForStmt:
		lower_for(l, c, k);
		return;
	case CXCursor_SwitchStmt:
		lower_switch(l, c, k, n);
		return;
	case CXCursor_CaseStmt:
		case_label(l, c, 0);
		return;
	case CXCursor_DefaultStmt:
		case_label(l, c, 1);
		return;
	case CXCursor_BreakStmt:
		jump(l, innermost(l, 0));
		return;
	case CXCursor_ContinueStmt:
		jump(l, innermost(l, 1));
		return;
	case CXCursor_ReturnStmt:
		if (n >= 1 && clang_isExpression(clang_getCursorKind(k[0]))) {
			int v = eval(l, k[0]);

			if (is_tracked(l, v) &&
			    plain_type(clang_getCursorType(k[0])).kind == CXType_Pointer)
				iom_escape(l->fn, block(l), expr_where(l, k[0]), v, IOM_ESC_RETURN, NULL);
			else if (is_integral(clang_getResultType(clang_getCursorType(l->func))))
				iom_return(l->fn, block(l), expr_where(l, k[0]),
					   is_tracked(l, v) ? v : -1);
		}
		jump(l, l->exit);
		return;
	case CXCursor_GotoStmt: {
		CXCursor target = clang_getCursorReferenced(c);

		if (n >= 1)
			target = clang_getCursorReferenced(k[0]);
		jump(l, label_block(l, target));
		return;
	}
	case CXCursor_IndirectGotoStmt:
		if (n >= 1)
			eval(l, k[0]);
		/* Any label whose address is taken: known only as "somewhere". */
		for (int i = 0; i < l->nr_labels; i++)
			edge(l, l->cur, l->labels[i].block);
		jump(l, l->exit);
		return;
	case CXCursor_LabelStmt: {
		int b = label_block(l, c);

		jump(l, b);
		l->cur = b;
		if (n >= 1)
			lower_stmt(l, k[n - 1]);
		return;
	}
	case CXCursor_GCCAsmStmt:
		lower_asm(l, c, k, n);
		return;
	case CXCursor_NullStmt:
		return;
	default:
		if (clang_isExpression(kind))
			eval(l, c);
		else if (clang_isStatement(kind))
			for (int i = 0; i < n; i++)
				lower_stmt(l, k[i]);
		return;
	}
}

void lower_body(struct lower *l, CXCursor body)
{
	lower_stmt(l, body);
}
