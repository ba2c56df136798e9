/*
 * render.h - what the renderers share: appending to an iom_buf, and the
 * shape of one renderer (render.c keeps the table of them).
 */
#ifndef IOM_RENDER_H
#define IOM_RENDER_H

#include "iomem.h"

void iom_buf_add(struct iom_buf *, const char *s, size_t n);
void iom_buf_printf(struct iom_buf *, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* One output format.  begin and end may be NULL (nothing around the findings). */
struct iom_renderer {
	const char *name;
	void (*begin)(struct iom_buf *);
	void (*finding)(struct iom_buf *, const struct iom_finding *);
	void (*end)(struct iom_buf *);
};

extern const struct iom_renderer iom_text_renderer;	/* text.c */
extern const struct iom_renderer iom_json_renderer;	/* json.c */
extern const struct iom_renderer iom_fixits_renderer;	/* text.c */

static inline const char *iom_severity(const struct iom_finding *f)
{
	return f->error ? "error" : "warning";
}

#endif
