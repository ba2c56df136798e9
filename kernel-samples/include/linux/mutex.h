/* SPDX-License-Identifier: GPL-2.0 */
/* iomemcheck kernel-samples: sleeping locks. */
#ifndef _KS_LINUX_MUTEX_H
#define _KS_LINUX_MUTEX_H

#include <linux/types.h>

struct mutex {
	long owner;
	int wait_count;
};

extern void mutex_lock(struct mutex *lock);
extern void mutex_unlock(struct mutex *lock);
extern int mutex_lock_interruptible(struct mutex *lock);

#endif /* _KS_LINUX_MUTEX_H */
