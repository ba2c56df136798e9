/* SPDX-License-Identifier: GPL-2.0 */
/* iomemcheck-sparse test tree: what kbuild's -include kconfig.h provides. */
#ifndef FIXTURE_KCONFIG_H
#define FIXTURE_KCONFIG_H

#define CONFIG_64BIT 1

#endif
