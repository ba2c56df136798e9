/*
 * shard.c - splitting one run over CI machines: shard K of N takes the files
 * whose name hashes to K-1 modulo N.  The hash is fixed (FNV-1a), so every
 * machine of a matrix computes the same split without talking to the others.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "gate.h"

int gate_shard_parse(const char *spec, int *k, int *n)
{
	char *end;
	long a, b;

	if (!spec)
		return -1;
	a = strtol(spec, &end, 10);
	if (end == spec || *end != '/')
		return -1;
	spec = end + 1;
	b = strtol(spec, &end, 10);
	if (end == spec || *end || b < 1 || b > 10000 || a < 1 || a > b)
		return -1;
	*k = (int)a;
	*n = (int)b;
	return 0;
}

int gate_shard_has(const char *file, int k, int n)
{
	uint64_t h = 0xcbf29ce484222325ull;

	while (file[0] == '.' && file[1] == '/')
		file += 2;	/* "./a.c" and "a.c" are one file */
	for (; *file; file++) {
		h ^= (unsigned char)*file;
		h *= 0x100000001b3ull;
	}
	return (int)(h % (uint64_t)n) == k - 1;
}
