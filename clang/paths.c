/*
 * paths.c - naming objects: from expressions to the core's access paths.
 *
 * The steps are the GCC front end's: a variable, '*' for what a pointer
 * points to, a member, an element.  A local pointer assigned once stands for
 * its initialiser (GCC sees that through SSA: map = &obj->vmap makes map->
 * name obj->vmap), or for what its one value points to when that cannot be
 * followed (a call's result); a local assigned more than once cannot be
 * named, like a phi in GCC.  Anything else we cannot name gets -1: the core treats the map
 * as unknown, the safe answer.
 */
#include <stdlib.h>
#include <string.h>

#include "clang.h"

#define MAX_DEPTH 40

static int object(struct lower *l, CXCursor c, int depth);

static char *name_of(CXCursor c)
{
	CXString s = clang_getCursorSpelling(c);
	const char *t = clang_getCString(s);
	char *r = strdup(t ? t : "");

	clang_disposeString(s);
	return r;
}

int is_aggregate(CXType t)
{
	t = plain_type(t);
	return t.kind == CXType_Record || t.kind == CXType_ConstantArray ||
	       t.kind == CXType_IncompleteArray || t.kind == CXType_VariableArray;
}

int is_pointer(CXType t)
{
	return plain_type(t).kind == CXType_Pointer;
}

int is_bool(CXType t)
{
	return plain_type(t).kind == CXType_Bool;
}

int is_integral(CXType t)
{
	enum CXTypeKind k = plain_type(t).kind;

	return (k >= CXType_Bool && k <= CXType_Int128) || k == CXType_Enum;
}

int is_array(CXType t)
{
	enum CXTypeKind k = plain_type(t).kind;

	return k == CXType_ConstantArray || k == CXType_IncompleteArray ||
	       k == CXType_VariableArray;
}

/* The expression under explicit casts too (GCC's STRIP_NOPS). */
CXCursor strip_casts(CXCursor c)
{
	CXCursor k[MAX_KIDS];

	for (int i = 0; i < 64; i++) {
		int n;

		c = strip(c);
		if (clang_getCursorKind(c) != CXCursor_CStyleCastExpr)
			break;
		n = kids(c, k);
		if (n < 1 || !clang_isExpression(clang_getCursorKind(k[n - 1])))
			break;
		c = k[n - 1];
	}
	return c;
}

int decl_path(struct lower *l, CXCursor decl)
{
	char *name = name_of(decl);
	enum CXCursorKind k = clang_getCursorKind(decl);
	enum iom_var kind;
	unsigned uid = 0;
	int p;

	if (k == CXCursor_ParmDecl) {
		kind = IOM_VAR_PARAM;
	} else if (k == CXCursor_VarDecl && is_local_var(decl)) {
		kind = IOM_VAR_LOCAL;
		uid = (unsigned)var_uid(decl);
	} else if (k == CXCursor_VarDecl) {
		kind = IOM_VAR_GLOBAL;
	} else {
		free(name);
		return -1;
	}
	p = iom_path_var(l->fn, name, uid, kind, where_of(l->wc, decl));
	free(name);
	/* Only this function's own stores change a local never addressed. */
	if (kind == IOM_VAR_LOCAL && p >= 0 && !var_addressed(l, decl))
		iom_path_private(l->fn, p);
	return p;
}

static int pointee(struct lower *l, CXCursor ptr, int depth)
{
	CXCursor s, k[MAX_KIDS], decl;
	enum CXCursorKind kind;
	int n;

	if (depth > MAX_DEPTH)
		return -1;
	s = strip_casts(ptr);
	kind = clang_getCursorKind(s);
	n = kids(s, k);
	switch (kind) {
	case CXCursor_UnaryOperator:
		if (n == 1 && unary_op(s) == OP_ADDR)
			return object(l, k[0], depth + 1);
		if (n == 1 && unary_op(s) == OP_DEREF)
			return iom_path_deref(l->fn, object(l, s, depth + 1));
		return -1;
	case CXCursor_DeclRefExpr:
		decl = clang_getCursorReferenced(s);
		if (is_array(clang_getCursorType(decl)))
			return object(l, s, depth + 1);
		if (clang_getCursorKind(decl) == CXCursor_VarDecl && is_local_var(decl)) {
			CXCursor init = var_single_init(l, decl);
			int p;

			if (clang_Cursor_isNull(init))
				return -1;
			p = pointee(l, init, depth + 1);
			/* A value that cannot be followed (a call's result): the
			 * local's one value points to the same object at every use. */
			return p >= 0 ? p : iom_path_deref(l->fn, decl_path(l, decl));
		}
		return iom_path_deref(l->fn, decl_path(l, decl));
	case CXCursor_MemberRefExpr:
	case CXCursor_ArraySubscriptExpr:
		if (is_array(clang_getCursorType(s)))
			return object(l, s, depth + 1);
		return iom_path_deref(l->fn, object(l, s, depth + 1));
	case CXCursor_BinaryOperator: {
		enum op op = binary_op(s);
		int ptr_at, p;
		long long off;

		if (n != 2 || (op != OP_ADD && op != OP_SUB))
			return -1;
		ptr_at = is_pointer(clang_getCursorType(k[0])) || is_array(clang_getCursorType(strip(k[0]))) ? 0 : 1;
		if (op == OP_SUB && ptr_at == 1)
			return -1;
		p = pointee(l, k[ptr_at], depth + 1);
		if (const_int(k[!ptr_at], &off))
			return off ? iom_path_index(l->fn, p, op == OP_SUB ? -off : off) : p;
		return iom_path_any_index(l->fn, p, NULL);
	}
	default:
		return -1;
	}
}

static int object(struct lower *l, CXCursor c, int depth)
{
	CXCursor s, k[MAX_KIDS], decl;
	int n, p;

	if (depth > MAX_DEPTH)
		return -1;
	s = strip(c);
	n = kids(s, k);
	switch (clang_getCursorKind(s)) {
	case CXCursor_DeclRefExpr:
		return decl_path(l, clang_getCursorReferenced(s));
	case CXCursor_MemberRefExpr: {
		char *field;

		if (n < 1)
			return -1;
		decl = clang_getCursorReferenced(s);
		if (is_pointer(clang_getCursorType(k[0])))
			p = pointee(l, k[0], depth + 1);
		else
			p = object(l, k[0], depth + 1);
		field = name_of(decl);
		if (*field) {	/* a member of an anonymous union has no name in C */
			CXString tag = clang_getCursorSpelling(clang_getCursorSemanticParent(decl));

			p = iom_path_member_of(l->fn, p, field, clang_getCString(tag));
			clang_disposeString(tag);
		}
		free(field);
		return p;
	}
	case CXCursor_ArraySubscriptExpr: {
		CXCursor base, idx;
		long long i;

		if (n != 2)
			return -1;
		base = k[0];
		idx = k[1];
		/* a[i] may be written i[a] */
		if (!is_pointer(clang_getCursorType(base)) && is_pointer(clang_getCursorType(idx))) {
			base = k[1];
			idx = k[0];
		}
		if (is_array(clang_getCursorType(strip(base)))) {
			p = object(l, strip(base), depth + 1);
		} else {
			p = pointee(l, base, depth + 1);
			/* p[0] is *p: a pointer plus nothing is no step. */
			if (const_int(idx, &i) && i == 0)
				return p;
		}
		if (const_int(idx, &i))
			return iom_path_index(l->fn, p, (long)i);
		{
			CXCursor is = strip_casts(idx);
			char *shown = clang_getCursorKind(is) == CXCursor_DeclRefExpr ?
				      name_of(is) : NULL;

			p = iom_path_any_index(l->fn, p, shown);
			free(shown);
			return p;
		}
	}
	case CXCursor_UnaryOperator:
		if (n == 1 && unary_op(s) == OP_DEREF)
			return pointee(l, k[0], depth + 1);
		return -1;
	default:
		return -1;
	}
}

int object_path(struct lower *l, CXCursor lvalue)
{
	return object(l, lvalue, 0);
}

int pointee_path(struct lower *l, CXCursor ptr)
{
	return pointee(l, ptr, 0);
}

int map_of(struct lower *l, CXCursor lvalue)
{
	CXType t = clang_getCursorType(lvalue);

	if (plain_type(t).kind != CXType_Record)
		return -1;
	return iom_object_map(l->fn, object_path(l, lvalue), type_ref(l->types, t));
}

/* The record a field belongs to, past anonymous unions and structs. */
static CXCursor named_record(CXCursor field)
{
	CXCursor r = clang_getCursorSemanticParent(field);

	for (int i = 0; i < 8 && clang_Cursor_isAnonymousRecordDecl(r); i++)
		r = clang_getCursorSemanticParent(r);
	return r;
}

int map_member(struct lower *l, CXCursor expr, CXCursor *obj, int *member)
{
	CXCursor s = strip(expr), k[MAX_KIDS], field, rec;
	char *tag, *name;
	int ty;

	if (clang_getCursorKind(s) != CXCursor_MemberRefExpr || kids(s, k) < 1)
		return 0;
	field = clang_getCursorReferenced(s);
	if (clang_getCursorKind(field) != CXCursor_FieldDecl)
		return 0;
	rec = named_record(field);
	tag = name_of(rec);
	ty = *tag ? iom_rules_type_index(l->rules, tag) : -1;
	free(tag);
	if (ty < 0)
		return 0;
	name = name_of(field);
	*member = iom_type_member(iom_rules_type_at(l->rules, ty), name);
	free(name);
	if (*member < 0)
		return 0;
	*obj = k[0];
	/* An anonymous union's implicit member access, if libclang shows it. */
	for (int i = 0; i < 4 && clang_getCursorKind(strip(*obj)) == CXCursor_MemberRefExpr; i++) {
		CXCursor f = clang_getCursorReferenced(strip(*obj)), kk[MAX_KIDS];
		char *fn = name_of(f);
		int empty = !*fn;

		free(fn);
		if (!empty || kids(strip(*obj), kk) < 1)
			break;
		*obj = kk[0];
	}
	return 1;
}

/* The map a member access belongs to (after map_member). */
int member_map(struct lower *l, CXCursor obj)
{
	CXType t = clang_getCursorType(obj);

	if (is_pointer(t))
		return iom_object_map(l->fn, pointee_path(l, obj),
				      type_ref(l->types, clang_getPointeeType(plain_type(t))));
	return iom_object_map(l->fn, object_path(l, obj), type_ref(l->types, t));
}
