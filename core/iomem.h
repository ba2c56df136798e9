/*
 * iomem.h - the iomemcheck analysis core.
 *
 * The core knows nothing about any compiler.  A front end (GCC plugin, sparse,
 * libclang) lowers one function at a time into a small control-flow graph of
 * "map events" and hands it over; the core runs the dataflow, decides the rules
 * and renders the diagnostics.  Everything it knows about map types comes from
 * the rules data (rules/README.md).
 *
 * Life of one function:
 *
 *	fn = iom_func_begin(rules, "name", where_of_function);
 *	b = iom_block(fn);                    block 0 is the entry, made by begin
 *	m = iom_map(fn, "obj*.vmap", "obj->vmap", IOM_MAP_REACHED, type, where);
 *	iom_load(fn, b, where, 7, m, IOM_MEMBER_SYS, "obj->vmap.vaddr");
 *	iom_access(fn, b, where, 7, 1);
 *	iom_edge(fn, 0, b);
 *	n = iom_func_end(fn, &options, report, ctx);
 *
 * Values are small non-negative integers chosen by the front end (the GCC
 * front end uses SSA version numbers).  A value should be defined once (SSA);
 * a front end without SSA may define one several times: the definitions are
 * joined, which is safe but less precise.  Map keys are access paths written
 * with '*' for a dereference, ".f" for a member and "[k]" / "[*]" for array
 * elements ("obj*.bo*.vmap", "maps[0]", "maps[*]"); a call that can reach a
 * path clobbers every map whose key starts with it (iom_clobber).
 *
 * Strings given to the core (file names, expressions) are copied unless said
 * otherwise; file names in struct iom_where must live until iom_func_end.
 *
 * IOM_API_STABLE
 */
#ifndef IOMEM_H
#define IOMEM_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- rules data (rules.c) ---------------------------------------------- */

enum iom_member {
	IOM_MEMBER_SYS,		/* vaddr: valid while the flag is false */
	IOM_MEMBER_IO,		/* vaddr_iomem: valid while the flag is true */
	IOM_MEMBER_FLAG,	/* is_iomem */
	IOM_NR_MEMBERS
};

enum iom_fn_kind {
	IOM_FN_NONE,
	IOM_FN_HELPER,
	IOM_FN_MACRO,
	IOM_FN_PRODUCER,
	IOM_FN_WARN,
	IOM_FN_PRINT,
	IOM_FN_IGNORE,
};

/* Helper effects, a bit set. */
#define IOM_EFF_SET_SYSTEM	0x01
#define IOM_EFF_SET_IO		0x02
#define IOM_EFF_CLEAR		0x04
#define IOM_EFF_READ		0x08
#define IOM_EFF_ACCESS		0x10

struct iom_type {
	const char *name;			/* struct tag */
	const char *header;			/* helper header, e.g. linux/iosys-map.h */
	const char *member[IOM_NR_MEMBERS];	/* field names */
};

struct iom_fn {
	const char *name;
	enum iom_fn_kind kind;
	unsigned effects;			/* IOM_EFF_* */
	unsigned map_args;			/* bit n set: argument n (1-based) is a map */
	int ptr_arg;				/* 1-based pointer argument of set helpers, 0 if none */
	int type;				/* index of its type, -1 for global entries */
};

struct iom_rules;

/* The defaults compiled in from rules/ (never fails; built-in data is tested). */
struct iom_rules *iom_rules_new(void);
/* Add or replace types from a file.  On error returns -1 and writes
 * "FILE:LINE: error: ..." into err. */
int iom_rules_load_file(struct iom_rules *, const char *path, char *err, size_t errlen);
int iom_rules_load_text(struct iom_rules *, const char *name, const char *text,
			char *err, size_t errlen);
void iom_rules_free(struct iom_rules *);

int iom_rules_nr_types(const struct iom_rules *);
const struct iom_type *iom_rules_type_at(const struct iom_rules *, int index);
/* Index of the type for a struct tag, or -1. */
int iom_rules_type_index(const struct iom_rules *, const char *struct_name);
/* Which member of the type a field name is, or -1. */
int iom_type_member(const struct iom_type *, const char *field);
/* Does a file name belong to a helper header of any type? */
int iom_rules_is_helper_file(const struct iom_rules *, const char *file);
/* What the rules say about a function name (helpers, producers, warn, ...). */
const struct iom_fn *iom_rules_fn(const struct iom_rules *, const char *name);
/* Is an asm statement with this template a WARN/BUG? */
int iom_rules_warn_asm(const struct iom_rules *, const char *asm_text);

/* Callbacks of one ops table that hand a map from one to the other. */
struct iom_pair {
	const char *ops;			/* struct tag of the ops table */
	const char *field[2];			/* [0] fills the map, [1] receives it */
	int arg[2];				/* 1-based map argument of each */
	int type;
};

int iom_rules_nr_pairs(const struct iom_rules *);
const struct iom_pair *iom_rules_pair_at(const struct iom_rules *, int index);

/* ---- rule ids (ruletab.c; the ids themselves: rules.def) ---------------- */

enum iom_rule {
#define RULE(name, nr, on, summary, help) name = nr,
#include "rules.def"
#undef RULE
	IOM_NR_RULES		/* one more than the highest id */
};

struct iom_rule_info {
	int id;				/* 1 for IOM001 */
	const char *name;		/* "IOM001" */
	int on;				/* reported unless disabled */
	const char *summary;		/* one line */
	const char *help;		/* when it fires, a few sentences */
	const char *page;		/* "rules/catalog/IOM001.md", relative to the project */
};

/* The rule table in id order (ids have gaps); *n gets its length. */
const struct iom_rule_info *iom_rule_table(int *n);
/* The entry of one id, or NULL. */
const struct iom_rule_info *iom_rule_get(int rule);

struct iom_options {
	unsigned enabled;	/* bit r set: rule r reported */
	int error;		/* report as errors */
};

void iom_options_init(struct iom_options *);
/* "IOM002,IOM006" -> bits; -1 and a message on a bad name. */
int iom_parse_rule_list(const char *list, unsigned *bits, char *err, size_t errlen);
const char *iom_rule_name(int rule);		/* "IOM001" */
const char *iom_rule_summary(int rule);		/* one line */
int iom_rule_exists(int rule);

/* ---- engine options (options.c; the options themselves: options.def) ---- */

/*
 * Every engine takes the same options; each front end spells them its own
 * way (-fplugin-arg-iomemcheck-rules=FILE, --rules FILE) and hands the core
 * KEY and VALUE pairs.  The table tells a front end whether a key takes a
 * value (to consume the next word, or to build its help text).
 */
struct iom_option_info {
	const char *name;		/* the key: "rules" */
	const char *value;		/* what the value is, "FILE"; NULL: takes none */
	const char *help;		/* one line */
};

const struct iom_option_info *iom_option_table(int *n);
const struct iom_option_info *iom_option_find(const char *key);

/* What the options asked for. */
struct iom_config {
	struct iom_rules *rules;	/* rules= loads into it (not owned) */
	struct iom_options options;	/* enable=, disable=, error */
	const char *json;		/* json=FILE: append findings (not copied) */
	int verbose;			/* say which functions were analysed or skipped */
	int dump;			/* print each lowered function */
};

#define IOM_OPT_BAD	(-1)	/* err: what is wrong with the option, one sentence */
#define IOM_OPT_INPUT	(-2)	/* err: a whole "FILE:LINE: error: ..." line */

void iom_config_init(struct iom_config *, struct iom_rules *);
/*
 * Apply one option.  value is NULL when none was given ("" when an empty
 * one was).  shown is the option as the user spelled it, for the message
 * ("-fplugin-arg-iomemcheck-rules", "--rules").  Returns 0, IOM_OPT_BAD or
 * IOM_OPT_INPUT.
 */
int iom_config_set(struct iom_config *, const char *key, const char *value,
		   const char *shown, char *err, size_t errlen);

/* ---- building a function (func.c) --------------------------------------- */

struct iom_where {
	const char *file;
	int line, col;
	int helper;		/* spelled inside helper code: never reported */
};

enum iom_map_origin {
	IOM_MAP_LOCAL,		/* a local variable: uninitialised at entry */
	IOM_MAP_PARAM,		/* reached through a parameter */
	IOM_MAP_GLOBAL,		/* a global or static variable */
	IOM_MAP_REACHED,	/* reached through memory we know nothing of */
};

enum iom_kind {			/* what iom_set establishes */
	IOM_KIND_SYSTEM,
	IOM_KIND_IO,
	IOM_KIND_UNKNOWN,
	IOM_KIND_UNINIT,
};

enum iom_cause {		/* why, for the notes */
	IOM_BY_HELPER,		/* name: the set/clear helper or macro */
	IOM_BY_PRODUCER,	/* name: the producer */
	IOM_BY_CALL,		/* name: the callee that returned the map */
	IOM_BY_ZERO,		/* zero initialisation */
	IOM_BY_MEMORY,		/* copied from memory we know nothing of */
	IOM_BY_SCOPE,		/* end of scope */
};

enum iom_escape {
	IOM_ESC_CALL,		/* passed to name */
	IOM_ESC_STORE,		/* stored into memory */
	IOM_ESC_RETURN,		/* returned */
};

enum iom_derive {
	IOM_DER_COPY,		/* same pointer or flag (cast, copy, phi) */
	IOM_DER_OFFSET,		/* pointer arithmetic */
	IOM_DER_NOT,		/* logical negation of a flag */
};

struct iom_func;

struct iom_func *iom_func_begin(const struct iom_rules *, const char *name,
				struct iom_where where);
void iom_func_free(struct iom_func *);

int iom_block(struct iom_func *);
void iom_edge(struct iom_func *, int from, int to);
/* The edge is taken when flag value 'value' has truth 'truth'. */
void iom_edge_if(struct iom_func *, int from, int to, int value, int truth,
		 struct iom_where where);

/* Parameter 'arg' (1-based) is called 'name': the map it points to has the
 * key "name*".  Only needed for the unit's callback pairs (iom_unit_*). */
void iom_param(struct iom_func *, int arg, const char *name);

/* Register (or find) a map by key.  Returns its index. */
int iom_map(struct iom_func *, const char *key, const char *display,
	    enum iom_map_origin origin, int type, struct iom_where decl);
const char *iom_map_display(const struct iom_func *, int map);
/* How a member of a registered map is written: "map->vaddr", "m.is_iomem". */
void iom_member_expr(const struct iom_func *, int map, enum iom_member, char *buf, size_t len);

void iom_set(struct iom_func *, int b, struct iom_where, int map, enum iom_kind,
	     enum iom_cause, const char *name, int ptr_value);
void iom_copy(struct iom_func *, int b, struct iom_where, int dst, int src);
void iom_clobber(struct iom_func *, int b, struct iom_where, const char *key,
		 const char *callee, int producer);
void iom_load(struct iom_func *, int b, struct iom_where, int value, int map,
	      enum iom_member, const char *expr);
void iom_derive(struct iom_func *, int b, int dst, int src, enum iom_derive);
void iom_access(struct iom_func *, int b, struct iom_where, int value, int store);
void iom_escape(struct iom_func *, int b, struct iom_where, int value,
		enum iom_escape, const char *callee);
/* A raw write of a member.  flag_const: 0/1 for a constant flag, -1 otherwise;
 * value: the pointer stored into a pointer member, or -1. */
void iom_write(struct iom_func *, int b, struct iom_where, int map,
	       enum iom_member, int flag_const, int value, const char *expr);
void iom_null_test(struct iom_func *, int b, struct iom_where, int value);
void iom_read(struct iom_func *, int b, struct iom_where, int map, const char *helper);
void iom_kill(struct iom_func *, int b, struct iom_where);

/* ---- analysis and findings (flow.c, check.c, notes.c) -------------------- */

#define IOM_MAX_NOTES 4

struct iom_note {
	struct iom_where where;
	char text[256];
};

struct iom_finding {
	int rule;
	int error;			/* severity: error instead of warning */
	const char *function;
	struct iom_where where;
	char message[320];
	int nr_notes;
	struct iom_note notes[IOM_MAX_NOTES];
};

typedef void (*iom_report_fn)(const struct iom_finding *, void *ctx);

/*
 * Analyse the function and report each finding (sorted by position).  Returns
 * the number of findings, or -1 if the function was skipped (an internal
 * inconsistency, described by iom_func_error()).  Frees nothing: call
 * iom_func_free() afterwards.
 */
int iom_func_end(struct iom_func *, const struct iom_options *, iom_report_fn, void *ctx);
const char *iom_func_error(const struct iom_func *);
const char *iom_func_name(const struct iom_func *);
/* Print the lowered function (blocks, maps, events): a front-end debugging aid. */
void iom_func_dump(const struct iom_func *, FILE *out);

/* ---- rendering (render.c, text.c, json.c) ------------------------------- */

/* A growable string: renderers append to it, so any length fits. */
struct iom_buf {
	char *s;			/* NUL-terminated once anything was added */
	size_t len, cap;
	int failed;			/* out of memory: the content is incomplete */
};

void iom_buf_free(struct iom_buf *);

enum iom_format {
	IOM_FORMAT_TEXT,	/* file:line:col: warning: message [IOMnnn], then notes */
	IOM_FORMAT_JSON,	/* one JSON object per finding, one line each */
	IOM_NR_FORMATS
};

/* "text", "json" -> the format, or -1. */
int iom_format_find(const char *name);
const char *iom_format_name(enum iom_format);
/*
 * Append what the format writes before the first finding, for one finding,
 * and after the last (nothing for text and JSON lines; a document format
 * wraps the findings).  Each returns 0, or -1 when out of memory.
 */
int iom_render_begin(enum iom_format, struct iom_buf *);
int iom_render(enum iom_format, const struct iom_finding *, struct iom_buf *);
int iom_render_end(enum iom_format, struct iom_buf *);

/* The same into a caller's buffer, like snprintf: returns the whole length,
 * which is >= len when the rendering was cut. */
int iom_format_text(const struct iom_finding *, char *buf, size_t len);
int iom_format_json(const struct iom_finding *, char *buf, size_t len);

/* ---- output (output.c): where the findings of one compile go ------------ */

/*
 * Text to a stream the front end picks (stderr for a compiler), and with
 * json= one line per finding appended to the file: one write() per line on
 * an O_APPEND file, so parallel compiles interleave whole lines.  A failed
 * write is remembered, not reported per finding: iom_output_close says it once.
 */
struct iom_output;

/* NULL and a message ("cannot open 'F' for appending: ...") on failure. */
struct iom_output *iom_output_open(const struct iom_config *, char *err, size_t errlen);
/* text: where the text goes, NULL for none (a compiler told to be quiet). */
void iom_output_finding(struct iom_output *, const struct iom_finding *, FILE *text);
/* Returns -1 and one message if any finding could not be written. */
int iom_output_check(const struct iom_output *, char *err, size_t errlen);
void iom_output_close(struct iom_output *);

/* ---- one translation unit (unit.c) ------------------------------------- */

/*
 * Facts that cross functions: callbacks of one ops-table initialiser that
 * hand a map on (rules 'pair').  A front end that can see initialisers makes
 * one unit per translation unit:
 *
 *	u = iom_unit_new(rules);
 *	iom_unit_bind(u, 3, "dma_buf_ops", "vunmap", "my_vunmap");   per member
 *	...for each function: iom_param() for its parameters, then
 *	n = iom_unit_analyse(u, fn, &options, report, ctx);          instead of iom_func_end
 *	if (n != IOM_DEFERRED) iom_func_free(fn);
 *	...at the end: iom_unit_finish(u, done, ctx); iom_unit_free(u);
 */
struct iom_unit;

#define IOM_DEFERRED	(-2)

typedef void (*iom_unit_done_fn)(const struct iom_func *, int findings, void *ctx);

struct iom_unit *iom_unit_new(const struct iom_rules *);
void iom_unit_free(struct iom_unit *);
/* Initialiser number 'instance' of struct 'ops' sets member 'field' to 'fn'. */
void iom_unit_bind(struct iom_unit *, int instance, const char *ops, const char *field,
		   const char *fn);
/*
 * Like iom_func_end, with the unit's facts.  Returns IOM_DEFERRED when the
 * function receives a map from a callback not analysed yet: the unit then
 * owns fn and analyses it in iom_unit_finish.
 */
int iom_unit_analyse(struct iom_unit *, struct iom_func *, const struct iom_options *,
		     iom_report_fn, void *ctx);
/* Analyse every deferred function (calling done, if given, after each and
 * before freeing it).  Returns the number of findings they had. */
int iom_unit_finish(struct iom_unit *, iom_unit_done_fn done, void *ctx);

#ifdef __cplusplus
}
#endif

#endif
