/*
 * func.h - the core's private view of one lowered function.
 *
 * Shared by func.c (building), flow.c (dataflow), check.c (rule decisions)
 * notes.c (notes) and dump.c.  Front ends only see iomem.h.
 */
#ifndef IOM_FUNC_H
#define IOM_FUNC_H

#include "iomem.h"
#include "rules.h"

/* ---- events the core derives from what front ends report ---- */

struct call_arg;

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

/* The map for a path (made on first use) of rules type 'type'. */
int iom_map_at(struct iom_func *, int path, int type);
void iom_set(struct iom_func *, int b, struct iom_where, int map, enum iom_kind,
	     enum iom_cause, const char *name, int ptr_value);
void iom_copy(struct iom_func *, int b, struct iom_where, int dst, int src);
/* A call may write every map at or under 'path'. */
void iom_clobber(struct iom_func *, int b, struct iom_where, int path,
		 const char *callee, int producer);
/* The same by a named call through argument argno: to a function the rules
 * know nothing of, of this unit (here, whose summary the unit has) or of
 * another file (whose fact a fact file may have), or to a producer. */
void iom_clobber_by(struct iom_func *, int b, struct iom_where, int path,
		    const char *callee, int argno, int here, int producer);
void iom_read(struct iom_func *, int b, struct iom_where, int map, const char *helper);
/* Value 'value' is the flag of 'map' (its negation) from the entry on: every
 * call of the function passes it so (via: the function, via_param: the
 * parameter's name, for the notes). */
void iom_entry_flag(struct iom_func *, int value, int map, int negate, const char *via,
		    const char *via_param);
/* A call to a function of this unit (EV_CALL): its arguments, the value of
 * its result (-1: none), the index of the first event the call made. */
void iom_call_here(struct iom_func *, int b, struct iom_where, const char *callee,
		   const struct call_arg *args, int nr_args, int result, int first);

/* ---- paths (path.c) ---- */

enum path_step { PATH_VAR, PATH_UNNAMED, PATH_DEREF, PATH_MEMBER, PATH_INDEX, PATH_ANY_INDEX };

struct path {
	const char *key, *display;
	int parent;			/* -1 for a variable or an unnamed object */
	unsigned char step;		/* enum path_step: how it is reached from parent */
	unsigned char origin;		/* enum iom_map_origin of a map here */
	struct iom_where decl;		/* of the variable it starts from */
	int map;			/* the map at this path, -1 if none yet */
	unsigned char private_var;	/* a local whose address is never taken */
	const char *container;		/* PATH_MEMBER: the struct tag it is a member of, or NULL */
};

/* Is 'path' 'top' or below it? */
int iom_path_under(const struct iom_func *, int path, int top);
/* Is it a member or element of a private local, not reached through a pointer? */
int iom_path_in_private(const struct iom_func *, int path);
/* Is the object reached by dereferencing a pointer (members print "->")? */
int iom_path_by_pointer(const struct iom_func *, int path);
/* Is it *var, what a parameter or variable itself points to? */
int iom_path_is_pointee_of_var(const struct iom_func *, int path);
/* The path of *name for parameter 'name', -1 if never built. */
int iom_path_find_param_pointee(const struct iom_func *, const char *name);
const char *iom_path_key(const struct iom_func *, int path);

/* ---- types (store.c) ---- */

/* The rules type index of a front-end type, or -1. */
int iom_type_map_index(struct iom_func *, const void *type);
void iom_type_facts_of(struct iom_func *, const void *type, struct iom_type_facts *);
/* Set every map in the object (path -1: unnamed ones) to a kind. */
void iom_set_all(struct iom_func *, int b, struct iom_where, int path, const void *type,
		 enum iom_kind, enum iom_cause, const char *name);
/* The result of a call stored into an object: its maps come back unknown. */
void iom_store_result(struct iom_func *, int b, struct iom_where, int path, const void *type,
		      const char *callee);

/* Memory-kind bits of the lattice: a state is a set of them, joined by OR. */
#define K_SYS		0x1
#define K_IO		0x2
#define K_UNINIT	0x4
#define K_NR		3

enum ev_op {
#define EVENT(name, text, sub, transfer, judge) EV_##name,
#include "events.def"
#undef EVENT
	EV_NR_KINDS,
	/* Events that live in blocks: every kind but the last, TEST (an is_iomem
	 * test on an edge, only kept as a note origin). */
	EV_NR_OPS = EV_TEST
};

/* What the 'sub' field of an event holds, per kind (events.def). */
enum ev_sub {
	SUB_NONE,
	SUB_KIND,	/* enum iom_kind */
	SUB_MEMBER,	/* enum iom_member */
	SUB_DERIVE,	/* enum iom_derive */
	SUB_STORE,	/* 1: a store, 0: a load */
	SUB_ESCAPE,	/* enum iom_escape */
	SUB_TRUTH,	/* the truth value the edge needs */
};

struct event {
	unsigned char op;
	unsigned char sub;	/* kind, member, derive op, escape kind, store */
	unsigned char cause;	/* enum iom_cause for EV_SET; producer flag for clobber */
	signed char flag_const;
	int map;		/* target map; for EV_CLOBBER first of the resolved list */
	int value, value2;	/* values involved */
	int nr_maps;		/* EV_CLOBBER: resolved maps, in maps_of[] */
	int *maps_of;
	const char *name;	/* callee, helper, expression (owned by the arena) */
	const char *key;	/* EV_CLOBBER: key of the path, for dumps */
	int path;		/* EV_CLOBBER, EV_SLOT_*: the path */
	/* EV_CLOBBER by a named call: through argument argno (0: not known), to
	 * a function of this unit or not; 'summarised' once the unit knows what
	 * the callee leaves in the map the argument points to (sum_kinds, 0: it
	 * does not write it); sum_from says where that came from when not from
	 * this unit ("summary of FILE"). */
	int argno;
	unsigned char callee_here, summarised, sum_kinds;
	unsigned char sum_whole;	/* sum_kinds holds for every map under the path */
	const char *sum_from;
	/* EV_LOAD of a flag: the value is its negation (a summarised call to a
	 * helper that returns !map->is_iomem); 'via' names that helper, or the
	 * function whose calls all pass the flag (summary.c), for the notes. */
	unsigned char negate;
	const char *via;
	const char *via_param;	/* the parameter that holds the flag, or NULL */
	/* EV_CALL: the call's arguments as the summaries see them, the value
	 * of its result (value, -1: none) and the first event the call made
	 * (value2: the state before the call is the state before it). */
	int nr_args;
	struct call_arg *args;
	int block;
	int spell;		/* fn->spells[]: how its construct is written, -1: not known */
	struct iom_where where;
};

/* One argument of a call to a function of this unit (EV_CALL). */
struct call_arg {
	int value;		/* a tracked value, or -1 */
	int path;		/* the object a pointer argument points to, or -1 */
	int map;		/* the map at that path, or -1 */
};

struct edge {
	int to;
	int value;		/* flag value tested, -1 for a plain edge */
	int truth;
	int ev;			/* pseudo event describing the test, for notes */
	int null_path;		/* taken only when the pointer to this path is NULL, or -1 */
};

struct block {
	int *evs;		/* indices into fn->ev */
	int nr_evs;
	struct edge *succ;
	int nr_succ;
	int in_cycle;
};

struct map {
	const char *key, *display;
	int path;
	enum iom_map_origin origin;
	int type;
	struct iom_where decl;
	/* Entry kinds the unit knows from paired callbacks (unit.c); 0: by origin. */
	unsigned char entry;
	const char *entry_ops;		/* the ops struct, for the notes */
	const char *entry_why;		/* entry kinds from elsewhere: why, for the notes */
	struct {			/* per kind: the first callback that gives it */
		const char *from;
		unsigned kinds;		/* everything that callback can leave */
		struct iom_where where;
	} filler[K_NR];
};

/* What a value is: a derived pointer or a flag, and what it was loaded under. */
enum val_kind { VAL_NONE, VAL_PTR, VAL_FLAG };

#define GEN_NONE	(-1)	/* matches nothing */
#define MAP_MIXED	(-2)

struct value {
	unsigned char kind;
	unsigned char sys_bits;		/* kinds under which it came from the system member */
	unsigned char io_bits;		/* ... from the I/O member */
	unsigned char negated;		/* flags: value is !is_iomem */
	unsigned char direct;		/* the member itself, no arithmetic */
	unsigned char mem;		/* kinds of memory a function outside the map API gave */
	int map, gen;
	int load;			/* the load event it came from */
	int why[K_NR];			/* origins of the bits at the load */
};

struct mstate {
	unsigned char bits;
	int gen;			/* event that last wrote the map, or a join */
	int lastptr;			/* pointer value written raw since the last flag write */
	int why[K_NR];			/* event that introduced each bit; <0: entry */
};

struct state {
	int reachable;
	struct mstate *m;
};

struct iom_func {
	const struct iom_rules *rules;
	char *name;
	struct iom_where where;

	struct event *ev;
	int nr_ev;
	struct block *bb;
	int nr_bb;
	struct map *maps;
	int nr_maps;
	struct value *val;
	int nr_val;

	struct path *paths;		/* path.c */
	int nr_paths;
	int *path_hash, path_hash_size;
	int nr_unnamed;
	const struct iom_types *types;	/* the front end's answers about types */
	const void *type_seen[8];	/* store.c: recent types and their rules index */
	int type_seen_idx[8], type_seen_next;

	const char **params;		/* parameter names, params[arg - 1] */
	int nr_params;
	int param_value[16];		/* value a bool parameter enters as, -1: none */
	int direct_calls;		/* iom_func_only_called_here: its calls, else -1 */
	int external;			/* iom_func_external: other files may call it */

	char **strings;			/* arena of copied strings */
	int nr_strings;

	struct iom_spelling *spells;	/* fix.c: spelled constructs (strings in the arena) */
	int nr_spells;
	int spell_now;			/* the one events made now carry, -1: none */

	int changed_values;		/* flow.c: the value table grew this round */
	int refined_early;		/* flow.c: an edge tested a value not known yet */
	char error[160];		/* set when the function is skipped */
};

const char *iom_func_strdup(struct iom_func *, const char *);
/* The map argument 'arg' (1-based) points to, or -1 if the function never uses it. */
int iom_param_map(const struct iom_func *, int arg);

/* Origins below zero name a map's entry state: ENTRY_WHY(map). */
#define ENTRY_WHY(m)	(-2 - (m))
#define WHY_MAP(w)	(-2 - (w))

/* flow.c */
int iom_flow(struct iom_func *, struct state *in);
/* in[] for every block, solved; NULL if the function must be skipped. */
struct state *iom_solve(struct iom_func *);
void iom_states_free(const struct iom_func *, struct state *in);
/* Kinds a map can have where the function returns. */
unsigned iom_exit_kinds(struct iom_func *, const struct state *in, int map);
void iom_state_alloc(const struct iom_func *, struct state *);
void iom_state_copy(const struct iom_func *, struct state *dst, const struct state *src);
void iom_transfer(struct iom_func *, struct state *, const struct event *, int idx);
void iom_effective(const struct state *, const struct value *,
		   unsigned *sys, unsigned *io);

/* EV_ESCAPE cause: the callee uses the memory with plain loads or stores. */
enum { ESC_OPAQUE, ESC_PLAIN_LOAD, ESC_PLAIN_STORE };

/* A call to a 'memory' function (ioremap, kmalloc) defined 'value', a pointer
 * to memory of 'kind' (IOM_KIND_SYSTEM or IOM_KIND_IO). */
void iom_memory(struct iom_func *, int b, struct iom_where, int value, enum iom_kind,
		const char *callee);
/* 'value' is handed to a function that reads or writes the memory behind it
 * with plain loads and stores (memset, memcpy beyond the sizes it folds). */
void iom_escape_plain(struct iom_func *, int b, struct iom_where, int value,
		      const char *callee, int store);

/* format.c: what each argument after a printf-style format is used for.
 * Fills roles[0..max-1] and returns the number of arguments the format takes. */
enum { IOM_CONV_VALUE, IOM_CONV_READS };
int iom_format_roles(const char *fmt, unsigned char *roles, int max);

/* check.c */
struct finding_list;
int iom_check(struct iom_func *, const struct state *in, const struct iom_options *,
	      iom_report_fn, void *ctx);

/* fix.c */
/* The finding made from event e, in state s: add the rewrite the event's
 * spelling and the rules allow, if any. */
void iom_fix(const struct iom_func *, const struct state *s, const struct event *e,
	     struct iom_finding *);

/* notes.c */
/* Say where kind 'k' (0 system, 1 I/O, 2 uninitialised) of a map came from. */
void iom_note_origin(const struct iom_func *, struct iom_finding *, int map, int why, int k);
void iom_note_at(struct iom_finding *, struct iom_where, const char *fmt, ...);
const char *iom_flag_name(const struct iom_func *, int map);
/* A file as the user's tree names it: relative to the folder the run
 * started in when it is inside it. */
const char *iom_shown_path(const char *path);

#endif
