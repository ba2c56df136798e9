/*
 * expr.c - expressions: values, member loads, derived pointers, accesses,
 * stores, initialisers, calls and branching conditions.
 *
 * eval() returns the value an rvalue expression computes (-1: none).  Value
 * numbers are given the same way in every pass over a function, whatever is
 * tracked: the passes (unit.c) only differ in which events they emit.
 * A value is tracked when it comes from a map member, directly or through
 * derivations; the last pass knows all of them.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "clang.h"

struct derivation {
	int dst, src;
};

/* ---- values ---- */

int new_value(struct lower *l)
{
	int v = l->next_value++;

	if (v >= l->nr_tracked) {
		int n = l->nr_tracked ? 2 * l->nr_tracked : 256;
		unsigned char *t = realloc(l->tracked, n), *w;

		if (!t)
			return v;
		l->tracked = t;
		w = realloc(l->now, n);
		if (!w)
			return v;
		l->now = w;
		memset(l->tracked + l->nr_tracked, 0, n - l->nr_tracked);
		memset(l->now + l->nr_tracked, 0, n - l->nr_tracked);
		l->nr_tracked = n;
	}
	return v;
}

int is_tracked(const struct lower *l, int v)
{
	return v >= 0 && v < l->nr_tracked && (l->tracked[v] || l->now[v]);
}

void mark_tracked(struct lower *l, int v)
{
	if (v >= 0 && v < l->nr_tracked)
		l->now[v] = 1;
}

void note_derive(struct lower *l, int dst, int src)
{
	struct derivation *d;

	if (dst < 0 || src < 0)
		return;
	d = realloc(l->ders, (l->nr_ders + 1) * sizeof(*d));
	if (!d)
		return;
	l->ders = d;
	d[l->nr_ders].dst = dst;
	d[l->nr_ders++].src = src;
	if (is_tracked(l, src))
		mark_tracked(l, dst);
}

void derive(struct lower *l, int dst, int src, enum iom_derive how)
{
	if (dst < 0 || src < 0)
		return;
	note_derive(l, dst, src);
	if (is_tracked(l, src))
		iom_derive(l->fn, block(l), dst, src, how);
}

/* Tracking through every derivation of the pass, to a fixed point. */
void propagate_tracked(struct lower *l)
{
	int changed = 1;

	while (changed) {
		changed = 0;
		for (int i = 0; i < l->nr_ders; i++) {
			struct derivation d = l->ders[i];

			if (l->now[d.src] && !l->now[d.dst]) {
				l->now[d.dst] = 1;
				changed = 1;
			}
		}
	}
}

static struct iom_where at(struct lower *l, CXCursor c)
{
	struct iom_where w = where_of(l->wc, c);

	if (!w.file)
		return l->last;
	l->last = w;
	return w;
}

/* A local variable or parameter held as a value, not in memory. */
static int value_var(CXCursor ref, CXCursor *decl)
{
	CXCursor s = strip(ref);

	if (clang_getCursorKind(s) != CXCursor_DeclRefExpr)
		return 0;
	*decl = clang_getCursorReferenced(s);
	if (clang_getCursorKind(*decl) != CXCursor_ParmDecl && !is_local_var(*decl))
		return 0;
	return !is_aggregate(clang_getCursorType(*decl));
}

/* ---- lvalues: the address computation and the access through it ---- */

static void access_lvalue_at(struct lower *l, CXCursor c, int store, const struct iom_where *w);

static void access_lvalue(struct lower *l, CXCursor c, int store)
{
	access_lvalue_at(l, c, store, NULL);
}

static void access_through(struct lower *l, CXCursor at_c, int v, int store,
			   const struct iom_where *w)
{
	if (is_tracked(l, v))
		iom_access(l->fn, block(l), w ? *w : expr_where(l, at_c), v, store);
}

/* &x: a pointer derived from a tracked one, or -1. */
static int address_of(struct lower *l, CXCursor x)
{
	CXCursor s = strip(x), k[MAX_KIDS];
	int n = kids(s, k), v, r;

	switch (clang_getCursorKind(s)) {
	case CXCursor_MemberRefExpr:
		if (n < 1)
			return -1;
		if (is_pointer(clang_getCursorType(k[0]))) {
			v = eval(l, k[0]);
			r = new_value(l);
			derive(l, r, v, IOM_DER_OFFSET);
			return r;
		}
		return address_of(l, k[0]);
	case CXCursor_ArraySubscriptExpr:
		if (n != 2)
			return -1;
		if (is_array(clang_getCursorType(strip(k[0])))) {
			v = address_of(l, strip(k[0]));
			eval(l, k[1]);
			return v;
		}
		v = eval(l, k[0]);
		eval(l, k[1]);
		r = new_value(l);
		derive(l, r, v, IOM_DER_OFFSET);
		return r;
	case CXCursor_UnaryOperator:
		if (n == 1 && unary_op(s) == OP_DEREF)
			return eval(l, k[0]);
		return -1;
	case CXCursor_DeclRefExpr:
		return -1;
	default:
		eval(l, s);
		return -1;
	}
}

static void access_lvalue_at(struct lower *l, CXCursor c, int store, const struct iom_where *w)
{
	CXCursor s = strip(c), k[MAX_KIDS];
	int n = kids(s, k), v;

	switch (clang_getCursorKind(s)) {
	case CXCursor_DeclRefExpr:
		return;
	case CXCursor_MemberRefExpr:
		if (n < 1)
			return;
		if (is_pointer(clang_getCursorType(k[0]))) {
			v = eval(l, k[0]);
			access_through(l, s, v, store, w);
		} else {
			access_lvalue_at(l, k[0], store, w);
		}
		return;
	case CXCursor_ArraySubscriptExpr: {
		long long i;
		int r;

		if (n != 2)
			return;
		if (is_array(clang_getCursorType(strip(k[0])))) {
			access_lvalue_at(l, strip(k[0]), store, w);
			eval(l, k[1]);
			return;
		}
		v = eval(l, k[0]);
		eval(l, k[1]);
		r = new_value(l);
		if (const_int(k[1], &i) && i == 0) {
			access_through(l, s, v, store, w);
			return;
		}
		derive(l, r, v, IOM_DER_OFFSET);
		access_through(l, s, r, store, w);
		return;
	}
	case CXCursor_UnaryOperator:
		if (n == 1 && unary_op(s) == OP_DEREF) {
			v = eval(l, k[0]);
			access_through(l, s, v, store, w);
			return;
		}
		eval(l, s);
		return;
	default:
		eval(l, s);
		return;
	}
}

/* ---- values parked in memory (slots) ---- */

static int is_slot(const struct lower *l, int path)
{
	for (int i = 0; path >= 0 && i < l->nr_slots; i++)
		if (l->slots[i] == path)
			return 1;
	return 0;
}

/* A tracked value v stored into the object at 'path' (not a map member): the
 * core decides whether it escapes; loads from there are read back. */
static void slot_store(struct lower *l, struct iom_where w, int path, int v)
{
	int *s;

	if (!is_tracked(l, v))
		return;
	iom_slot_store(l->fn, block(l), w, path, v);
	/* a function parks a few values; more is not a cursor */
	if (path < 0 || is_slot(l, path) || l->nr_slots >= 64)
		return;
	s = realloc(l->slots, (l->nr_slots + 1) * sizeof(*s));
	if (!s)
		return;
	l->slots = s;
	l->slots[l->nr_slots++] = path;
	l->slots_grew = 1;
}

/* ---- member loads ---- */

static int load_at(struct lower *l, CXCursor c, const struct iom_where *w);

static int load(struct lower *l, CXCursor c)
{
	return load_at(l, c, NULL);
}

static int load_at(struct lower *l, CXCursor c, const struct iom_where *w)
{
	CXCursor obj;
	int member, map, v;
	char expr[300];

	if (!map_member(l, c, &obj, &member)) {
		int path;

		if (is_array(clang_getCursorType(c)))
			return address_of(l, c);
		access_lvalue_at(l, c, 0, w);
		if (is_aggregate(clang_getCursorType(c)))
			return -1;
		/* Named whether or not it is a slot: paths are numbered alike each pass. */
		path = object_path(l, c);
		v = new_value(l);
		if (is_slot(l, path)) {
			iom_slot_load(l->fn, block(l), w ? *w : expr_where(l, c), path, v);
			mark_tracked(l, v);
		}
		return v;
	}
	/* What the map is reached through may be a call or a tracked pointer. */
	if (is_pointer(clang_getCursorType(obj)))
		eval(l, obj);
	else
		access_lvalue(l, obj, 0);
	map = member_map(l, obj);
	v = new_value(l);
	l->relevant = 1;
	if (map < 0)
		return v;
	iom_member_expr(l->fn, map, (enum iom_member)member, expr, sizeof(expr));
	iom_load(l->fn, block(l), w ? *w : expr_where(l, c), v, map, (enum iom_member)member, expr);
	mark_tracked(l, v);
	return v;
}

/* ---- stores of whole objects and initialisers ---- */

/* A store of a whole object; one that holds maps makes the function matter. */
static void store(struct lower *l, int b, struct iom_where w, int dst, const void *dst_type,
		  enum iom_store_is is, int src, const void *src_type)
{
	if (iom_store(l->fn, b, w, dst, dst_type, is, src, src_type))
		l->relevant = 1;
}

static void store_into(struct lower *l, CXCursor where_c, int path, CXType type, CXCursor rhs);

/* One member of a map written by an initialiser or an assignment. */
static void write_member(struct lower *l, CXCursor where_c, int map, int member, CXCursor rhs,
			 const struct iom_where *w)
{
	long long k;
	int v = eval(l, rhs), flag = -1;
	char expr[300];

	if (map < 0)
		return;
	if (member == IOM_MEMBER_FLAG && const_int(rhs, &k))
		flag = k != 0;
	iom_member_expr(l->fn, map, (enum iom_member)member, expr, sizeof(expr));
	if (w)
		spell_write(l, where_c);
	iom_write(l->fn, block(l), w ? *w : l->init_w ? *l->init_w : at(l, where_c), map,
		  (enum iom_member)member, flag,
		  is_tracked(l, v) ? v : -1, expr);
	spell_done(l);
	l->relevant = 1;
}

struct field_list {
	char *name[64];
	CXType type[64];
	CXCursor decl[64];
	int n;
};

static enum CXVisitorResult add_field(CXCursor c, CXClientData data)
{
	struct field_list *f = (struct field_list *)data;
	CXString s;

	if (f->n >= 64)
		return CXVisit_Break;
	s = clang_getCursorSpelling(c);
	f->name[f->n] = strdup(clang_getCString(s) ? clang_getCString(s) : "");
	clang_disposeString(s);
	f->type[f->n] = clang_getCursorType(c);
	f->decl[f->n++] = c;
	return CXVisit_Continue;
}

static void free_fields(struct field_list *f)
{
	for (int i = 0; i < f->n; i++)
		free(f->name[i]);
}

static int map_type(struct lower *l, CXType t)
{
	CXCursor d = clang_getTypeDeclaration(plain_type(t));
	CXString s = clang_getCursorSpelling(d);
	int ty = -1;

	if (plain_type(t).kind == CXType_Record && clang_getCString(s) && *clang_getCString(s))
		ty = iom_rules_type_index(l->rules, clang_getCString(s));
	clang_disposeString(s);
	return ty;
}

/* A zero constant, through casts (a null pointer: `{ 0 }` and `{ NULL }`
 * of a map give its pointer member a 0 cast to a pointer), or braces
 * holding only zeros. */
static int zero_below(CXCursor c, int depth)
{
	CXCursor s = strip_casts(c), k[MAX_KIDS];
	long long v;
	int n;

	if (clang_getCursorKind(s) != CXCursor_InitListExpr)
		return const_int(s, &v) && v == 0;
	if (depth > 16)
		return 0;
	n = kids(s, k);
	for (int i = 0; i < n; i++)
		if (!zero_below(k[i], depth + 1))
			return 0;
	return 1;
}

static int is_zero(CXCursor c)
{
	return zero_below(c, 0);
}

static void init_value(struct lower *l, CXCursor where_c, int path, CXType type,
		       CXCursor value, int cleared);

/*
 * One field of a record being initialised.  The record is a map: member
 * writes; otherwise the field's own initialiser.  An anonymous union holds
 * the map's pointers: its value initialises its first member.
 */
static void init_field(struct lower *l, CXCursor where_c, int rec_path, CXType rec,
		       const char *field, CXType ftype, CXCursor value, int cleared)
{
	int ty = map_type(l, rec);

	if (ty >= 0) {
		int member = iom_type_member(iom_rules_type_at(l->rules, ty), field);

		if (member < 0 && !*field && plain_type(ftype).kind == CXType_Record) {
			struct field_list f = { .n = 0 };

			clang_Type_visitFields(plain_type(ftype), add_field, &f);
			if (f.n > 0)
				member = iom_type_member(iom_rules_type_at(l->rules, ty), f.name[0]);
			free_fields(&f);
		}
		if (member >= 0) {
			struct iom_where w, *wp = NULL;

			if (cleared && is_zero(value))
				return;
			/* A helper macro expanded inside the initialiser (GCC: on its
			 * line) makes its writes helper code. */
			if (l->init_w) {
				w = *l->init_w;
				w.helper |= at(l, where_c).helper;
				wp = &w;
			}
			write_member(l, where_c, iom_object_map(l->fn, rec_path,
					type_ref(l->types, rec)), member, value, wp);
			return;
		}
	}
	init_value(l, where_c, *field ? iom_path_member(l->fn, rec_path, field) : rec_path,
		   ftype, value, cleared);
}

/* Designators of a designated initialiser: member names and indices. */
static int designated(CXCursor c, CXCursor *k, int n)
{
	return clang_getCursorKind(c) == CXCursor_UnexposedExpr && n >= 2 &&
	       (clang_getCursorKind(k[0]) == CXCursor_MemberRef ||
		clang_getCursorType(c).kind == CXType_Void);
}

/* Designators but the anonymous members they pass through (`.vaddr` is
 * inside the map's anonymous union). */
static int named_designators(CXCursor *d, int n)
{
	int named = 0;

	for (int j = 0; j < n; j++) {
		CXString s = clang_getCursorSpelling(clang_getCursorReferenced(d[j]));

		named += clang_getCursorKind(d[j]) != CXCursor_MemberRef ||
			 (clang_getCString(s) && *clang_getCString(s));
		clang_disposeString(s);
	}
	return named;
}

/* How many members or elements a brace list of type t must give. */
static int wanted(CXType t, int given)
{
	CXCursor decl = clang_getTypeDeclaration(t);
	int n = 0;

	if (t.kind == CXType_ConstantArray)
		return (int)clang_getArraySize(t);
	if (t.kind != CXType_Record)
		return given;
	if (clang_getCursorKind(decl) == CXCursor_UnionDecl)
		return 1;
	{
		struct field_list f = { .n = 0 };

		clang_Type_visitFields(t, add_field, &f);
		n = f.n;
		free_fields(&f);
	}
	return n;
}

/* The initialiser's shape for iom_init_clears(): is it complete, how many
 * scalars it gives, how many of them are not zero. */
static int init_shape(CXCursor list, CXType type, long *scalars, long *nonzero, int depth)
{
	CXCursor k[MAX_KIDS];
	int n = kids(list, k), complete;
	CXType t = plain_type(type);
	struct field_list f = { .n = 0 };

	if (depth > 16)
		return 0;
	complete = n >= wanted(t, n);
	if (t.kind == CXType_Record)
		clang_Type_visitFields(t, add_field, &f);
	for (int i = 0; i < n; i++) {
		CXCursor d[MAX_KIDS], v = k[i];
		int nd = kids(k[i], d);
		CXType vt = clang_getCursorType(v);

		if (designated(k[i], d, nd)) {
			complete &= named_designators(d, nd - 1) == 1;	/* .a.b = v: the rest of a is out */
			v = d[nd - 1];
			vt = clang_getCursorType(v);
		} else if (t.kind == CXType_Record && i < f.n) {
			vt = f.type[i];
		} else if (is_array(t)) {
			vt = clang_getArrayElementType(t);
		}
		if (clang_getCursorKind(strip(v)) == CXCursor_InitListExpr) {
			complete &= init_shape(strip(v), vt, scalars, nonzero, depth + 1);
		} else {
			(*scalars)++;
			*nonzero += !is_zero(v);
		}
	}
	free_fields(&f);
	return complete;
}

static void init_list(struct lower *l, CXCursor where_c, int path, CXType type, CXCursor list,
		      int cleared)
{
	CXCursor k[MAX_KIDS];
	int n = kids(list, k), pos = 0;
	CXType t = plain_type(type);
	struct field_list f = { .n = 0 };

	if (t.kind == CXType_Record)
		clang_Type_visitFields(t, add_field, &f);
	if (!cleared) {
		long scalars = 0, nonzero = 0;
		int complete = init_shape(list, type, &scalars, &nonzero, 0);

		if (iom_init_clears(complete, scalars, nonzero)) {
			store(l, block(l), l->init_w ? *l->init_w : at(l, where_c), path,
				  type_ref(l->types, type), IOM_STORE_ZERO, -1, NULL);
			cleared = 1;
		}
	}
	/* Member writes are placed at the initialiser (GCC: the declaration);
	 * inside a helper macro's expansion they are helper code. */
	where_c = list;
	if (map_type(l, type) >= 0)
		spell_init(l, list, map_type(l, type));
	for (int i = 0; i < n; i++) {
		CXCursor d[MAX_KIDS];
		int nd = kids(k[i], d);

		if (designated(k[i], d, nd)) {
			/* .a.b[2] = v: walk the designators from the outer object. */
			int p = path;
			CXType cur = type;
			CXCursor value = d[nd - 1];
			int j;

			for (j = 0; j < nd - 1; j++) {
				if (clang_getCursorKind(d[j]) == CXCursor_MemberRef) {
					CXCursor fd = clang_getCursorReferenced(d[j]);
					CXString s = clang_getCursorSpelling(fd);
					char *name = strdup(clang_getCString(s) ? clang_getCString(s) : "");
					CXType ft = clang_getCursorType(fd);

					clang_disposeString(s);
					if (j == nd - 2) {
						init_field(l, where_c, p, cur, name, ft, value, cleared);
						free(name);
						break;
					}
					/* An anonymous member is no step, and the map
					 * stays the record its fields belong to. */
					if (*name) {
						p = iom_path_member(l->fn, p, name);
						cur = ft;
					}
					free(name);
				} else {
					long long idx;

					p = const_int(d[j], &idx) ? iom_path_index(l->fn, p, (long)idx) :
					    iom_path_any_index(l->fn, p, NULL);
					cur = clang_getArrayElementType(plain_type(cur));
					if (j == nd - 2)
						init_value(l, where_c, p, cur, value, cleared);
				}
			}
			continue;
		}
		if (t.kind == CXType_Record) {
			if (pos < f.n)
				init_field(l, where_c, path, type, f.name[pos], f.type[pos], k[i], cleared);
			else
				eval(l, k[i]);
			pos++;
		} else if (is_array(t)) {
			init_value(l, where_c, iom_path_index(l->fn, path, pos++),
				   clang_getArrayElementType(t), k[i], cleared);
		} else {
			eval(l, k[i]);
		}
	}
	if (map_type(l, type) >= 0)
		spell_done(l);
	free_fields(&f);
}

static void init_value(struct lower *l, CXCursor where_c, int path, CXType type,
		       CXCursor value, int cleared)
{
	CXCursor s = strip(value);

	if (clang_getCursorKind(s) == CXCursor_InitListExpr) {
		init_list(l, where_c, path, type, s, cleared);
		return;
	}
	if (is_aggregate(type)) {
		store_into(l, where_c, path, type, value);
		return;
	}
	{
		int v = eval(l, value);

		if (is_tracked(l, v))
			slot_store(l, l->init_w ? *l->init_w : at(l, where_c), path, v);
	}
}

static int call(struct lower *l, CXCursor c, int res_path, CXType res_type);

/* dst = rhs for an object of aggregate type. */
static void store_into(struct lower *l, CXCursor where_c, int path, CXType type, CXCursor rhs)
{
	CXCursor s = strip_casts(rhs), k[MAX_KIDS];
	int n, src;

	switch (clang_getCursorKind(s)) {
	case CXCursor_CallExpr:
		call(l, s, path, type);
		return;
	case CXCursor_InitListExpr:
		init_list(l, where_c, path, type, s, 0);
		return;
	case CXCursor_CompoundLiteralExpr:
		n = kids(s, k);
		if (n >= 1 && clang_getCursorKind(k[n - 1]) == CXCursor_InitListExpr) {
			init_list(l, where_c, path, type, k[n - 1], 0);
			return;
		}
		break;
	case CXCursor_StmtExpr:
		/* ({ struct iosys_map copy_ = *map_; ...; copy_; }) */
		n = kids(s, k);
		if (n == 1 && clang_getCursorKind(k[0]) == CXCursor_CompoundStmt) {
			CXCursor body[MAX_KIDS];
			int m = kids(k[0], body);

			for (int i = 0; i + 1 < m; i++)
				lower_stmt(l, body[i]);
			if (m > 0 && clang_isExpression(clang_getCursorKind(body[m - 1]))) {
				store_into(l, where_c, path, type, body[m - 1]);
				return;
			}
			if (m > 0)
				lower_stmt(l, body[m - 1]);
			store(l, block(l), at(l, where_c), path, type_ref(l->types, type),
			      IOM_STORE_UNKNOWN, -1, NULL);
			return;
		}
		break;
	case CXCursor_ConditionalOperator:
		n = kids(s, k);
		if (n == 3) {
			int t = new_block(l), f = new_block(l), j = new_block(l);

			cond_branch(l, k[0], t, f);
			l->cur = t;
			store_into(l, where_c, path, type, k[1]);
			edge(l, l->cur, j);
			l->cur = f;
			store_into(l, where_c, path, type, k[2]);
			edge(l, l->cur, j);
			l->cur = j;
			return;
		}
		break;
	case CXCursor_DeclRefExpr:
	case CXCursor_MemberRefExpr:
	case CXCursor_ArraySubscriptExpr:
	case CXCursor_UnaryOperator:
		access_lvalue(l, s, 0);
		src = object_path(l, s);
		if (src >= 0) {
			store(l, block(l), at(l, where_c), path, type_ref(l->types, type),
				  IOM_STORE_COPY, src, type_ref(l->types, clang_getCursorType(s)));
			return;
		}
		store(l, block(l), at(l, where_c), path, type_ref(l->types, type),
			  IOM_STORE_UNKNOWN, -1, NULL);
		return;
	default:
		break;
	}
	eval(l, s);
	store(l, block(l), at(l, where_c), path, type_ref(l->types, type),
		  IOM_STORE_UNKNOWN, -1, NULL);
}

void lower_init(struct lower *l, CXCursor var, CXCursor init)
{
	/* GCC places an initialised declaration at the declared name. */
	var_write(l, var, clang_Cursor_isNull(init) ? -1 :
		  eval_into_local(l, init, where_of(l->wc, var)));
}

void lower_aggregate_init(struct lower *l, CXCursor var, int path, CXCursor init)
{
	CXType t = clang_getCursorType(var);

	if (iom_object_map(l->fn, path, type_ref(l->types, t)) >= 0)
		l->relevant = 1;
	if (clang_Cursor_isNull(init))
		return;
	{
		/* GCC places an initialiser's stores at the declared name; whether
		 * they are helper code is the initialiser's business. */
		struct iom_where w = where_of(l->wc, var);

		w.helper = where_of(l->wc, init).helper;
		l->init_w = &w;
		store_into(l, init, path, t, init);
		l->init_w = NULL;
	}
}

/* ---- assignments ---- */

static int assign(struct lower *l, CXCursor c, CXCursor lhs, CXCursor rhs)
{
	CXType lt = clang_getCursorType(lhs);
	CXCursor obj, decl;
	int member, v;
	struct iom_where w = expr_where(l, c);

	if (is_aggregate(lt)) {
		access_lvalue(l, lhs, 1);
		store_into(l, c, object_path(l, lhs), lt, rhs);
		return -1;
	}
	if (map_member(l, lhs, &obj, &member)) {
		if (is_pointer(clang_getCursorType(obj)))
			eval(l, obj);
		write_member(l, c, member_map(l, obj), member, rhs, &w);
		return -1;
	}
	if (value_var(lhs, &decl)) {
		v = eval_into_local(l, rhs, w);
		var_write(l, decl, v);
		return v;
	}
	v = eval(l, rhs);
	spell_store(l, c, lhs, rhs);
	access_lvalue_at(l, lhs, 1, &w);
	spell_done(l);
	slot_store(l, w, object_path(l, lhs), v);
	return v;
}

static int compound_assign(struct lower *l, CXCursor c, CXCursor lhs, CXCursor rhs)
{
	enum op op = binary_op(c);
	CXCursor decl;
	int a, b, r;

	if (value_var(lhs, &decl)) {
		a = var_read(l, decl);
		b = eval(l, rhs);
		r = new_value(l);
		if (op == OP_ADD || op == OP_SUB || op == OP_AND || op == OP_OR) {
			derive(l, r, a, IOM_DER_OFFSET);
			derive(l, r, b, IOM_DER_OFFSET);
		}
		var_write(l, decl, r);
		return r;
	}
	eval(l, rhs);
	access_lvalue(l, lhs, 0);
	access_lvalue(l, lhs, 1);
	return -1;
}

/* ---- operators ---- */

static int null_side(CXCursor c);

static int binary(struct lower *l, CXCursor c)
{
	CXCursor k[MAX_KIDS];
	int n = kids(c, k), a, b, r;
	enum op op;
	long long kval;

	if (n != 2)
		return -1;
	op = binary_op(c);
	switch (op) {
	case OP_ASSIGN:
		return assign(l, c, k[0], k[1]);
	case OP_COMMA:
		eval(l, k[0]);
		return eval(l, k[1]);
	case OP_LAND:
	case OP_LOR: {
		int t = new_block(l), f = new_block(l), j = new_block(l);

		cond_branch(l, c, t, f);
		l->cur = t;
		edge(l, t, j);
		l->cur = f;
		edge(l, f, j);
		l->cur = j;
		return -1;
	}
	case OP_EQ:
	case OP_NE: {
		int ptr = is_pointer(clang_getCursorType(k[0])) || is_pointer(clang_getCursorType(k[1]));

		r = new_value(l);
		a = eval(l, k[0]);
		b = eval(l, k[1]);
		if (ptr) {
			struct iom_where w = l->cond_w ? *l->cond_w : expr_where(l, c);

			/* Against NULL it is a test of the map; against another
			 * pointer it compares addresses, which touches no memory. */
			if (is_tracked(l, a) && null_side(k[1])) {
				spell_test(l, c, k[0], op == OP_EQ);
				iom_null_test(l->fn, block(l), w, a);
			} else if (is_tracked(l, b) && null_side(k[0])) {
				spell_test(l, c, k[1], op == OP_EQ);
				iom_null_test(l->fn, block(l), w, b);
			}
			spell_done(l);
			return r;
		}
		if (const_int(k[1], &kval))
			derive(l, r, a, (op == OP_EQ) == (kval == 0) ? IOM_DER_NOT : IOM_DER_COPY);
		else if (const_int(k[0], &kval))
			derive(l, r, b, (op == OP_EQ) == (kval == 0) ? IOM_DER_NOT : IOM_DER_COPY);
		return r;
	}
	case OP_ADD:
	case OP_SUB:
	case OP_AND:
	case OP_OR:
		r = new_value(l);
		a = eval(l, k[0]);
		b = eval(l, k[1]);
		if (op == OP_SUB && is_pointer(clang_getCursorType(k[1])))
			return r;	/* a pointer difference is a number */
		derive(l, r, a, IOM_DER_OFFSET);
		derive(l, r, b, IOM_DER_OFFSET);
		return r;
	case OP_XOR:
		r = new_value(l);
		a = eval(l, k[0]);
		b = eval(l, k[1]);
		if (const_int(k[1], &kval) && kval == 1)
			derive(l, r, a, IOM_DER_NOT);
		return r;
	default:
		eval(l, k[0]);
		eval(l, k[1]);
		return -1;
	}
}

static int unary(struct lower *l, CXCursor c)
{
	CXCursor k[MAX_KIDS], decl;
	int n = kids(c, k), v, r;
	enum op op;

	if (n != 1)
		return -1;
	op = unary_op(c);
	switch (op) {
	case OP_DEREF:
		if (is_array(clang_getCursorType(c)))
			return eval(l, k[0]);
		spell_load(l, c);
		access_lvalue(l, c, 0);
		spell_done(l);
		return -1;
	case OP_ADDR:
		return address_of(l, k[0]);
	case OP_NOT:
		r = new_value(l);
		v = eval(l, k[0]);
		if (is_pointer(clang_getCursorType(k[0]))) {
			if (is_tracked(l, v)) {
				spell_test(l, c, k[0], 1);
				iom_null_test(l->fn, block(l), at(l, c), v);
				spell_done(l);
			}
			return r;
		}
		derive(l, r, v, IOM_DER_NOT);
		return r;
	case OP_BITNOT:
		r = new_value(l);
		v = eval(l, k[0]);
		derive(l, r, v, IOM_DER_NOT);
		return r;
	case OP_PREINC:
	case OP_PREDEC:
	case OP_POSTINC:
	case OP_POSTDEC:
		if (value_var(k[0], &decl)) {
			v = var_read(l, decl);
			r = new_value(l);
			derive(l, r, v, IOM_DER_OFFSET);
			var_write(l, decl, r);
			return op == OP_PREINC || op == OP_PREDEC ? r : v;
		}
		access_lvalue(l, k[0], 0);
		access_lvalue(l, k[0], 1);
		return -1;
	case OP_EXTENSION:
	case OP_PLUS:
		return eval(l, k[0]);
	default:
		eval(l, k[0]);
		return -1;
	}
}

static int conditional(struct lower *l, CXCursor c)
{
	CXCursor k[MAX_KIDS];
	int n = kids(c, k), t, f, j, a, b, r;

	if (n != 3) {
		for (int i = 0; i < n; i++)
			eval(l, k[i]);
		return -1;
	}
	t = new_block(l);
	f = new_block(l);
	j = new_block(l);
	{
		/* GCC places the test of a ?: at its ':', and the arms' values
		 * go into a temporary there. */
		CXSourceLocation loc;
		struct iom_where w;
		int colon = punct_before(k[2], ":", &loc);

		if (colon) {
			w = where_at(l->wc, c, loc);
			l->cond_w = &w;
		}
		cond_branch(l, k[0], t, f);
		l->cond_w = NULL;
		l->cur = t;
		a = colon ? eval_into_local(l, k[1], w) : eval(l, k[1]);
		edge(l, l->cur, j);
		l->cur = f;
		b = colon ? eval_into_local(l, k[2], w) : eval(l, k[2]);
	}
	edge(l, l->cur, j);
	l->cur = j;
	r = new_value(l);
	derive(l, r, a, IOM_DER_COPY);
	derive(l, r, b, IOM_DER_COPY);
	return r;
}

/* ({ ...; value; }) */
static int stmt_expr(struct lower *l, CXCursor c)
{
	CXCursor k[MAX_KIDS], body[MAX_KIDS];
	int n = kids(c, k), m, v = -1;

	if (n != 1 || clang_getCursorKind(k[0]) != CXCursor_CompoundStmt) {
		for (int i = 0; i < n; i++)
			lower_stmt(l, k[i]);
		return -1;
	}
	m = kids(k[0], body);
	for (int i = 0; i < m; i++) {
		if (i == m - 1 && clang_isExpression(clang_getCursorKind(body[i])))
			v = eval(l, body[i]);
		else
			lower_stmt(l, body[i]);
	}
	return v;
}

/* ---- calls ---- */

static char *callee_name(CXCursor call)
{
	CXCursor d = clang_getCursorReferenced(call);
	CXString s, m;
	const char *name, *label;
	char *r;

	if (clang_getCursorKind(d) != CXCursor_FunctionDecl)
		return NULL;
	s = clang_getCursorSpelling(d);
	name = clang_getCString(s);
	if (!name || !*name) {
		clang_disposeString(s);
		return NULL;
	}
	/* A FORTIFY wrapper declared with asm("memcpy") is memcpy to the reader;
	 * an overloadable one (__pass_dynamic_object_size) has a C++ mangling,
	 * "_Z6memcmp...", which no reader wrote: its name is. */
	m = clang_Cursor_getMangling(d);
	label = clang_getCString(m);
	if (label && (*label == '\001' || *label == '*'))
		label++;
	if (label && label[0] == '_' && label[1] == 'Z' && label[2] >= '0' && label[2] <= '9')
		label = NULL;
	r = strdup(label && *label && strcmp(label, name) && !strchr(label, '.') ? label : name);
	clang_disposeString(m);
	clang_disposeString(s);
	/* __builtin_ names stay: the core knows both them and their plain names. */
	return r;
}

static int no_return(CXCursor call, const char *name)
{
	CXCursor d = clang_getCursorReferenced(call);
	CXString s;
	int r;

	if (name && (!strcmp(name, "__builtin_unreachable") || !strcmp(name, "__builtin_trap")))
		return 1;
	if (clang_getCursorKind(d) != CXCursor_FunctionDecl)
		return 0;
	s = clang_getTypeSpelling(clang_getCursorType(d));
	r = clang_getCString(s) && strstr(clang_getCString(s), "noreturn") != NULL;
	clang_disposeString(s);
	return r;
}

/* One escape of a C string literal at *p (after the backslash); advances *p. */
static int unescape(const char **p)
{
	static const char simple[] = "n\nt\tr\ra\ab\bf\fv\ve\033";
	const char *q = *p;
	int c = 0, i;

	if (*q == 'x') {
		for (q++; isxdigit((unsigned char)*q); q++)
			c = c * 16 + (isdigit((unsigned char)*q) ? *q - '0' : (tolower(*q) - 'a' + 10));
	} else if (*q >= '0' && *q <= '7') {
		for (i = 0; i < 3 && *q >= '0' && *q <= '7'; i++, q++)
			c = c * 8 + (*q - '0');
	} else {
		c = (unsigned char)*q;
		for (i = 0; simple[i]; i += 2)
			if (simple[i] == *q) {
				c = (unsigned char)simple[i + 1];
				break;
			}
		if (*q)
			q++;
	}
	*p = q;
	return c & 0xff;
}

/*
 * "fmt" as an argument: its bytes up to the first NUL (malloc'd), or NULL when
 * the argument is not a narrow string literal.  libclang spells a literal as
 * the compiler joined it (KERN_INFO "fmt" is one literal), with escapes.
 */
static char *string_literal(CXCursor arg)
{
	CXCursor s = strip_casts(arg);
	CXString sp;
	const char *p;
	char *out = NULL;
	size_t n = 0;

	if (clang_getCursorKind(s) != CXCursor_StringLiteral)
		return NULL;
	sp = clang_getCursorSpelling(s);
	p = clang_getCString(sp);
	if (p && !strncmp(p, "u8", 2))
		p += 2;
	if (p && *p == '"' && (out = malloc(strlen(p) + 1)) != NULL) {
		for (p++; *p && *p != '"'; ) {
			int c = *p == '\\' ? (p++, unescape(&p)) : (unsigned char)*p++;

			if (!c)
				break;
			out[n++] = (char)c;
		}
		out[n] = 0;
	}
	clang_disposeString(sp);
	return out;
}

/* Is the callee's body in this translation unit (any file of it)? */
static int defined_here(CXCursor decl)
{
	CXCursor def;

	if (clang_getCursorKind(decl) != CXCursor_FunctionDecl)
		return 0;
	def = clang_getCursorDefinition(decl);
	return !clang_Cursor_isNull(def) && clang_isCursorDefinition(def);
}

/*
 * A call that is directly another call's argument, past parentheses and casts
 * that leave the type as it is (GCC has no cast there): GCC gives it the
 * place of the call it is an argument of.
 */
static int call_argument(CXCursor a)
{
	CXCursor k[MAX_KIDS];

	for (int i = 0; i < 64; i++) {
		int n;

		a = strip(a);
		if (clang_getCursorKind(a) == CXCursor_CallExpr)
			return 1;
		if (clang_getCursorKind(a) != CXCursor_CStyleCastExpr)
			return 0;
		n = kids(a, k);
		if (n < 1 || !clang_equalTypes(
			    clang_getCanonicalType(clang_getCursorType(a)),
			    clang_getCanonicalType(clang_getCursorType(k[n - 1]))))
			return 0;
		a = k[n - 1];
	}
	return 0;
}

static int call(struct lower *l, CXCursor c, int res_path, CXType res_type)
{
	int n = clang_Cursor_getNumArguments(c), returns, rv = -1;
	char *name = callee_name(c);
	struct iom_arg *args = calloc(n > 0 ? n : 1, sizeof(*args));
	char **strings = calloc(n > 0 ? n : 1, sizeof(*strings));
	struct iom_call ic;
	CXCursor d = clang_getCursorReferenced(c), k[MAX_KIDS];
	CXType fty = clang_getCursorType(d);
	struct iom_where w = l->arg_w ? *l->arg_w : at(l, c);

	l->arg_w = NULL;
	if (!args || !strings) {
		free(args);
		free(strings);
		free(name);
		return -1;
	}
	if (clang_getCursorKind(d) != CXCursor_FunctionDecl) {
		/* An indirect call: the function pointer is an expression too. */
		if (kids(c, k) >= 1) {
			eval(l, k[0]);
			fty = clang_getPointeeType(plain_type(clang_getCursorType(k[0])));
		}
	}
	for (int i = 0; i < n; i++) {
		CXCursor a = clang_Cursor_getArgument(c, i), s;
		CXType at_ty = clang_getCursorType(a), pt;
		int v;
		long long kval;

		if (is_aggregate(at_ty)) {
			access_lvalue(l, a, 0);
			v = -1;
		} else {
			if (call_argument(a))
				l->arg_w = &w;
			v = eval(l, a);
			l->arg_w = NULL;
		}
		args[i].pointer = is_pointer(at_ty);
		pt = clang_getArgType(plain_type(fty), (unsigned)i);
		args[i].to_const = pt.kind != CXType_Invalid && is_pointer(pt) &&
				   clang_isConstQualifiedType(clang_getPointeeType(plain_type(pt)));
		s = strip_casts(a);
		/* In the order core/FRONTENDS.md gives: the first that applies. */
		if (is_tracked(l, v)) {
			args[i].is = IOM_ARG_VALUE;
			args[i].value = v;
		} else if ((strings[i] = string_literal(a)) != NULL) {
			args[i].is = IOM_ARG_STRING;
			args[i].string = strings[i];
		} else if (!args[i].pointer && const_int(a, &kval)) {
			args[i].is = IOM_ARG_INT;
			args[i].constant = kval;
		} else if (clang_getCursorKind(s) == CXCursor_UnaryOperator && unary_op(s) == OP_ADDR &&
			   kids(s, k) == 1) {
			args[i].is = IOM_ARG_ADDRESS;
			args[i].path = object_path(l, k[0]);
			args[i].type = type_ref(l->types, clang_getCursorType(k[0]));
		} else if (args[i].pointer || is_array(clang_getCursorType(s))) {
			CXType st = clang_getCursorType(s);

			args[i].is = IOM_ARG_POINTER;
			args[i].path = pointee_path(l, s);
			args[i].type = type_ref(l->types, is_array(st) ?
						clang_getArrayElementType(plain_type(st)) :
						clang_getPointeeType(plain_type(st)));
		}
		/* A map handed on matters: what the callee does to it is what
		 * this function does to it (its facts for other files). */
		if ((args[i].is == IOM_ARG_ADDRESS || args[i].is == IOM_ARG_POINTER) &&
		    iom_object_map(l->fn, args[i].path, args[i].type) >= 0)
			l->relevant = 1;
	}
	memset(&ic, 0, sizeof(ic));
	ic.callee = name;
	ic.defined_here = defined_here(d);
	ic.nr_args = n > 0 ? n : 0;
	ic.args = args;
	returns = name ? iom_call_returns_arg(l->rules, name) : 0;
	if (returns > 0 || (name && iom_call_gives_memory(l->rules, name)))
		rv = new_value(l);
	else if (ic.defined_here && res_type.kind == CXType_Invalid &&
		 is_bool(clang_getCursorType(c)))
		rv = new_value(l);	/* a helper of the file may return a flag */
	if (res_type.kind != CXType_Invalid) {
		ic.result = IOM_RESULT_OBJECT;
		ic.result_path = res_path;
		ic.result_type = type_ref(l->types, res_type);
	} else if (returns > 0 && returns <= n && args[returns - 1].is == IOM_ARG_VALUE) {
		ic.result = IOM_RESULT_VALUE;
		ic.result_value = rv;
		note_derive(l, rv, args[returns - 1].value);
	} else if (returns <= 0 && rv >= 0 && ic.defined_here && !iom_call_gives_memory(l->rules, name)) {
		ic.result = IOM_RESULT_VALUE;
		ic.result_value = rv;
		mark_tracked(l, rv);
	} else if (returns <= 0 && rv >= 0) {
		/* ioremap(), kmalloc(): the result points to a known kind of memory. */
		ic.result = IOM_RESULT_VALUE;
		ic.result_value = rv;
		mark_tracked(l, rv);
	}
	if (name && iom_call_matters(l->rules, name))
		l->relevant = 1;
	{
		/* memcpy(m->vaddr + off, ...): one map pointer among the arguments */
		int ptrs = 0, at_arg = -1;

		for (int i = 0; i < n; i++)
			if (args[i].is == IOM_ARG_VALUE)
				ptrs++, at_arg = i;
		if (ptrs == 1)
			spell_call(l, c, at_arg);
	}
	iom_call(l->fn, block(l), w, &ic);
	spell_done(l);
	if (no_return(c, name))
		l->cur = -1;
	for (int i = 0; i < n; i++)
		free(strings[i]);
	free(strings);
	free(args);
	free(name);
	return rv;
}

/* ---- eval ---- */

static int eval_expr(struct lower *l, CXCursor c);

int eval(struct lower *l, CXCursor c)
{
	int v;

	if (l->depth >= MAX_NESTING)
		return -1;
	l->depth++;
	v = eval_expr(l, c);
	l->depth--;
	return v;
}

static int eval_expr(struct lower *l, CXCursor c)
{
	CXCursor k[MAX_KIDS], decl;
	enum CXCursorKind kind = clang_getCursorKind(c);
	int n;

	if (!clang_isExpression(kind))
		return -1;
	switch (kind) {
	case CXCursor_ParenExpr:
	case CXCursor_UnexposedExpr:
	case CXCursor_CStyleCastExpr:
		n = kids(c, k);
		if (kind != CXCursor_UnexposedExpr || n == 1) {
			if (n >= 1 && clang_isExpression(clang_getCursorKind(k[n - 1])))
				return eval(l, k[n - 1]);
			return -1;
		}
		for (int i = 0; i < n; i++)
			eval(l, k[i]);
		return -1;
	case CXCursor_DeclRefExpr:
		if (value_var(c, &decl))
			return var_read(l, decl);
		return -1;
	case CXCursor_MemberRefExpr:
		return load(l, c);
	case CXCursor_ArraySubscriptExpr:
		if (is_array(clang_getCursorType(c)))
			return address_of(l, c);
		access_lvalue(l, c, 0);
		return -1;
	case CXCursor_UnaryOperator:
		return unary(l, c);
	case CXCursor_BinaryOperator:
		return binary(l, c);
	case CXCursor_CompoundAssignOperator:
		n = kids(c, k);
		return n == 2 ? compound_assign(l, c, k[0], k[1]) : -1;
	case CXCursor_ConditionalOperator:
		return conditional(l, c);
	case CXCursor_CallExpr: {
		CXType none = { CXType_Invalid, { NULL, NULL } };

		return call(l, c, -1, none);
	}
	case CXCursor_StmtExpr:
		return stmt_expr(l, c);
	case CXCursor_UnaryExpr:		/* sizeof, alignof: not evaluated */
	case CXCursor_GenericSelectionExpr:
	case CXCursor_IntegerLiteral:
	case CXCursor_FloatingLiteral:
	case CXCursor_StringLiteral:
	case CXCursor_CharacterLiteral:
		return -1;
	default:
		n = kids(c, k);
		for (int i = 0; i < n; i++)
			if (clang_isExpression(clang_getCursorKind(k[i])))
				eval(l, k[i]);
			else if (clang_isStatement(clang_getCursorKind(k[i])))
				lower_stmt(l, k[i]);
		return -1;
	}
}

/* ---- where GCC puts things ---- */

struct iom_where expr_where(struct lower *l, CXCursor c)
{
	CXCursor s = strip(c), kk[MAX_KIDS];
	CXSourceLocation loc;
	enum CXCursorKind k = clang_getCursorKind(s);
	struct iom_where w;

	if (k == CXCursor_MemberRefExpr && member_operator_location(s, &loc))
		w = where_at(l->wc, s, loc);
	else if ((k == CXCursor_BinaryOperator || k == CXCursor_CompoundAssignOperator) &&
		 operator_location(s, &loc))
		w = where_at(l->wc, s, loc);
	else if (k == CXCursor_ArraySubscriptExpr && kids(s, kk) == 2 &&
		 punct_before(kk[1], "[", &loc))
		w = where_at(l->wc, s, loc);
	else
		return at(l, s);
	if (w.file)
		l->last = w;
	return w;
}

int eval_into_local(struct lower *l, CXCursor c, struct iom_where w)
{
	CXCursor s = strip_casts(c), k[MAX_KIDS];	/* a cast is no statement of its own */

	switch (clang_getCursorKind(s)) {
	case CXCursor_MemberRefExpr:
		return load_at(l, s, &w);
	case CXCursor_ArraySubscriptExpr:
		if (is_array(clang_getCursorType(s)))
			break;
		access_lvalue_at(l, s, 0, &w);
		return -1;
	case CXCursor_UnaryOperator:
		if (kids(s, k) == 1 && unary_op(s) == OP_DEREF && !is_array(clang_getCursorType(s))) {
			spell_load(l, s);
			access_lvalue_at(l, s, 0, &w);
			spell_done(l);
			return -1;
		}
		break;
	default:
		break;
	}
	return eval(l, c);
}

/* ---- conditions ---- */

static enum CXChildVisitResult effect(CXCursor c, CXCursor parent, CXClientData data)
{
	enum CXCursorKind k = clang_getCursorKind(c);

	(void)parent;
	if (k == CXCursor_CallExpr || k == CXCursor_StmtExpr || k == CXCursor_CompoundAssignOperator ||
	    (k == CXCursor_BinaryOperator && binary_op(c) == OP_ASSIGN)) {
		*(int *)data = 1;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Recurse;
}

/* Could folding the expression to a constant skip code? */
static int has_effects(CXCursor c)
{
	int found = 0;

	if (clang_getCursorKind(c) == CXCursor_IntegerLiteral)
		return 0;
	clang_visitChildren(c, effect, &found);
	return found;
}

static void cond_branch_expr(struct lower *l, CXCursor c, int t, int f);

/* A pointer used as a truth value: the whole '!p' when it is the operand of
 * the '!' being tested, else p itself. */
static void spell_truth(struct lower *l, CXCursor p)
{
	CXCursor k[MAX_KIDS];

	if (l->has_not_of && kids(l->not_of, k) == 1 && clang_equalCursors(strip(k[0]), p))
		spell_test(l, l->not_of, p, 1);
	else
		spell_test(l, p, p, 0);
}

void cond_branch(struct lower *l, CXCursor c, int t, int f)
{
	if (l->depth >= MAX_NESTING) {
		edge(l, l->cur, t);
		edge(l, l->cur, f);
		l->cur = -1;
		return;
	}
	l->depth++;
	cond_branch_expr(l, c, t, f);
	l->depth--;
}

/* A null pointer constant: 0, NULL, (void *)0. */
static int null_side(CXCursor c)
{
	long long kval;

	return const_int(strip_casts(c), &kval) && kval == 0;
}

/*
 * The pointer expression 'p' (value v) is tested: t is taken when it is not
 * NULL, f when it is.  A tracked pointer's test is the core's to judge; the
 * NULL edge of any other pointer names what it points to.
 */
static void null_edges(struct lower *l, CXCursor p, int v, struct iom_where w, int t, int f)
{
	int from = block(l);

	if (is_tracked(l, v)) {
		iom_null_test(l->fn, from, w, v);
		edge(l, from, t);
		edge(l, from, f);
	} else {
		edge(l, from, t);
		edge_null(l, from, f, is_pointer(clang_getCursorType(p)) ? pointee_path(l, p) : -1);
	}
	l->cur = -1;
}

/* An == or != comparison: it keeps its own place as an operand of && and ||. */
static int comparison(CXCursor c)
{
	CXCursor s = strip(c);
	enum op op;

	if (clang_getCursorKind(s) != CXCursor_BinaryOperator)
		return 0;
	op = binary_op(s);
	return op == OP_EQ || op == OP_NE || op == OP_LT || op == OP_GT || op == OP_LE ||
	       op == OP_GE;
}

static void cond_branch_expr(struct lower *l, CXCursor c, int t, int f)
{
	CXCursor s = strip(c), k[MAX_KIDS];
	int n = kids(s, k), v;
	long long kval;
	enum CXCursorKind kind = clang_getCursorKind(s);

	if (!has_effects(s) && const_int(s, &kval)) {
		edge(l, l->cur, kval ? t : f);
		l->cur = -1;
		return;
	}
	if (kind == CXCursor_UnaryOperator && n == 1 && unary_op(s) == OP_NOT) {
		CXCursor outer = l->not_of;
		int had = l->has_not_of;

		l->not_of = s;		/* !p tests p: the fix-it rewrites the whole */
		l->has_not_of = 1;
		cond_branch(l, k[0], f, t);
		l->not_of = outer;
		l->has_not_of = had;
		return;
	}
	if (kind == CXCursor_BinaryOperator && n == 2) {
		enum op op = binary_op(s);

		if (op == OP_LAND || op == OP_LOR) {
			/* GCC tests an operand that is no comparison where the
			 * condition is (the left) or at the operator (the right). */
			const struct iom_where *cw = l->cond_w;
			struct iom_where ow;
			CXSourceLocation loc;
			int mid = new_block(l), have = operator_location(s, &loc);

			/* NULL != p && ...: the expression starts in a macro, the
			 * operator and the right operand are in the file. */
			if (have)
				ow = where_at(l->wc, in_macro(s) && !in_macro(k[1]) ? k[1] : s, loc);
			l->cond_w = comparison(k[0]) ? NULL : cw;
			if (op == OP_LAND)
				cond_branch(l, k[0], mid, f);
			else
				cond_branch(l, k[0], t, mid);
			l->cur = mid;
			l->cond_w = have && ow.file && !comparison(k[1]) ? &ow : NULL;
			cond_branch(l, k[1], t, f);
			l->cond_w = NULL;
			return;
		}
		if (op == OP_COMMA)
			l->cond_w = NULL;
		if (op == OP_COMMA) {
			eval(l, k[0]);
			cond_branch(l, k[1], t, f);
			return;
		}
		if ((op == OP_EQ || op == OP_NE) &&
		    ((is_pointer(clang_getCursorType(k[0])) && null_side(k[1])) ||
		     (is_pointer(clang_getCursorType(k[1])) && null_side(k[0])))) {
			/* p == NULL, NULL != p: the test of the other side */
			int side = is_pointer(clang_getCursorType(k[0])) && null_side(k[1]) ? 0 : 1;
			struct iom_where w;

			new_value(l);	/* the comparison's own value, as in eval() */
			v = eval(l, k[side]);
			eval(l, k[!side]);
			w = l->cond_w ? *l->cond_w : expr_where(l, s);
			l->cond_w = NULL;
			if (is_tracked(l, v))
				spell_test(l, s, k[side], op == OP_EQ);
			null_edges(l, k[side], v, w, op == OP_EQ ? f : t, op == OP_EQ ? t : f);
			spell_done(l);
			return;
		}
		if ((op == OP_EQ || op == OP_NE) && !is_pointer(clang_getCursorType(k[0])) &&
		    !is_pointer(clang_getCursorType(k[1]))) {
			int side = const_int(k[1], &kval) ? 0 : const_int(k[0], &kval) ? 1 : -1;

			if (side >= 0) {
				/* flag == 0 holds when the flag is false */
				int truth = (op == OP_NE) == (kval == 0);
				struct iom_where w;

				new_value(l);	/* the comparison's own value, as in eval() */
				v = eval(l, k[side]);
				eval(l, k[!side]);
				w = l->cond_w ? *l->cond_w : expr_where(l, s);
				if (is_tracked(l, v)) {
					int from = block(l);

					edge_if(l, from, t, v, truth, w);
					edge_if(l, from, f, v, !truth, w);
				} else {
					int from = block(l);

					edge(l, from, t);
					edge(l, from, f);
				}
				l->cur = -1;
				return;
			}
		}
	}
	if (kind == CXCursor_ConditionalOperator && n == 3) {
		int a = new_block(l), b = new_block(l);

		l->cond_w = NULL;
		cond_branch(l, k[0], a, b);
		l->cur = a;
		cond_branch(l, k[1], t, f);
		l->cur = b;
		cond_branch(l, k[2], t, f);
		return;
	}
	{
		const struct iom_where *cw = l->cond_w;
		struct iom_where w;
		int eq = kind == CXCursor_BinaryOperator && n == 2 &&
			 (binary_op(s) == OP_EQ || binary_op(s) == OP_NE);

		if (!eq)	/* a comparison places its null test itself */
			l->cond_w = NULL;
		v = eval(l, s);
		l->cond_w = NULL;
		w = cw ? *cw : expr_where(l, s);
		int from = block(l);

		if (is_pointer(clang_getCursorType(s)) || is_array(clang_getCursorType(s))) {
			if (is_tracked(l, v))
				spell_truth(l, s);
			null_edges(l, s, v, w, t, f);
			spell_done(l);
			return;
		} else if (is_tracked(l, v)) {
			edge_if(l, from, t, v, 1, w);
			edge_if(l, from, f, v, 0, w);
		} else {
			edge(l, from, t);
			edge(l, from, f);
		}
	}
	l->cur = -1;
}
