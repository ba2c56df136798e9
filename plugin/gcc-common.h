/*
 * gcc-common.h - every GCC header the plugin needs, in the one order GCC 12
 * accepts.  gcc-plugin.h must come first (it pulls in config.h, system.h and
 * coretypes.h); tree-ssanames.h cannot stand alone, so ssa.h brings it.
 */
#ifndef IOM_GCC_COMMON_H
#define IOM_GCC_COMMON_H

#include "gcc-plugin.h"
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

#endif
