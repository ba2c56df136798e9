/*
 * diag.c - rule table, options, notes and the text and JSON renderings.
 *
 * All wording lives here, so every front end prints the same words.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "func.h"

static const struct {
	const char *name;
	int on;			/* enabled by default */
	const char *summary;
} rule_table[IOM_NR_RULES] = {
	[IOM001] = { "IOM001", 1, "memory accessed through vaddr while is_iomem is true" },
	[IOM002] = { "IOM002", 1, "memory accessed through vaddr while is_iomem may be true" },
	[IOM003] = { "IOM003", 1, "raw vaddr escapes while is_iomem is or may be true" },
	[IOM004] = { "IOM004", 1, "vaddr_iomem used while is_iomem is or may be false" },
	[IOM005] = { "IOM005", 1, "map member written directly instead of by a helper" },
	[IOM006] = { "IOM006", 1, "map pointer member tested against NULL instead of by a helper" },
	[IOM007] = { "IOM007", 1, "map labelled with the wrong memory kind" },
	[IOM008] = { "IOM008", 1, "is_iomem read before the map was initialised" },
	[IOM010] = { "IOM010", 0, "strict: map member used outside the helpers" },
};

int iom_rule_exists(int rule)
{
	return rule > 0 && rule < IOM_NR_RULES && rule_table[rule].name;
}

const char *iom_rule_name(int rule)
{
	return iom_rule_exists(rule) ? rule_table[rule].name : "IOM???";
}

const char *iom_rule_summary(int rule)
{
	return iom_rule_exists(rule) ? rule_table[rule].summary : "";
}

void iom_options_init(struct iom_options *o)
{
	o->enabled = 0;
	o->error = 0;
	for (int r = 1; r < IOM_NR_RULES; r++)
		if (iom_rule_exists(r) && rule_table[r].on)
			o->enabled |= 1u << r;
}

int iom_parse_rule_list(const char *list, unsigned *bits, char *err, size_t errlen)
{
	const char *s = list;

	*bits = 0;
	if (!s || !*s) {
		snprintf(err, errlen, "empty rule list");
		return -1;
	}
	while (*s) {
		size_t n = strcspn(s, ",");
		int r;

		for (r = 1; r < IOM_NR_RULES; r++)
			if (iom_rule_exists(r) && strlen(rule_table[r].name) == n &&
			    !strncmp(s, rule_table[r].name, n))
				break;
		if (r == IOM_NR_RULES) {
			snprintf(err, errlen, "unknown rule '%.*s'", (int)n, s);
			return -1;
		}
		*bits |= 1u << r;
		s += n;
		if (*s == ',')
			s++;
	}
	return 0;
}

/* ---- notes ----------------------------------------------------------------- */

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
		if (e->cause)
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
		iom_note_at(f, e->where, "'%s' is %s on this path (tested here)",
			    iom_flag_name(fn, map), e->sub ^ fn->val[e->value].negated ?
			    "true" : "false");
		break;
	default:
		break;
	}
}

/* ---- rendering ------------------------------------------------------------- */

static const char *severity(const struct iom_finding *f)
{
	return f->error ? "error" : "warning";
}

int iom_format_text(const struct iom_finding *f, char *buf, size_t len)
{
	int n = snprintf(buf, len, "%s:%d:%d: %s: %s [%s]\n", f->where.file, f->where.line,
			 f->where.col, severity(f), f->message, iom_rule_name(f->rule));

	for (int i = 0; i < f->nr_notes && n >= 0 && (size_t)n < len; i++)
		n += snprintf(buf + n, len - n, "%s:%d:%d: note: %s\n", f->notes[i].where.file,
			      f->notes[i].where.line, f->notes[i].where.col, f->notes[i].text);
	return n;
}

struct out {
	char *buf;
	size_t len, n;
};

static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int k;

	if (o->n >= o->len)
		return;
	va_start(ap, fmt);
	k = vsnprintf(o->buf + o->n, o->len - o->n, fmt, ap);
	va_end(ap);
	if (k > 0)
		o->n += (size_t)k;
}

static void put_string(struct out *o, const char *s)
{
	put(o, "\"");
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			put(o, "\\%c", c);
		else if (c < 0x20)
			put(o, "\\u%04x", c);
		else
			put(o, "%c", c);
	}
	put(o, "\"");
}

static void put_where(struct out *o, struct iom_where w)
{
	put(o, "\"file\":");
	put_string(o, w.file);
	put(o, ",\"line\":%d,\"column\":%d", w.line, w.col);
}

int iom_format_json(const struct iom_finding *f, char *buf, size_t len)
{
	struct out o = { buf, len, 0 };

	put(&o, "{\"rule\":\"%s\",\"severity\":\"%s\",", iom_rule_name(f->rule), severity(f));
	put_where(&o, f->where);
	put(&o, ",\"function\":");
	put_string(&o, f->function);
	put(&o, ",\"message\":");
	put_string(&o, f->message);
	put(&o, ",\"notes\":[");
	for (int i = 0; i < f->nr_notes; i++) {
		put(&o, "%s{", i ? "," : "");
		put_where(&o, f->notes[i].where);
		put(&o, ",\"message\":");
		put_string(&o, f->notes[i].text);
		put(&o, "}");
	}
	put(&o, "]}\n");
	return o.n < len ? (int)o.n : -1;
}
