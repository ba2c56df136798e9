/*
 * facts.h - the core's side of the fact files (facts.c): what unit.c adds
 * to a unit's block and looks up for calls to other files.
 */
#ifndef IOM_FACTS_H
#define IOM_FACTS_H

#include "func.h"

/* Start (or restart) the block of a source file: its real path, size and
 * hash now.  Returns the unit, or -1 and "FILE: error: ..." in err. */
int iom_facts_begin_unit(struct iom_facts *, const char *source, char *err, size_t errlen);
/* What function fn leaves in the map its argument arg points to: kinds
 * K_SYS | K_IO, 0 when it never writes it. */
int iom_facts_add(struct iom_facts *, int unit, const char *fn, int arg, unsigned kinds);
#define DRIVER_OTHER	4	/* a DRM driver whose backend the rules do not know */

/* The unit's analysis asked for the driver of its folder. */
void iom_facts_set_uses_driver(struct iom_facts *, int unit);
/* The unit declares a DRM driver: its GEM backend's kinds (K_SYS, K_IO), or
 * DRIVER_OTHER. */
void iom_facts_set_driver(struct iom_facts *, int unit, int driver);
/* The unit's analysis asked for the facts of fn. */
int iom_facts_add_use(struct iom_facts *, int unit, const char *fn);
/* 1 and *kinds, *from (the file the fact came from) when every file that
 * defines fn agrees on a fact for arg and is as it was summarised. */
int iom_facts_lookup(struct iom_facts *, const char *fn, int arg, unsigned *kinds,
		     const char **from);

#endif
