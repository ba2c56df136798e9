/*
 * spell.c - how constructs are written, for the core's fix-its.
 *
 * The core offers a fix-it from what it proved and from how the construct
 * is spelled (core/iomem.h, iom_spelled).  This file only describes spelled
 * text: byte ranges of the file and the bytes written there.  Every location
 * query of the C API maps a token of a macro body to the expansion point and
 * a token of a macro argument to where the argument is written, so a
 * construct is taken only when each token its shape rests on (the member
 * name and its "->" or ".", the "+", the "*" and the cast's parentheses, the
 * "=", the "!" or "==", the callee's name) is read back from the file at the
 * place the AST gives it.  A construct built by a macro body fails that test
 * and is not described; FORTIFY's memcpy (a macro whose arguments are
 * spelled in the file) passes it.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "clang.h"

/* A place in one file: the file's bytes and an offset into them. */
struct pos {
	CXFile file;
	unsigned off;
};

static int pos_of(CXSourceLocation loc, struct pos *p)
{
	clang_getFileLocation(loc, &p->file, NULL, NULL, &p->off);
	return p->file != NULL;
}

static const char *contents(struct lower *l, CXFile f, size_t *size)
{
	return clang_getFileContents(l->wc->tu, f, size);
}

/* The cursor's bytes [start, end) in one file. */
static int extent_of(struct lower *l, CXCursor c, struct pos *a, unsigned *end)
{
	CXSourceRange r = clang_getCursorExtent(c);
	struct pos b;
	size_t size;

	if (!pos_of(clang_getRangeStart(r), a) || !pos_of(clang_getRangeEnd(r), &b) ||
	    !clang_File_isEqual(a->file, b.file) || b.off <= a->off ||
	    !contents(l, a->file, &size) || b.off > size)
		return 0;
	*end = b.off;
	return 1;
}

static int is_ident(int c)
{
	return isalnum(c) || c == '_';
}

/* Is 'tok' written in the file at loc (an identifier: and no longer one)? */
static int written_at(struct lower *l, CXSourceLocation loc, const char *tok)
{
	struct pos p;
	size_t size, n = strlen(tok);
	const char *s;

	if (!pos_of(loc, &p) || !(s = contents(l, p.file, &size)) || p.off + n > size ||
	    memcmp(s + p.off, tok, n))
		return 0;
	return !is_ident((unsigned char)tok[0]) || p.off + n == size ||
	       !is_ident((unsigned char)s[p.off + n]);
}

/* Line and 1-based byte column of an offset. */
static void line_col(const char *s, unsigned off, int *line, int *col)
{
	int ln = 1;
	unsigned bol = 0;

	for (unsigned i = 0; i < off; i++)
		if (s[i] == '\n')
			ln++, bol = i + 1;
	*line = ln;
	*col = (int)(off - bol) + 1;
}

static struct iom_span span_of(struct lower *l, CXFile f, unsigned a, unsigned b)
{
	size_t size;
	const char *s = contents(l, f, &size);
	struct iom_span sp;

	line_col(s, a, &sp.line, &sp.col);
	line_col(s, b, &sp.end_line, &sp.end_col);
	return sp;
}

/* The bytes [a, b) of the file, malloc'ed. */
static char *bytes(struct lower *l, CXFile f, unsigned a, unsigned b)
{
	size_t size;
	const char *s = contents(l, f, &size);
	char *r = malloc(b - a + 1);

	if (!r)
		return NULL;
	memcpy(r, s + a, b - a);
	r[b - a] = 0;
	return r;
}

/* The text of a cursor, if it is spelled in file f. */
static char *text_in(struct lower *l, CXCursor c, CXFile f)
{
	struct pos a;
	unsigned end;

	if (!extent_of(l, c, &a, &end) || !clang_File_isEqual(a.file, f))
		return NULL;
	return bytes(l, f, a.off, end);
}

/* What the description holds, freed by spelling_free. */
struct spelled {
	struct iom_spelling sp;
	CXFile file;
	char *map, *member, *offset, *callee, *type, *value, *flag;
};

static void spelled_free(struct spelled *s)
{
	free(s->map);
	free(s->member);
	free(s->offset);
	free(s->callee);
	free(s->type);
	free(s->value);
	free(s->flag);
	memset(s, 0, sizeof(*s));
}

static void spelled_file(struct lower *l, struct spelled *s, CXFile f)
{
	s->file = f;
	s->sp.file = where_file(l->wc, f);
}

/* MAP->member or MAP.member, the member of a map, written in the file. */
static int member_of(struct lower *l, CXCursor e, struct spelled *s)
{
	CXCursor m = strip_casts(e), k[MAX_KIDS], obj;
	CXSourceLocation op;
	CXString cs;
	int member;
	char *name;

	if (clang_getCursorKind(m) != CXCursor_MemberRefExpr || kids(m, k) < 1 ||
	    !map_member(l, m, &obj, &member) || member_map(l, obj) < 0 ||
	    !member_operator_location(m, &op))
		return 0;
	cs = clang_getCursorSpelling(m);
	name = strdup(clang_getCString(cs) ? clang_getCString(cs) : "");
	clang_disposeString(cs);
	s->sp.ptr.arrow = is_pointer(clang_getCursorType(k[0]));
	if (!name || !written_at(l, clang_getCursorLocation(m), name) ||
	    !written_at(l, op, s->sp.ptr.arrow ? "->" : ".")) {
		free(name);
		return 0;
	}
	s->member = name;
	s->map = text_in(l, k[0], s->file);
	return s->map != NULL;
}

/* Does pointer arithmetic on this type count bytes (void *, char *)? */
static int byte_pointer(CXType t)
{
	CXType p = clang_getPointeeType(plain_type(t));

	return p.kind == CXType_Void || clang_Type_getSizeOf(p) == 1;
}

/* Parentheses that close only what they open: "(m->vaddr + a) + b" gives
 * no offset "a) + b". */
static int balanced(const char *t)
{
	int depth = 0;

	for (; *t && depth >= 0; t++)
		depth += *t == '(' ? 1 : *t == ')' ? -1 : 0;
	return depth == 0;
}

/* A map pointer: MAP->member, or MAP->member + OFFSET counted in bytes. */
static int pointer_of(struct lower *l, CXCursor e, struct spelled *s)
{
	CXCursor p = strip_casts(e), k[MAX_KIDS];
	CXSourceLocation op;

	struct pos a, b;
	unsigned end, end_b;

	/* m->vaddr + a + b is (m->vaddr + a) + b: the offset is "a + b" */
	if (clang_getCursorKind(p) == CXCursor_BinaryOperator && kids(p, k) == 2 &&
	    binary_op(p) == OP_ADD && is_pointer(clang_getCursorType(p)) &&
	    extent_of(l, p, &b, &end_b)) {
		CXCursor inner = p;

		for (int depth = 0; depth < 16; depth++) {
			CXCursor left = strip(k[0]);

			if (!byte_pointer(clang_getCursorType(k[0])) ||
			    !operator_location(inner, &op) || !written_at(l, op, "+"))
				return 0;
			if (clang_getCursorKind(left) != CXCursor_BinaryOperator ||
			    binary_op(left) != OP_ADD)
				break;
			inner = left;
			if (kids(inner, k) != 2)
				return 0;
		}
		if (!member_of(l, k[0], s) || !extent_of(l, k[1], &a, &end) ||
		    !clang_File_isEqual(a.file, b.file) || a.off >= end_b)
			return 0;
		s->offset = bytes(l, a.file, a.off, end_b);
		return s->offset != NULL && balanced(s->offset);
	}
	return member_of(l, p, s);
}

static void fill_strings(struct spelled *s)
{
	s->sp.ptr.map = s->map;
	s->sp.ptr.member = s->member;
	s->sp.ptr.offset = s->offset;
	s->sp.callee = s->callee;
	s->sp.type = s->type;
	s->sp.value = s->value;
	s->sp.flag = s->flag;
}

/* The construct starts the spelling: its file and whole range. */
static int start(struct lower *l, struct spelled *s, CXCursor whole)
{
	struct pos a;
	unsigned end;

	memset(s, 0, sizeof(*s));
	if (!extent_of(l, whole, &a, &end))
		return 0;
	spelled_file(l, s, a.file);
	s->sp.whole = span_of(l, a.file, a.off, end);
	return 1;
}

static void hand_over(struct lower *l, struct spelled *s)
{
	fill_strings(s);
	iom_spelled(l->fn, &s->sp);
	spelled_free(s);
}

void spell_done(struct lower *l)
{
	iom_spelled(l->fn, NULL);
}

/* Is the cursor the statement of a block being lowered?  Its value is then
 * unused, and a helper that returns nothing (iosys_map_wr, memcpy_to) fits. */
static int is_statement(struct lower *l, CXCursor c)
{
	return l->has_statement && clang_equalCursors(strip(c), strip(l->statement));
}

/* ---- calls ---------------------------------------------------------------- */

/* Is argument i the i-th, counted by the commas written between the call's
 * parentheses?  (A macro could hand its arguments on in another order.) */
static int argument_number_written(struct lower *l, CXFile f, unsigned open, unsigned at, int i)
{
	size_t size;
	const char *s = contents(l, f, &size);
	int depth = 0, commas = 0;

	for (unsigned k = open + 1; k < at && k < size; k++) {
		if (s[k] == '(' || s[k] == '[' || s[k] == '{')
			depth++;
		else if (s[k] == ')' || s[k] == ']' || s[k] == '}')
			depth--;
		else if (s[k] == ',' && depth == 0)
			commas++;
		else if (s[k] == '"' || s[k] == '\'' || (s[k] == '/' && k + 1 < size &&
							  (s[k + 1] == '/' || s[k + 1] == '*')))
			return 0;	/* strings and comments: not worth reading */
	}
	return depth == 0 && commas == i;
}

/* NAME(..., PTR, ...) where argument i (0-based) is a map pointer. */
void spell_call(struct lower *l, CXCursor call, int i)
{
	CXSourceRange r = clang_getCursorExtent(call);
	CXCursor arg = clang_Cursor_getArgument(call, (unsigned)i);
	struct spelled s;
	struct pos name, a;
	unsigned end, n;
	size_t size;
	const char *txt;

	memset(&s, 0, sizeof(s));
	/* The name: where the call's first token is, as written in the file. */
	if (!pos_of(clang_getRangeStart(r), &name) || !(txt = contents(l, name.file, &size)))
		return;
	for (n = name.off; n < size && is_ident((unsigned char)txt[n]); n++)
		;
	if (n == name.off || !extent_of(l, arg, &a, &end) || !clang_File_isEqual(a.file, name.file))
		return;
	/* The call is the statement (FORTIFY's: the macro is): its result, which
	 * the helpers do not have, is not used. */
	{
		struct pos st;
		unsigned st_end;

		if (!l->has_statement || !extent_of(l, l->statement, &st, &st_end) ||
		    !clang_File_isEqual(st.file, name.file) || st.off != name.off)
			return;
	}
	{
		unsigned open = n;

		while (open < size && isspace((unsigned char)txt[open]))
			open++;
		if (open >= size || txt[open] != '(' || open >= a.off ||
		    !argument_number_written(l, name.file, open, a.off, i))
			return;
	}
	spelled_file(l, &s, name.file);
	s.callee = bytes(l, name.file, name.off, n);
	s.sp.is = IOM_SPELL_CALL;
	s.sp.name = span_of(l, name.file, name.off, n);
	s.sp.arg = i + 1;
	s.sp.ptr.span = span_of(l, a.file, a.off, end);
	s.sp.whole = s.sp.name;
	if (!s.callee || !pointer_of(l, arg, &s)) {
		spelled_free(&s);
		return;
	}
	hand_over(l, &s);
}

/* ---- typed loads and stores: *(TYPE *)PTR ---------------------------------- */

/* *(TYPE *)PTR written in the file: TYPE's text and the pointer. */
static int typed_deref(struct lower *l, CXCursor deref, struct spelled *s)
{
	CXCursor d = strip(deref), k[MAX_KIDS], cast;
	CXType pointee;
	struct pos a;
	unsigned end, close;
	int n, depth = 0;
	long long size;
	size_t fsize;
	const char *txt;

	if (clang_getCursorKind(d) != CXCursor_UnaryOperator || unary_op(d) != OP_DEREF ||
	    kids(d, k) != 1 || !written_at(l, clang_getCursorLocation(d), "*"))
		return 0;
	cast = strip(k[0]);
	n = kids(cast, k);
	if (clang_getCursorKind(cast) != CXCursor_CStyleCastExpr || n < 1 ||
	    !extent_of(l, cast, &a, &end) || !clang_File_isEqual(a.file, s->file))
		return 0;
	pointee = clang_getPointeeType(plain_type(clang_getCursorType(cast)));
	size = clang_Type_getSizeOf(pointee);
	if (clang_isConstQualifiedType(pointee) || clang_isVolatileQualifiedType(pointee) ||
	    (size != 1 && size != 2 && size != 4 && size != 8))
		return 0;
	/* "(TYPE *)": the parentheses and the last '*' are the file's */
	txt = contents(l, a.file, &fsize);
	if (txt[a.off] != '(')
		return 0;
	for (close = a.off; close < end; close++) {
		if (txt[close] == '(')
			depth++;
		else if (txt[close] == ')' && --depth == 0)
			break;
	}
	if (close >= end)
		return 0;
	{
		unsigned star = close;

		while (star > a.off + 1 && isspace((unsigned char)txt[star - 1]))
			star--;
		if (txt[star - 1] != '*')
			return 0;
		star--;
		while (star > a.off + 1 && isspace((unsigned char)txt[star - 1]))
			star--;
		if (star <= a.off + 1 || memchr(txt + a.off + 1, '*', star - a.off - 1))
			return 0;
		s->type = bytes(l, a.file, a.off + 1, star);
	}
	return s->type && pointer_of(l, k[n - 1], s);
}

/* A cheap look first: most dereferences are not through a cast. */
static int looks_typed_deref(CXCursor c)
{
	CXCursor d = strip(c), k[MAX_KIDS];

	return clang_getCursorKind(d) == CXCursor_UnaryOperator && kids(d, k) == 1 &&
	       clang_getCursorKind(strip(k[0])) == CXCursor_CStyleCastExpr;
}

/* *(TYPE *)PTR = VALUE */
void spell_store(struct lower *l, CXCursor assign, CXCursor lhs, CXCursor rhs)
{
	struct spelled s;
	CXSourceLocation op;

	if (!looks_typed_deref(lhs) || !is_statement(l, assign) || !start(l, &s, assign))
		return;
	s.sp.is = IOM_SPELL_STORE;
	if (!operator_location(assign, &op) || !written_at(l, op, "=") ||
	    !typed_deref(l, lhs, &s) || !(s.value = text_in(l, rhs, s.file))) {
		spelled_free(&s);
		return;
	}
	hand_over(l, &s);
}

/* *(TYPE *)PTR read as a value */
void spell_load(struct lower *l, CXCursor deref)
{
	struct spelled s;

	if (!looks_typed_deref(deref) || !start(l, &s, deref))
		return;
	s.sp.is = IOM_SPELL_LOAD;
	if (!typed_deref(l, deref, &s)) {
		spelled_free(&s);
		return;
	}
	hand_over(l, &s);
}

/* ---- NULL tests ------------------------------------------------------------- */

/*
 * whole tests ptr: whole is ptr itself (a truth value), !ptr, or a
 * comparison of ptr with NULL; negated when whole is true for NULL.
 */
void spell_test(struct lower *l, CXCursor whole, CXCursor ptr, int negated)
{
	struct spelled s;
	CXCursor w = strip(whole);
	CXSourceLocation op;

	if (!start(l, &s, whole))
		return;
	s.sp.is = IOM_SPELL_TEST;
	s.sp.negated = negated;
	if (clang_getCursorKind(w) == CXCursor_UnaryOperator) {
		if (!written_at(l, clang_getCursorLocation(w), "!")) {
			spelled_free(&s);
			return;
		}
	} else if (clang_getCursorKind(w) == CXCursor_BinaryOperator) {
		if (!operator_location(w, &op) ||
		    !written_at(l, op, binary_op(w) == OP_EQ ? "==" : "!=")) {
			spelled_free(&s);
			return;
		}
	}
	if (!member_of(l, ptr, &s)) {
		spelled_free(&s);
		return;
	}
	hand_over(l, &s);
}

/* ---- MAP.ptr = VALUE; MAP.flag = 0|1; ---------------------------------------- */

/* One of the two statements: an assignment to a member of a map. */
struct member_write {
	CXCursor assign, lhs, rhs;
	int member;
};

static int member_write(struct lower *l, CXCursor c, struct member_write *w)
{
	CXCursor k[MAX_KIDS], obj;
	CXSourceLocation op;

	w->assign = strip(c);
	if (clang_getCursorKind(w->assign) != CXCursor_BinaryOperator ||
	    kids(w->assign, k) != 2 ||
	    clang_getCursorKind(strip(k[0])) != CXCursor_MemberRefExpr ||
	    binary_op(w->assign) != OP_ASSIGN ||
	    !operator_location(w->assign, &op) || !written_at(l, op, "=") ||
	    !map_member(l, k[0], &obj, &w->member))
		return 0;
	w->lhs = k[0];
	w->rhs = k[1];
	return 1;
}

/* Past blanks and comments from i; stops at 'to'. */
static unsigned skip_blanks(const char *txt, unsigned i, unsigned to)
{
	while (i < to) {
		if (isspace((unsigned char)txt[i])) {
			i++;
		} else if (txt[i] == '/' && i + 1 < to && txt[i + 1] == '*') {
			const char *e = memmem(txt + i + 2, to - i - 2, "*/", 2);

			if (!e)
				return to;
			i = (unsigned)(e - txt) + 2;
		} else if (txt[i] == '/' && i + 1 < to && txt[i + 1] == '/') {
			while (i < to && txt[i] != '\n')
				i++;
		} else {
			break;
		}
	}
	return i;
}

/*
 * The flag's statement [a, end) and its ';': what deleting it takes.  Its
 * whole line when nothing but blanks share it (comments after it stay, on
 * their own line: they may say more than the statement did).
 */
static int statement_to_delete(struct lower *l, CXFile f, unsigned a, unsigned end,
			       struct iom_span *out)
{
	size_t size;
	const char *txt = contents(l, f, &size);
	unsigned semi = end, from = a, to;

	while (semi < size && (txt[semi] == ' ' || txt[semi] == '\t'))
		semi++;
	if (semi >= size || txt[semi] != ';')
		return 0;
	to = semi + 1;
	while (from > 0 && (txt[from - 1] == ' ' || txt[from - 1] == '\t'))
		from--;
	{
		unsigned after = to;

		while (after < size && (txt[after] == ' ' || txt[after] == '\t'))
			after++;
		if ((from == 0 || txt[from - 1] == '\n') && (after == size || txt[after] == '\n'))
			to = after < size ? after + 1 : after;	/* the whole line */
		else
			from = a;
	}
	*out = span_of(l, f, from, to);
	return 1;
}

/* The spelling of two adjacent statements that set the pointer and the flag. */
static int pair_spelling(struct lower *l, CXCursor a, CXCursor b, struct spelled *s)
{
	struct member_write x, y, *ptr, *flag;
	struct spelled other;
	struct pos p, q, fp;
	unsigned end_a, end_b, end_p, end_f;
	long long k;
	size_t size;
	const char *txt;
	int ok;

	memset(s, 0, sizeof(*s));
	if (!member_write(l, a, &x) || !member_write(l, b, &y) ||
	    !extent_of(l, x.assign, &p, &end_a) || !extent_of(l, y.assign, &q, &end_b) ||
	    !clang_File_isEqual(p.file, q.file) || q.off < end_a)
		return 0;
	ptr = x.member == IOM_MEMBER_FLAG ? &y : &x;
	flag = x.member == IOM_MEMBER_FLAG ? &x : &y;
	if (ptr->member == IOM_MEMBER_FLAG || flag->member != IOM_MEMBER_FLAG ||
	    !const_int(flag->rhs, &k) || (k != 0 && k != 1))
		return 0;
	/* Between them: the first one's ';', blanks and comments, nothing else. */
	txt = contents(l, p.file, &size);
	{
		unsigned i = skip_blanks(txt, end_a, q.off);

		if (i >= q.off || txt[i] != ';' || skip_blanks(txt, i + 1, q.off) != q.off)
			return 0;
	}
	if (ptr == &x) {
		end_p = end_a, fp = q, end_f = end_b;
	} else {
		end_p = end_b, fp = p, end_f = end_a;
		p = q;
	}
	spelled_file(l, s, p.file);
	s->sp.is = IOM_SPELL_SET;
	s->sp.whole = span_of(l, p.file, p.off, end_p);
	s->sp.flag_value = (int)k;
	memset(&other, 0, sizeof(other));
	other.file = p.file;
	ok = statement_to_delete(l, fp.file, fp.off, end_f, &s->sp.flag_stmt) &&
	     member_of(l, ptr->lhs, s) && member_of(l, flag->lhs, &other) &&
	     other.sp.ptr.arrow == s->sp.ptr.arrow && !strcmp(other.map, s->map) &&
	     (s->value = text_in(l, ptr->rhs, p.file)) != NULL;
	if (ok) {
		s->flag = other.member;
		other.member = NULL;
	}
	spelled_free(&other);
	if (!ok)
		spelled_free(s);
	return ok;
}

/* The statements k[i] and k[i + 1] of a block: remember them if they are a pair. */
void spell_pair(struct lower *l, CXCursor *k, int n, int i)
{
	struct spelled s;

	if (l->pair_left-- <= 0)
		l->pair_left = 0;
	if (l->pair_left || i + 1 >= n || !pair_spelling(l, k[i], k[i + 1], &s))
		return;
	spelled_free(&s);
	l->pair[0] = strip(k[i]);
	l->pair[1] = strip(k[i + 1]);
	l->pair_left = 2;	/* this statement and the next */
}

/* A member write: one of the pair remembered?  Then describe the pair. */
void spell_write(struct lower *l, CXCursor assign)
{
	struct spelled s;
	CXCursor c = strip(assign);

	if (!l->pair_left ||
	    (!clang_equalCursors(c, l->pair[0]) && !clang_equalCursors(c, l->pair[1])))
		return;
	if (pair_spelling(l, l->pair[0], l->pair[1], &s))
		hand_over(l, &s);
}

/* ---- { .ptr = VALUE, .flag = 0|1 } ------------------------------------------ */

/* The name of the member a MemberRef designator names ("" for an anonymous one). */
static char *designated_name(CXCursor ref)
{
	CXString s = clang_getCursorSpelling(clang_getCursorReferenced(ref));
	char *name = strdup(clang_getCString(s) ? clang_getCString(s) : "");

	clang_disposeString(s);
	return name;
}

/*
 * One designated member of a map's initialiser, .name = value, written so.
 * A member of the anonymous union (vaddr) comes after the union's own
 * designator, which has no name.
 */
static int designator(struct lower *l, CXCursor c, char **name, CXCursor *value)
{
	CXCursor d[MAX_KIDS];
	int n = kids(c, d);

	if (clang_getCursorKind(c) != CXCursor_UnexposedExpr || n < 2)
		return 0;
	for (int i = 0; i < n - 1; i++) {
		char *nm;

		if (clang_getCursorKind(d[i]) != CXCursor_MemberRef)
			return 0;
		nm = designated_name(d[i]);
		if (!nm || (i < n - 2 && *nm)) {
			free(nm);
			return 0;
		}
		free(*name);
		*name = nm;
	}
	*value = d[n - 1];
	return **name && written_at(l, clang_getCursorLocation(d[n - 2]), *name);
}

void spell_init(struct lower *l, CXCursor list, int ty)
{
	CXCursor k[MAX_KIDS], v[2];
	char *name[2] = { NULL, NULL };
	const struct iom_type *t;
	struct spelled s;
	struct pos a;
	unsigned end;
	long long flag;
	int ptr;
	size_t size;
	const char *txt;

	t = iom_rules_type_at(l->rules, ty);
	if (!t || kids(list, k) != 2 || !designator(l, k[0], &name[0], &v[0]) ||
	    !designator(l, k[1], &name[1], &v[1]) || !extent_of(l, list, &a, &end) ||
	    !(txt = contents(l, a.file, &size)) || txt[a.off] != '{' || txt[end - 1] != '}')
		goto out;
	ptr = !strcmp(name[0], t->member[IOM_MEMBER_FLAG]) ? 1 : 0;
	if (strcmp(name[!ptr], t->member[IOM_MEMBER_FLAG]) ||
	    (strcmp(name[ptr], t->member[IOM_MEMBER_SYS]) &&
	     strcmp(name[ptr], t->member[IOM_MEMBER_IO])) ||
	    !const_int(v[!ptr], &flag) || (flag != 0 && flag != 1))
		goto out;
	memset(&s, 0, sizeof(s));
	spelled_file(l, &s, a.file);
	s.sp.is = IOM_SPELL_INIT;
	s.sp.whole = span_of(l, a.file, a.off, end);
	s.sp.flag_value = (int)flag;
	s.map = strdup("");
	s.member = name[ptr];
	s.flag = name[!ptr];
	name[0] = name[1] = NULL;
	s.value = text_in(l, v[ptr], a.file);
	if (s.value && s.map)
		hand_over(l, &s);
	else
		spelled_free(&s);
out:
	free(name[0]);
	free(name[1]);
}
