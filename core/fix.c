/*
 * fix.c - fix-its: the helper call a finding's construct should have been.
 *
 * A front end that sees source text describes how a construct is spelled
 * (iom_spelled); the events it reports next carry that description.  When a
 * finding is made from such an event, the core checks that the spelling is
 * what it proved (the same map member, an offset exactly when the pointer
 * was offset), finds the helper the map's type names for the rewrite (rules
 * "fix") and writes the edits.  Anything that does not fit gets no fix: a
 * wrong rewrite is worse than none.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

#include "alloc.h"
#include "func.h"

enum when { ANY, COPY_DST, COPY_SRC, FILL_DST, IS_NULL, NOT_NULL, FLAG_0, FLAG_1 };
enum { SYS = IOM_MEMBER_SYS, IO = IOM_MEMBER_IO };

#define R(rule)	(1u << (rule))
#define CALL	IOM_SPELL_CALL
#define STORE	IOM_SPELL_STORE
#define LOAD	IOM_SPELL_LOAD
#define TEST	IOM_SPELL_TEST
#define SET	IOM_SPELL_SET

static const struct fix_row {
	const char *role;
	enum iom_spell_is spelled;
	enum when when;
	unsigned rules;
	int offset;
	int member;
	const char *text;
} rows[] = {
#define FIX(role, spelled, when, rules, offset, member, text) \
	{ role, spelled, when, rules, offset, member, text },
#include "fix.def"
#undef FIX
};

int iom_fix_role_known(const char *role)
{
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		if (!strcmp(rows[i].role, role))
			return 1;
	return 0;
}

/* ---- keeping what the front end spelled ---------------------------------- */

static const char *keep(struct iom_func *fn, const char *s)
{
	return s ? iom_func_strdup(fn, s) : NULL;
}

void iom_spelled(struct iom_func *fn, const struct iom_spelling *sp)
{
	struct iom_spelling *ns, *c;

	fn->spell_now = -1;
	if (getenv("IOM_DBG") && sp) fprintf(stderr, "SPELL %d %s %d:%d map=%s member=%s\n", sp->is, sp->file, sp->whole.line, sp->whole.col, sp->ptr.map, sp->ptr.member);
	if (!sp || !sp->file)
		return;
	ns = (struct iom_spelling *)iom_grow(fn->spells, fn->nr_spells, sizeof(*fn->spells));
	if (!ns)
		return;
	fn->spells = ns;
	c = &fn->spells[fn->nr_spells];
	*c = *sp;
	c->file = sp->file;		/* lives as long as the where's files */
	c->ptr.map = keep(fn, sp->ptr.map);
	c->ptr.member = keep(fn, sp->ptr.member);
	c->ptr.offset = keep(fn, sp->ptr.offset);
	c->callee = keep(fn, sp->callee);
	c->type = keep(fn, sp->type);
	c->value = keep(fn, sp->value);
	c->flag = keep(fn, sp->flag);
	if (!c->ptr.map || !c->ptr.member)
		return;
	fn->spell_now = fn->nr_spells++;
}

/* ---- does the spelling say what was proven? ------------------------------ */

/* Equal but for blanks: the core prints "m->vaddr", the file may say "m -> vaddr". */
static int same_code(const char *a, const char *b)
{
	for (;;) {
		while (isspace((unsigned char)*a))
			a++;
		while (isspace((unsigned char)*b))
			b++;
		if (*a != *b)
			return 0;
		if (!*a)
			return 1;
		a++, b++;
	}
}

/* MAP->member or MAP.member as the spelling writes it. */
static void spelled_member(const struct iom_spelling *sp, const char *member, char *buf,
			   size_t len)
{
	snprintf(buf, len, "%s%s%s", sp->ptr.map, sp->ptr.arrow ? "->" : ".", member);
}

/* The map and member a pointer value was loaded from, if it is one pointer
 * from one map, and matches the spelled one.  Returns the map, or -1. */
static int value_matches(const struct iom_func *fn, const struct event *e,
			 const struct iom_spelling *sp, int member)
{
	const struct value *v = &fn->val[e->value];
	const struct event *load;
	const struct iom_type *t;
	char want[512];

	if (v->kind != VAL_PTR || v->map < 0 || v->load < 0)
		return -1;
	load = &fn->ev[v->load];
	t = iom_rules_type_at(fn->rules, fn->maps[v->map].type);
	if (load->op != EV_LOAD || load->sub != member || !t || !load->name ||
	    strcmp(t->member[member], sp->ptr.member))
		return -1;
	/* m->vaddr + 0 is still direct; any other offset is not */
	if (!sp->ptr.offset != !!v->direct)
		return -1;
	spelled_member(sp, sp->ptr.member, want, sizeof(want));
	return same_code(want, load->name) ? v->map : -1;
}

/* A direct write of the pointer or the flag named in a SET spelling. */
static int write_matches(const struct iom_func *fn, const struct event *e,
			 const struct iom_spelling *sp, int member)
{
	const struct iom_type *t = iom_rules_type_at(fn->rules, fn->maps[e->map].type);
	const char *field = e->sub == IOM_MEMBER_FLAG ? sp->flag : sp->ptr.member;
	char want[512];

	if (!t || !field || (e->sub != member && e->sub != IOM_MEMBER_FLAG) ||
	    strcmp(t->member[member], sp->ptr.member) ||
	    strcmp(t->member[IOM_MEMBER_FLAG], sp->flag))
		return -1;
	spelled_member(sp, field, want, sizeof(want));
	return e->name && same_code(want, e->name) ? e->map : -1;
}

/* Which argument of a copy or fill the pointer is. */
static enum when call_when(const struct iom_func *fn, const struct event *e,
			   const struct iom_spelling *sp)
{
	const struct iom_fn *f = iom_rules_callee(fn->rules, sp->callee);
	const struct iom_fn *g = e->name ? iom_rules_callee(fn->rules, e->name) : NULL;

	if (!f || f != g || e->sub != IOM_ESC_CALL)
		return ANY;
	if (f->kind == IOM_FN_COPY && sp->arg == f->dst_arg)
		return COPY_DST;
	if (f->kind == IOM_FN_COPY && sp->arg == f->src_arg)
		return COPY_SRC;
	if (f->kind == IOM_FN_FILL && sp->arg == f->dst_arg)
		return FILL_DST;
	return ANY;
}

static int row_fits(const struct iom_func *fn, const struct event *e,
		    const struct iom_spelling *sp, const struct fix_row *row, int rule)
{
	if (row->spelled != sp->is || !(row->rules & R(rule)) || (!row->offset && sp->ptr.offset))
		return 0;
	switch (row->when) {
	case ANY:
		return sp->is != CALL;
	case COPY_DST:
	case COPY_SRC:
	case FILL_DST:
		return call_when(fn, e, sp) == row->when;
	case IS_NULL:
		return sp->negated;
	case NOT_NULL:
		return !sp->negated;
	case FLAG_0:
		return sp->flag_value == 0;
	case FLAG_1:
		return sp->flag_value == 1;
	}
	return 0;
}

/* ---- writing the edits ---------------------------------------------------- */

/* &MAP for a map written as an object; parentheses unless MAP is a plain
 * chain of names, members and subscripts (& binds looser than those). */
static void map_pointer(const struct iom_spelled_ptr *p, char *buf, size_t len)
{
	const char *s;

	if (p->arrow) {
		snprintf(buf, len, "%s", p->map);
		return;
	}
	for (s = p->map; *s; s++)
		if (!isalnum((unsigned char)*s) && !strchr("_.[]>- ", *s))
			break;
	snprintf(buf, len, *s || strstr(p->map, "--") ? "&(%s)" : "&%s", p->map);
}

/* The template with its pieces; -1 when it does not fit the edit. */
static int expand(const char *tpl, const char *helper, const struct iom_spelling *sp,
		  char *out, size_t len)
{
	char map[300];
	size_t n = 0;

	map_pointer(&sp->ptr, map, sizeof(map));
	for (const char *t = tpl; *t; t++) {
		const char *piece = NULL;
		int k;

		if (*t != '%') {
			if (n + 1 >= len)
				return -1;
			out[n++] = *t;
			continue;
		}
		switch (*++t) {
		case 'n': piece = helper; break;
		case 'm': piece = map; break;
		case 'o': piece = sp->ptr.offset ? sp->ptr.offset : "0"; break;
		case 't': piece = sp->type; break;
		case 'v': piece = sp->value; break;
		}
		if (!piece)
			return -1;
		k = snprintf(out + n, len - n, "%s", piece);
		if (k < 0 || (size_t)k >= len - n)
			return -1;
		n += (size_t)k;
	}
	out[n] = 0;
	return 0;
}

static void edit_at(struct iom_edit *ed, const char *file, struct iom_span s)
{
	ed->file = file;
	ed->line = s.line;
	ed->col = s.col;
	ed->end_line = s.end_line;
	ed->end_col = s.end_col;
}

static int span_ok(struct iom_span s)
{
	return s.line > 0 && s.col > 0 &&
	       (s.end_line > s.line || (s.end_line == s.line && s.end_col > s.col));
}

static int write_edits(const struct fix_row *row, const char *helper,
		       const struct iom_spelling *sp, struct iom_finding *f)
{
	if (row->spelled == CALL) {
		if (!span_ok(sp->name) || !span_ok(sp->ptr.span) ||
		    snprintf(f->edits[0].text, sizeof(f->edits[0].text), "%s", helper) >=
			    (int)sizeof(f->edits[0].text) ||
		    expand(row->text, helper, sp, f->edits[1].text, sizeof(f->edits[1].text)))
			return -1;
		edit_at(&f->edits[0], sp->file, sp->name);
		edit_at(&f->edits[1], sp->file, sp->ptr.span);
		return 2;
	}
	if (!span_ok(sp->whole) ||
	    expand(row->text, helper, sp, f->edits[0].text, sizeof(f->edits[0].text)))
		return -1;
	edit_at(&f->edits[0], sp->file, sp->whole);
	return 1;
}

/* Is the memory kind behind the finding proven (one kind, not "may be")? */
static int proven(const struct iom_func *fn, const struct state *s, const struct event *e)
{
	unsigned sys, io, bits;

	if (e->op == EV_WRITE)
		bits = s->m[e->map].bits;
	else {
		iom_effective(s, &fn->val[e->value], &sys, &io);
		bits = sys | io;
	}
	return bits == K_SYS || bits == K_IO;
}

void iom_fix(const struct iom_func *fn, const struct state *s, const struct event *e,
	     struct iom_finding *f)
{
	const struct iom_spelling *sp;

	if (getenv("IOM_DBG")) fprintf(stderr, "FIX rule %d spell %d/%d\n", f ? f->rule : -1, e->spell, fn->nr_spells);
	if (!f || e->spell < 0 || e->spell >= fn->nr_spells)
		return;
	sp = &fn->spells[e->spell];
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct fix_row *row = &rows[i];
		const char *helper;
		int map, n;

		if (!row_fits(fn, e, sp, row, f->rule))
			continue;
		map = e->op == EV_WRITE ? write_matches(fn, e, sp, row->member)
					: value_matches(fn, e, sp, row->member);
		if (map < 0)
			return;
		helper = iom_rules_fix(fn->rules, fn->maps[map].type, row->role);
		if (!helper)
			continue;
		n = write_edits(row, helper, sp, f);
		if (n < 0)
			return;
		f->nr_edits = n;
		f->preferred = proven(fn, s, e);
		return;
	}
}
