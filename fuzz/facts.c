/*
 * Fuzz target: the fact file reader (core/facts.c).  The input is the
 * content of a fact file; an accepted one is rendered, read back (it must
 * give the same text) and asked about a name it may hold.
 */
#include "iomem.h"
#include "file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct iom_facts *f = iom_facts_new(), *again = iom_facts_new();
	struct iom_buf one = { 0 }, two = { 0 };
	char err[4352];

	if (!f || !again)
		abort();
	iom_facts_warn_to(f, NULL);
	if (iom_facts_read_file(f, fuzz_file(data, size, ".facts"), err, sizeof(err))) {
		if (!strstr(err, "error: "))
			abort();	/* a refusal carries its message */
	} else {
		if (iom_facts_render(f, &one) ||
		    iom_facts_read_text(again, "again", one.s, one.len, err, sizeof(err)) ||
		    iom_facts_render(again, &two) || one.len != two.len ||
		    memcmp(one.s, two.s, one.len))
			abort();	/* what is written reads back the same */
		for (int u = 0; u < iom_facts_nr_units(f); u++)
			iom_facts_differ(f, again, "conv_keep");
	}
	iom_buf_free(&one);
	iom_buf_free(&two);
	iom_facts_free(f);
	iom_facts_free(again);
	return 0;
}
