/*
 * suppress.c - in-source suppressions for trees that want them:
 *
 *	memcpy(dst, map->vaddr, len);	/+ iomemcheck: ignore IOM003 -- the BO is pinned in RAM +/
 *
 * (with real comment slashes) on the finding's line, or alone on the line
 * above.
 * Several rules may be named (IOM002,IOM003).  The reason after "--" is
 * required: a suppression nobody can review later is a silenced bug.  A
 * comment without one does not suppress and is an input error.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "gate.h"

#define MARK "iomemcheck: ignore"

struct comment {
	unsigned rules;		/* bit r: rule r named */
	char bad[32];		/* an unknown rule name, if any */
	char reason[256];
};

/* 1 when the line has a suppression comment (filled in), 0 otherwise. */
static int parse(const char *line, struct comment *c)
{
	const char *p = line ? strstr(line, MARK) : NULL, *end;
	size_t n;

	memset(c, 0, sizeof(*c));
	if (!p)
		return 0;
	p += strlen(MARK);
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		if (strncmp(p, "IOM", 3))
			break;
		n = strspn(p, "IOM0123456789");
		char name[32];
		int r;

		snprintf(name, sizeof(name), "%.*s", (int)n, p);
		r = gate_rule_of(name);
		if (r)
			c->rules |= 1u << r;
		else if (!c->bad[0])
			snprintf(c->bad, sizeof(c->bad), "%s", name);
		p += n;
	}
	if (strncmp(p, "--", 2))
		return 1;
	p += 2;
	end = strstr(p, "*/");
	if (!end)
		end = p + strlen(p);
	while (p < end && isspace((unsigned char)*p))
		p++;
	while (end > p && isspace((unsigned char)end[-1]))
		end--;
	snprintf(c->reason, sizeof(c->reason), "%.*s", (int)(end - p), p);
	return 1;
}

/* A comment at the end of a code line is about that line only; one that
 * stands on its own line is about the next. */
static int stands_alone(const char *line)
{
	char *code = gate_normalise_line(line);
	int alone = !code[0];

	free(code);
	return alone;
}

static int check_line(struct gate_finding *f, int line, FILE *err, int *errors)
{
	const char *text = gate_source_line(f->file, line);
	struct comment c;

	if (!parse(text, &c) || (line != f->line && !stands_alone(text)))
		return 0;
	if (!c.bad[0] && !(c.rules & (1u << f->rule)))
		return 0;
	if (c.bad[0] || !c.reason[0]) {
		/* Reported with the finding it would hide, so once per finding. */
		if (err)
			fprintf(err, "%s:%d: error: iomemcheck suppression %s\n", f->file, line,
				c.bad[0] ? "names an unknown rule" :
				"needs a reason: 'iomemcheck: ignore IOMnnn -- why'");
		(*errors)++;
		return 0;
	}
	f->state = GATE_SUPPRESSED;
	free(f->why);
	f->why = strdup(c.reason);
	return 1;
}

int gate_suppress(struct gate_set *s, FILE *err)
{
	int errors = 0;

	for (int i = 0; i < s->n; i++) {
		struct gate_finding *f = &s->v[i];

		if (f->state == GATE_SUPPRESSED)
			continue;	/* already decided (a merged shard) */
		if (!check_line(f, f->line, err, &errors))
			check_line(f, f->line - 1, err, &errors);
	}
	return errors;
}
