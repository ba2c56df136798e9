/*
 * summary.h - what one function tells the unit about the flag of a map
 * (summary.c): the flag it returns, the flags its calls pass.
 */
#ifndef IOM_SUMMARY_H
#define IOM_SUMMARY_H

#include "func.h"

#define MAX_FLAG_STEPS	8
#define MAX_SITE_ARGS	16

/* A map named from a parameter: *param, then members, constant indexes and
 * pointers followed. */
struct flag_source {
	int arg;			/* 1-based parameter */
	int type;			/* rules type of the map */
	unsigned char negated;		/* the value is !flag */
	int nr_steps;
	struct {
		unsigned char step;	/* PATH_MEMBER, PATH_INDEX or PATH_DEREF */
		long index;
		char field[64];
	} steps[MAX_FLAG_STEPS];
};

/* Does every return of the function give the flag of one map reached
 * through a parameter, unchanged since it was read?  1 and *out if so. */
int iom_returns_flag(struct iom_func *, const struct state *in, struct flag_source *out);

/* One call to a function of the unit, as the callee's guards see it:
 * flag[k] is the 1-based argument through which argument k + 1 is the flag
 * of a map (negated: its negation), 0 when it is anything else.  The map is
 * what that argument points to, or below it by the steps of 'under' (a key
 * suffix: ".map", "*.vmap"; NULL: the object itself), of rules type 'type'. */
struct call_site {
	char *caller;			/* the function that makes the call */
	char *callee;
	int nr_args;
	unsigned char flag[MAX_SITE_ARGS];
	unsigned char negated[MAX_SITE_ARGS];
	char *under[MAX_SITE_ARGS];
	int type[MAX_SITE_ARGS];
	/* The kinds (K_SYS | K_IO) of the map argument k + 1 points to where
	 * the call is made; 0: not a map, or one that may be uninitialised. */
	unsigned char kinds[MAX_SITE_ARGS];
};

void iom_call_site_free(struct call_site *);

/* The map 'under' names below the object parameter 'arg' points to, in the
 * callee, or -1. */
int iom_site_map(struct iom_func *, int arg, const char *under, int type);

/* The call sites of the function's EV_CALL events, appended to *sites. */
void iom_call_sites(struct iom_func *, const struct state *in, struct call_site **sites,
		    int *nr);

/* The map the source names in the caller, through argument 'path' (the
 * object the argument points to), or -1. */
int iom_flag_source_map(struct iom_func *, const struct flag_source *, int path);

#endif
