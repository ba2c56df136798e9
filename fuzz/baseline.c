/*
 * Fuzz target: the baseline reader of the CI gate.  The input is the content
 * of a baseline file, read by gate_baseline_read() (gate/baseline.c); an
 * accepted baseline is then matched against a set of one finding.
 */
#include "gate.h"
#include "file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gate_baseline b;
	struct gate_set s;
	char err[1024];
	int rc = gate_baseline_read(&b, fuzz_file(data, size, ".baseline"), err, sizeof(err));

	if (rc && !strstr(err, "error: "))
		abort();	/* a refusal carries its message */
	if (!rc) {
		gate_set_init(&s);
		gate_set_add(&s, "gcc", 3, 1, "a.c", 1, 1, "f", "'m->vaddr' passed to 'memcpy'");
		gate_baseline_match(&b, &s);
		gate_set_free(&s);
	}
	gate_baseline_free(&b);
	return 0;
}
