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

int kids_visit_count;

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

#if CINDEX_VERSION_MINOR < 64
/* The pretty-printed text of a cursor, in buf (truncated). */
static const char *printed(CXCursor c, char *buf, size_t len)
{
	CXPrintingPolicy p = clang_getCursorPrintingPolicy(c);
	CXString s = clang_getCursorPrettyPrinted(c, p);
	const char *t = clang_getCString(s);

	snprintf(buf, len, "%s", t ? t : "");
	clang_disposeString(s);
	clang_PrintingPolicy_dispose(p);
	return buf;
}

static size_t printed_len(CXCursor c)
{
	CXPrintingPolicy p = clang_getCursorPrintingPolicy(c);
	CXString s = clang_getCursorPrettyPrinted(c, p);
	const char *t = clang_getCString(s);
	size_t n = t ? strlen(t) : 0;

	clang_disposeString(s);
	clang_PrintingPolicy_dispose(p);
	return n;
}
#endif

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
	CXCursor k[MAX_KIDS];
	char buf[4096];
	size_t n;
	const char *s;

	if (kids(c, k) != 2)
		return OP_OTHER;
	/* The operands print the same alone as inside the whole. */
	n = printed_len(k[0]);
	s = printed(c, buf, sizeof(buf));
	if (n >= strlen(s))
		return OP_OTHER;
	s += n;
	while (*s == ' ')
		s++;
	return match_op(binary_ops, NR(binary_ops), s);
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
	char buf[4096];
	const char *s = printed(c, buf, sizeof(buf));
	size_t n = strlen(s);
	CXCursor k[MAX_KIDS];
	size_t m;

	if (kids(c, k) != 1)
		return OP_OTHER;
	m = printed_len(k[0]);
	/* An operand printed first means a postfix operator. */
	if (m < n && !strncmp(s + m, "++", 2) && n == m + 2) {
		char head[4096];

		printed(k[0], head, sizeof(head));
		if (!strncmp(s, head, m))
			return OP_POSTINC;
	}
	if (m < n && !strncmp(s + m, "--", 2) && n == m + 2) {
		char head[4096];

		printed(k[0], head, sizeof(head));
		if (!strncmp(s, head, m))
			return OP_POSTDEC;
	}
	(void)postfix_ops;
	return match_op(prefix_ops, NR(prefix_ops), s);
#endif
}

CXType plain_type(CXType t)
{
	return clang_getCanonicalType(t);
}

/* The text between "for (" and the matching ")", split at the two top-level ';'. */
static int header_slots(const char *s, int present[3])
{
	int depth = 0, slot = 0;
	const char *p = strstr(s, "for (");
	int seen = 0;

	if (!p)
		return -1;
	for (p += 5; *p; p++) {
		if (*p == '"' || *p == '\'') {
			char q = *p;

			for (p++; *p && *p != q; p++)
				if (*p == '\\' && p[1])
					p++;
			if (!*p)
				return -1;
			seen = 1;
			continue;
		}
		if (*p == '(' || *p == '[' || *p == '{')
			depth++;
		else if ((*p == ')' || *p == ']' || *p == '}') && depth > 0)
			depth--;
		else if (*p == ')' && depth == 0) {
			present[slot] = seen;
			return slot == 2 ? 0 : -1;
		} else if (*p == ';' && depth == 0) {
			if (slot == 2)
				return -1;
			present[slot++] = seen;
			seen = 0;
			continue;
		}
		if (!isspace((unsigned char)*p))
			seen = 1;
	}
	return -1;
}

void for_parts(CXCursor c, int *init, int *cond, int *inc, int *body)
{
	CXCursor k[MAX_KIDS];
	int n = kids(c, k), present[3] = { 0, 0, 0 }, at = 0;
	int *slot[3] = { init, cond, inc };

	*init = *cond = *inc = -1;
	*body = n - 1;
	if (n <= 1)
		return;
	{
		CXPrintingPolicy p = clang_getCursorPrintingPolicy(c);
		CXString s;

		/* Only the header is wanted: do not print the body. */
		clang_PrintingPolicy_setProperty(p, CXPrintingPolicy_TerseOutput, 1);
		s = clang_getCursorPrettyPrinted(c, p);
		if (header_slots(clang_getCString(s), present)) {
			/* Not understood: the children in order, as far as they go. */
			present[0] = n > 3;
			present[1] = n > 2 || n == 2;
			present[2] = n > 3;
		}
		clang_disposeString(s);
		clang_PrintingPolicy_dispose(p);
	}
	for (int i = 0; i < 3; i++)
		if (present[i] && at < n - 1)
			*slot[i] = at++;
}
