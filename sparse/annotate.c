// SPDX-License-Identifier: GPL-2.0
/*
 * Rewrite a map header (linux/iosys-map.h, linux/dma-buf-map.h) for strict
 * mode:
 *
 *  - in the struct, both union members get the __iosys address space:
 *    "void __iomem *vaddr_iomem" becomes "void __iosys *vaddr_iomem" and
 *    "void *vaddr" becomes "void __iosys *vaddr";
 *  - everywhere else in the header (inline helpers and helper macros) a
 *    member access E->vaddr becomes __iosys_vaddr(E->vaddr), an lvalue of the
 *    member's original type obtained with a __force cast, and the same for
 *    vaddr_iomem with __iosys_vaddr_iomem();
 *  - a designated initialiser ".vaddr = V" becomes
 *    ".vaddr = __iosys_init_vaddr(V)" (and the same for vaddr_iomem): V is
 *    still checked against the member's original type, with sparse's usual
 *    words, before it is converted.
 *
 * All edits stay within their line, so in ANNOTATE_LINES mode the copy has
 * the original line numbers and sparse's positions in it stay meaningful.
 * The macros come from annotate_preamble(), which ANNOTATE_INLINE mode puts
 * into the header after its #includes.
 *
 * The header is tokenised (comments, strings and line splices skipped), not
 * parsed: the only expressions that need understanding are the postfix
 * expressions in front of ->vaddr, which are found by walking back over
 * identifiers, "->", ".", and balanced (...) and [...].
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iomemcheck-sparse.h"

const struct map_header map_headers[] = {
	{ "linux/iosys-map.h", "iosys_map" },		/* v5.18 and later */
	{ "linux/dma-buf-map.h", "dma_buf_map" },	/* v5.10 to v5.17 */
};
const size_t nr_map_headers = sizeof(map_headers) / sizeof(map_headers[0]);

static const char preamble[] =
"/*\n"
" * Strict mode (iomemcheck): nothing outside this header may use the\n"
" * pointer inside a map directly.  For sparse, both union members are in\n"
" * the noderef address space __iosys, so every dereference, conversion or\n"
" * plain-pointer use of them elsewhere is reported; the helpers here reach\n"
" * the members through __iosys_vaddr() and __iosys_vaddr_iomem(), which\n"
" * give back the original types with a __force cast; initialisers check\n"
" * their value against the original type first.  For the compiler all of\n"
" * this expands to nothing.\n"
" */\n"
"#ifndef __iosys\n"
"#ifdef __CHECKER__\n"
"# define __iosys\t\t\t__attribute__((noderef, address_space(__iosys)))\n"
"# define __iosys_vaddr(m)\t(*(void __force **)&(m))\n"
"# define __iosys_vaddr_iomem(m)\t(*(void __iomem __force **)&(m))\n"
"# define __iosys_init_vaddr(v)\t\\\n"
"\t((void __iosys __force *)((struct { void *vaddr; }){ .vaddr = (v) }).vaddr)\n"
"# define __iosys_init_vaddr_iomem(v) \\\n"
"\t((void __iosys __force *)((struct { void __iomem *vaddr_iomem; })\\\n"
"\t\t\t\t    { .vaddr_iomem = (v) }).vaddr_iomem)\n"
"#else\n"
"# define __iosys\n"
"# define __iosys_vaddr(m)\t(m)\n"
"# define __iosys_vaddr_iomem(m)\t(m)\n"
"# define __iosys_init_vaddr(v)\t(v)\n"
"# define __iosys_init_vaddr_iomem(v) (v)\n"
"#endif\n"
"#endif\n";

const char *const annotate_neutral_defines[] = {
	"-D__iosys=",
	"-D__iosys_vaddr(m)=(m)",
	"-D__iosys_vaddr_iomem(m)=(m)",
	"-D__iosys_init_vaddr(v)=(v)",
	"-D__iosys_init_vaddr_iomem(v)=(v)",
	NULL,
};

const char *annotate_preamble(void)
{
	return preamble;
}

/* ---- tokens ---------------------------------------------------------- */

enum tk { TK_IDENT, TK_NUM, TK_STR, TK_PUNCT };

struct tok {
	enum tk kind;
	int bol;		/* first token of its logical line */
	size_t off, len;
};

struct lexer {
	const char *s;
	size_t len;
	struct tok *t;
	long n, cap;
};

static int is_idstart(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int is_idchar(int c)
{
	return is_idstart(c) || (c >= '0' && c <= '9');
}

static void push(struct lexer *lx, enum tk kind, int bol, size_t off,
		 size_t len)
{
	if (lx->n == lx->cap) {
		lx->cap = lx->cap ? 2 * lx->cap : 1024;
		lx->t = xrealloc(lx->t, (size_t)lx->cap * sizeof(*lx->t));
	}
	lx->t[lx->n].kind = kind;
	lx->t[lx->n].bol = bol;
	lx->t[lx->n].off = off;
	lx->t[lx->n].len = len;
	lx->n++;
}

static void lex(struct lexer *lx)
{
	static const char *const punct3[] = { "<<=", ">>=", "...", NULL };
	static const char *const punct2[] = {
		"->", "++", "--", "==", "!=", "<=", ">=", "&&", "||", "<<",
		">>", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "##",
		NULL,
	};
	const char *s = lx->s;
	size_t n = lx->len, i = 0;
	int bol = 1;

	while (i < n) {
		size_t start = i;
		char c = s[i];
		int k;

		if (c == '\n') {
			bol = 1;
			i++;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
			i++;
			continue;
		}
		if (c == '\\' && i + 1 < n && s[i + 1] == '\n') {
			i += 2;
			continue;
		}
		if (c == '\\' && i + 2 < n && s[i + 1] == '\r' && s[i + 2] == '\n') {
			i += 3;
			continue;
		}
		if (c == '/' && i + 1 < n && s[i + 1] == '*') {
			i += 2;
			while (i + 1 < n && !(s[i] == '*' && s[i + 1] == '/'))
				i++;
			i = i + 1 < n ? i + 2 : n;
			continue;
		}
		if (c == '/' && i + 1 < n && s[i + 1] == '/') {
			while (i < n && s[i] != '\n') {
				if (s[i] == '\\' && i + 1 < n && s[i + 1] == '\n')
					i++;
				i++;
			}
			continue;
		}
		if (is_idstart(c)) {
			while (i < n && is_idchar(s[i]))
				i++;
			push(lx, TK_IDENT, bol, start, i - start);
			bol = 0;
			continue;
		}
		if ((c >= '0' && c <= '9') ||
		    (c == '.' && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9')) {
			while (i < n && (is_idchar(s[i]) || s[i] == '.' ||
					 ((s[i] == '+' || s[i] == '-') &&
					  strchr("eEpP", s[i - 1]))))
				i++;
			push(lx, TK_NUM, bol, start, i - start);
			bol = 0;
			continue;
		}
		if (c == '"' || c == '\'') {
			i++;
			while (i < n && s[i] != c && s[i] != '\n') {
				if (s[i] == '\\' && i + 1 < n)
					i++;
				i++;
			}
			if (i < n && s[i] == c)
				i++;
			push(lx, TK_STR, bol, start, i - start);
			bol = 0;
			continue;
		}
		for (k = 0; punct3[k]; k++)
			if (i + 3 <= n && !memcmp(s + i, punct3[k], 3))
				break;
		if (punct3[k]) {
			i += 3;
		} else {
			for (k = 0; punct2[k]; k++)
				if (i + 2 <= n && !memcmp(s + i, punct2[k], 2))
					break;
			i += punct2[k] ? 2 : 1;
		}
		push(lx, TK_PUNCT, bol, start, i - start);
		bol = 0;
	}
}

static int tok_is(const struct lexer *lx, long k, const char *text)
{
	size_t l = strlen(text);

	return k >= 0 && k < lx->n && lx->t[k].len == l &&
	       !memcmp(lx->s + lx->t[k].off, text, l);
}

static int tok_ident(const struct lexer *lx, long k)
{
	return k >= 0 && k < lx->n && lx->t[k].kind == TK_IDENT;
}

static int is_keyword(const struct lexer *lx, long k)
{
	static const char *const kw[] = {
		"return", "sizeof", "typeof", "__typeof__", "__typeof",
		"typeof_unqual", "__typeof_unqual__", "if", "while", "for",
		"switch", "case", "do", "else", "goto", "_Alignof",
		"__alignof__", "alignof", "defined", "void", "char", "int",
		"long", "short", "unsigned", "signed", "const", "volatile",
		NULL,
	};
	int i;

	for (i = 0; kw[i]; i++)
		if (tok_is(lx, k, kw[i]))
			return 1;
	return 0;
}

static long line_of(const char *s, size_t off)
{
	long line = 1;
	size_t i;

	for (i = 0; i < off; i++)
		if (s[i] == '\n')
			line++;
	return line;
}

/* The reason for ANNOTATE_FAILED; line is 0 when no line is to blame. */
struct failure {
	long *line;
	char *err;
	size_t errlen;
};

static void fail(const struct failure *f, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void fail(const struct failure *f, long line, const char *fmt, ...)
{
	va_list ap;

	*f->line = line;
	va_start(ap, fmt);
	vsnprintf(f->err, f->errlen, fmt, ap);
	va_end(ap);
}

/* Offset just past the logical line that contains off. */
static size_t logical_line_end(const char *s, size_t len, size_t off)
{
	size_t i = off;

	while (i < len) {
		if (s[i] == '\\' && i + 1 < len && s[i + 1] == '\n') {
			i += 2;
			continue;
		}
		if (s[i] == '\n')
			return i + 1;
		i++;
	}
	return len;
}

static size_t line_start(const char *s, size_t off)
{
	while (off > 0 && s[off - 1] != '\n')
		off--;
	return off;
}

/* ---- edits ----------------------------------------------------------- */

struct edit {
	size_t off, del;
	const char *ins;
	int closer;		/* ")" sorts before an opener at the same offset */
	long seq;
};

struct edits {
	struct edit *e;
	long n, cap;
};

static void add_edit(struct edits *ed, size_t off, size_t del, const char *ins,
		     int closer)
{
	if (ed->n == ed->cap) {
		ed->cap = ed->cap ? 2 * ed->cap : 64;
		ed->e = xrealloc(ed->e, (size_t)ed->cap * sizeof(*ed->e));
	}
	ed->e[ed->n].off = off;
	ed->e[ed->n].del = del;
	ed->e[ed->n].ins = ins;
	ed->e[ed->n].closer = closer;
	ed->e[ed->n].seq = ed->n;
	ed->n++;
}

static int cmp_edit(const void *pa, const void *pb)
{
	const struct edit *a = pa, *b = pb;

	if (a->off != b->off)
		return a->off < b->off ? -1 : 1;
	if (a->closer != b->closer)
		return a->closer ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* ---- the rewrite ----------------------------------------------------- */

static long match_back(const struct lexer *lx, long k, const char *open,
		       const char *close)
{
	int depth = 0;

	for (; k >= 0; k--) {
		if (tok_is(lx, k, close))
			depth++;
		else if (tok_is(lx, k, open) && --depth == 0)
			return k;
	}
	return -1;
}

/*
 * k is the last token of the operand of "->" or ".": return the index of
 * its first token (the start of the postfix expression), or -1.
 */
static long operand_start(const struct lexer *lx, long k)
{
	for (;;) {
		if (k < 0)
			return -1;
		if (tok_is(lx, k, ")")) {
			long o = match_back(lx, k, "(", ")");

			if (o < 0)
				return -1;
			if (tok_ident(lx, o - 1) && !is_keyword(lx, o - 1)) {
				k = o - 1;	/* a call: continue at the callee */
				continue;
			}
			return o;
		}
		if (tok_is(lx, k, "]")) {
			long o = match_back(lx, k, "[", "]");

			if (o <= 0)
				return -1;
			k = o - 1;
			continue;
		}
		if (tok_ident(lx, k) && !is_keyword(lx, k)) {
			if (tok_is(lx, k - 1, "->") || tok_is(lx, k - 1, ".")) {
				k -= 2;
				continue;
			}
			return k;
		}
		return -1;
	}
}

/* Index of the last token of the initialiser value that starts at k. */
static long init_value_end(const struct lexer *lx, long k)
{
	int depth = 0;
	long j;

	for (j = k; j < lx->n; j++) {
		if (j > k && lx->t[j].bol && tok_is(lx, j, "#"))
			break;
		if (tok_is(lx, j, "(") || tok_is(lx, j, "[") || tok_is(lx, j, "{")) {
			depth++;
		} else if (tok_is(lx, j, ")") || tok_is(lx, j, "]") ||
			   tok_is(lx, j, "}")) {
			if (depth == 0)
				break;
			depth--;
		} else if (depth == 0 && (tok_is(lx, j, ",") || tok_is(lx, j, ";"))) {
			break;
		}
	}
	return j - 1;
}

static int is_member(const struct lexer *lx, long k)
{
	return tok_is(lx, k, "vaddr") || tok_is(lx, k, "vaddr_iomem");
}

/* Where the preamble goes in ANNOTATE_INLINE mode. */
static size_t preamble_offset(const struct lexer *lx)
{
	const char *s = lx->s;
	size_t ins = (size_t)-1, guard_end = (size_t)-1;
	int depth = 0, base = 0, seen_include = 0, ndir = 0;
	long k = 0;

	while (k < lx->n && lx->t[k].bol && tok_is(lx, k, "#")) {
		size_t end = logical_line_end(s, lx->len, lx->t[k].off);
		int is_endif = 0;

		if (tok_is(lx, k + 1, "if") || tok_is(lx, k + 1, "ifdef") ||
		    tok_is(lx, k + 1, "ifndef")) {
			depth++;
			if (ndir == 0 && tok_is(lx, k + 1, "ifndef"))
				base = 1;	/* possibly a guard, confirmed below */
		} else if (tok_is(lx, k + 1, "endif")) {
			depth--;
			is_endif = 1;
		} else if (tok_is(lx, k + 1, "include")) {
			seen_include = 1;
		} else if (ndir == 1 && base == 1 && tok_is(lx, k + 1, "define")) {
			guard_end = end;
		}
		if (ndir == 1 && guard_end == (size_t)-1)
			base = 0;	/* #ifndef X not followed by #define */
		if (seen_include && depth == base &&
		    (tok_is(lx, k + 1, "include") || is_endif))
			ins = end;
		ndir++;
		while (k < lx->n && lx->t[k].off < end)
			k++;
	}
	if (ins != (size_t)-1)
		return ins;
	if (guard_end != (size_t)-1)
		return guard_end;
	return k < lx->n ? line_start(s, lx->t[k].off) : 0;
}

static int find_type(const struct lexer *lx, const char *type)
{
	long k;
	size_t i;

	for (k = 0; k + 2 < lx->n; k++) {
		if (!tok_is(lx, k, "struct") || !tok_is(lx, k + 2, "{"))
			continue;
		if (type) {
			if (tok_is(lx, k + 1, type))
				return 1;
			continue;
		}
		for (i = 0; i < nr_map_headers; i++)
			if (tok_is(lx, k + 1, map_headers[i].type))
				return (int)i + 2;
	}
	return 0;
}

enum annotate_result annotate_header(const char *in, size_t len,
				     const char *type, enum annotate_mode mode,
				     struct buf *out, long *err_line,
				     char *err, size_t errlen)
{
	const struct failure f = { err_line, err, errlen };
	struct lexer lx = { in, len, NULL, 0, 0 };
	struct edits ed = { NULL, 0, 0 };
	enum annotate_result res = ANNOTATE_FAILED;
	int seen[2] = { 0, 0 };
	long k, inside_end = -1;
	size_t pos, i, out_start = out->len;
	int nstruct = 0;

	lex(&lx);
	for (k = 0; k < lx.n; k++)
		if (tok_is(&lx, k, "__iosys")) {
			res = ANNOTATE_ALREADY;
			goto done;
		}
	if (!type) {
		int found = find_type(&lx, NULL);

		if (found < 2) {
			fail(&f, 0, "defines neither struct %s nor struct %s",
			     map_headers[0].type, map_headers[1].type);
			goto done;
		}
		type = map_headers[found - 2].type;
	} else if (!find_type(&lx, type)) {
		fail(&f, 0, "does not define struct %s", type);
		goto done;
	}

	for (k = 0; k < lx.n; k++) {
		long s, j, star, mem;

		/* struct TYPE { ... }: the member declarations */
		if (k > inside_end && tok_is(&lx, k, "struct") &&
		    tok_is(&lx, k + 1, type) && tok_is(&lx, k + 2, "{")) {
			inside_end = k + 2;
			for (j = k + 2, s = 0; j < lx.n; j++) {
				if (tok_is(&lx, j, "{"))
					s++;
				else if (tok_is(&lx, j, "}") && --s == 0)
					break;
			}
			inside_end = j;
			nstruct++;
			continue;
		}
		if (!is_member(&lx, k))
			continue;
		mem = tok_is(&lx, k, "vaddr_iomem");

		if (k < inside_end) {
			if (tok_is(&lx, k - 1, "->") || tok_is(&lx, k - 1, "."))
				continue;
			star = k - 1;
			if (!tok_is(&lx, star, "*")) {
				fail(&f, line_of(in, lx.t[k].off),
				     "member %.*s of struct %s is not a plain pointer",
				     (int)lx.t[k].len,
					 in + lx.t[k].off, type);
				goto done;
			}
			/*
			 * One declarator per declaration: "T *a, *b;" shares
			 * T between both, and a missing ';' runs two
			 * declarations into one, so neither can be rewritten
			 * member by member.
			 */
			if (!tok_is(&lx, k + 1, ";")) {
				fail(&f, line_of(in, lx.t[k].off),
				     "member %.*s of struct %s is not declared on its own (expected ';' after it)",
				     (int)lx.t[k].len, in + lx.t[k].off, type);
				goto done;
			}
			for (s = star - 1; s >= 0; s--)
				if (tok_is(&lx, s, ";") || tok_is(&lx, s, "{") ||
				    tok_is(&lx, s, "}"))
					break;
			for (j = s + 1; j < star; j++)
				if (tok_is(&lx, j, ",") || tok_is(&lx, j, "*") ||
				    is_member(&lx, j)) {
					fail(&f, line_of(in, lx.t[k].off),
					     "member %.*s of struct %s is not declared on its own",
					     (int)lx.t[k].len, in + lx.t[k].off, type);
					goto done;
				}
			j = 0;
			for (s = s + 1; s < star; s++)
				if (tok_is(&lx, s, "__iomem")) {
					add_edit(&ed, lx.t[s].off, lx.t[s].len, "__iosys", 0);
					j++;
				}
			if (!j)
				add_edit(&ed, lx.t[star].off, 0, "__iosys ", 0);
			seen[mem] = 1;
			continue;
		}

		/* .vaddr = V in a designated initialiser */
		if (tok_is(&lx, k - 1, ".") &&
		    (k < 2 || tok_is(&lx, k - 2, "{") || tok_is(&lx, k - 2, ",")) &&
		    tok_is(&lx, k + 1, "=")) {
			long e = init_value_end(&lx, k + 2);

			if (e < k + 2) {
				fail(&f, line_of(in, lx.t[k].off),
				     "empty initialiser for .%.*s", (int)lx.t[k].len,
					 in + lx.t[k].off);
				goto done;
			}
			add_edit(&ed, lx.t[k + 2].off, 0, mem ?
				 "__iosys_init_vaddr_iomem(" : "__iosys_init_vaddr(", 0);
			add_edit(&ed, lx.t[e].off + lx.t[e].len, 0, ")", 1);
			continue;
		}

		/* E->vaddr, E.vaddr */
		if (!tok_is(&lx, k - 1, "->") && !tok_is(&lx, k - 1, "."))
			continue;
		s = operand_start(&lx, k - 2);
		if (s < 0) {
			fail(&f, line_of(in, lx.t[k].off),
			     "cannot tell the expression before %.*s%.*s",
			     (int)lx.t[k - 1].len,
				 in + lx.t[k - 1].off, (int)lx.t[k].len,
				 in + lx.t[k].off);
			goto done;
		}
		add_edit(&ed, lx.t[s].off, 0,
			 mem ? "__iosys_vaddr_iomem(" : "__iosys_vaddr(", 0);
		add_edit(&ed, lx.t[k].off + lx.t[k].len, 0, ")", 1);
	}
	if (!nstruct) {
		fail(&f, 0, "does not define struct %s", type);
		goto done;
	}
	if (!seen[0] || !seen[1]) {
		fail(&f, 0, "struct %s has no member %s", type,
			 seen[0] ? "vaddr_iomem" : "vaddr");
		goto done;
	}
	if (mode == ANNOTATE_INLINE) {
		size_t at = preamble_offset(&lx);
		static char block[sizeof(preamble) + 2];

		snprintf(block, sizeof(block), "%s\n%s",
			 at > 0 && in[at - 1] != '\n' ? "\n" : "", preamble);
		add_edit(&ed, at, 0, block, 0);
	}

	qsort(ed.e, (size_t)ed.n, sizeof(*ed.e), cmp_edit);
	pos = 0;
	for (i = 0; i < (size_t)ed.n; i++) {
		/*
		 * The rules above never rewrite a byte twice; should a header
		 * still make two edits overlap, refuse it rather than copy
		 * with a negative length.
		 */
		if (ed.e[i].off < pos || ed.e[i].off > len) {
			out->len = out_start;
			if (out->p)
				out->p[out_start] = '\0';
			fail(&f, line_of(in, ed.e[i].off < len ? ed.e[i].off : len),
			     "overlapping rewrites (the header is not understood here)");
			goto done;
		}
		buf_add(out, in + pos, ed.e[i].off - pos);
		buf_puts(out, ed.e[i].ins);
		pos = ed.e[i].off + ed.e[i].del;
	}
	buf_add(out, in + pos, len - pos);
	res = ANNOTATE_OK;
done:
	free(lx.t);
	free(ed.e);
	return res;
}
