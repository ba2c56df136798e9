/* SPDX-License-Identifier: GPL-2.0 */
/* iomemcheck-sparse test tree: sparse annotations, as kbuild -includes them. */
#ifndef FIXTURE_COMPILER_TYPES_H
#define FIXTURE_COMPILER_TYPES_H

#ifdef __CHECKER__
# define __user		__attribute__((noderef, address_space(__user)))
# define __iomem	__attribute__((noderef, address_space(__iomem)))
# define __force	__attribute__((force))
#else
# define __user
# define __iomem
# define __force
#endif

#endif
