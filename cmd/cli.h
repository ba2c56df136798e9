/*
 * cli.h - what the command line asked for (options.c fills it, main.c runs it).
 */
#ifndef IOM_CLI_H
#define IOM_CLI_H

#include "cmd.h"
#include "gate.h"

struct cli {
	const char *db;			/* -p */
	int jobs;
	const char *output;
	int format;			/* enum iom_format */
	const char *plugin;
	int quiet, verbose, print_commands;
	int lsp;			/* --lsp: a language server on stdin/stdout */
	int apply;			/* APPLY_FIX (--fix) or APPLY_DIFF (--diff), 0: neither */
	enum engine_kind engine;
	struct args paths;		/* PATHs, or the FILEs of the '--' form */
	int dashdash;			/* the '--' form */
	struct args cflags;
	struct iom_config config;	/* the engine options */
	struct run_config run;
	struct gate_opts gate;		/* the CI gate's options (gate/run.c) */
	int gated;			/* one of them was given: the gate renders */
	const char *facts;		/* --facts FILE: the fact file to use and keep */
	int no_facts;			/* --no-facts */
	const char *merge_facts;	/* --merge-facts FILE: merge the PATHs into it */
	const char *db_path;		/* the database read (its fact file is beside it) */
	char err[1024];
};

/* Returns 0, or the exit status of a usage error (its message in c->err;
 * negative when it is a whole "FILE:LINE: error: ..." line). */
int parse_options(struct cli *c, int argc, char **argv);

#endif
