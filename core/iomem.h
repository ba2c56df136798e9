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
 *	iom_func_types(fn, &types);           how the core asks about types
 *	b = iom_block(fn);                    block 0 is the entry, made by begin
 *	p = iom_path_member(fn, iom_path_deref(fn, iom_path_var(fn, "obj", 0,
 *			    IOM_VAR_PARAM, decl)), "vmap");
 *	m = iom_object_map(fn, p, type_of_vmap);
 *	iom_load(fn, b, where, 7, m, IOM_MEMBER_SYS, "obj->vmap.vaddr");
 *	iom_access(fn, b, where, 7, 1);
 *	iom_call(fn, b, where, &call);        what the rules say the call does
 *	iom_edge(fn, 0, b);
 *	n = iom_func_end(fn, &options, report, ctx);
 *
 * Values are small non-negative integers chosen by the front end (the GCC
 * front end uses SSA version numbers).  A value should be defined once (SSA);
 * a front end without SSA may define one several times: the definitions are
 * joined, which is safe but less precise.  Objects are named by access paths
 * the front end builds step by step (iom_path_*); it never writes a key.
 * Front ends describe (calls, stores, paths, helper-code facts); the core
 * decides what the rules data makes of them.  core/FRONTENDS.md is the
 * contract.
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

struct iom_type {
	const char *name;			/* struct tag */
	const char *header;			/* helper header, e.g. linux/iosys-map.h */
	const char *member[IOM_NR_MEMBERS];	/* field names */
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

struct iom_facts;

struct iom_options {
	unsigned enabled;	/* bit r set: rule r reported */
	int error;		/* report as errors */
	/* What functions of other files do to the maps they are handed
	 * (facts.c); NULL: nothing is known of them. */
	struct iom_facts *facts;
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
	int fixits;			/* text output: the fix-it lines after each finding */
	const char *summaries;		/* summaries=DIR: write the unit's facts there */
	struct iom_facts *facts;	/* facts=FILE, loaded (owned; options.facts too) */
};

#define IOM_OPT_BAD	(-1)	/* err: what is wrong with the option, one sentence */
#define IOM_OPT_INPUT	(-2)	/* err: a whole "FILE:LINE: error: ..." line */

void iom_config_init(struct iom_config *, struct iom_rules *);
/* What the config owns (the facts it loaded). */
void iom_config_release(struct iom_config *);
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

/* The edge is taken only when the pointer to the object at 'path' is NULL
 * (if (!map) ..., the false edge of if (map && ...)): the maps there do not
 * exist on it, so they add nothing where it joins other paths. */
void iom_edge_null(struct iom_func *, int from, int to, int path);

/* Parameter 'arg' (1-based) is called 'name': the map it points to is at path
 * *name.  Only needed for the unit's callback pairs (iom_unit_*). */
void iom_param(struct iom_func *, int arg, const char *name);

/* Bool parameter 'arg' (1-based) enters the function as value 'value': a
 * value the front end tracks (edges that test it are iom_edge_if), so the
 * unit can say which map's flag every caller passes in it. */
void iom_param_value(struct iom_func *, int arg, int value);
/* The function has internal linkage, its address is never taken, and the
 * translation unit calls it directly 'calls' times in all: the unit then
 * knows every call (a guard the only callers pass, iom_unit_*). */
void iom_func_only_called_here(struct iom_func *, int calls);
/* The function has external linkage: other files may call it, so the unit
 * writes its facts (iom_unit_facts). */
void iom_func_external(struct iom_func *);
/* The function returns a scalar here: 'value' when it is tracked, else -1
 * (a constant, anything else).  Every return statement that returns a
 * value of a non-pointer type is reported. */
void iom_return(struct iom_func *, int b, struct iom_where, int value);

const char *iom_map_display(const struct iom_func *, int map);
/* How a member of a registered map is written: "map->vaddr", "m.is_iomem". */
void iom_member_expr(const struct iom_func *, int map, enum iom_member, char *buf, size_t len);

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
void iom_kill(struct iom_func *, int b, struct iom_where);

/* ---- analysis and findings (flow.c, check.c, notes.c) -------------------- */

#define IOM_MAX_NOTES 4

struct iom_note {
	struct iom_where where;
	char text[256];
};

/*
 * One edit of a fix-it: replace the bytes from (line, col) up to, not
 * including, (end_line, end_col) of file with text, as clang's fix-its do.
 * Columns are 1-based bytes; an empty range inserts.  file lives as long as
 * the finding's own where.file.
 */
#define IOM_MAX_EDITS 2

struct iom_edit {
	const char *file;
	int line, col, end_line, end_col;
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
	/* The rewrite into the map helpers (fix.c), when the core could prove
	 * one from what the front end spelled; nr_edits 0: none. */
	int nr_edits;
	int preferred;			/* the memory kind was proven, not "may be" */
	struct iom_edit edits[IOM_MAX_EDITS];
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
	IOM_FORMAT_FIXITS,	/* text, then fix-it:"file":{l:c-l:c}:"text" per edit */
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
 * hand a map on (rules 'pair'), and summaries of the functions of the file
 * (what a call leaves in the map it hands over, a flag a helper returns, a
 * flag every call passes in a bool parameter).  A front end that can see
 * initialisers makes one unit per translation unit:
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
 * function receives a map from a callback not analysed yet, calls a function
 * of the unit not analysed yet, or may be handed a flag by its callers
 * (iom_func_only_called_here and iom_param_value): the unit then owns fn and
 * analyses it in iom_unit_finish.
 */
int iom_unit_analyse(struct iom_unit *, struct iom_func *, const struct iom_options *,
		     iom_report_fn, void *ctx);
/* Only what the unit learns from the function (its summaries), no findings:
 * for a function of a header GCC analyses but this engine does not report
 * on.  fn stays the caller's. */
void iom_unit_summarise(struct iom_unit *, struct iom_func *);
/* Analyse every deferred function (calling done, if given, after each and
 * before freeing it).  Returns the number of findings they had. */
int iom_unit_finish(struct iom_unit *, iom_unit_done_fn done, void *ctx);
/*
 * After iom_unit_finish: the unit's facts for other files, as the block of
 * source file 'source' (the main file) in 'into': what each function with
 * external linkage (iom_func_external) leaves in the maps its parameters
 * point to, and the functions of other files whose facts its analysis
 * asked for (when one of those changes, its findings may).  Returns 0, or
 * -1 and "FILE: error: ..." in err.
 */
int iom_unit_facts(struct iom_unit *, const char *source, struct iom_facts *into,
		   char *err, size_t errlen);
/* The same written to DIR/NAME.facts (summaries=DIR), atomically. */
int iom_unit_save_facts(struct iom_unit *, const char *source, const char *dir,
			char *err, size_t errlen);


/* ---- naming objects: access paths (path.c) ------------------------------ */

/*
 * A path names an object the function can reach: a variable, what a pointer
 * points to, a member, an array element.  Front ends build paths step by
 * step from their IR and never write key strings; the core interns them (the
 * same steps give the same path), decides which are maps, which maps a call
 * can reach and how each is printed ("obj->bo->vmap", "maps[i]").
 *
 * Every builder returns a path number >= 0, or -1 when the object cannot be
 * named; given -1 it returns -1, so calls chain without checks.  A member of
 * an anonymous struct or union is not a step (C has no name for it): skip it.
 * A pointer plus a constant number of whole elements is an index:
 * *(p + 2) is iom_path_index(iom_path_deref(p), 2); plus 0 is no step.
 */
enum iom_var {
	IOM_VAR_LOCAL,		/* an automatic variable of this function */
	IOM_VAR_PARAM,		/* a parameter */
	IOM_VAR_GLOBAL,		/* a global, or a static of any scope */
};

/* A variable.  uid tells apart two locals of the same name (inner blocks);
 * decl is where it is declared (the map's "declared here" note).  One
 * definition of a local pointer whose value cannot be followed further (a
 * call's result) is a variable of its own: uid IOM_VALUE_UID(n), n the
 * front end's number of that definition (its SSA value). */
#define IOM_VALUE_UID(n)	(0x80000000u | (unsigned)(n))
int iom_path_var(struct iom_func *, const char *name, unsigned uid, enum iom_var,
		 struct iom_where decl);
int iom_path_deref(struct iom_func *, int path);			/* *p, p-> */
int iom_path_member(struct iom_func *, int path, const char *field);	/* p.field */
/* The same, naming the struct the member belongs to (its tag, NULL or ""
 * when it has none): rules about members of one struct need it. */
int iom_path_member_of(struct iom_func *, int path, const char *field, const char *container);
int iom_path_index(struct iom_func *, int path, long index);		/* p[3] */
/* p[i] for any i (one summary element); shown: the index as written, or NULL. */
int iom_path_any_index(struct iom_func *, int path, const char *shown);
/* The variable at 'path' is a local whose address is never taken: only this
 * function's own stores change it. */
void iom_path_private(struct iom_func *, int path);
/* An object that cannot be named (a call result, a cast): a new path each
 * time, never merged with another. */
int iom_path_unnamed(struct iom_func *);

/*
 * Types, for the core's questions about objects: is it a map, which maps
 * does an aggregate hold, are two objects of the same map type.  A type is
 * an opaque pointer the front end chooses (GCC: a tree); the core asks about
 * it through these callbacks, only while the function is being built.
 */
enum iom_type_class {
	IOM_TYPE_OTHER,		/* scalars, pointers, functions, ... */
	IOM_TYPE_STRUCT,
	IOM_TYPE_UNION,
	IOM_TYPE_ARRAY,
};

struct iom_type_facts {
	enum iom_type_class cls;
	const char *tag;	/* STRUCT, UNION: tag, else typedef name, else NULL */
	long size;		/* size in bytes, -1 when not known */
	long count;		/* ARRAY: number of elements, -1 when not known */
	const void *element;	/* ARRAY: the element type */
};

/* Called by the front end's fields() once per member, in declaration order;
 * name is NULL for an anonymous struct or union member. */
typedef void (*iom_field_fn)(void *arg, const char *name, const void *type);

struct iom_types {
	void (*facts)(void *ctx, const void *type, struct iom_type_facts *out);
	void (*fields)(void *ctx, const void *type, iom_field_fn each, void *arg);
	void *ctx;
};

/* Set once after iom_func_begin (the callbacks must outlive the building). */
void iom_func_types(struct iom_func *, const struct iom_types *);

/* The map the object at 'path' of type 'type' is, or -1 when it is not a map
 * (or path is -1 and the type is a map: then an unnamed map is made). */
int iom_object_map(struct iom_func *, int path, const void *type);

/* ---- what the front end reports (call.c, store.c) ---------------------- */

/*
 * A call.  The front end says what the callee is called and what each
 * argument is; the core applies the rules data: helper effects, producers,
 * warn / print / ignore functions, whole-map memset / memcpy, small constant
 * copies (accesses), escapes of tracked pointers, clobbers of the maps an
 * argument can reach, and maps the result is stored into.
 *
 * Loads and stores the front end sees inside an argument (an aggregate
 * passed by value) are reported as iom_access() before the call, as usual.
 */
enum iom_arg_is {
	IOM_ARG_OTHER,		/* nothing the core can use */
	IOM_ARG_VALUE,		/* a tracked value (one iom_load / iom_derive made) */
	IOM_ARG_ADDRESS,	/* the address of an object, written as &object: path */
	IOM_ARG_POINTER,	/* a pointer whose pointee can be named: path */
	IOM_ARG_INT,		/* an integer constant: constant */
	IOM_ARG_STRING,		/* the address of a string literal: string (a format) */
};

struct iom_arg {
	enum iom_arg_is is;
	int value;		/* VALUE: the value */
	int path;		/* ADDRESS, POINTER: the object pointed to */
	const void *type;	/* ADDRESS, POINTER: the type of that object */
	long long constant;	/* INT */
	unsigned pointer:1;	/* the argument has a pointer type */
	unsigned to_const:1;	/* the parameter is a pointer to const: not written through */
	const char *string;	/* STRING: its bytes up to the first NUL */
};

enum iom_result_is {
	IOM_RESULT_NONE,	/* no result, or one the core need not know */
	IOM_RESULT_VALUE,	/* defines value result_value (for "returns-arg" callees) */
	IOM_RESULT_OBJECT,	/* stored into an object (path, type): it may hold maps */
};

struct iom_call {
	/* The name as the user spells it: memcpy for __builtin_memcpy and for a
	 * FORTIFY wrapper whose asm label is "memcpy".  NULL: an indirect call. */
	const char *callee;
	/* The callee's body is in this translation unit: the unit may know what
	 * it does to the maps it is handed, what its bool result is, and what
	 * the call passes (iom_unit_analyse).  A bool result is then reported
	 * as IOM_RESULT_VALUE. */
	unsigned defined_here:1;
	int nr_args;
	const struct iom_arg *args;
	enum iom_result_is result;
	int result_value;		/* VALUE */
	int result_path;		/* OBJECT */
	const void *result_type;	/* OBJECT */
};

void iom_call(struct iom_func *, int b, struct iom_where, const struct iom_call *);

/* An asm statement with this template: the core ends the path when the rules
 * call it a warn (warn-asm: the x86 WARN/BUG bodies). */
void iom_asm(struct iom_func *, int b, struct iom_where, const char *text);

/* Does a call to this function matter even when no tracked value or map
 * mentions it (a map helper or producer)?  For a front end's first scan. */
int iom_call_matters(const struct iom_rules *, const char *callee);
/* The 1-based argument a call to this function returns unchanged
 * (__builtin_expect: 1; rules "returns-arg"), 0 if none: a front end that
 * tracks values tracks the result too. */
int iom_call_returns_arg(const struct iom_rules *, const char *callee);
/* Does the function return a pointer to memory of a known kind (rules
 * "memory": ioremap, kmalloc)?  A front end tracks such a result as a value
 * and reports it with IOM_RESULT_VALUE. */
int iom_call_gives_memory(const struct iom_rules *, const char *callee);

/*
 * A store of a whole object that is not a member write: an initialisation,
 * a struct assignment, the end of a variable's scope, bytes from elsewhere.
 * The core finds the maps the object holds (through the iom_types callbacks)
 * and what each becomes.  Stores of other types are ignored, so a front end
 * may report every aggregate store.
 */
enum iom_store_is {
	IOM_STORE_ZERO,		/* = {}, = { 0 }, memset 0: zero initialisation */
	IOM_STORE_COPY,		/* = another object: src_path, src_type */
	IOM_STORE_UNKNOWN,	/* bytes from memory the front end cannot name */
	IOM_STORE_END_SCOPE,	/* the variable goes out of scope */
};

/* Returns 1 when the object holds maps (the store was taken), else 0. */
int iom_store(struct iom_func *, int b, struct iom_where, int dst_path, const void *dst_type,
	      enum iom_store_is, int src_path, const void *src_type);

/*
 * An initialiser in braces, as GCC lowers it: is the object cleared first
 * (IOM_STORE_ZERO) and its zero elements left unwritten?  'complete': every
 * brace list gives all the members or elements of its type (a union: one);
 * 'scalars': the scalar elements it gives, 'nonzero': those that are not a
 * zero constant.  Otherwise each element is a store of its own, zeros too
 * (`{ NULL, false }` writes both members of a map).
 */
int iom_init_clears(int complete, long scalars, long nonzero);

/*
 * Values parked in memory: a tracked value stored into the object at 'path'
 * (a field of a cursor struct, a manager caching is_iomem) and read back
 * later.  The core decides what survives the round trip: a flag always (a
 * stale copy of a flag can only hide a finding), a pointer only through a
 * private local (nothing else can change it between the store and the load);
 * storing a pointer anywhere else is an escape, as before.
 */
void iom_slot_store(struct iom_func *, int b, struct iom_where, int path, int value);
void iom_slot_load(struct iom_func *, int b, struct iom_where, int path, int value);

/* ---- spelled source, for fix-its (fix.c) -------------------------------- */

/*
 * What a front end that sees source text says about how a construct is
 * written, so that the core can offer the helper call it should have been.
 * The front end only describes spelled text: byte ranges of the file and
 * the text written there, never text of a macro body (a construct built by
 * a macro is not described).  The core decides from what it proved, and
 * from the helper names of the map's type (rules "fix"), whether a rewrite
 * applies; the finding stays either way.
 *
 *	sp.is = IOM_SPELL_STORE; ...               *(u32 *)(m->vaddr + 8) = v
 *	iom_spelled(fn, &sp);
 *	iom_access(fn, b, where, value, 1);
 *	iom_spelled(fn, NULL);
 *
 * The description holds for the events the next calls report (an
 * iom_access, iom_null_test, iom_write or the escapes of an iom_call),
 * until iom_spelled(fn, NULL).  Columns are 1-based bytes, ends exclusive.
 */
struct iom_span {
	int line, col, end_line, end_col;
};

/* A map pointer as written: MAP->member or MAP.member, plus a byte offset. */
struct iom_spelled_ptr {
	const char *map;		/* the map object's text: "m", "obj->bo->vmap" */
	int arrow;			/* MAP->member: the text is a pointer to the map */
	const char *member;		/* "vaddr" */
	const char *offset;		/* "off", "i * 4"; NULL: none */
	struct iom_span span;		/* the whole pointer expression */
};

enum iom_spell_is {
	IOM_SPELL_CALL,		/* NAME(..., PTR, ...): one argument is a map pointer */
	IOM_SPELL_STORE,	/* *(TYPE *)PTR = VALUE */
	IOM_SPELL_LOAD,		/* *(TYPE *)PTR as a value */
	IOM_SPELL_TEST,		/* PTR as a truth value, !PTR, PTR == NULL, PTR != NULL */
	IOM_SPELL_SET,		/* MAP.ptr = VALUE; and MAP.flag = 0|1; next to each other */
	IOM_SPELL_INIT,		/* { .ptr = VALUE, .flag = 0|1 } initialising a map */
};

struct iom_spelling {
	enum iom_spell_is is;
	const char *file;		/* as in struct iom_where */
	struct iom_span whole;		/* the construct (SET: the pointer's assignment) */
	struct iom_spelled_ptr ptr;	/* SET: MAP.ptr, offset NULL; INIT: the member only */
	struct iom_span name;		/* CALL: the callee's name as written */
	const char *callee;		/* CALL: that name */
	int arg;			/* CALL: the 1-based argument that is ptr */
	const char *type;		/* STORE, LOAD: TYPE */
	const char *value;		/* STORE, SET, INIT: VALUE */
	int negated;			/* TEST: true when PTR is NULL (!PTR, PTR == NULL) */
	const char *flag;		/* SET, INIT: the flag member written */
	int flag_value;			/* SET, INIT: the constant it is given */
	struct iom_span flag_stmt;	/* SET: what goes with the flag's statement: its
					 * assignment, ';', and its line when alone on it */
};

void iom_spelled(struct iom_func *, const struct iom_spelling *);

/* ---- facts that cross files (facts.c) ------------------------------------ */

/*
 * A fact file holds, per source file, what its functions with external
 * linkage leave in the maps their parameters point to; an analysis that
 * has it knows what a call to another file does (options.facts).  Every
 * engine writes its unit's block (iom_unit_facts, summaries=DIR) and reads
 * a merged file (facts=FILE).  A block is used only while its file has the
 * bytes it was summarised from; a damaged file is refused.
 */
struct iom_facts *iom_facts_new(void);
void iom_facts_free(struct iom_facts *);
/* Add a fact file's blocks (a later block of a file replaces an earlier
 * one).  On bad input: -1 and "FILE:LINE: error: ..." in err. */
int iom_facts_read_file(struct iom_facts *, const char *path, char *err, size_t errlen);
int iom_facts_read_text(struct iom_facts *, const char *name, const char *text, size_t len,
			char *err, size_t errlen);
/* Every block of 'from' into 'into'.  -1 when out of memory. */
int iom_facts_merge(struct iom_facts *into, const struct iom_facts *from);
/* The whole set as a fact file; written as every output is (base/files.h:
 * atomically over a regular file, owner and mode kept). */
int iom_facts_render(const struct iom_facts *, struct iom_buf *);
int iom_facts_write(const struct iom_facts *, const char *path, char *err, size_t errlen);
/* Written as DIR/NAME-HASH.facts for source file 'source' (summaries=DIR):
 * one file per source, whatever the order of a parallel build. */
int iom_facts_save_in(const struct iom_facts *, const char *source, const char *dir,
		      char *err, size_t errlen);
int iom_facts_nr_units(const struct iom_facts *);
int iom_facts_nr(const struct iom_facts *);
/* The unit of a source file's real path, or -1. */
int iom_facts_unit_find(const struct iom_facts *, const char *path);
/* Does the unit still describe its file (size and hash; args too when
 * given)?  Checked once per unit. */
int iom_facts_unit_current(struct iom_facts *, int unit, const unsigned long long *args);
void iom_facts_drop_unit(struct iom_facts *, int unit);
/* Use the unit's block although its file changed: only for a run that
 * summarises the file again and checks every answer it gave against the
 * new block before it trusts a finding (cmd/facts.c). */
void iom_facts_unit_stand_in(struct iom_facts *, int unit);
/* The unit was summarised under this compile command (a hash of it): a
 * cache keyed by entry asks iom_facts_unit_current with the same. */
void iom_facts_unit_set_args(struct iom_facts *, int unit, unsigned long long args);
const char *iom_facts_unit_path(const struct iom_facts *, int unit);
/* The functions of other files whose facts the unit's analysis asked for. */
int iom_facts_unit_nr_uses(const struct iom_facts *, int unit);
const char *iom_facts_unit_use(const struct iom_facts *, int unit, int i);
/* Did the unit's analysis ask which DRM driver its folder has (iom_facts_driver)? */
int iom_facts_unit_uses_driver(const struct iom_facts *, int unit);
/* The kinds (1 system, 2 I/O, 3 either) the DRM drivers of the folder of
 * 'file' (a real path) all declare, and one of their files; 0 when none is
 * declared there or they differ. */
unsigned iom_facts_driver(struct iom_facts *, const char *file, const char **from);
/* Would a call to function fn be told something else by b than by a? */
int iom_facts_differ(struct iom_facts *a, struct iom_facts *b, const char *fn);
/* Where "FILE changed since its facts were written" goes (stderr; NULL: nowhere). */
void iom_facts_warn_to(struct iom_facts *, FILE *);

/* FNV-1a over bytes, continuing from h (0: start). */
unsigned long long iom_hash_bytes(unsigned long long h, const void *p, size_t n);
/* Size and hash of a regular file's bytes, -1 when it cannot be read. */
int iom_hash_file(const char *path, long long *size, unsigned long long *hash);

/* ---- helper code (helper.c) --------------------------------------------- */

/*
 * Code inside the helpers is never reported, and its raw member writes are
 * not IOM005.  The front end reports facts, the core decides:
 *   spelling: the file the tokens are spelled in (after #include, before
 *             macro expansion);
 *   macros:   the names of the macros the location was expanded from,
 *             innermost first (none: nr_macros 0).
 * The result goes into struct iom_where.helper.
 */
int iom_helper_code(const struct iom_rules *, const char *spelling,
		    const char *const *macros, int nr_macros);
/* Is this macro one of the helpers (for front ends that look at expansion
 * points, like GCC's designated initialisers located at the declaration)? */
int iom_helper_macro(const struct iom_rules *, const char *name);
/* Is the function with this name, spelled in helper code or not, a helper
 * whose body is not analysed? */
int iom_helper_function(const struct iom_rules *, const char *name, int spelled_in_helper);

#ifdef __cplusplus
}
#endif

#endif
