/*
 * format.c - which arguments of a printf-style call are read through.
 *
 * printk and the vsprintf family print most pointers by reading what they
 * point to: %s reads up to the NUL, and the kernel's %p extensions (%ph,
 * %pE, %pM, %pI4, %pU, ...) read the bytes behind the pointer.  Only a bare
 * %p and the extensions that print the address itself, a symbol name or an
 * error code leave the memory alone.
 */
#include <ctype.h>
#include <string.h>

#include "func.h"

/* %p followed by one of these prints the pointer, never what it points to. */
static const char address_only[] = "xKSsBFfe";

static const char *skip_flags(const char *s)
{
	while (*s && strchr("-+ #0", *s))
		s++;
	return s;
}

/* Width or precision: digits, or '*' which takes an argument. */
static const char *skip_count(const char *s, unsigned char *roles, int *n, int max)
{
	if (*s == '*') {
		if (*n < max)
			roles[*n] = IOM_CONV_VALUE;
		(*n)++;
		return s + 1;
	}
	while (isdigit((unsigned char)*s))
		s++;
	return s;
}

static unsigned char pointer_role(const char *ext)
{
	if (!isalnum((unsigned char)*ext) || strchr(address_only, *ext))
		return IOM_CONV_VALUE;
	return IOM_CONV_READS;
}

int iom_format_roles(const char *fmt, unsigned char *roles, int max)
{
	int n = 0;

	for (const char *s = fmt; (s = strchr(s, '%')); ) {
		unsigned char role = IOM_CONV_VALUE;

		s++;
		if (*s == '%') {
			s++;
			continue;
		}
		s = skip_flags(s);
		s = skip_count(s, roles, &n, max);
		if (*s == '.')
			s = skip_count(s + 1, roles, &n, max);
		while (*s && strchr("hlLqjzZt", *s))
			s++;
		if (!*s)
			break;
		if (*s == 's')
			role = IOM_CONV_READS;
		else if (*s == 'p')
			role = pointer_role(s + 1);
		s++;
		if (n < max)
			roles[n] = role;
		n++;
	}
	return n;
}
