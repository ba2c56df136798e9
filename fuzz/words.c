/*
 * Fuzz target: the flag filter of the iomemcheck command.  The input up to
 * the first NUL byte is a "command" string, split by split_words()
 * (cmd/words.c) and rewritten by flags_for() (cmd/flags.c) for both engines;
 * the rest, if any, is a compiler's error text, whose rejected argument
 * flags_drop_rejected() removes from the clang arguments.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), err[256];
	const char *error;
	struct entry e = { "/src", "/src/a.c", 0, NULL, 0 };
	struct args a = { 0 }, g = { 0 };

	memcpy(text, data, size);
	text[size] = 0;
	error = text + strlen(text) + (strlen(text) < size);
	e.argc = split_words(text, &e.argv, err, sizeof(err));
	if (e.argc < 0) {
		if (!err[0])
			abort();	/* a refusal says why */
		free(text);
		return 0;
	}
	if (e.argc > 0) {
		flags_for(&e, ENGINE_CLANG, &a);
		flags_for(&e, ENGINE_GCC, &g);
		while (flags_drop_rejected(&a, error))
			;
		args_free(&a);
		args_free(&g);
	}
	free_words(e.argc, e.argv);
	free(text);
	return 0;
}
