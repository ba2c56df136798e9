/*
 * notes.c - the notes of a finding: why a map's state is what it is.
 *
 * The wording of notes lives here (check.c words the messages), so every
 * front end prints the same words.
 */
#include <stdarg.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "func.h"

void iom_note_at(struct iom_finding *f, struct iom_where w, const char *fmt, ...)
{
	va_list ap;
	struct iom_note *n;

	if (f->nr_notes == IOM_MAX_NOTES || !w.file)
		return;
	n = &f->notes[f->nr_notes++];
	n->where = w;
	va_start(ap, fmt);
	vsnprintf(n->text, sizeof(n->text), fmt, ap);
	va_end(ap);
}

/* "map->is_iomem" or "m.is_iomem": a map reached by pointer prints "->". */
void iom_member_expr(const struct iom_func *fn, int map, enum iom_member member, char *buf,
		     size_t len)
{
	const struct map *m = &fn->maps[map];
	const struct iom_type *t = iom_rules_type_at(fn->rules, m->type);

	snprintf(buf, len, "%s%s%s", m->display, iom_path_by_pointer(fn, m->path) ? "->" : ".",
		 t ? t->member[member] : "?");
}

const char *iom_flag_name(const struct iom_func *fn, int map)
{
	static char buf[256];

	iom_member_expr(fn, map, IOM_MEMBER_FLAG, buf, sizeof(buf));
	return buf;
}

static void note_entry(const struct iom_func *fn, struct iom_finding *f, int map, int k)
{
	const struct map *m = &fn->maps[map];
	int direct = iom_path_is_pointee_of_var(fn, m->path);

	if (k >= 0 && k < K_NR && m->filler[k].from) {
		iom_note_at(f, m->filler[k].where,
			    "'%s' comes from '%s', its pair in 'struct %s', which %s",
			    m->display, m->filler[k].from, m->entry_ops ? m->entry_ops : "?",
			    m->filler[k].kinds == K_IO ? "sets I/O memory" :
			    m->filler[k].kinds == K_SYS ? "sets system memory" :
			    "may leave either kind");
		return;
	}
	if (m->entry_why) {
		iom_note_at(f, m->decl, "'%s': %s", m->display, m->entry_why);
		return;
	}
	switch (m->origin) {
	case IOM_MAP_LOCAL:
		iom_note_at(f, m->decl, "'%s' is declared here without an initialiser",
			    m->display);
		break;
	case IOM_MAP_PARAM:
		iom_note_at(f, m->decl, direct ?
			    "'%s' is a parameter: its memory kind is unknown here" :
			    "'%s' is reached through a parameter: its memory kind is unknown here",
			    m->display);
		break;
	case IOM_MAP_GLOBAL:
		iom_note_at(f, m->decl, "'%s' is a global: its memory kind is unknown here",
			    m->display);
		break;
	case IOM_MAP_REACHED:
		iom_note_at(f, m->decl, "'%s' is reached through memory: its memory kind is unknown here",
			    m->display);
		break;
	}
}

static const char *const kind_words[] = {
	[IOM_KIND_SYSTEM] = "system memory",
	[IOM_KIND_IO] = "I/O memory",
	[IOM_KIND_UNKNOWN] = "an unknown memory kind",
	[IOM_KIND_UNINIT] = "an uninitialised map",
};

static void note_set(struct iom_finding *f, const char *map, const struct event *e)
{
	switch (e->cause) {
	case IOM_BY_HELPER:
		iom_note_at(f, e->where, "'%s' set to %s by '%s' here", map, kind_words[e->sub],
			    e->name ? e->name : "?");
		break;
	case IOM_BY_PRODUCER:
		iom_note_at(f, e->where, "'%s' filled by '%s' here: %s", map, e->name ? e->name : "?",
			    e->sub == IOM_KIND_UNKNOWN ? "its memory kind is only known at run time" :
			    kind_words[e->sub]);
		break;
	case IOM_BY_CALL:
		iom_note_at(f, e->where, "'%s' returned by '%s' here: its memory kind is unknown",
			    map, e->name ? e->name : "?");
		break;
	case IOM_BY_ZERO:
		iom_note_at(f, e->where, "'%s' zero-initialised here: system memory", map);
		break;
	case IOM_BY_MEMORY:
		iom_note_at(f, e->where, "'%s' copied from memory here: its memory kind is unknown", map);
		break;
	case IOM_BY_SCOPE:
		iom_note_at(f, e->where, "'%s' goes out of scope here", map);
		break;
	}
}

/* A flag test; when the flag came through a function of the unit (a helper
 * that returns it, a parameter every caller passes it in), name it. */
static void note_test(const struct iom_func *fn, struct iom_finding *f, int map,
		      const struct event *e)
{
	const struct value *v = &fn->val[e->value];
	const struct event *load = v->load >= 0 && v->load < fn->nr_ev ? &fn->ev[v->load] : NULL;
	const char *truth = e->sub ^ v->negated ? "true" : "false";
	char flag[256];

	snprintf(flag, sizeof(flag), "%s", iom_flag_name(fn, map));
	if (load && load->op == EV_LOAD && load->via && load->via_param)
		iom_note_at(f, e->where, "'%s' is %s on this path (tested here as '%s': every call of '%s' passes %s there)",
			    flag, truth, load->via_param, load->via,
			    load->negate ? "its negation" : "it");
	else if (load && load->op == EV_LOAD && load->via)
		iom_note_at(f, e->where, "'%s' is %s on this path (tested here through '%s()', which returns %s)",
			    flag, truth, load->via, load->negate ? "its negation" : "it");
	else
		iom_note_at(f, e->where, "'%s' is %s on this path (tested here)", flag, truth);
}

const char *iom_shown_path(const char *path)
{
	static char cwd[PATH_MAX];
	size_t n;

	if (!cwd[0] && !getcwd(cwd, sizeof(cwd)))
		return path;
	n = strlen(cwd);
	return !strncmp(path, cwd, n) && path[n] == '/' ? path + n + 1 : path;
}

void iom_note_origin(const struct iom_func *fn, struct iom_finding *f, int map, int why, int k)
{
	const char *name = iom_map_display(fn, map);
	const struct event *e;

	if (why == -1 || map < 0)
		return;
	if (why < 0) {
		note_entry(fn, f, WHY_MAP(why), k);
		return;
	}
	e = &fn->ev[why];
	switch (e->op) {
	case EV_SET:
		note_set(f, name, e);
		break;
	case EV_CLOBBER:
		if (e->summarised)
			iom_note_at(f, e->where, "'%s' passed to '%s' here, which leaves %s in it%s%s%s",
				    name, e->name, e->sum_kinds == K_SYS ? "system memory" :
				    e->sum_kinds == K_IO ? "I/O memory" : "either kind of memory",
				    e->sum_from ? " (" : "", e->sum_from ? e->sum_from : "",
				    e->sum_from ? ")" : "");
		else if (e->cause)
			iom_note_at(f, e->where, "'%s' filled by '%s' here: its memory kind is only known at run time",
				    name, e->name);
		else
			iom_note_at(f, e->where, "'%s' passed to '%s' here: its memory kind is unknown after the call",
				    name, e->name);
		break;
	case EV_WRITE:
		iom_note_at(f, e->where, "'%s' set to %s by a direct write here",
			    iom_flag_name(fn, map), e->flag_const == 1 ? "true" :
			    e->flag_const == 0 ? "false" : "an unknown value");
		break;
	case EV_TEST:
		note_test(fn, f, map, e);
		break;
	default:
		break;
	}
}
