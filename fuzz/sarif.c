/*
 * Fuzz target: the SARIF reader of --merge.  The input is the content of a
 * SARIF shard, read by gate_read_sarif() (gate/sarif_read.c); the findings
 * are then sorted and de-duplicated as a merge does.
 */
#include "gate.h"
#include "file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gate_set s;
	char err[1024];
	int rc;

	gate_set_init(&s);
	rc = gate_read_sarif(&s, fuzz_file(data, size, ".sarif"), err, sizeof(err));
	if (rc && !strstr(err, "error: "))
		abort();	/* a refusal carries its message */
	gate_set_sort_unique(&s);
	gate_set_free(&s);
	return 0;
}
