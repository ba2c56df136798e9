/* alloc.h - growing arrays and string copies, shared by the core's files. */
#ifndef IOM_ALLOC_H
#define IOM_ALLOC_H

#include <stdlib.h>
#include <string.h>

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

/* A malloc'ed copy of s, NULL when out of memory. */
static inline char *iom_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = (char *)malloc(n);

	if (p)
		memcpy(p, s, n);
	return p;
}

#endif
