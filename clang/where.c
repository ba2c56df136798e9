/*
 * where.c - locations, and which code is helper code.
 *
 * A finding is placed where the user sees the code: the expansion point of
 * a macro, in the file it was expanded in, line and 1-based byte column (the
 * GCC engine's columns).  clang_Location_isFromMainFile() says 0 for every
 * token of a macro expansion, so files are compared by name instead.
 *
 * libclang keeps no chain of nested expansions, only the top-level ones (the
 * preprocessing record).  For each of those the core gets the facts it can
 * have: the file the macro is defined in (where its body is spelled) and the
 * macro names involved, innermost first: the helper macros its definition
 * uses, directly or through other macros, then the macro itself.  A driver
 * macro wrapping iosys_map_wr() is thus helper code as a whole.
 */
#include <stdlib.h>
#include <string.h>

#include "clang.h"

#define MAX_MACROS	16	/* names handed to the core per expansion */
#define MAX_MACRO_NESTING	8	/* macro bodies followed into other macros */
#define MAX_NESTED_LOOK	256	/* expansions looked at inside another's arguments */

struct expansion {
	CXFile file;
	unsigned start, end;	/* byte offsets, end exclusive */
	int helper;
};

struct macro_def {
	char *name;
	CXCursor def;
	int state;		/* 0 not looked at, 1 being looked at, 2 done */
	int nr_uses;
	char *uses[MAX_MACROS];	/* helper macros it uses, directly or not */
};

struct collect {
	struct where_ctx *wc;
	struct macro_def *defs;
	int nr_defs;
	struct expansion *exp;
	int nr_exp, cap_exp;
	CXCursor *calls;
	int nr_calls, cap_calls;
};

static char *str_of(CXString s)
{
	const char *t = clang_getCString(s);
	char *r = strdup(t ? t : "");

	clang_disposeString(s);
	return r;
}

const char *where_file(struct where_ctx *wc, CXFile f)
{
	char *name;
	char **grown;

	if (!f)
		return NULL;
	name = str_of(clang_getFileName(f));
	for (int i = wc->nr_files - 1; i >= 0; i--)
		if (!strcmp(wc->files[i], name)) {
			free(name);
			return wc->files[i];
		}
	grown = realloc(wc->files, (wc->nr_files + 1) * sizeof(*grown));
	if (!grown) {
		free(name);
		return "?";
	}
	wc->files = grown;
	wc->files[wc->nr_files++] = name;
	return name;
}

static int cmp_def(const void *a, const void *b)
{
	return strcmp(((const struct macro_def *)a)->name, ((const struct macro_def *)b)->name);
}

/* A kernel TU defines tens of thousands of macros: sorted, then searched. */
static struct macro_def *find_def(struct collect *c, const char *name)
{
	struct macro_def key;

	key.name = (char *)name;
	return bsearch(&key, c->defs, c->nr_defs, sizeof(key), cmp_def);
}

static void add_use(struct macro_def *d, const char *name)
{
	for (int i = 0; i < d->nr_uses; i++)
		if (!strcmp(d->uses[i], name))
			return;
	if (d->nr_uses < MAX_MACROS)
		d->uses[d->nr_uses++] = strdup(name);
}

/* The helper macros a definition names, directly or through other macros. */
static void macro_uses(struct collect *c, struct macro_def *d, int depth)
{
	CXToken *toks = NULL;
	unsigned n = 0;

	if (d->state || depth > MAX_MACRO_NESTING)
		return;
	d->state = 1;
	clang_tokenize(c->wc->tu, clang_getCursorExtent(d->def), &toks, &n);
	for (unsigned i = 1; i < n; i++) {	/* token 0 is the macro's own name */
		char *t;
		struct macro_def *inner;

		if (clang_getTokenKind(toks[i]) != CXToken_Identifier)
			continue;
		t = str_of(clang_getTokenSpelling(c->wc->tu, toks[i]));
		if (iom_helper_macro(c->wc->rules, t))
			add_use(d, t);
		inner = strcmp(t, d->name) ? find_def(c, t) : NULL;
		if (inner) {
			macro_uses(c, inner, depth + 1);
			for (int k = 0; k < inner->nr_uses; k++)
				add_use(d, inner->uses[k]);
		}
		free(t);
	}
	clang_disposeTokens(c->wc->tu, toks, n);
	d->state = 2;
}

static enum CXChildVisitResult top(CXCursor cur, CXCursor parent, CXClientData data)
{
	struct collect *c = (struct collect *)data;
	enum CXCursorKind k = clang_getCursorKind(cur);

	(void)parent;
	if (k == CXCursor_MacroDefinition) {
		struct macro_def *d = c->defs;

		if (!(c->nr_defs & (c->nr_defs - 1))) {
			d = realloc(c->defs, (c->nr_defs ? 2 * c->nr_defs : 1) * sizeof(*d));
			if (!d)
				return CXChildVisit_Break;
			c->defs = d;
		}
		d = &c->defs[c->nr_defs++];
		memset(d, 0, sizeof(*d));
		d->name = str_of(clang_getCursorSpelling(cur));
		d->def = cur;
	} else if (k == CXCursor_MacroExpansion) {
		if (c->nr_calls == c->cap_calls) {
			CXCursor *g;

			c->cap_calls = c->cap_calls ? 2 * c->cap_calls : 256;
			g = realloc(c->calls, c->cap_calls * sizeof(*g));
			if (!g)
				return CXChildVisit_Break;
			c->calls = g;
		}
		c->calls[c->nr_calls++] = cur;
	}
	return CXChildVisit_Continue;
}

static int cmp_exp(const void *a, const void *b)
{
	const struct expansion *x = a, *y = b;

	if (x->file != y->file)
		return x->file < y->file ? -1 : 1;
	return x->start < y->start ? -1 : x->start > y->start;
}

static void add_expansion(struct collect *c, CXCursor call)
{
	CXSourceRange r = clang_getCursorExtent(call);
	CXFile f1, f2;
	unsigned off1, off2;
	char *name = str_of(clang_getCursorSpelling(call));
	struct macro_def *d = find_def(c, name);
	const char *macros[MAX_MACROS + 1];
	const char *spelled = NULL;
	int n = 0;
	struct expansion *e;

	clang_getExpansionLocation(clang_getRangeStart(r), &f1, NULL, NULL, &off1);
	clang_getExpansionLocation(clang_getRangeEnd(r), &f2, NULL, NULL, &off2);
	if (!f1 || f1 != f2 || off2 < off1) {
		free(name);
		return;
	}
	if (d) {
		CXFile df;

		macro_uses(c, d, 0);
		for (int i = 0; i < d->nr_uses; i++)
			macros[n++] = d->uses[i];
		clang_getExpansionLocation(clang_getCursorLocation(d->def), &df, NULL, NULL, NULL);
		spelled = where_file(c->wc, df);
	}
	macros[n++] = name;
	if (c->nr_exp == c->cap_exp) {
		c->cap_exp = c->cap_exp ? 2 * c->cap_exp : 256;
		e = realloc(c->exp, c->cap_exp * sizeof(*e));
		if (!e) {
			free(name);
			return;
		}
		c->exp = e;
	}
	e = &c->exp[c->nr_exp++];
	e->file = f1;
	e->start = off1;
	e->end = off2;
	e->helper = iom_helper_code(c->wc->rules, spelled ? spelled : where_file(c->wc, f1),
				    macros, n);
	free(name);
}

void where_init(struct where_ctx *wc, const struct iom_rules *rules, CXTranslationUnit tu)
{
	struct collect c;

	memset(wc, 0, sizeof(*wc));
	wc->rules = rules;
	wc->tu = tu;
	memset(&c, 0, sizeof(c));
	c.wc = wc;
	clang_visitChildren(clang_getTranslationUnitCursor(tu), top, &c);
	qsort(c.defs, c.nr_defs, sizeof(*c.defs), cmp_def);
	for (int i = 0; i < c.nr_calls; i++)
		add_expansion(&c, c.calls[i]);
	qsort(c.exp, c.nr_exp, sizeof(*c.exp), cmp_exp);
	wc->exp = c.exp;
	wc->nr_exp = c.nr_exp;
	for (int i = 0; i < c.nr_defs; i++) {
		free(c.defs[i].name);
		for (int k = 0; k < c.defs[i].nr_uses; k++)
			free(c.defs[i].uses[k]);
	}
	free(c.defs);
	free(c.calls);
}

void where_free(struct where_ctx *wc)
{
	for (int i = 0; i < wc->nr_files; i++)
		free(wc->files[i]);
	free(wc->files);
	free(wc->exp);
	memset(wc, 0, sizeof(*wc));
}

/* The index of the last expansion starting at or before a file offset, or -1. */
static int last_starting(const struct where_ctx *wc, CXFile f, unsigned off)
{
	int lo = 0, hi = wc->nr_exp - 1, found = -1;

	/* The last expansion starting at or before off. */
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		const struct expansion *e = &wc->exp[mid];

		if (e->file < f || (e->file == f && e->start <= off)) {
			found = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return found;
}

/* The top-level expansion holding a file offset, or NULL. */
static const struct expansion *expansion_at(const struct where_ctx *wc, CXFile f, unsigned off)
{
	int found = last_starting(wc, f, off);

	if (found < 0)
		return NULL;
	if (wc->exp[found].file != f || off >= wc->exp[found].end)
		return NULL;
	return &wc->exp[found];
}

/*
 * Is the code at a cursor helper code by an expansion written inside the
 * arguments of the top-level one 'outer' (FIELD_GET(MASK, drv_read(...))
 * around a driver macro wrapping iosys_map_rd_field())?  The record holds
 * those expansions too; the file location of a token of a macro body is the
 * point where that macro was written (clang_getFileLocation), inside the
 * outer expansion's arguments.  Every expansion holding that point counts.
 */
static int helper_inside(const struct where_ctx *wc, const struct expansion *outer,
			 CXSourceLocation loc)
{
	CXFile f;
	unsigned off;

	clang_getFileLocation(loc, &f, NULL, NULL, &off);
	if (f != outer->file || off < outer->start || off >= outer->end)
		return 0;
	/* The ones holding the point start after the outer one and not far
	 * before the point: a bounded look back keeps a huge expansion linear. */
	for (int i = last_starting(wc, f, off), n = 0;
	     i >= 0 && &wc->exp[i] != outer && n < MAX_NESTED_LOOK; i--, n++)
		if (wc->exp[i].file == f && off < wc->exp[i].end && wc->exp[i].helper)
			return 1;
	return 0;
}

struct iom_where where_of(struct where_ctx *wc, CXCursor c)
{
	struct iom_where w = { NULL, 0, 0, 0 };
	CXSourceLocation loc = clang_getCursorLocation(c);
	CXFile f;
	unsigned line, col, off;
	const struct expansion *e;

	clang_getExpansionLocation(loc, &f, &line, &col, &off);
	if (!f)
		return w;
	w.file = where_file(wc, f);
	w.line = (int)line;
	w.col = (int)col;
	e = expansion_at(wc, f, off);
	if (e)
		w.helper = e->helper || helper_inside(wc, e, loc);
	else
		w.helper = iom_helper_code(wc->rules, w.file, NULL, 0);
	return w;
}

struct iom_where where_at(struct where_ctx *wc, CXCursor c, CXSourceLocation loc)
{
	struct iom_where w = where_of(wc, c);
	CXFile f;
	unsigned line, col;

	if (in_macro(c) || !w.file)
		return w;	/* the expansion point, as GCC reports it */
	clang_getExpansionLocation(loc, &f, &line, &col, NULL);
	if (!f || strcmp(where_file(wc, f), w.file))
		return w;
	w.line = (int)line;
	w.col = (int)col;
	return w;
}

int where_in_helper_file(struct where_ctx *wc, CXCursor c)
{
	CXFile f;

	clang_getExpansionLocation(clang_getCursorLocation(c), &f, NULL, NULL, NULL);
	return f && iom_helper_code(wc->rules, where_file(wc, f), NULL, 0);
}
