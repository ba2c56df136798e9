/*
 * Fuzz target: the compile database of the iomemcheck command.  The input is
 * the content of compile_commands.json, read by db_load() (cmd/db.c, with
 * split_words() for "command" strings); every entry it accepts then goes
 * through flags_for() (cmd/flags.c) for both engines and entry_is_c().
 */
#include "cmd.h"
#include "file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct db db;
	char err[1024];
	int rc = db_load(&db, fuzz_file(data, size, ".json"), err, sizeof(err));

	/* a refusal carries one message naming the file */
	if (rc && !strstr(err, "error: "))
		abort();
	for (int i = 0; !rc && i < db.nr; i++) {
		struct args a = { 0 }, g = { 0 };

		flags_for(&db.entries[i], ENGINE_CLANG, &a);
		flags_for(&db.entries[i], ENGINE_GCC, &g);
		(void)entry_is_c(&db.entries[i]);
		args_free(&a);
		args_free(&g);
	}
	db_free(&db);
	return 0;
}
