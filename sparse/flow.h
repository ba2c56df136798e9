/*
 * flow.h - the flow stage: sparse's linearized IR lowered into the analysis
 * core (core/iomem.h).  Only built with libsparse (HAVE_LIBSPARSE); see
 * sparse/README.md "The flow rules".
 *
 *   flow.c   the stage: parse with libsparse, one unit per file, findings out
 *   lower.c  one function: blocks, edges, instructions -> map events
 *   paths.c  pseudos -> access paths (what a pointer points to)
 *   types.c  sparse types for the core (struct iom_types), members by offset
 *   zeroinit.c the zero elements of a local aggregate's initialiser
 */
#ifndef SPARSE_FLOW_H
#define SPARSE_FLOW_H

#include "lib.h"
#include "symbol.h"
#include "expression.h"
#include "linearize.h"
#include "token.h"
#include "iomem.h"

/* types.c */
/* An identifier's name, NUL-terminated, living as long as the process
 * (show_ident() rotates four static buffers). */
const char *name_of(const struct ident *ident);
struct symbol *real_type(struct symbol *type);
struct symbol *pointee_type(struct symbol *type);
extern const struct iom_types sparse_types;
/* The member of struct/union 'type' covering byte 'off'; 'ident', when
 * given, picks among union members at the same place. */
struct symbol *member_at(struct symbol *type, long off, const struct ident *ident);
/* Is member m called ident (directly, or inside an anonymous member)? */
int has_member_ident(struct symbol *m, const struct ident *ident);

/* paths.c */
struct obj {
	int path;		/* -1: cannot be named */
	struct symbol *type;	/* real type at 'off' bytes into the path's object */
	long off;
};

struct lower;
struct obj pointee(struct lower *, pseudo_t p);
struct obj obj_var(struct lower *, struct symbol *sym);
/* Walk into members and elements until 'off' is 0 (or nothing covers it). */
struct obj obj_descend(struct lower *, struct obj o, const struct ident *ident);
/* The map member at o (o.off bytes into it): map number and member, or -1.
 * value_type: a store's type, when its name need not be the member's. */
int obj_map_member(struct lower *, struct obj o, const struct ident *ident,
		   struct symbol *value_type, int *member, int *map_path);

/* The address space of a pointer type (__iomem), or NULL. */
struct ident *space_of(struct symbol *t);

/* zeroinit.c: is pos a zero element of a local aggregate's initialiser
 * (the store sparse makes there repeats the clearing of the object)? */
int zero_init_element_at(struct entrypoint *ep, struct position pos);

/* lower.c */
struct lower {
	const struct iom_rules *rules;
	struct iom_func *fn;
	struct entrypoint *ep;
	struct symbol *sym;	/* the function */
	int cur;		/* current block */
	int *slots;		/* paths of objects tracked values are parked in */
	int nr_slots;
	struct forward *fwd;	/* member values forwarded by sparse (lower.c) */
	int nr_fwd;
};
/* Build the function into l->fn (begun by the caller). */
void lower_function(struct lower *);
/* Direct calls of function fn from the linearized functions 'bodies', -1
 * when it may be called otherwise (iom_func_only_called_here). */
int direct_calls(struct symbol *fn, struct symbol_list *bodies, struct symbol_list *decls);
/* Does the source line spell a helper macro (designated initialisers of
 * IOSYS_MAP_INIT_VADDR sit at the line of the use), or the macro call that
 * starts at byte column col, over as many lines as its arguments take? */
int line_spells_helper_macro(const struct iom_rules *, const char *file, int line, int col);

/* columns.c: the byte column of a position sparse counted with its tab stop */
int byte_column(struct position pos);

/* flow.c */
int flow_main(int argc, char **argv, int out_fd, const struct iom_config *);
/* The stage on one file's evaluated symbols (the one parse: oneparse.c) */
struct stage;
/* __typeof_unqual__ as a keyword of the parser (before parsing) */
void typeof_unqual_keyword(void);
struct stage *flow_begin(int out_fd, const struct iom_config *);
/* file: the main file, for its facts (summaries=DIR) */
void flow_file(struct stage *, struct symbol_list *list, const char *file);
int flow_end(struct stage *);

#endif
