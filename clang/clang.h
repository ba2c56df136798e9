/*
 * clang.h - the libclang front end's private view: one translation unit in,
 * core events out.
 *
 * where.c   locations: file, line, byte column, and the helper-code facts
 * compat.c  the version seams of the libclang C API (operator kinds, types)
 * types.c   types as the core's opaque pointers, and its type callbacks
 * paths.c   naming objects (access paths) and map members
 * vars.c    local variables as values (SSA built while walking)
 * expr.c    expressions: loads, derivations, accesses, stores, calls
 * stmt.c    statements: the control-flow graph built from the statement tree
 * unit.c    the translation unit: ops tables, functions, passes
 *
 * Nothing here decides a rule: the core does.  An AST shape not understood
 * gives no value and no path, which the core treats as "unknown".
 */
#ifndef IOM_CLANG_H
#define IOM_CLANG_H

#include <clang-c/Index.h>

#include "iomem.h"

/* ---- where.c ---- */

struct expansion;			/* one top-level macro expansion */

struct where_ctx {
	const struct iom_rules *rules;
	CXTranslationUnit tu;
	struct expansion *exp;		/* sorted by file, then offset */
	int nr_exp;
	char **files;			/* interned file names (live until the end) */
	int nr_files;
};

void where_init(struct where_ctx *, const struct iom_rules *, CXTranslationUnit);
void where_free(struct where_ctx *);
/* Where a cursor is, as the user sees it (the expansion point), and whether
 * it is helper code. */
struct iom_where where_of(struct where_ctx *, CXCursor);
/* The same, at another location of that cursor's code (a token of it). */
struct iom_where where_at(struct where_ctx *, CXCursor, CXSourceLocation);
/* Is the function declared at this cursor spelled in helper code? */
int where_in_helper_file(struct where_ctx *, CXCursor);
const char *where_file(struct where_ctx *, CXFile);

/* ---- compat.c ---- */

enum op {
	OP_OTHER,
	OP_ASSIGN, OP_COMMA, OP_LAND, OP_LOR,
	OP_EQ, OP_NE, OP_LT, OP_GT, OP_LE, OP_GE,
	OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_REM, OP_AND, OP_OR, OP_XOR, OP_SHL, OP_SHR,
	/* unary */
	OP_NOT, OP_BITNOT, OP_NEG, OP_PLUS, OP_DEREF, OP_ADDR,
	OP_PREINC, OP_PREDEC, OP_POSTINC, OP_POSTDEC, OP_EXTENSION,
};

/* BinaryOperator and CompoundAssignOperator: the operator (for a compound
 * assignment, the arithmetic part: "+=" is OP_ADD). */
enum op binary_op(CXCursor);
enum op unary_op(CXCursor);
/* The type without qualifiers, typedefs and elaboration. */
CXType plain_type(CXType);
/* The for statement's parts: which children are init, cond, inc (-1: none). */
void for_parts(CXCursor, int *init, int *cond, int *inc, int *body);
/* The string literals of an asm statement's template, concatenated. */
int asm_template(CXCursor, char *buf, size_t len);

/* GCC's locations: operators rather than expression starts. */
int in_macro(CXCursor);
int operator_location(CXCursor binary, CXSourceLocation *out);
int member_operator_location(CXCursor member, CXSourceLocation *out);
int punct_before(CXCursor, const char *want, CXSourceLocation *out);

/* ---- children ---- */

#define MAX_KIDS 64
/* Deeper expressions or statements are left out (unknown), not recursed into. */
#define MAX_NESTING 1000
/* The children of a cursor (at most MAX_KIDS); returns how many. */
int kids(CXCursor, CXCursor *out);
/* Strip parentheses and implicit casts (one-child unexposed expressions). */
CXCursor strip(CXCursor);
/* The value of an integer constant expression. */
int const_int(CXCursor, long long *out);

/* ---- types.c ---- */

struct type_table;
struct type_table *types_new(void);
void types_free(struct type_table *);
const void *type_ref(struct type_table *, CXType);
extern const struct iom_types clang_types_ops;	/* ctx: the struct type_table */

/* ---- the function being lowered ---- */

struct var_def;
struct pending_phi;
struct label_ref;

struct loop_ctx {
	int brk, cont;			/* blocks, -1 when not a target */
	struct switch_ctx *sw;		/* set for a switch */
};

struct switch_ctx {
	int dispatch;			/* block that evaluates the index */
	int value;			/* the index value */
	int has_default;
	int *blocks;			/* case blocks, with their accumulated truth */
	int *truth;			/* 0/1, -1 none yet, -2 mixed */
	int nr;
	int fresh;			/* the last case block has no statement yet */
};

struct lower {
	const struct iom_rules *rules;
	struct where_ctx *wc;
	struct type_table *types;
	struct iom_func *fn;
	CXCursor func;
	int relevant;			/* a map or a helper was seen */

	int cur;			/* block being filled, -1: unreachable */
	int exit;			/* the return block */
	int **preds;			/* predecessors of each block */
	int *nr_preds;
	int nr_blocks;

	int next_value;
	unsigned char *tracked;		/* values that derive from a map member (last pass) */
	unsigned char *now;		/* the same, found in this pass */
	int nr_tracked;			/* size of both */

	struct var_def *defs;		/* (variable, block) -> value */
	int nr_defs, cap_defs;
	struct pending_phi *phis;
	int nr_phis;
	struct derivation *ders;	/* (dst, src) of this pass, for tracking */
	int nr_ders;
	struct single_def *singles;	/* locals assigned once: their initialiser */
	int nr_singles;
	unsigned *addressed;		/* locals whose address is taken (uids) */
	int nr_addressed;
	int *slots;			/* paths a tracked value was stored into (every pass) */
	int nr_slots;
	int slots_grew;			/* this pass found a new one */

	struct label_ref *labels;
	int nr_labels;

	struct loop_ctx loops[64];
	int nr_loops;
	struct iom_where last;
	int depth;			/* nesting of eval/lower_stmt, bounded */
	const struct iom_where *init_w;	/* a declaration's initialiser: its writes' place */
	const struct iom_where *cond_w;	/* an if/while condition: its tests' place */
	const struct iom_where *arg_w;	/* a call that is another call's argument: its place */
	/* spell.c: two statements of a block that set a map's pointer and flag,
	 * while pair_left (statements of the block still to lower) is not 0 */
	CXCursor pair[2];
	int pair_left;
	/* spell.c: the expression statement being lowered (a helper that returns
	 * nothing may only replace a whole statement) */
	CXCursor statement;
	int has_statement;
	/* cond_branch: the '!' whose operand is being tested, when not_of is set */
	CXCursor not_of;
	int has_not_of;
};

/* stmt.c */
int new_block(struct lower *);
void block_room(struct lower *, int b);
void edge(struct lower *, int from, int to);
void edge_if(struct lower *, int from, int to, int value, int truth, struct iom_where);
/* The edge taken when a pointer whose pointee is 'path' is NULL. */
void edge_null(struct lower *, int from, int to, int path);
int block(struct lower *);		/* the current block, made if unreachable */
void lower_stmt(struct lower *, CXCursor);
void lower_body(struct lower *, CXCursor body);

/* vars.c */
int var_uid(CXCursor decl);
int is_local_var(CXCursor decl);
void var_write(struct lower *, CXCursor decl, int value);
int var_read(struct lower *, CXCursor decl);
void vars_finish(struct lower *);
void vars_reset(struct lower *);
/* The initialiser of a local pointer assigned exactly once, or a null cursor. */
CXCursor var_single_init(struct lower *, CXCursor decl);
void vars_scan(struct lower *, CXCursor body);
/* Is the address of this local taken (&x, &x.f, an array that decays)? */
int var_addressed(const struct lower *, CXCursor decl);

/* values */
int new_value(struct lower *);
int is_tracked(const struct lower *, int value);
void mark_tracked(struct lower *, int value);
void derive(struct lower *, int dst, int src, enum iom_derive);

/* paths.c */
int object_path(struct lower *, CXCursor lvalue);
int decl_path(struct lower *, CXCursor decl);
int pointee_path(struct lower *, CXCursor ptr);
int map_of(struct lower *, CXCursor lvalue);
/* A member access of a map: the object expression and the member. */
int map_member(struct lower *, CXCursor expr, CXCursor *obj, int *member);
/* The map whose member is accessed through 'obj' (pointer or object). */
int member_map(struct lower *, CXCursor obj);
/* The initialiser of a variable declaration, or a null cursor. */
CXCursor var_init(CXCursor decl);
int is_aggregate(CXType);
int is_pointer(CXType);
int is_array(CXType);
int is_bool(CXType);
/* bool, char, the integer types and enums. */
int is_integral(CXType);
/* The expression under explicit casts too (GCC's STRIP_NOPS). */
CXCursor strip_casts(CXCursor);

/* spell.c: how constructs are written, for the core's fix-its.  Each
 * describes the construct to the core (iom_spelled) when it is spelled in a
 * file; spell_done() after the construct's events. */
void spell_call(struct lower *, CXCursor call, int arg);
void spell_store(struct lower *, CXCursor assign, CXCursor lhs, CXCursor rhs);
void spell_load(struct lower *, CXCursor deref);
void spell_test(struct lower *, CXCursor whole, CXCursor ptr, int negated);
/* Called before each statement k[i] of a block; spell_write for each
 * member write: the pair of statements that set pointer and flag. */
void spell_pair(struct lower *, CXCursor *k, int n, int i);
void spell_write(struct lower *, CXCursor assign);
/* { .ptr = VALUE, .flag = 0|1 }: the initialiser list of a map of rules type 'type'. */
void spell_init(struct lower *, CXCursor list, int type);
void spell_done(struct lower *);

/* expr.c */
int eval(struct lower *, CXCursor);
/* An expression whose result goes straight into a local at 'w' (GCC makes
 * the load and the assignment one statement there). */
int eval_into_local(struct lower *, CXCursor, struct iom_where w);
/* Where GCC places an expression: its operator, not its start. */
struct iom_where expr_where(struct lower *, CXCursor);
void cond_branch(struct lower *, CXCursor, int t, int f);
void lower_init(struct lower *, CXCursor var, CXCursor init);
void lower_aggregate_init(struct lower *, CXCursor var, int path, CXCursor init);
void note_derive(struct lower *, int dst, int src);
void propagate_tracked(struct lower *);

#endif
