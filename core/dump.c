/*
 * dump.c - print a lowered function, for front-end developers (the
 * "dump" option) and for the golden dumps of testsuite/golden/: every
 * field by name, so a change in lowering reads as a change in words.
 */
#include <stdio.h>

#include "func.h"

static const struct {
	const char *name;
	enum ev_sub sub;
} event_kinds[EV_NR_KINDS] = {
#define EVENT(name, text, sub, transfer, judge) [EV_##name] = { text, sub },
#include "events.def"
#undef EVENT
};

static const char *const origin_names[] = {
	[IOM_MAP_LOCAL] = "local",
	[IOM_MAP_PARAM] = "parameter",
	[IOM_MAP_GLOBAL] = "global",
	[IOM_MAP_REACHED] = "reached",
};

static const char *const kind_names[] = {
	[IOM_KIND_SYSTEM] = "system",
	[IOM_KIND_IO] = "io",
	[IOM_KIND_UNKNOWN] = "unknown",
	[IOM_KIND_UNINIT] = "uninit",
};

static const char *const cause_names[] = {
	[IOM_BY_HELPER] = "helper",
	[IOM_BY_PRODUCER] = "producer",
	[IOM_BY_CALL] = "call",
	[IOM_BY_ZERO] = "zero",
	[IOM_BY_MEMORY] = "memory",
	[IOM_BY_SCOPE] = "scope",
};

static const char *const member_roles[IOM_NR_MEMBERS] = {
	[IOM_MEMBER_SYS] = "system",
	[IOM_MEMBER_IO] = "io",
	[IOM_MEMBER_FLAG] = "flag",
};

static const char *const derive_names[] = {
	[IOM_DER_COPY] = "copy",
	[IOM_DER_OFFSET] = "offset",
	[IOM_DER_NOT] = "not",
};

static const char *const escape_names[] = {
	[IOM_ESC_CALL] = "call",
	[IOM_ESC_STORE] = "store",
	[IOM_ESC_RETURN] = "return",
};

#define NAME_OF(table, i) \
	((unsigned)(i) < sizeof(table) / sizeof(table[0]) && table[i] ? table[i] : "?")

/* The member as the type spells it ("vaddr"), or its role without a type. */
static const char *member_name(const struct iom_func *fn, int map, int member)
{
	const struct iom_type *t = map >= 0 ? iom_rules_type_at(fn->rules, fn->maps[map].type) : NULL;

	if (t && member >= 0 && member < IOM_NR_MEMBERS)
		return t->member[member];
	return NAME_OF(member_roles, member);
}

static const char *sub_name(const struct iom_func *fn, const struct event *e)
{
	switch (event_kinds[e->op].sub) {
	case SUB_KIND:
		return NAME_OF(kind_names, e->sub);
	case SUB_MEMBER:
		return member_name(fn, e->map, e->sub);
	case SUB_DERIVE:
		return NAME_OF(derive_names, e->sub);
	case SUB_STORE:
		return e->sub ? "store" : "load";
	case SUB_ESCAPE:
		return NAME_OF(escape_names, e->sub);
	case SUB_TRUTH:
		return e->sub ? "true" : "false";
	case SUB_NONE:
		break;
	}
	return NULL;
}

static void dump_event(const struct iom_func *fn, int idx, FILE *out)
{
	const struct event *e = &fn->ev[idx];
	const char *sub = sub_name(fn, e);

	fprintf(out, "    %d %-9s", idx, event_kinds[e->op].name);
	if (e->where.file)
		fprintf(out, " line %d:%d", e->where.line, e->where.col);
	if (e->where.helper)
		fprintf(out, " (helper)");
	if (e->map >= 0)
		fprintf(out, " map %d", e->map);
	if (sub)
		fprintf(out, " %s", sub);
	if (e->op == EV_SET)
		fprintf(out, " by %s", NAME_OF(cause_names, e->cause));
	if (e->op == EV_CLOBBER && e->cause)
		fprintf(out, " by producer");
	if (e->flag_const >= 0)
		fprintf(out, " = %s", e->flag_const ? "true" : "false");
	if (e->value >= 0)
		fprintf(out, " v%d", e->value);
	if (e->value2 >= 0 && e->op == EV_CALL)
		fprintf(out, " after event %d", e->value2);
	else if (e->value2 >= 0)
		fprintf(out, e->op == EV_COPY ? " from map %d" : " from v%d", e->value2);
	if (e->name)
		fprintf(out, " '%s'", e->name);
	if (e->op == EV_CLOBBER || e->op == EV_SLOT_STORE || e->op == EV_SLOT_LOAD)
		fprintf(out, " key %s", iom_path_key(fn, e->path));
	for (int a = 0; a < e->nr_args; a++) {
		const struct call_arg *c = &e->args[a];

		fprintf(out, a ? ", " : " (");
		if (c->value >= 0)
			fprintf(out, "v%d", c->value);
		else if (c->path >= 0)
			fprintf(out, "&%s%s", iom_path_key(fn, c->path), c->map >= 0 ? " (map)" : "");
		else
			fprintf(out, "-");
		if (a == e->nr_args - 1)
			fprintf(out, ")");
	}
	fprintf(out, "\n");
}

void iom_func_dump(const struct iom_func *fn, FILE *out)
{
	fprintf(out, "function %s: %d blocks, %d maps, %d events\n", fn->name, fn->nr_bb,
		fn->nr_maps, fn->nr_ev);
	for (int a = 1; a <= fn->nr_params; a++)
		if (fn->params[a - 1])
			fprintf(out, "  param %d: %s%s\n", a, fn->params[a - 1],
				iom_param_map(fn, a) >= 0 ? " (points to a map)" : "");
	for (int a = 1; a <= 16; a++)
		if (fn->param_value[a - 1] >= 0)
			fprintf(out, "  param %d enters as v%d\n", a, fn->param_value[a - 1]);
	if (fn->direct_calls >= 0)
		fprintf(out, "  only called here: %d call%s\n", fn->direct_calls,
			fn->direct_calls == 1 ? "" : "s");
	for (int m = 0; m < fn->nr_maps; m++) {
		const struct iom_type *t = iom_rules_type_at(fn->rules, fn->maps[m].type);

		fprintf(out, "  map %d: %s %s, key %s, display %s\n", m,
			NAME_OF(origin_names, fn->maps[m].origin), t ? t->name : "?",
			fn->maps[m].key, fn->maps[m].display);
	}
	for (int b = 0; b < fn->nr_bb; b++) {
		const struct block *bb = &fn->bb[b];

		fprintf(out, "  block %d:", b);
		for (int s = 0; s < bb->nr_succ; s++)
			if (bb->succ[s].value >= 0)
				fprintf(out, " ->%d(v%d %s)", bb->succ[s].to, bb->succ[s].value,
					bb->succ[s].truth ? "true" : "false");
			else
				fprintf(out, " ->%d", bb->succ[s].to);
		fprintf(out, "\n");
		for (int k = 0; k < bb->nr_evs; k++)
			dump_event(fn, bb->evs[k], out);
	}
}
