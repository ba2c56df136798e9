// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz target: the rules parser.  Each input is one rules file, loaded on
 * top of the built-in rules (as rules=FILE does), so that replacing and
 * extending built-in types is exercised too.  A bad file must give an
 * error, never a crash.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "iomem.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct iom_rules *r = iom_rules_new();
	char *text = malloc(size + 1);
	char err[512];

	memcpy(text, data, size);
	text[size] = '\0';
	if (iom_rules_load_text(r, "fuzz.rules", text, err, sizeof(err)) == 0)
		(void)iom_rules_nr_types(r);
	free(text);
	iom_rules_free(r);
	return 0;
}
