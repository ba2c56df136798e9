/* SPDX-License-Identifier: GPL-2.0 */
/* iomemcheck kernel-samples: error numbers (values as in the kernel ABI). */
#ifndef _KS_LINUX_ERRNO_H
#define _KS_LINUX_ERRNO_H

#define EPERM		1
#define ENOENT		2
#define EINTR		4
#define EIO		5
#define E2BIG		7
#define EAGAIN		11
#define ENOMEM		12
#define EFAULT		14
#define EBUSY		16
#define EEXIST		17
#define ENODEV		19
#define EINVAL		22
#define ENOSPC		28
#define ERANGE		34
#define ENODATA		61
#define EOVERFLOW	75
#define EOPNOTSUPP	95
#define ETIMEDOUT	110

#endif /* _KS_LINUX_ERRNO_H */
