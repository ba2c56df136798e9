/*
 * version.c - the version check: the plugin only runs inside the GCC it was
 * built against.  GCC's plugin API is its internal API, so a plugin built
 * for another release (or another build of the same one) may load and then
 * misread every structure it touches.
 *
 * plugin-version.h holds the build-time identity; the running compiler hands
 * its own to plugin_init().  Only this file includes plugin-version.h: it
 * defines static data, one copy per including file.
 */
#include "gcc-common.h"
#include "plugin-version.h"

static bool same(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/* "11.3.0 (20230216)", with devphase and revision when the build has them. */
static void describe(const struct plugin_gcc_version *v, char *buf, size_t size)
{
	snprintf(buf, size, "%s (%s%s%s%s%s)", v->basever ? v->basever : "?",
		 v->datestamp ? v->datestamp : "?",
		 v->devphase && *v->devphase ? " " : "", v->devphase ? v->devphase : "",
		 v->revision && *v->revision ? " " : "", v->revision ? v->revision : "");
}

/* "12": what Debian calls the compiler (gcc-12), for the rebuild hint. */
static int major_of(const struct plugin_gcc_version *v)
{
	return v->basever ? atoi(v->basever) : 0;
}

/* The fields GCC's own plugin_default_version_check() compares. */
bool built_for_this_gcc(const struct plugin_gcc_version *running)
{
	const struct plugin_gcc_version *built = &gcc_version;
	bool release = same(built->basever, running->basever) &&
		       same(built->datestamp, running->datestamp) &&
		       same(built->devphase, running->devphase) &&
		       same(built->revision, running->revision);
	char was[160], is[160];

	if (release && same(built->configuration_arguments, running->configuration_arguments))
		return true;
	describe(built, was, sizeof(was));
	describe(running, is, sizeof(is));
	/* error() is the running compiler's own, so it is safe to call even from
	 * a plugin built against another GCC; the caller then exits, so GCC adds
	 * no "failed to initialize plugin" line. */
	error("iomemcheck: built for GCC %s%s, this is GCC %s: rebuild the plugin with "
	      "this compiler (make GCC=gcc-%d)", was, release ? " configured differently" : "",
	      is, major_of(running));
	return false;
}
