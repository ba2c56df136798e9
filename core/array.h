/* array.h - growing arrays, shared by the core's files. */
#ifndef IOM_ARRAY_H
#define IOM_ARRAY_H

#include <stdlib.h>

/*
 * Make room for element 'nr' of an array that holds 'nr' elements of 'size'
 * bytes.  Capacity doubles at every power of two, so the capacity never has
 * to be stored.  Returns the (possibly moved) array, NULL when out of memory
 * (the old array is then still valid).
 */
static inline void *iom_grow(void *base, int nr, size_t size)
{
	if (nr & (nr - 1))
		return base;
	return realloc(base, (nr ? 2 * (size_t)nr : 1) * size);
}

#endif
