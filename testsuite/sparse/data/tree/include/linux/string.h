/* SPDX-License-Identifier: GPL-2.0 */
/* iomemcheck-sparse test tree: string functions (declarations only). */
#ifndef FIXTURE_STRING_H
#define FIXTURE_STRING_H

#include <linux/types.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);

#endif
