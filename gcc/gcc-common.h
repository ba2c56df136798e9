/*
 * gcc-common.h - every GCC header the plugin needs, and every difference
 * between the GCC releases it builds against.  No other plugin file tests a
 * GCC version: when a release renames something the plugin uses, the old
 * spelling is mapped to the new one here.
 *
 * Built and tested: GCC 11.3 and 12.2 (Debian 12's gcc-11-plugin-dev and
 * gcc-12-plugin-dev; `make GCC=gcc-11`).  Later releases are not built here:
 * only their documented API changes that touch this plugin are handled below.
 *
 * Header order: gcc-plugin.h must come first (it pulls in config.h, system.h
 * and coretypes.h); tree-ssanames.h cannot stand alone, so ssa.h brings it.
 */
#ifndef IOM_GCC_COMMON_H
#define IOM_GCC_COMMON_H

#include "gcc-plugin.h"
#include "bversion.h"		/* BUILDING_GCC_MAJOR: the GCC these headers are from */
#include "tree.h"
#include "tree-pass.h"
#include "context.h"
#include "function.h"
#include "basic-block.h"
#include "gimple.h"
#include "gimple-iterator.h"
#include "gimple-walk.h"
#include "diagnostic-core.h"
#include "diagnostic.h"
#include "stringpool.h"
#include "ssa.h"
#include "tree-pretty-print.h"
#include "langhooks.h"
#include "input.h"
#include "options.h"
#include "internal-fn.h"
#include "cgraph.h"
#include "stor-layout.h"
#include "tree-cfg.h"
#include "tree-dfa.h"		/* ssa_default_def */

#if BUILDING_GCC_MAJOR < 11
#error "iomemcheck needs GCC 11 or later (PLUGIN headers of an older GCC found)"
#endif

/*
 * GCC 14 renamed last_stmt() (the last statement of a block that is not a
 * debug statement) to last_nondebug_stmt(); the kernel's gcc-plugins did the
 * same mapping in commit 2e3f65ccfe6b ("gcc-plugins: Rename last_stmt() for
 * GCC 14+").  Not built here: no GCC 14 on Debian 12.
 */
#if BUILDING_GCC_MAJOR >= 14
static inline gimple *last_stmt(basic_block bb)
{
	return last_nondebug_stmt(bb);
}
#endif

/*
 * Was -w given?  GCC 14 renamed diagnostic_context::dc_inhibit_warnings to
 * m_inhibit_warnings (GCC's own diagnostic.h from 14 on); the macro
 * diagnostic_report_warnings_p() reads whichever one the release has, in
 * GCC 11 and 12 as in the GCC 14 to 16 sources.  At UNKNOWN_LOCATION its
 * system-header test is false, so it answers exactly "not -w".
 */
static inline bool iom_warnings_inhibited(void)
{
	return !diagnostic_report_warnings_p(global_dc, UNKNOWN_LOCATION);
}

/*
 * The version check (version.c): true when the running compiler is the one
 * the plugin was built against (every field of plugin-version.h).  Otherwise
 * prints one error line naming both and returns false.
 */
bool built_for_this_gcc(const struct plugin_gcc_version *running);

#endif
