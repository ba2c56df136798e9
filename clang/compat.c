/*
 * compat.c - the seams between libclang versions, and small cursor helpers.
 *
 * The C API gained the operator kinds of binary and unary expressions in
 * libclang 17 (CINDEX_VERSION_MINOR 64) and clang_getUnqualifiedType in 16
 * (63).  Older versions get the same answers another way: the operator is
 * the text the pretty printer puts between the operands (it prints the AST,
 * so operators written inside macros are there too), and qualifiers go with
 * the canonical type.  Everything version-dependent is in this file.
 */
#include <ctype.h>
#include <string.h>

#include "clang.h"

struct op_name {
	const char *text;
	enum op op;
};

/* Longest first, so that "<<=" is not read as "<". */
static const struct op_name binary_ops[] = {
	{ "<<=", OP_SHL }, { ">>=", OP_SHR },
	{ "&&", OP_LAND }, { "||", OP_LOR }, { "==", OP_EQ }, { "!=", OP_NE },
	{ "<=", OP_LE }, { ">=", OP_GE }, { "<<", OP_SHL }, { ">>", OP_SHR },
	{ "+=", OP_ADD }, { "-=", OP_SUB }, { "*=", OP_MUL }, { "/=", OP_DIV },
	{ "%=", OP_REM }, { "&=", OP_AND }, { "|=", OP_OR }, { "^=", OP_XOR },
	{ "=", OP_ASSIGN }, { ",", OP_COMMA }, { "<", OP_LT }, { ">", OP_GT },
	{ "+", OP_ADD }, { "-", OP_SUB }, { "*", OP_MUL }, { "/", OP_DIV }, { "%", OP_REM },
	{ "&", OP_AND }, { "|", OP_OR }, { "^", OP_XOR },
};

static const struct op_name prefix_ops[] = {
	{ "__extension__", OP_EXTENSION }, { "++", OP_PREINC }, { "--", OP_PREDEC },
	{ "!", OP_NOT }, { "~", OP_BITNOT }, { "-", OP_NEG }, { "+", OP_PLUS },
	{ "*", OP_DEREF }, { "&", OP_ADDR },
};

static const struct op_name postfix_ops[] = {
	{ "++", OP_POSTINC }, { "--", OP_POSTDEC },
};

static enum op match_op(const struct op_name *t, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (!strncmp(s, t[i].text, strlen(t[i].text)))
			return t[i].op;
	return OP_OTHER;
}

#define NR(a) (sizeof(a) / sizeof((a)[0]))

struct kids_acc {
	CXCursor *out;
	int n;
};

static enum CXChildVisitResult kid(CXCursor c, CXCursor parent, CXClientData d)
{
	struct kids_acc *a = (struct kids_acc *)d;

	(void)parent;
	if (a->n < MAX_KIDS)
		a->out[a->n] = c;
	a->n++;
	return CXChildVisit_Continue;
}

int kids(CXCursor c, CXCursor *out)
{
	struct kids_acc a = { out, 0 };

	clang_visitChildren(c, kid, &a);
	return a.n < MAX_KIDS ? a.n : MAX_KIDS;
}

CXCursor strip(CXCursor c)
{
	CXCursor k[MAX_KIDS];

	for (int depth = 0; depth < 64; depth++) {
		enum CXCursorKind kind = clang_getCursorKind(c);

		if (kind != CXCursor_ParenExpr && kind != CXCursor_UnexposedExpr)
			break;
		if (kids(c, k) != 1 || !clang_isExpression(clang_getCursorKind(k[0])))
			break;
		c = k[0];
	}
	return c;
}

int const_int(CXCursor c, long long *out)
{
	CXEvalResult r;
	int ok = 0;

	if (!clang_isExpression(clang_getCursorKind(c)))
		return 0;
	r = clang_Cursor_Evaluate(c);
	if (!r)
		return 0;
	if (clang_EvalResult_getKind(r) == CXEval_Int) {
		*out = clang_EvalResult_getAsLongLong(r);
		ok = 1;
	}
	clang_EvalResult_dispose(r);
	return ok;
}

/*
 * The token fallback.  clang_tokenize() lexes the buffer a location is
 * spelled in, even inside a macro definition, while every location query of
 * the C API maps macro tokens to their expansion point.  Cursor locations
 * keep their raw encoding, so the tokens of an operator written in a macro
 * body are still in reach: lex from the start of the expression to the start
 * of its right operand, and the operator is the last token before it.
 */
static CXSourceLocation begin_of(CXCursor c)
{
	return clang_getRangeStart(clang_getCursorExtent(c));
}

/* The file and offset a location is spelled at (its first token's). */
static int spelled_at(CXTranslationUnit tu, CXSourceLocation loc, CXFile *f, unsigned *off)
{
	CXToken *t = NULL;
	unsigned n = 0;

	clang_tokenize(tu, clang_getRange(loc, loc), &t, &n);
	if (!n) {
		clang_disposeTokens(tu, t, n);
		return 0;
	}
	clang_getSpellingLocation(clang_getTokenLocation(tu, t[0]), f, NULL, NULL, off);
	clang_disposeTokens(tu, t, n);
	return *f != NULL;
}

static CXSourceLocation moved(CXSourceLocation loc, int by)
{
	loc.int_data += (unsigned)by;
	return loc;
}

/*
 * The punctuation token right before 'at' (a location spelled somewhere),
 * lexing from 'from' (spelled in the same buffer): into buf.  With
 * first_ok 0, the token must not be the first one lexed (a window that
 * starts at an arbitrary byte may cut the first token).
 */
static int token_before(CXTranslationUnit tu, CXSourceLocation from, CXSourceLocation at,
			int first_ok, char *buf, size_t len, CXSourceLocation *where)
{
	CXToken *t = NULL;
	unsigned n = 0, off, toff;
	CXFile f, tf;
	int found = -1;

	if (!spelled_at(tu, at, &f, &off))
		return 0;
	clang_tokenize(tu, clang_getRange(from, at), &t, &n);
	for (unsigned i = 0; i < n; i++) {
		clang_getSpellingLocation(clang_getTokenLocation(tu, t[i]), &tf, NULL, NULL, &toff);
		if (!clang_File_isEqual(tf, f) || toff >= off)
			break;
		found = (int)i;
	}
	if (found < 0 || (found == 0 && !first_ok) ||
	    clang_getTokenKind(t[found]) != CXToken_Punctuation) {
		clang_disposeTokens(tu, t, n);
		return 0;
	}
	{
		CXString s = clang_getTokenSpelling(tu, t[found]);

		snprintf(buf, len, "%s", clang_getCString(s));
		clang_disposeString(s);
		if (where)
			*where = clang_getTokenLocation(tu, t[found]);
	}
	clang_disposeTokens(tu, t, n);
	return 1;
}

/* The operator between the two operands of a binary expression. */
static int binary_token(CXCursor c, char *buf, size_t len, CXSourceLocation *where)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(c);
	CXCursor k[MAX_KIDS];
	CXSourceLocation r;

	if (kids(c, k) != 2)
		return 0;
	r = begin_of(k[1]);
	if (token_before(tu, begin_of(c), r, 1, buf, len, where))
		return 1;
	/* Spelled in different buffers (a NULL or constant macro on one side):
	 * the file locations, where both are written in one file. */
	{
		CXFile f1, f2;
		unsigned o1, o2;

		clang_getFileLocation(begin_of(c), &f1, NULL, NULL, &o1);
		clang_getFileLocation(r, &f2, NULL, NULL, &o2);
		if (f1 && f2 && clang_File_isEqual(f1, f2) && o1 < o2 &&
		    token_before(tu, clang_getLocationForOffset(tu, f1, o1),
				 clang_getLocationForOffset(tu, f2, o2), 1, buf, len, where))
			return 1;
	}
	/* The left operand is spelled elsewhere (a macro argument): a small
	 * window before the right operand, in its own buffer. */
	for (int back = 12; back >= 2; back--)
		if (token_before(tu, moved(r, -back), r, 0, buf, len, where))
			return 1;
	return 0;
}

enum op binary_op(CXCursor c)
{
#if CINDEX_VERSION_MINOR >= 64
	static const enum op ops[] = {
		[CXBinaryOperator_Mul] = OP_MUL, [CXBinaryOperator_Div] = OP_DIV,
		[CXBinaryOperator_Rem] = OP_REM, [CXBinaryOperator_Add] = OP_ADD,
		[CXBinaryOperator_Sub] = OP_SUB, [CXBinaryOperator_Shl] = OP_SHL,
		[CXBinaryOperator_Shr] = OP_SHR, [CXBinaryOperator_LT] = OP_LT,
		[CXBinaryOperator_GT] = OP_GT, [CXBinaryOperator_LE] = OP_LE,
		[CXBinaryOperator_GE] = OP_GE, [CXBinaryOperator_EQ] = OP_EQ,
		[CXBinaryOperator_NE] = OP_NE, [CXBinaryOperator_And] = OP_AND,
		[CXBinaryOperator_Xor] = OP_XOR, [CXBinaryOperator_Or] = OP_OR,
		[CXBinaryOperator_LAnd] = OP_LAND, [CXBinaryOperator_LOr] = OP_LOR,
		[CXBinaryOperator_Assign] = OP_ASSIGN, [CXBinaryOperator_MulAssign] = OP_MUL,
		[CXBinaryOperator_DivAssign] = OP_DIV, [CXBinaryOperator_RemAssign] = OP_REM,
		[CXBinaryOperator_AddAssign] = OP_ADD, [CXBinaryOperator_SubAssign] = OP_SUB,
		[CXBinaryOperator_ShlAssign] = OP_SHL, [CXBinaryOperator_ShrAssign] = OP_SHR,
		[CXBinaryOperator_AndAssign] = OP_AND, [CXBinaryOperator_XorAssign] = OP_XOR,
		[CXBinaryOperator_OrAssign] = OP_OR, [CXBinaryOperator_Comma] = OP_COMMA,
	};
	enum CXBinaryOperatorKind k = clang_getCursorBinaryOperatorKind(c);

	return (unsigned)k < NR(ops) ? ops[k] : OP_OTHER;
#else
	char buf[16];

	if (!binary_token(c, buf, sizeof(buf), NULL))
		return OP_OTHER;
	return match_op(binary_ops, NR(binary_ops), buf);
#endif
}

enum op unary_op(CXCursor c)
{
#if CINDEX_VERSION_MINOR >= 64
	static const enum op ops[] = {
		[CXUnaryOperator_PostInc] = OP_POSTINC, [CXUnaryOperator_PostDec] = OP_POSTDEC,
		[CXUnaryOperator_PreInc] = OP_PREINC, [CXUnaryOperator_PreDec] = OP_PREDEC,
		[CXUnaryOperator_AddrOf] = OP_ADDR, [CXUnaryOperator_Deref] = OP_DEREF,
		[CXUnaryOperator_Plus] = OP_PLUS, [CXUnaryOperator_Minus] = OP_NEG,
		[CXUnaryOperator_Not] = OP_BITNOT, [CXUnaryOperator_LNot] = OP_NOT,
		[CXUnaryOperator_Extension] = OP_EXTENSION,
	};
	enum CXUnaryOperatorKind k = clang_getCursorUnaryOperatorKind(c);

	return (unsigned)k < NR(ops) ? ops[k] : OP_OTHER;
#else
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(c);
	CXCursor k[MAX_KIDS];
	CXSourceLocation b = begin_of(c);
	CXToken *t = NULL;
	unsigned n = 0;
	enum op op = OP_OTHER;

	if (kids(c, k) != 1)
		return OP_OTHER;
	/* A postfix operator follows its operand, which starts the expression;
	 * ++ and -- are the only ones, and both move a pointer. */
	if (clang_equalLocations(b, begin_of(k[0])))
		return OP_POSTINC;
	clang_tokenize(tu, clang_getRange(b, b), &t, &n);
	if (n) {
		CXString s = clang_getTokenSpelling(tu, t[0]);

		op = match_op(prefix_ops, NR(prefix_ops), clang_getCString(s));
		/* match_op compares prefixes: "-" must not be taken for "--" */
		if ((op == OP_NEG || op == OP_PLUS) && strlen(clang_getCString(s)) != 1)
			op = OP_OTHER;
		clang_disposeString(s);
	}
	clang_disposeTokens(tu, t, n);
	(void)postfix_ops;
	return op;
#endif
}

CXType plain_type(CXType t)
{
	return clang_getCanonicalType(t);
}


/* Does a for-statement part look like an init or increment (it changes
 * something) rather than a condition?  A call with a value may be either:
 * it is taken for the condition, since a header with no condition is an
 * endless loop (`for (__sg_page_iter_start(..); __sg_page_iter_next(..);)`). */
static int changes(CXCursor c)
{
	CXCursor s = strip(c);
	enum CXCursorKind k = clang_getCursorKind(s);
	enum op op;

	if (k == CXCursor_DeclStmt || k == CXCursor_CompoundAssignOperator)
		return 1;
	if (k == CXCursor_CallExpr)
		return clang_getCursorType(s).kind == CXType_Void;
	if (k == CXCursor_BinaryOperator) {
		op = binary_op(s);
		return op == OP_ASSIGN || op == OP_COMMA;
	}
	if (k == CXCursor_UnaryOperator) {
		op = unary_op(s);
		return op == OP_PREINC || op == OP_PREDEC || op == OP_POSTINC || op == OP_POSTDEC;
	}
	return 0;
}

/* The file and offset of the first token spelled at a location. */
static int first_token_at(CXTranslationUnit tu, CXSourceLocation loc, CXFile *f, unsigned *off)
{
	CXToken *t = NULL;
	unsigned n = 0;

	*f = NULL;
	clang_tokenize(tu, clang_getRange(loc, loc), &t, &n);
	if (n)
		clang_getSpellingLocation(clang_getTokenLocation(tu, t[0]), f, NULL, NULL, off);
	clang_disposeTokens(tu, t, n);
	return *f != NULL;
}

/*
 * The header's two ';' in the buffer the for statement is spelled in (a
 * macro body too: tokens are lexed where they are spelled); each child goes
 * in the slot it is spelled in.  0 when that cannot be told.
 */
static int parts_by_tokens(CXCursor c, CXCursor *k, int n, int *slot_of)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(c);
	CXSourceLocation b = clang_getRangeStart(clang_getCursorExtent(c));
	CXSourceLocation e = clang_getRangeStart(clang_getCursorExtent(k[n - 1]));
	CXToken *t = NULL;
	unsigned nt = 0, semi[2] = { 0, 0 }, nsemi = 0, close = 0;
	CXFile f = NULL;
	int depth = 0;

	clang_tokenize(tu, clang_getRange(b, e), &t, &nt);
	for (unsigned i = 0; i < nt && !close; i++) {
		CXString s = clang_getTokenSpelling(tu, t[i]);
		const char *x = clang_getCString(s);
		unsigned off = 0;
		CXFile tf;

		clang_getSpellingLocation(clang_getTokenLocation(tu, t[i]), &tf, NULL, NULL, &off);
		if (i == 0)
			f = tf;
		if (!strcmp(x, "(") || !strcmp(x, "[") || !strcmp(x, "{"))
			depth++;
		else if (!strcmp(x, ")") && depth == 1)
			close = off;
		else if (!strcmp(x, ")") || !strcmp(x, "]") || !strcmp(x, "}"))
			depth--;
		else if (!strcmp(x, ";") && depth == 1 && nsemi < 2)
			semi[nsemi++] = off;
		clang_disposeString(s);
	}
	clang_disposeTokens(tu, t, nt);
	if (nsemi != 2 || !close || !f)
		return 0;
	for (int i = 0; i < n - 1; i++) {
		CXFile cf;
		unsigned off = 0;

		if (!first_token_at(tu, clang_getRangeStart(clang_getCursorExtent(k[i])), &cf, &off) ||
		    !clang_File_isEqual(cf, f) || off >= close || off <= semi[0] - 64 * 1024)
			return 0;
		slot_of[i] = off < semi[0] ? 0 : off < semi[1] ? 1 : 2;
	}
	return 1;
}

void for_parts(CXCursor c, int *init, int *cond, int *inc, int *body)
{
	CXCursor k[MAX_KIDS];
	int n = kids(c, k), slot_of[3] = { -1, -1, -1 };
	int *slot[3] = { init, cond, inc };

	*init = *cond = *inc = -1;
	*body = n - 1;
	if (n <= 1 || n > 4)
		return;
	if (n == 4) {
		*init = 0;
		*cond = 1;
		*inc = 2;
		return;
	}
	if (!parts_by_tokens(c, k, n, slot_of)) {
		/* Spelled in different places (macro arguments): by what they do. */
		if (n == 2) {
			slot_of[0] = changes(k[0]) ? 0 : 1;
		} else if (!changes(k[1])) {
			slot_of[0] = 0;
			slot_of[1] = 1;
		} else if (!changes(k[0])) {
			slot_of[0] = 1;
			slot_of[1] = 2;
		} else {
			slot_of[0] = 0;
			slot_of[1] = 2;
		}
	}
	for (int i = 0; i < n - 1; i++)
		if (slot_of[i] >= 0 && *slot[slot_of[i]] < 0)
			*slot[slot_of[i]] = i;
}

/*
 * The text of an asm statement's template: the string tokens after "asm (",
 * lexed where the statement is spelled (BUG() is a macro).  The extent's end
 * is an expansion point, so a window after the start is lexed instead.
 */
int asm_template(CXCursor c, char *buf, size_t len)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(c);
	CXSourceLocation b = clang_getRangeStart(clang_getCursorExtent(c));
	static const int windows[] = { 1024, 512, 256, 128, 64 };
	size_t used = 0;

	buf[0] = 0;
	for (unsigned w = 0; w < sizeof(windows) / sizeof(windows[0]); w++) {
		CXSourceLocation e = b;
		CXToken *t = NULL;
		unsigned n = 0;
		int open = 0;

		e.int_data += (unsigned)windows[w];
		clang_tokenize(tu, clang_getRange(b, e), &t, &n);
		for (unsigned i = 0; i < n; i++) {
			CXString s = clang_getTokenSpelling(tu, t[i]);
			const char *x = clang_getCString(s);
			int stop = 0;

			if (!open && !strcmp(x, "("))
				open = 1;
			else if (open && clang_getTokenKind(t[i]) == CXToken_Literal && x[0] == '"')
				used += snprintf(buf + used, used < len ? len - used : 0, "%s", x);
			else if (open)
				stop = 1;
			clang_disposeString(s);
			if (stop)
				break;
		}
		clang_disposeTokens(tu, t, n);
		if (n)
			return used > 0;
	}
	return 0;
}

/* ---- locations as the GCC front end gives them ---- */

/* Is a cursor's own location inside a macro expansion?  (The raw encoding
 * of a macro location has its top bit set, in every supported version.) */
int in_macro(CXCursor c)
{
	return (clang_getCursorLocation(c).int_data & 0x80000000u) != 0;
}

/* Where the operator of a binary expression is written. */
int operator_location(CXCursor c, CXSourceLocation *out)
{
	char buf[16];

	return binary_token(c, buf, sizeof(buf), out);
}

/* The "." or "->" before a member's name. */
int member_operator_location(CXCursor member, CXSourceLocation *out)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(member);
	CXSourceLocation at = clang_getCursorLocation(member);
	char buf[8];

	if (!token_before(tu, moved(at, -2), at, 1, buf, sizeof(buf), out))
		return 0;
	return !strcmp(buf, ".") || !strcmp(buf, "->");
}

/* The punctuation token 'want' right before a cursor ("(" before an if
 * condition, "[" before an index, ":" before a conditional's third part). */
int punct_before(CXCursor c, const char *want, CXSourceLocation *out)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(c);
	CXSourceLocation at = begin_of(c);
	char buf[8];

	for (int pass = 0; pass < 2; pass++) {
		for (int back = 8; back >= 1; back--)
			if (token_before(tu, moved(at, -back), at, 0, buf, sizeof(buf), out))
				return !strcmp(buf, want);
		/* Spelled in a macro (NULL): where it is written in the file. */
		{
			CXFile f;
			unsigned off;

			clang_getFileLocation(at, &f, NULL, NULL, &off);
			if (!f)
				return 0;
			at = clang_getLocationForOffset(tu, f, off);
		}
	}
	return 0;
}
