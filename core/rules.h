/*
 * rules.h - what the rules data says about a function name: core-internal.
 *
 * Front ends never see these: they report calls (iom_call) and the core
 * looks the callee up here.
 */
#ifndef IOM_RULES_H
#define IOM_RULES_H

#include "iomem.h"

enum iom_fn_kind {
	IOM_FN_NONE,
	IOM_FN_HELPER,
	IOM_FN_MACRO,
	IOM_FN_PRODUCER,
	IOM_FN_WARN,
	IOM_FN_PRINT,
	IOM_FN_IGNORE,
	IOM_FN_COPY,		/* copies size bytes from src to dst (memcpy) */
	IOM_FN_FILL,		/* fills size bytes at dst with value (memset) */
	IOM_FN_RETURNS_ARG,	/* returns argument ret_arg unchanged */
	IOM_FN_PLAIN,		/* reads (load_args) or writes (store_args) plain memory */
	IOM_FN_MEMORY,		/* returns memory of one kind (effects SET_SYSTEM/SET_IO) */
};

/* Helper effects, a bit set. */
#define IOM_EFF_SET_SYSTEM	0x01
#define IOM_EFF_SET_IO		0x02
#define IOM_EFF_CLEAR		0x04
#define IOM_EFF_READ		0x08
#define IOM_EFF_ACCESS		0x10

struct iom_fn {
	const char *name;
	enum iom_fn_kind kind;
	unsigned effects;			/* IOM_EFF_* */
	unsigned map_args;			/* bit n set: argument n (1-based) is a map */
	int ptr_arg;				/* 1-based pointer argument of set helpers, 0 if none */
	int type;				/* index of its type, -1 for global entries */
	int dst_arg, src_arg, value_arg, size_arg;	/* COPY, FILL: 1-based, 0 if none */
	int ret_arg;				/* RETURNS_ARG: 1-based */
	/* PRINT, PLAIN: bit n set: the memory behind argument n is read (load)
	 * or written (store) with plain loads and stores. */
	unsigned load_args, store_args;
	int fmt_arg;				/* PRINT: the printf-style format, 0 if none */
};

/* What the rules say about a function name (helpers, producers, warn, ...). */
const struct iom_fn *iom_rules_fn(const struct iom_rules *, const char *name);
/* The same for a callee as a front end reports it: __builtin_X is X unless
 * the rules list __builtin_X itself. */
const struct iom_fn *iom_rules_callee(const struct iom_rules *, const char *name);
/* A callee's name as the source spells it: an "alias" target, X for
 * __builtin_X (unless the rules list __builtin_X itself), else the name. */
const char *iom_rules_spelled(const struct iom_rules *, const char *name);
/* The helper a type names for a rewrite role (rules "fix", fix.def), or NULL. */
const char *iom_rules_fix(const struct iom_rules *, int type, const char *role);
/* Is this a role fix.def knows (fix.c, for the rules parser)? */
int iom_fix_role_known(const char *role);
/* A driver's GEM backend (rules "backend"): the kinds (IOM_EFF_SET_SYSTEM,
 * IOM_EFF_SET_IO) an initialiser of ops setting field to fn declares; -1
 * when ops.field names a backend but fn is none the rules know; 0 when
 * ops.field names none. */
int iom_rules_backend(const struct iom_rules *, const char *ops, const char *field,
		      const char *fn);
/* Is ops the struct of a "backend" line? */
int iom_rules_backend_ops(const struct iom_rules *, const char *ops);
/* Does fn fill the map of argument arg through the driver's objects ("driver-fills")? */
int iom_rules_driver_fills(const struct iom_rules *, const char *fn, int arg);
/* Are the maps of member field of struct container the driver's ("driver-member")? */
int iom_rules_driver_member(const struct iom_rules *, const char *container, const char *field);
/* Is a copy of this many bytes an access rather than an escape (rules "access-sizes")? */
int iom_rules_access_size(const struct iom_rules *, long long size);
/* ... and is a copy to or from a whole array of bytes of the copy's size? */
int iom_rules_access_byte_array(const struct iom_rules *);

#endif
