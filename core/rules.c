/*
 * rules.c - the rules data: parsing rules/ files and looking names up.
 *
 * The built-in files are compiled in (rules_builtin.c, generated from rules/
 * by the Makefile) and parsed by the same code as run-time files, so the
 * defaults go through every check a user's file does.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "builtin.h"
#include "alloc.h"
#include "rules.h"

struct iom_rules {
	struct iom_type *types;
	int nr_types;
	struct iom_fn *fns;		/* one per (name, type), sorted by name then type */
	int nr_fns;
	char **warn_asm;
	int nr_warn_asm;
	struct iom_pair *pairs;
	int nr_pairs;
	unsigned long long access_sizes;	/* bit n: a copy of n bytes is an access */
	struct fix_name {			/* "fix ROLE NAME" of a type */
		int type;
		char *role, *name;
	} *fixes;
	int nr_fixes;
	char **alias;				/* "alias NAME AS": NAME, AS, NAME, AS, ... */
	int nr_alias;
	struct driver_word {			/* backend, driver-fills, driver-member */
		int what;			/* DRIVER_* */
		unsigned kinds;			/* backend: IOM_EFF_SET_SYSTEM | IOM_EFF_SET_IO */
		unsigned map_args;		/* driver-fills: bit n, argument n */
		char *word[3];			/* backend: OPS FIELD FN; fills: FN; member: STRUCT FIELD */
	} *driver;
	int nr_driver;
};

enum { DRIVER_BACKEND, DRIVER_FILLS, DRIVER_MEMBER };

struct parser {
	struct iom_rules *r;
	const char *file;
	int line;
	int type;		/* type being defined, -1 outside a block */
	char *err;
	size_t errlen;
	int *begun;		/* [type] line of its block in this file, 0 if none */
	int nr_begun;
};

static int fail(struct parser *p, const char *fmt, ...)
{
	va_list ap;
	int n = snprintf(p->err, p->errlen, "%s:%d: error: ", p->file, p->line);

	va_start(ap, fmt);
	if (n >= 0 && (size_t)n < p->errlen)
		vsnprintf(p->err + n, p->errlen - n, fmt, ap);
	va_end(ap);
	return -1;
}

static int split(char *line, char **word, int max)
{
	int n = 0;
	char *s = line;

	for (;;) {
		while (*s && isspace((unsigned char)*s))
			s++;
		if (!*s || *s == '#')
			return n;
		if (n == max)
			return max + 1;
		word[n++] = s;
		while (*s && !isspace((unsigned char)*s))
			s++;
		if (*s)
			*s++ = 0;
	}
}

static void free_pair(struct iom_pair *pr)
{
	free((char *)pr->ops);
	free((char *)pr->field[0]);
	free((char *)pr->field[1]);
}

static void drop_type_fns(struct iom_rules *r, int type)
{
	int i, j = 0;

	for (i = 0; i < r->nr_fns; i++) {
		if (r->fns[i].type == type) {
			free((char *)r->fns[i].name);
			continue;
		}
		r->fns[j++] = r->fns[i];
	}
	r->nr_fns = j;
	for (i = 0, j = 0; i < r->nr_pairs; i++) {
		if (r->pairs[i].type == type) {
			free_pair(&r->pairs[i]);
			continue;
		}
		r->pairs[j++] = r->pairs[i];
	}
	r->nr_pairs = j;
	for (i = 0, j = 0; i < r->nr_fixes; i++) {
		if (r->fixes[i].type == type) {
			free(r->fixes[i].role);
			free(r->fixes[i].name);
			continue;
		}
		r->fixes[j++] = r->fixes[i];
	}
	r->nr_fixes = j;
}

/* Two blocks for one type in one file: the second would silently replace the first. */
static int note_block(struct parser *p, int t)
{
	if (t < p->nr_begun && p->begun[t])
		return fail(p, "type '%s' is already defined at line %d of this file",
			    p->r->types[t].name, p->begun[t]);
	if (t >= p->nr_begun) {
		int *nb = (int *)realloc(p->begun, (t + 1) * sizeof(int));

		if (!nb)
			return fail(p, "out of memory");
		memset(nb + p->nr_begun, 0, (t + 1 - p->nr_begun) * sizeof(int));
		p->begun = nb;
		p->nr_begun = t + 1;
	}
	p->begun[t] = p->line;
	return 0;
}

static int begin_type(struct parser *p, const char *name)
{
	struct iom_rules *r = p->r;
	int t = iom_rules_type_index(r, name);
	struct iom_type *ty;

	if (t >= 0) {
		if (note_block(p, t))
			return -1;
		/* A run-time block replaces the whole built-in one. */
		drop_type_fns(r, t);
		ty = &r->types[t];
		free((char *)ty->header);
		for (int m = 0; m < IOM_NR_MEMBERS; m++)
			free((char *)ty->member[m]);
	} else {
		void *nt = iom_grow(r->types, r->nr_types, sizeof(*r->types));

		if (!nt)
			return fail(p, "out of memory");
		r->types = (struct iom_type *)nt;
		t = r->nr_types++;
		ty = &r->types[t];
		ty->name = iom_strdup(name);
		if (note_block(p, t))
			return -1;
	}
	ty->header = NULL;
	for (int m = 0; m < IOM_NR_MEMBERS; m++)
		ty->member[m] = NULL;
	p->type = t;
	return 0;
}

static int end_type(struct parser *p)
{
	static const char *const what[IOM_NR_MEMBERS] = { "system", "io", "flag" };
	struct iom_type *ty = &p->r->types[p->type];

	for (int m = 0; m < IOM_NR_MEMBERS; m++)
		if (!ty->member[m])
			return fail(p, "type '%s' has no '%s' member", ty->name, what[m]);
	if (!ty->header)
		return fail(p, "type '%s' has no 'header'", ty->name);
	p->type = -1;
	return 0;
}

static const struct {
	const char *name;
	unsigned bit;
} effect_names[] = {
	{ "set-system",	IOM_EFF_SET_SYSTEM },
	{ "set-io",	IOM_EFF_SET_IO },
	{ "clear",	IOM_EFF_CLEAR },
	{ "read",	IOM_EFF_READ },
	{ "access",	IOM_EFF_ACCESS | IOM_EFF_READ },
};

static int parse_effects(struct parser *p, char *s, unsigned *effects)
{
	char *tok;

	*effects = 0;
	for (tok = strtok(s, ","); tok; tok = strtok(NULL, ",")) {
		size_t i;

		for (i = 0; i < sizeof(effect_names) / sizeof(effect_names[0]); i++)
			if (!strcmp(tok, effect_names[i].name))
				break;
		if (i == sizeof(effect_names) / sizeof(effect_names[0]))
			return fail(p, "unknown effect '%s'", tok);
		*effects |= effect_names[i].bit;
	}
	if ((*effects & IOM_EFF_SET_SYSTEM) && (*effects & IOM_EFF_SET_IO))
		return fail(p, "a helper cannot set both system and I/O memory");
	return 0;
}

static int parse_argno(struct parser *p, const char *s, const char *what)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (*end || n < 1 || n > 16)
		return fail(p, "bad argument number '%s' in '%s='", s, what);
	return (int)n;
}

/* dst=N src=N value=N size=N of a copy or fill function. */
static int parse_copy_arg(struct parser *p, char *word, struct iom_fn *fn)
{
	static const char *const names[] = { "dst=", "src=", "value=", "size=" };
	int *slots[] = { &fn->dst_arg, &fn->src_arg, &fn->value_arg, &fn->size_arg };

	for (int k = 0; k < 4; k++) {
		size_t n = strlen(names[k]);

		if (strncmp(word, names[k], n))
			continue;
		*slots[k] = parse_argno(p, word + n, names[k]);
		return *slots[k] < 0 ? -1 : 0;
	}
	return fail(p, "unexpected '%s'", word);
}

/* A list "N[,N...]" of argument numbers as a bit set. */
static int parse_arg_set(struct parser *p, char *list, const char *what, unsigned *bits)
{
	char *tok;

	for (tok = strtok(list, ","); tok; tok = strtok(NULL, ",")) {
		int n = parse_argno(p, tok, what);

		if (n < 0)
			return -1;
		*bits |= 1u << n;
	}
	return 0;
}

/* load=N[,N] store=N[,N] fmt=N of a print or plain-memory function. */
static int parse_memory_arg(struct parser *p, char *word, struct iom_fn *fn)
{
	if (!strncmp(word, "load=", 5))
		return parse_arg_set(p, word + 5, "load", &fn->load_args);
	if (!strncmp(word, "store=", 6))
		return parse_arg_set(p, word + 6, "store", &fn->store_args);
	if (!strncmp(word, "fmt=", 4) && fn->kind == IOM_FN_PRINT) {
		fn->fmt_arg = parse_argno(p, word + 4, "fmt");
		return fn->fmt_arg < 0 ? -1 : 0;
	}
	return fail(p, "unexpected '%s'", word);
}

static int parse_args(struct parser *p, char **word, int nr, struct iom_fn *fn)
{
	for (int i = 0; i < nr; i++) {
		if (!strncmp(word[i], "map=", 4)) {
			char *tok;

			for (tok = strtok(word[i] + 4, ","); tok; tok = strtok(NULL, ",")) {
				int n = parse_argno(p, tok, "map");

				if (n < 0)
					return -1;
				fn->map_args |= 1u << n;
			}
		} else if (!strncmp(word[i], "ptr=", 4)) {
			fn->ptr_arg = parse_argno(p, word[i] + 4, "ptr");
			if (fn->ptr_arg < 0)
				return -1;
		} else if (fn->kind == IOM_FN_COPY || fn->kind == IOM_FN_FILL) {
			if (parse_copy_arg(p, word[i], fn))
				return -1;
		} else if (fn->kind == IOM_FN_PRINT || fn->kind == IOM_FN_PLAIN) {
			if (parse_memory_arg(p, word[i], fn))
				return -1;
		} else {
			return fail(p, "unexpected '%s'", word[i]);
		}
	}
	if ((fn->kind == IOM_FN_HELPER || (fn->kind == IOM_FN_PRODUCER && fn->effects)) &&
	    !fn->map_args)
		return fail(p, "'%s' needs map=N", fn->name);
	if (fn->ptr_arg && !(fn->effects & (IOM_EFF_SET_SYSTEM | IOM_EFF_SET_IO)))
		return fail(p, "ptr= only makes sense for set-system or set-io helpers");
	if (fn->kind == IOM_FN_PRODUCER &&
	    (fn->ptr_arg || (fn->effects & ~(IOM_EFF_SET_SYSTEM | IOM_EFF_SET_IO))))
		return fail(p, "a producer can only say set-system or set-io, and map=N");
	if (fn->kind == IOM_FN_COPY && (!fn->dst_arg || !fn->src_arg || !fn->size_arg))
		return fail(p, "'copy' needs dst=N src=N size=N");
	if (fn->kind == IOM_FN_FILL && (!fn->dst_arg || !fn->value_arg || !fn->size_arg))
		return fail(p, "'fill' needs dst=N value=N size=N");
	if (fn->kind == IOM_FN_PLAIN && !fn->load_args && !fn->store_args)
		return fail(p, "'plain' needs load=N or store=N");
	return 0;
}

static int add_fn(struct parser *p, struct iom_fn *fn)
{
	struct iom_rules *r = p->r;
	void *nf;

	for (int i = 0; i < r->nr_fns; i++) {
		if (strcmp(r->fns[i].name, fn->name))
			continue;
		/* A later file may repeat a global entry. */
		if (r->fns[i].type < 0 && fn->type < 0 && r->fns[i].kind == fn->kind)
			return 0;
		/* Each type keeps its own entry (the same producer may serve
		 * several types), so replacing one type leaves the others whole. */
		if (r->fns[i].type == fn->type || r->fns[i].type < 0 || fn->type < 0)
			return fail(p, "'%s' is already declared", fn->name);
	}
	nf = iom_grow(r->fns, r->nr_fns, sizeof(*r->fns));
	if (!nf)
		return fail(p, "out of memory");
	r->fns = (struct iom_fn *)nf;
	fn->name = iom_strdup(fn->name);
	r->fns[r->nr_fns++] = *fn;
	return 0;
}

static const struct {
	const char *word;
	enum iom_fn_kind kind;
	int in_type;		/* 1: only inside a type block, 0: only outside */
	int min, max;		/* words after the keyword */
} fn_keywords[] = {
	{ "helper",	IOM_FN_HELPER,	 1, 2, 4 },
	{ "macro",	IOM_FN_MACRO,	 1, 2, 2 },
	{ "producer",	IOM_FN_PRODUCER, 1, 1, 3 },
	{ "warn",	IOM_FN_WARN,	 0, 1, 1 },
	{ "print",	IOM_FN_PRINT,	 0, 1, 4 },
	{ "plain",	IOM_FN_PLAIN,	 0, 2, 3 },
	{ "memory",	IOM_FN_MEMORY,	 0, 2, 2 },
	{ "ignore",	IOM_FN_IGNORE,	 0, 1, 1 },
	{ "copy",	IOM_FN_COPY,	 0, 4, 4 },
	{ "fill",	IOM_FN_FILL,	 0, 4, 4 },
	{ "returns-arg", IOM_FN_RETURNS_ARG, 0, 2, 2 },
};

/* memory system|io NAME: NAME returns memory of that kind (kmalloc, ioremap). */
static int parse_memory_line(struct parser *p, char **word, struct iom_fn *fn)
{
	if (!strcmp(word[1], "system"))
		fn->effects = IOM_EFF_SET_SYSTEM;
	else if (!strcmp(word[1], "io"))
		fn->effects = IOM_EFF_SET_IO;
	else
		return fail(p, "'memory' takes 'system' or 'io', then a function name");
	fn->name = word[2];
	return add_fn(p, fn);
}

static int parse_fn_line(struct parser *p, int k, char **word, int nr)
{
	struct iom_fn fn;

	if (fn_keywords[k].in_type != (p->type >= 0))
		return fail(p, "'%s' %s a type block", word[0],
			    fn_keywords[k].in_type ? "must be inside" : "cannot be inside");
	if (nr - 1 < fn_keywords[k].min || nr - 1 > fn_keywords[k].max)
		return fail(p, "'%s' takes %d to %d fields", word[0],
			    fn_keywords[k].min, fn_keywords[k].max);
	memset(&fn, 0, sizeof(fn));
	fn.name = word[1];
	fn.kind = fn_keywords[k].kind;
	fn.type = fn_keywords[k].in_type ? p->type : -1;
	if (fn.kind == IOM_FN_MEMORY)
		return parse_memory_line(p, word, &fn);
	if (fn.kind == IOM_FN_COPY || fn.kind == IOM_FN_FILL || fn.kind == IOM_FN_PRINT ||
	    fn.kind == IOM_FN_PLAIN) {
		if (parse_args(p, word + 2, nr - 2, &fn))
			return -1;
		return add_fn(p, &fn);
	}
	if (fn.kind == IOM_FN_RETURNS_ARG) {
		fn.ret_arg = parse_argno(p, word[2], "returns-arg");
		if (fn.ret_arg < 0)
			return -1;
		return add_fn(p, &fn);
	}
	if (nr > 2 && parse_effects(p, word[2], &fn.effects))
		return -1;
	if (nr > 3 && parse_args(p, word + 3, nr - 3, &fn))
		return -1;
	if (fn.kind != IOM_FN_MACRO && fn.effects && nr == 3)
		return fail(p, "'%s' needs map=N", fn.name);
	return add_fn(p, &fn);
}

/*
 * pair OPS PRODUCER map=N RECEIVER map=M: in an initialiser of struct OPS,
 * the function in member RECEIVER is handed (argument M) the map that the
 * function in member PRODUCER filled (argument N).
 */
static int parse_pair(struct parser *p, char **word, int nr)
{
	struct iom_rules *r = p->r;
	struct iom_pair pr;
	void *np;

	if (p->type < 0)
		return fail(p, "'pair' must be inside a type block");
	if (nr != 6 || strncmp(word[3], "map=", 4) || strncmp(word[5], "map=", 4))
		return fail(p, "'pair' takes OPS PRODUCER map=N RECEIVER map=M");
	memset(&pr, 0, sizeof(pr));
	pr.type = p->type;
	pr.arg[0] = parse_argno(p, word[3] + 4, "map");
	if (pr.arg[0] < 0)
		return -1;
	pr.arg[1] = parse_argno(p, word[5] + 4, "map");
	if (pr.arg[1] < 0)
		return -1;
	if (!strcmp(word[2], word[4]))
		return fail(p, "'%s' cannot be paired with itself", word[2]);
	/* Another type may state the same pair (the v5.18 rename kept the ops
	 * structs): each keeps its own, so replacing one type keeps the other's. */
	for (int i = 0; i < r->nr_pairs; i++)
		if (r->pairs[i].type == p->type && !strcmp(r->pairs[i].ops, word[1]) &&
		    !strcmp(r->pairs[i].field[1], word[4]))
			return fail(p, "'%s.%s' is already paired", word[1], word[4]);
	np = iom_grow(r->pairs, r->nr_pairs, sizeof(*r->pairs));
	if (!np)
		return fail(p, "out of memory");
	r->pairs = (struct iom_pair *)np;
	pr.ops = iom_strdup(word[1]);
	pr.field[0] = iom_strdup(word[2]);
	pr.field[1] = iom_strdup(word[4]);
	r->pairs[r->nr_pairs++] = pr;
	return 0;
}

/*
 * fix ROLE NAME: the helper (or macro) NAME is what a construct of this role
 * becomes in a fix-it (the roles and their shapes: fix.def).  A type names
 * only the helpers its header has.
 */
static int parse_fix(struct parser *p, char **word, int nr)
{
	struct iom_rules *r = p->r;
	void *nf;

	if (p->type < 0)
		return fail(p, "'fix' must be inside a type block");
	if (nr != 3)
		return fail(p, "'fix' takes ROLE NAME");
	if (!iom_fix_role_known(word[1]))
		return fail(p, "unknown fix role '%s'", word[1]);
	if (iom_rules_fix(r, p->type, word[1]))
		return fail(p, "fix role '%s' is already named", word[1]);
	nf = iom_grow(r->fixes, r->nr_fixes, sizeof(*r->fixes));
	if (!nf)
		return fail(p, "out of memory");
	r->fixes = (struct fix_name *)nf;
	r->fixes[r->nr_fixes].type = p->type;
	r->fixes[r->nr_fixes].role = iom_strdup(word[1]);
	r->fixes[r->nr_fixes].name = iom_strdup(word[2]);
	r->nr_fixes++;
	return 0;
}

const char *iom_rules_fix(const struct iom_rules *r, int type, const char *role)
{
	for (int i = 0; i < r->nr_fixes; i++)
		if (r->fixes[i].type == type && !strcmp(r->fixes[i].role, role))
			return r->fixes[i].name;
	return NULL;
}

/*
 * What a DRM driver's GEM backend says (drm.rules):
 *   backend system|io|either OPS FIELD FN   an initialiser of struct OPS that
 *                                          sets FIELD to FN declares a driver
 *                                          whose buffers map that kind;
 *   driver-fills FN map=N[,N]              in such a driver FN fills those maps
 *                                          through the driver's own objects;
 *   driver-member STRUCT FIELD             ... and the maps of that member are
 *                                          theirs (a shadow plane's).
 */
static int parse_driver(struct parser *p, int what, char **word, int nr)
{
	static const char *const kind_words[] = { "system", "io", "either" };
	static const unsigned kind_bits[] = { IOM_EFF_SET_SYSTEM, IOM_EFF_SET_IO,
					      IOM_EFF_SET_SYSTEM | IOM_EFF_SET_IO };
	static const int fields[] = { [DRIVER_BACKEND] = 5, [DRIVER_FILLS] = 3,
				      [DRIVER_MEMBER] = 3 };
	static const int names[] = { [DRIVER_BACKEND] = 3, [DRIVER_FILLS] = 1,
				     [DRIVER_MEMBER] = 2 };
	struct driver_word d;
	void *nd;

	if (p->type >= 0 || nr != fields[what])
		return fail(p, what == DRIVER_BACKEND ?
			    "'backend' takes system|io|either OPS FIELD FUNC, outside type blocks" :
			    what == DRIVER_FILLS ?
			    "'driver-fills' takes FUNC map=N[,N], outside type blocks" :
			    "'driver-member' takes STRUCT FIELD, outside type blocks");
	memset(&d, 0, sizeof(d));
	d.what = what;
	if (what == DRIVER_BACKEND) {
		for (int k = 0; k < 3; k++)
			if (!strcmp(word[1], kind_words[k]))
				d.kinds = kind_bits[k];
		if (!d.kinds)
			return fail(p, "unknown memory kind '%s' (system, io or either)", word[1]);
		word++;
	} else if (what == DRIVER_FILLS) {
		struct iom_fn fn;

		memset(&fn, 0, sizeof(fn));
		if (strncmp(word[2], "map=", 4) || parse_args(p, word + 2, 1, &fn))
			return strncmp(word[2], "map=", 4) ? fail(p, "'driver-fills' needs map=N") : -1;
		d.map_args = fn.map_args;
	}
	for (int i = 0; i < names[what]; i++)
		d.word[i] = iom_strdup(word[1 + i]);
	nd = iom_grow(p->r->driver, p->r->nr_driver, sizeof(*p->r->driver));
	if (!nd)
		return fail(p, "out of memory");
	p->r->driver = (struct driver_word *)nd;
	p->r->driver[p->r->nr_driver++] = d;
	return 0;
}

/* alias NAME AS: a call to NAME is a call to AS, as the source spells it
 * (a FORTIFY wrapper's asm label: __asan_memcpy is the memcpy written). */
static int parse_alias(struct parser *p, char **word, int nr)
{
	void *na;

	if (p->type >= 0 || nr != 3)
		return fail(p, "'alias' takes NAME AS, outside type blocks");
	if (!strcmp(word[1], word[2]))
		return fail(p, "'%s' cannot be an alias of itself", word[1]);
	na = realloc(p->r->alias, (size_t)(p->r->nr_alias + 2) * sizeof(char *));
	if (!na)
		return fail(p, "out of memory");
	p->r->alias = (char **)na;
	p->r->alias[p->r->nr_alias++] = iom_strdup(word[1]);
	p->r->alias[p->r->nr_alias++] = iom_strdup(word[2]);
	return 0;
}

const char *iom_rules_spelled(const struct iom_rules *r, const char *name)
{
	if (!name)
		return NULL;
	for (int i = 0; i + 1 < r->nr_alias; i += 2)
		if (!strcmp(r->alias[i], name))
			return r->alias[i + 1];
	if (!strncmp(name, "__builtin_", 10) && !iom_rules_fn(r, name))
		return name + 10;
	return name;
}

int iom_rules_backend(const struct iom_rules *r, const char *ops, const char *field,
		      const char *fn)
{
	int slot = 0;

	for (int i = 0; i < r->nr_driver; i++) {
		const struct driver_word *d = &r->driver[i];

		if (d->what != DRIVER_BACKEND || strcmp(d->word[0], ops) || strcmp(d->word[1], field))
			continue;
		if (!strcmp(d->word[2], fn))
			return (int)d->kinds;
		slot = -1;
	}
	return slot;
}

int iom_rules_backend_ops(const struct iom_rules *r, const char *ops)
{
	for (int i = 0; i < r->nr_driver; i++)
		if (r->driver[i].what == DRIVER_BACKEND && !strcmp(r->driver[i].word[0], ops))
			return 1;
	return 0;
}

int iom_rules_driver_fills(const struct iom_rules *r, const char *fn, int arg)
{
	for (int i = 0; i < r->nr_driver; i++)
		if (r->driver[i].what == DRIVER_FILLS && !strcmp(r->driver[i].word[0], fn) &&
		    arg >= 1 && arg < 32 && (r->driver[i].map_args & (1u << arg)))
			return 1;
	return 0;
}

int iom_rules_driver_member(const struct iom_rules *r, const char *container, const char *field)
{
	for (int i = 0; i < r->nr_driver; i++)
		if (r->driver[i].what == DRIVER_MEMBER && !strcmp(r->driver[i].word[0], container) &&
		    !strcmp(r->driver[i].word[1], field))
			return 1;
	return 0;
}

/* access-sizes N... [byte-array]: copies of exactly these byte counts, or
 * (byte-array) of a whole array of bytes, are accesses. */
static int parse_access_sizes(struct parser *p, char **word, int nr)
{
	if (p->type >= 0 || nr < 2)
		return fail(p, "'access-sizes' takes byte counts, outside type blocks");
	p->r->access_sizes = 0;
	for (int i = 1; i < nr; i++) {
		char *end;
		long n;

		if (!strcmp(word[i], "byte-array")) {
			p->r->access_sizes |= 1;	/* bit 0: no size is 0 bytes */
			continue;
		}
		n = strtol(word[i], &end, 10);

		if (*end || n < 1 || n > 63)
			return fail(p, "bad byte count '%s' (1 to 63)", word[i]);
		p->r->access_sizes |= 1ull << n;
	}
	return 0;
}

static const char *const member_words[IOM_NR_MEMBERS] = { "system", "io", "flag" };

static int set_member(struct parser *p, const char **slot, const char *value)
{
	if (*slot)
		return fail(p, "duplicate '%s'", value);
	*slot = iom_strdup(value);
	return 0;
}

/* One field cannot be two of system, io and flag. */
static int set_field(struct parser *p, int m, const char *value)
{
	struct iom_type *ty = &p->r->types[p->type];

	for (int o = 0; o < IOM_NR_MEMBERS; o++)
		if (o != m && ty->member[o] && !strcmp(ty->member[o], value))
			return fail(p, "'%s' is already the %s member", value, member_words[o]);
	return set_member(p, &ty->member[m], value);
}

static int parse_line(struct parser *p, char *line)
{
	char *word[8];
	int nr = split(line, word, 7);
	size_t k;

	if (nr == 0)
		return 0;
	if (nr > 7)
		return fail(p, "too many fields");
	for (k = 0; k < sizeof(fn_keywords) / sizeof(fn_keywords[0]); k++)
		if (!strcmp(word[0], fn_keywords[k].word))
			return parse_fn_line(p, (int)k, word, nr);
	if (!strcmp(word[0], "type")) {
		if (nr != 2)
			return fail(p, "'type' takes one name");
		if (p->type >= 0)
			return fail(p, "'type' inside a type block (missing 'end')");
		return begin_type(p, word[1]);
	}
	if (!strcmp(word[0], "end")) {
		if (nr != 1 || p->type < 0)
			return fail(p, "'end' without 'type'");
		return end_type(p);
	}
	if (!strcmp(word[0], "pair"))
		return parse_pair(p, word, nr);
	if (!strcmp(word[0], "fix"))
		return parse_fix(p, word, nr);
	if (!strcmp(word[0], "access-sizes"))
		return parse_access_sizes(p, word, nr);
	if (!strcmp(word[0], "alias"))
		return parse_alias(p, word, nr);
	if (!strcmp(word[0], "backend"))
		return parse_driver(p, DRIVER_BACKEND, word, nr);
	if (!strcmp(word[0], "driver-fills"))
		return parse_driver(p, DRIVER_FILLS, word, nr);
	if (!strcmp(word[0], "driver-member"))
		return parse_driver(p, DRIVER_MEMBER, word, nr);
	if (!strcmp(word[0], "warn-asm")) {
		void *nw;

		if (nr != 2 || p->type >= 0)
			return fail(p, "'warn-asm' takes one word, outside type blocks");
		nw = iom_grow(p->r->warn_asm, p->r->nr_warn_asm, sizeof(char *));
		if (!nw)
			return fail(p, "out of memory");
		p->r->warn_asm = (char **)nw;
		p->r->warn_asm[p->r->nr_warn_asm++] = iom_strdup(word[1]);
		return 0;
	}
	if (p->type < 0)
		return fail(p, "unknown keyword '%s'", word[0]);
	if (nr != 2)
		return fail(p, "'%s' takes one value", word[0]);
	if (!strcmp(word[0], "header"))
		return set_member(p, &p->r->types[p->type].header, word[1]);
	for (int m = 0; m < IOM_NR_MEMBERS; m++)
		if (!strcmp(word[0], member_words[m]))
			return set_field(p, m, word[1]);
	return fail(p, "unknown keyword '%s'", word[0]);
}

static int cmp_fn(const void *a, const void *b)
{
	const struct iom_fn *x = (const struct iom_fn *)a, *y = (const struct iom_fn *)b;
	int c = strcmp(x->name, y->name);

	return c ? c : (x->type > y->type) - (x->type < y->type);
}

static int parse_text(struct parser *p, const char *text)
{
	const char *s = text;

	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		char line[512];

		p->line++;
		if (n >= sizeof(line))
			return fail(p, "line too long");
		memcpy(line, s, n);
		line[n] = 0;
		if (parse_line(p, line))
			return -1;
		s += n + (nl ? 1 : 0);
	}
	if (p->type >= 0)
		return fail(p, "type '%s' is not closed by 'end'", p->r->types[p->type].name);
	return 0;
}

int iom_rules_load_text(struct iom_rules *r, const char *name, const char *text,
			char *err, size_t errlen)
{
	struct parser p = { r, name, 0, -1, err, errlen, NULL, 0 };
	int ret = parse_text(&p, text);

	free(p.begun);
	qsort(r->fns, r->nr_fns, sizeof(*r->fns), cmp_fn);
	return ret;
}

/* Rules files are small; anything larger is not one (and /dev/zero ends). */
#define MAX_RULES_FILE (16u << 20)

/*
 * Read a stream to its end: pipes and /proc files have no size to ask for.
 * Returns the text (NUL-terminated) or NULL with the reason in err.
 */
static char *read_all(FILE *f, const char *path, char *err, size_t errlen)
{
	size_t len = 0, cap = 0;
	char *text = NULL;

	for (;;) {
		size_t got;

		if (cap - len < 4096) {
			char *nt;

			cap = cap ? 2 * cap : 8192;
			if (cap > MAX_RULES_FILE + 8192) {
				snprintf(err, errlen, "%s:0: error: larger than %u MiB, not a rules file",
					 path, MAX_RULES_FILE >> 20);
				break;
			}
			nt = (char *)realloc(text, cap);
			if (!nt) {
				snprintf(err, errlen, "%s:0: error: out of memory", path);
				break;
			}
			text = nt;
		}
		got = fread(text + len, 1, cap - len - 1, f);
		if (memchr(text + len, 0, got)) {
			snprintf(err, errlen, "%s:0: error: not a text file", path);
			break;
		}
		len += got;
		if (ferror(f)) {
			snprintf(err, errlen, "%s:0: error: cannot read rules file: %s",
				 path, strerror(errno));
			break;
		}
		if (feof(f)) {
			text[len] = 0;
			return text;
		}
	}
	free(text);
	return NULL;
}

int iom_rules_load_file(struct iom_rules *r, const char *path, char *err, size_t errlen)
{
	struct stat st;
	FILE *f;
	char *text;
	int ret;

	if (!*path) {
		snprintf(err, errlen, "error: the rules file name is empty");
		return -1;
	}
	f = fopen(path, "r");
	if (!f) {
		snprintf(err, errlen, "%s:0: error: cannot open rules file: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		snprintf(err, errlen, "%s:0: error: is a directory, not a rules file", path);
		return -1;
	}
	text = read_all(f, path, err, errlen);
	fclose(f);
	if (!text)
		return -1;
	ret = iom_rules_load_text(r, path, text, err, errlen);
	free(text);
	return ret;
}

struct iom_rules *iom_rules_new(void)
{
	struct iom_rules *r = (struct iom_rules *)calloc(1, sizeof(*r));
	char err[256];

	if (!r)
		return NULL;
	for (int i = 0; iom_builtin_rules[i].name; i++) {
		if (iom_rules_load_text(r, iom_builtin_rules[i].name,
					iom_builtin_rules[i].text, err, sizeof(err))) {
			/* The test suite loads the built-ins: this cannot ship broken. */
			fprintf(stderr, "%s\n", err);
			iom_rules_free(r);
			return NULL;
		}
	}
	return r;
}

void iom_rules_free(struct iom_rules *r)
{
	if (!r)
		return;
	for (int i = 0; i < r->nr_types; i++) {
		free((char *)r->types[i].name);
		free((char *)r->types[i].header);
		for (int m = 0; m < IOM_NR_MEMBERS; m++)
			free((char *)r->types[i].member[m]);
	}
	for (int i = 0; i < r->nr_fns; i++)
		free((char *)r->fns[i].name);
	for (int i = 0; i < r->nr_warn_asm; i++)
		free(r->warn_asm[i]);
	for (int i = 0; i < r->nr_pairs; i++)
		free_pair(&r->pairs[i]);
	for (int i = 0; i < r->nr_alias; i++)
		free(r->alias[i]);
	free(r->alias);
	for (int i = 0; i < r->nr_driver; i++)
		for (int k = 0; k < 3; k++)
			free(r->driver[i].word[k]);
	free(r->driver);
	for (int i = 0; i < r->nr_fixes; i++) {
		free(r->fixes[i].role);
		free(r->fixes[i].name);
	}
	free(r->fixes);
	free(r->pairs);
	free(r->types);
	free(r->fns);
	free(r->warn_asm);
	free(r);
}

int iom_rules_nr_types(const struct iom_rules *r)
{
	return r->nr_types;
}

const struct iom_type *iom_rules_type_at(const struct iom_rules *r, int index)
{
	return index >= 0 && index < r->nr_types ? &r->types[index] : NULL;
}

int iom_rules_type_index(const struct iom_rules *r, const char *name)
{
	for (int i = 0; i < r->nr_types; i++)
		if (!strcmp(r->types[i].name, name))
			return i;
	return -1;
}

int iom_type_member(const struct iom_type *t, const char *field)
{
	for (int m = 0; m < IOM_NR_MEMBERS; m++)
		if (t->member[m] && !strcmp(t->member[m], field))
			return m;
	return -1;
}

static int ends_with_path(const char *file, const char *tail)
{
	size_t nf = strlen(file), nt = strlen(tail);

	if (nt > nf || strcmp(file + nf - nt, tail))
		return 0;
	return nf == nt || file[nf - nt - 1] == '/';
}

int iom_rules_is_helper_file(const struct iom_rules *r, const char *file)
{
	if (!file)
		return 0;
	for (int i = 0; i < r->nr_types; i++)
		if (r->types[i].header && ends_with_path(file, r->types[i].header))
			return 1;
	return 0;
}

/* The first entry of the name: types declaring one function differently
 * agree to the first-loaded type's entry. */
const struct iom_fn *iom_rules_fn(const struct iom_rules *r, const char *name)
{
	int lo = 0, hi = r->nr_fns;

	if (!name)
		return NULL;
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;

		if (strcmp(r->fns[mid].name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < r->nr_fns && !strcmp(r->fns[lo].name, name) ? &r->fns[lo] : NULL;
}

const struct iom_fn *iom_rules_callee(const struct iom_rules *r, const char *name)
{
	const struct iom_fn *f = iom_rules_fn(r, name);

	return f ? f : iom_rules_fn(r, iom_rules_spelled(r, name));
}

int iom_rules_access_size(const struct iom_rules *r, long long size)
{
	return size >= 1 && size <= 63 && (r->access_sizes >> size) & 1;
}

int iom_rules_access_byte_array(const struct iom_rules *r)
{
	return r->access_sizes & 1;
}

int iom_rules_warn_asm(const struct iom_rules *r, const char *text)
{
	if (!text)
		return 0;
	for (int i = 0; i < r->nr_warn_asm; i++)
		if (strstr(text, r->warn_asm[i]))
			return 1;
	return 0;
}

int iom_rules_nr_pairs(const struct iom_rules *r)
{
	return r->nr_pairs;
}

const struct iom_pair *iom_rules_pair_at(const struct iom_rules *r, int index)
{
	return index >= 0 && index < r->nr_pairs ? &r->pairs[index] : NULL;
}
