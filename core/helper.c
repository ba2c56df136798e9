/*
 * helper.c - what counts as helper code, from facts the front end reports.
 *
 * Helper code is never reported and its raw member writes are not IOM005:
 * tokens spelled in a helper header, anything expanded from a helper macro
 * (iosys_map_rd() puts the caller's own tokens, and compiler.h's
 * WRITE_ONCE(), inside its expansion, so the spelling file alone is not
 * enough), and the bodies of helper functions.
 */
#include "func.h"

int iom_helper_macro(const struct iom_rules *r, const char *name)
{
	const struct iom_fn *f = iom_rules_fn(r, name);

	return f && f->kind == IOM_FN_MACRO;
}

int iom_helper_code(const struct iom_rules *r, const char *spelling,
		    const char *const *macros, int nr_macros)
{
	if (iom_rules_is_helper_file(r, spelling))
		return 1;
	for (int i = 0; i < nr_macros; i++)
		if (macros[i] && iom_helper_macro(r, macros[i]))
			return 1;
	return 0;
}

int iom_helper_function(const struct iom_rules *r, const char *name, int spelled_in_helper)
{
	const struct iom_fn *f = iom_rules_fn(r, name);

	return spelled_in_helper || (f && f->kind == IOM_FN_HELPER);
}
