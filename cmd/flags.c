/*
 * flags.c - an entry's compile command rewritten for an engine.
 *
 * What is dropped is data (gcc-only.def); what is added is here.  A GCC
 * database must work as it is, so the rule is: never lose a file over a
 * flag.  Known GCC-only flags go by the table, anything else clang rejects
 * goes by flags_drop_rejected() and a retry.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

enum match { EXACT, PREFIX };
enum engines { CLANG, BOTH };

static const struct flag {
	const char *spelling;
	enum match match;
	int words;
	enum engines engines;
} drop_table[] = {
#define FLAG(spelling, match, words, engines, why) { spelling, match, words, engines },
#include "gcc-only.def"
#undef FLAG
};

/* Launchers that may stand before the compiler in a command. */
static const char *const launchers[] = { "ccache", "distcc", "icecc", "sccache" };

/* Added before the entry's own flags for libclang: GCC's warning options
 * that clang does not know are then silent instead of warnings. */
static const char *const clang_first[] = { "-Wno-unknown-warning-option" };

void args_add(struct args *a, const char *word)
{
	a->argv = realloc(a->argv, (a->argc + 2) * sizeof(*a->argv));
	if (!a->argv || !(a->argv[a->argc] = strdup(word)))
		abort();
	a->argv[++a->argc] = NULL;
}

void args_free(struct args *a)
{
	free_words(a->argc, a->argv);
	*a = (struct args){ 0 };
}

static const struct flag *dropped(const char *word, enum engine_kind engine)
{
	for (size_t i = 0; i < sizeof(drop_table) / sizeof(drop_table[0]); i++) {
		const struct flag *f = &drop_table[i];
		size_t n = strlen(f->spelling);

		if (engine == ENGINE_GCC && f->engines != BOTH)
			continue;
		if (f->match == EXACT ? !strcmp(word, f->spelling) : !strncmp(word, f->spelling, n))
			return f;
	}
	return NULL;
}

/* Our own plugin in a database made from a build that ran it: the GCC engine
 * adds it again with the command's options, so the build's copy goes. */
static int own_plugin(const char *word)
{
	const char *so = "iomemcheck.so";
	size_t n = strlen(word), k = strlen(so);

	if (!strncmp(word, "-fplugin-arg-iomemcheck-", 24))
		return 1;
	return !strncmp(word, "-fplugin=", 9) && n >= k && !strcmp(word + n - k, so);
}

static int is_launcher(const char *word)
{
	const char *base = strrchr(word, '/') ? strrchr(word, '/') + 1 : word;

	for (size_t i = 0; i < sizeof(launchers) / sizeof(launchers[0]); i++)
		if (!strcmp(base, launchers[i]))
			return 1;
	return 0;
}

static int is_the_source(const struct entry *e, const char *word)
{
	char *abs;
	int same;

	if (word[0] == '-')
		return 0;
	abs = path_absolute(e->dir, word);
	same = !strcmp(abs, e->file);
	free(abs);
	return same;
}

void flags_for(const struct entry *e, enum engine_kind engine, struct args *out)
{
	int i = 0;

	*out = (struct args){ 0 };
	while (i < e->argc - 1 && is_launcher(e->argv[i]))
		i++;
	if (engine == ENGINE_GCC && i < e->argc)
		args_add(out, e->argv[i]);
	if (engine == ENGINE_CLANG)
		for (size_t k = 0; k < sizeof(clang_first) / sizeof(clang_first[0]); k++)
			args_add(out, clang_first[k]);
	for (i++; i < e->argc; i++) {
		const char *w = e->argv[i];
		const struct flag *f = dropped(w, engine);

		if (f) {
			i += f->words - 1;
			continue;
		}
		/* The GCC engine keeps the source word where the build had it:
		 * its messages then name the file as the build's did. */
		if ((engine == ENGINE_CLANG && is_the_source(e, w)) ||
		    (engine == ENGINE_GCC && own_plugin(w)))
			continue;
		args_add(out, w);
	}
}

/* How compilers name an argument they reject: the argument is the quoted
 * text after the pattern. */
static const char *const rejected[] = {
	"unknown argument: '",			/* clang */
	"unknown argument '",			/* clang, some drivers */
	"unsupported option '",			/* clang: "... for target 'x86_64'" */
	"unrecognized command-line option '",	/* gcc 12 (LC_ALL=C) */
	"unrecognized command line option '",	/* older gcc */
	"unrecognized argument in option '",	/* gcc: -mfoo=bad */
};

static int drop_word(struct args *a, const char *word, size_t n, int prefix)
{
	for (int i = 0; i < a->argc; i++) {
		if (strncmp(a->argv[i], word, n) || (!prefix && a->argv[i][n]))
			continue;
		free(a->argv[i]);
		memmove(a->argv + i, a->argv + i + 1, (a->argc - i) * sizeof(*a->argv));
		a->argc--;
		return 1;
	}
	return 0;
}

int flags_drop_rejected(struct args *a, const char *error)
{
	const char *p, *end;

	for (size_t i = 0; i < sizeof(rejected) / sizeof(rejected[0]); i++) {
		p = strstr(error, rejected[i]);
		if (!p)
			continue;
		p += strlen(rejected[i]);
		end = strchr(p, '\'');
		if (end && end > p && drop_word(a, p, end - p, 0))
			return 1;
	}
	/* clang: "unsupported argument 'bounds-strict' to option 'fsanitize='":
	 * the word is -fsanitize=...; the whole word goes. */
	p = strstr(error, "unsupported argument '");
	if (p && (p = strstr(p, "' to option '"))) {
		char word[256];

		p += strlen("' to option '");
		end = strchr(p, '\'');
		if (end && end - p < (long)sizeof(word) - 2) {
			snprintf(word, sizeof(word), "-%.*s", (int)(end - p), p);
			return drop_word(a, word, strlen(word), 1);
		}
	}
	return 0;
}
