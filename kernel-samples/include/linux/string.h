/* SPDX-License-Identifier: GPL-2.0 */
/*
 * iomemcheck kernel-samples: string and memory functions.  Declared as plain
 * extern functions; GCC knows them as builtins and may fold them (a memcpy of
 * a small constant size becomes a load and a store).
 */
#ifndef _KS_LINUX_STRING_H
#define _KS_LINUX_STRING_H

#include <linux/types.h>

extern void *memcpy(void *dest, const void *src, size_t count);
extern void *memmove(void *dest, const void *src, size_t count);
extern void *memset(void *s, int c, size_t count);
extern int memcmp(const void *cs, const void *ct, size_t count);
extern size_t strlen(const char *s);
extern size_t strnlen(const char *s, size_t count);
extern int strcmp(const char *cs, const char *ct);
extern ssize_t strscpy(char *dest, const char *src, size_t count);

extern void *memset16(u16 *s, u16 v, size_t count);
extern void *memset32(u32 *s, u32 v, size_t count);
extern void *memset64(u64 *s, u64 v, size_t count);

#endif /* _KS_LINUX_STRING_H */
