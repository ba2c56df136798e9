/*
 * words.c - a compile_commands.json "command" string split into words.
 *
 * The kernel's database writes commands as sh would run them:
 * -DKBUILD_MODNAME='"drm"', -D'x=a b', paths with backslashes.  Quoting is
 * read as POSIX sh reads it; nothing is expanded.
 */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

#include "cmd.h"

struct word {
	char *buf;
	size_t n, cap;
};

static void put(struct word *w, char c)
{
	if (w->n + 1 >= w->cap) {
		w->cap = w->cap ? 2 * w->cap : 64;
		w->buf = realloc(w->buf, w->cap);
		if (!w->buf)
			abort();
	}
	w->buf[w->n++] = c;
	w->buf[w->n] = 0;
}

/* The word ends; '' and "" make an empty word, so buf may still be NULL. */
static void push(char ***argv, int *argc, struct word *w)
{
	*argv = realloc(*argv, (*argc + 2) * sizeof(**argv));
	if (!*argv)
		abort();
	(*argv)[(*argc)++] = w->buf ? w->buf : strdup("");
	(*argv)[*argc] = NULL;
	*w = (struct word){ 0 };
}

/* Inside double quotes a backslash only escapes these. */
static int dq_escapable(char c)
{
	return c && strchr("\"\\$`\n", c);
}

int split_words(const char *s, char ***argv, char *err, size_t errlen)
{
	struct word w = { 0 };
	int argc = 0, in_word = 0;

	*argv = calloc(1, sizeof(**argv));
	for (; *s; s++) {
		char c = *s;

		if (c == ' ' || c == '\t' || c == '\n') {
			if (in_word)
				push(argv, &argc, &w);
			in_word = 0;
			continue;
		}
		in_word = 1;
		if (c == '\'') {
			const char *end = strchr(s + 1, '\'');

			if (!end)
				goto unterminated;
			while (++s < end)
				put(&w, *s);
		} else if (c == '"') {
			for (s++; *s != '"'; s++) {
				if (!*s)
					goto unterminated;
				if (*s == '\\' && dq_escapable(s[1]))
					s++;
				put(&w, *s);
			}
		} else if (c == '\\') {
			if (!s[1]) {
				snprintf(err, errlen, "the command ends in a backslash");
				goto fail;
			}
			put(&w, *++s);
		} else {
			put(&w, c);
		}
	}
	if (in_word)
		push(argv, &argc, &w);
	return argc;

unterminated:
	snprintf(err, errlen, "unterminated %s quote in the command", *s == '\'' ? "single" : "double");
fail:
	free(w.buf);
	free_words(argc, *argv);
	*argv = NULL;
	return -1;
}

void free_words(int argc, char **argv)
{
	for (int i = 0; i < argc; i++)
		free(argv[i]);
	free(argv);
}
