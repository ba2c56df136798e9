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

#include "alloc.h"
#include "func.h"

enum when { ANY, COPY_DST, COPY_SRC, FILL_DST, IS_NULL, NOT_NULL, FLAG_0, FLAG_1 };
enum { SYS = IOM_MEMBER_SYS, IO = IOM_MEMBER_IO };

#define R(rule)	(1u << (rule))
#define CALLS	(R(IOM001) | R(IOM002) | R(IOM003))
#define ACCESS	(R(IOM001) | R(IOM002))
#define WRITES	(R(IOM005) | R(IOM010))
#define CALL	IOM_SPELL_CALL
#define STORE	IOM_SPELL_STORE
#define LOAD	IOM_SPELL_LOAD
#define TEST	IOM_SPELL_TEST
#define SET	IOM_SPELL_SET
#define INIT	IOM_SPELL_INIT

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

/* Is the core's name of a member ("sb->map.vaddr") a name of the spelled
 * member ("vaddr")?  The spelled map may be another name of the same object
 * (a local pointer to it: "map->vaddr"); the front end said which value the
 * construct uses, this only keeps the member honest. */
static int same_member(const char *shown, const char *member)
{
	size_t n = strlen(shown), m = strlen(member);

	return n > m + 1 && !strcmp(shown + n - m, member) &&
	       (shown[n - m - 1] == '.' || shown[n - m - 1] == '>');
}

/* The map and member a pointer value was loaded from, if it is one pointer
 * from one map, and matches the spelled one.  Returns the map, or -1. */
static int value_matches(const struct iom_func *fn, const struct event *e,
			 const struct iom_spelling *sp, int member)
{
	const struct value *v = &fn->val[e->value];
	const struct event *load;
	const struct iom_type *t;

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
	return same_member(load->name, sp->ptr.member) ? v->map : -1;
}

/* A direct write of the pointer or the flag named in a SET spelling. */
static int write_matches(const struct iom_func *fn, const struct event *e,
			 const struct iom_spelling *sp, int member)
{
	const struct iom_type *t = iom_rules_type_at(fn->rules, fn->maps[e->map].type);
	const char *field = e->sub == IOM_MEMBER_FLAG ? sp->flag : sp->ptr.member;

	if (!t || !field || (e->sub != member && e->sub != IOM_MEMBER_FLAG) ||
	    strcmp(t->member[member], sp->ptr.member) ||
	    strcmp(t->member[IOM_MEMBER_FLAG], sp->flag))
		return -1;
	return e->name && same_member(e->name, field) ? e->map : -1;
}

/* Which argument of a copy or fill the pointer is. */
static enum when call_when(const struct iom_func *fn, const struct event *e,
			   const struct iom_spelling *sp)
{
	const struct iom_fn *f = iom_rules_callee(fn->rules, sp->callee);

	/* an escape names its callee: the one spelled (a small copy's
	 * accesses come from the call being described, and name none) */
	if (!f || (e->op == EV_ESCAPE &&
		   (e->sub != IOM_ESC_CALL || !e->name || iom_rules_callee(fn->rules, e->name) != f)))
		return ANY;
	if (f->kind == IOM_FN_COPY && sp->arg == f->dst_arg)
		return COPY_DST;
	if (f->kind == IOM_FN_COPY && sp->arg == f->src_arg)
		return COPY_SRC;
	if (f->kind == IOM_FN_FILL && sp->arg == f->dst_arg)
		return FILL_DST;
	return ANY;
}

/* The events a construct's findings come from. */
static int event_fits(const struct event *e, enum iom_spell_is is)
{
	switch (is) {
	case IOM_SPELL_CALL:
		return e->op == EV_ESCAPE || e->op == EV_ACCESS;
	case IOM_SPELL_STORE:
		return e->op == EV_ACCESS && e->sub;
	case IOM_SPELL_LOAD:
		return e->op == EV_ACCESS && !e->sub;
	case IOM_SPELL_TEST:
		return e->op == EV_NULL_TEST;
	case IOM_SPELL_SET:
	case IOM_SPELL_INIT:
		return e->op == EV_WRITE;
	}
	return 0;
}

static int row_fits(const struct iom_func *fn, const struct event *e,
		    const struct iom_spelling *sp, const struct fix_row *row, int rule)
{
	if (row->spelled != sp->is || !(row->rules & R(rule)) || !event_fits(e, sp->is) ||
	    (!row->offset && sp->ptr.offset))
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
	if (row->spelled != SET)
		return 1;
	/* the flag's statement goes; the edits in file order */
	if (!span_ok(sp->flag_stmt))
		return -1;
	edit_at(&f->edits[1], sp->file, sp->flag_stmt);
	f->edits[1].text[0] = 0;
	if (sp->flag_stmt.line < sp->whole.line ||
	    (sp->flag_stmt.line == sp->whole.line && sp->flag_stmt.col < sp->whole.col)) {
		struct iom_edit t = f->edits[0];

		f->edits[0] = f->edits[1];
		f->edits[1] = t;
	}
	return 2;
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
			continue;
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
