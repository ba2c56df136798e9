/*
 * types.c - libclang types as the core's opaque type pointers.
 *
 * CXType is a value, not a pointer, so each canonical type the core is told
 * about gets one entry in a table; the entry's address is the pointer.  The
 * core asks about a type (class, tag, element count, fields) through the
 * iom_types callbacks while a function is built.
 */
#include <stdlib.h>
#include <string.h>

#include "clang.h"

struct type_entry {
	CXType type;			/* canonical */
	char *tag;
	int facts_done;
	struct iom_type_facts facts;
};

struct type_table {
	struct type_entry **e;
	int nr;
};

struct type_table *types_new(void)
{
	return calloc(1, sizeof(struct type_table));
}

void types_free(struct type_table *t)
{
	if (!t)
		return;
	for (int i = 0; i < t->nr; i++) {
		free(t->e[i]->tag);
		free(t->e[i]);
	}
	free(t->e);
	free(t);
}

const void *type_ref(struct type_table *t, CXType type)
{
	struct type_entry *e, **g;

	if (type.kind == CXType_Invalid)
		return NULL;
	type = plain_type(type);
	for (int i = t->nr - 1; i >= 0; i--)
		if (clang_equalTypes(t->e[i]->type, type))
			return t->e[i];
	e = calloc(1, sizeof(*e));
	g = realloc(t->e, (t->nr + 1) * sizeof(*g));
	if (!e || !g) {
		free(e);
		if (g)
			t->e = g;
		return NULL;
	}
	t->e = g;
	e->type = type;
	t->e[t->nr++] = e;
	return e;
}

/* The tag of a struct or union, or the name of a typedef of an anonymous one. */
static char *record_tag(CXType type)
{
	CXCursor d = clang_getTypeDeclaration(type);
	CXString s;
	const char *t;
	char *r = NULL;

	if (clang_Cursor_isAnonymous(d))
		return NULL;
	s = clang_getCursorSpelling(d);
	t = clang_getCString(s);
	/* Newer libclang names anonymous records "(anonymous struct at ...)". */
	if (t && *t && !strchr(t, ' ') && !strchr(t, '('))
		r = strdup(t);
	clang_disposeString(s);
	return r;
}

static void facts(void *ctx, const void *type, struct iom_type_facts *out)
{
	struct type_entry *e = (struct type_entry *)type;
	struct type_table *t = (struct type_table *)ctx;

	memset(out, 0, sizeof(*out));
	out->cls = IOM_TYPE_OTHER;
	out->count = -1;
	out->size = -1;
	if (!e)
		return;
	if (e->facts_done) {
		*out = e->facts;
		return;
	}
	{
		long long size = clang_Type_getSizeOf(e->type);

		out->size = size >= 0 ? (long)size : -1;
	}
	switch (e->type.kind) {
	case CXType_Record: {
		CXCursor d = clang_getTypeDeclaration(e->type);

		out->cls = clang_getCursorKind(d) == CXCursor_UnionDecl ? IOM_TYPE_UNION :
			   IOM_TYPE_STRUCT;
		e->tag = record_tag(e->type);
		out->tag = e->tag;
		break;
	}
	case CXType_ConstantArray:
	case CXType_IncompleteArray:
	case CXType_VariableArray:
		out->cls = IOM_TYPE_ARRAY;
		out->count = e->type.kind == CXType_ConstantArray ? clang_getArraySize(e->type) : -1;
		out->element = type_ref(t, clang_getArrayElementType(e->type));
		break;
	default:
		break;
	}
	e->facts = *out;
	e->facts_done = 1;
}

struct field_walk {
	struct type_table *t;
	iom_field_fn each;
	void *arg;
};

static enum CXVisitorResult field(CXCursor c, CXClientData data)
{
	struct field_walk *w = (struct field_walk *)data;
	CXType ft = clang_getCursorType(c);
	CXCursor td = clang_getTypeDeclaration(plain_type(ft));
	CXString s = clang_getCursorSpelling(c);
	const char *name = clang_getCString(s);

	if (!name || !*name || (clang_Cursor_isAnonymous(td) && clang_Cursor_isAnonymousRecordDecl(td)))
		name = NULL;
	w->each(w->arg, name, type_ref(w->t, ft));
	clang_disposeString(s);
	return CXVisit_Continue;
}

static void fields(void *ctx, const void *type, iom_field_fn each, void *arg)
{
	const struct type_entry *e = (const struct type_entry *)type;
	struct field_walk w = { (struct type_table *)ctx, each, arg };

	if (e && e->type.kind == CXType_Record)
		clang_Type_visitFields(e->type, field, &w);
}

const struct iom_types clang_types_ops = { facts, fields, NULL };
