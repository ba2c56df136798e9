/* SPDX-License-Identifier: GPL-2.0 */
/*
 * iomemcheck kernel-samples (not a kernel header): build the sample the way
 * kbuild builds kernel code by default, without -Wmaybe-uninitialized
 * (scripts/Makefile.extrawarn only enables it for W=2).
 *
 * IOM008 samples read the flag of a map that is uninitialised on some path;
 * with -Wall, GCC may notice some of those paths itself after inlining the
 * helpers, which would break the "compiles without warnings" rule of the
 * corpus.  Include this header FIRST (before any map header): GCC applies
 * the pragma by source position, and the warnings point into the helper
 * headers.  Clang does not know the option, so it is GCC only.
 */
#ifndef _KS_LINUX_KSAMPLES_MAYBE_UNINITIALIZED_H
#define _KS_LINUX_KSAMPLES_MAYBE_UNINITIALIZED_H

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#endif /* _KS_LINUX_KSAMPLES_MAYBE_UNINITIALIZED_H */
