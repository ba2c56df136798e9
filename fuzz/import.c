/*
 * Fuzz target: the import reader of the CI gate.  The input is the content
 * of a file given to --import: the GCC plugin's json= lines, sparse's text,
 * or a mix, read by gate_import_file() (gate/import.c); the findings are
 * then sorted and de-duplicated as a run does.
 */
#include "gate.h"
#include "file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gate_set s;
	char err[1024];
	int rc;

	gate_set_init(&s);
	rc = gate_import_file(&s, fuzz_file(data, size, ".json"), err, sizeof(err));
	if (rc && !strstr(err, "error: "))
		abort();	/* a refusal carries its message */
	gate_set_sort_unique(&s);
	gate_set_free(&s);
	return 0;
}
