/* builtin.h - the rules/ files compiled in (rules_builtin.c is generated). */
#ifndef IOM_BUILTIN_H
#define IOM_BUILTIN_H

struct builtin_rules {
	const char *name;	/* for error messages: the file it came from */
	const char *text;
};

/* Ends with { NULL, NULL }. */
extern const struct builtin_rules iom_builtin_rules[];

#endif
