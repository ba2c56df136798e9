/*
 * sinks.c - the other places findings must land: the compiler's own text
 * (GNU) and JSON lines, both rendered by the core, GitHub workflow annotations, GitLab Code Quality and
 * the kernel 0-day bot's mail style.  Each gets the new findings (all of
 * them when there is no baseline); SARIF is in sarif.c.
 */
#include <jansson.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gate.h"

struct buf {
	char *s;
	size_t n, cap;
};

static void put(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int k;

	for (;;) {
		va_start(ap, fmt);
		k = vsnprintf(b->s ? b->s + b->n : NULL, b->s ? b->cap - b->n : 0, fmt, ap);
		va_end(ap);
		if (b->s && (size_t)k < b->cap - b->n)
			break;
		b->cap = (b->cap + (size_t)k + 1) * 2;
		b->s = realloc(b->s, b->cap);
		if (!b->s)
			abort();
	}
	b->n += (size_t)k;
}

static char *done(struct buf *b)
{
	if (!b->s)
		put(b, "%s", "");
	return b->s;
}

static const char *severity(const struct gate_finding *f)
{
	return f->error ? "error" : "warning";
}

/* The finding as the core sees it, for the core's own renderers: the text
 * and JSON every engine prints. */
static void to_iom(const struct gate_finding *f, struct iom_finding *out)
{
	memset(out, 0, sizeof(*out));
	out->rule = f->rule;
	out->error = f->error;
	out->function = f->function;
	out->where = (struct iom_where){ f->file, f->line, f->col, 0 };
	snprintf(out->message, sizeof(out->message), "%s", f->message);
	for (int k = 0; k < f->nr_notes && k < IOM_MAX_NOTES; k++) {
		out->notes[k].where = (struct iom_where){ f->notes[k].file, f->notes[k].line,
							  f->notes[k].col, 0 };
		snprintf(out->notes[k].text, sizeof(out->notes[k].text), "%s", f->notes[k].text);
		out->nr_notes++;
	}
	for (int k = 0; k < f->nr_edits; k++) {
		const struct gate_edit *e = &f->edits[k];

		out->edits[k] = (struct iom_edit){ e->file, e->line, e->col, e->end_line,
						   e->end_col, "" };
		snprintf(out->edits[k].text, sizeof(out->edits[k].text), "%s", e->text);
	}
	out->nr_edits = f->nr_edits;
	out->preferred = f->preferred;
}

/* gnu and json: the core's renderers, new findings only. */
static char *core_format(const struct gate_set *s, enum iom_format fmt)
{
	struct iom_buf b = { 0 };
	struct iom_finding f;

	iom_render_begin(fmt, &b);
	for (int i = 0; i < s->n; i++) {
		if (s->v[i].state != GATE_NEW)
			continue;
		to_iom(&s->v[i], &f);
		iom_render(fmt, &f, &b);
	}
	iom_render_end(fmt, &b);
	if (b.failed) {
		iom_buf_free(&b);
		return NULL;
	}
	return b.s ? b.s : strdup("");
}

/* Workflow commands: '%', CR and LF escaped everywhere, ':' and ',' too in
 * the properties. */
static void escaped(struct buf *b, const char *s, int property)
{
	for (; *s; s++) {
		if (*s == '%' || *s == '\r' || *s == '\n' || (property && (*s == ':' || *s == ',')))
			put(b, "%%%02X", (unsigned char)*s);
		else
			put(b, "%c", *s);
	}
}

static void summary_line(struct buf *b, const struct gate_summary *sum)
{
	put(b, "iomemcheck: %d new, %d baselined, %d fixed (in the baseline, no longer found), "
	    "%d suppressed", sum->new_, sum->baselined, sum->fixed, sum->suppressed);
	if (sum->not_analysed)
		put(b, ", %d file(s) not analysed", sum->not_analysed);
}

/*
 * GitHub shows at most 10 warnings and 10 errors of a step as annotations:
 * the new findings come first, errors before warnings, and the summary is a
 * notice of its own, so it is always shown.
 */
static char *github(const struct gate_set *s, const struct gate_summary *sum)
{
	struct buf b = { 0 };

	for (int pass = 1; pass >= 0; pass--)
		for (int i = 0; i < s->n; i++) {
			const struct gate_finding *f = &s->v[i];
			char title[64];

			if (f->state != GATE_NEW || f->error != pass)
				continue;
			snprintf(title, sizeof(title), "%s (new)", iom_rule_name(f->rule));
			put(&b, "::%s file=", severity(f));
			escaped(&b, f->file, 1);
			put(&b, ",line=%d,col=%d,endColumn=%d,title=", f->line, f->col,
			    f->end_col > f->col ? f->end_col : f->col + 1);
			escaped(&b, title, 1);
			put(&b, "::");
			escaped(&b, f->message, 0);
			for (int k = 0; k < f->nr_notes; k++) {
				char where[64];

				snprintf(where, sizeof(where), ":%d:%d: ", f->notes[k].line,
					 f->notes[k].col);
				escaped(&b, "\n", 0);
				escaped(&b, f->notes[k].file, 0);
				escaped(&b, where, 0);
				escaped(&b, f->notes[k].text, 0);
			}
			put(&b, "\n");
		}
	put(&b, "::notice title=iomemcheck::");
	{
		struct buf t = { 0 };

		summary_line(&t, sum);
		escaped(&b, done(&t), 0);
		free(t.s);
	}
	put(&b, "\n");
	return done(&b);
}

/* GitLab Code Quality: a JSON array; the fingerprint must be unique per
 * issue, so the key (stable) is joined with the file and engine. */
static char *codequality(const struct gate_set *s)
{
	json_t *a = json_array();
	char *t;
	struct buf b = { 0 };

	for (int i = 0; i < s->n; i++) {
		const struct gate_finding *f = &s->v[i];
		char fp[40];
		uint64_t h = 0xcbf29ce484222325ull;
		const char *parts[] = { f->key, f->engine, f->file };

		if (f->state != GATE_NEW)
			continue;
		for (int k = 0; k < 3; k++)
			for (const char *p = parts[k]; ; p++) {
				h ^= (unsigned char)*p;
				h *= 0x100000001b3ull;
				if (!*p)
					break;
			}
		snprintf(fp, sizeof(fp), "%016llx", (unsigned long long)h);
		json_array_append_new(a, json_pack("{s:s,s:s,s:s,s:s,s:s,s:{s:s,s:{s:i}}}",
			"type", "issue", "description", f->message,
			"check_name", iom_rule_name(f->rule), "fingerprint", fp,
			"severity", f->error ? "critical" : "major",
			"location", "path", f->file, "lines", "begin", f->line));
	}
	t = json_dumps(a, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
	json_decref(a);
	put(&b, "%s\n", t);
	free(t);
	return done(&b);
}

/*
 * The kernel test robot's mail: every finding, the new ones marked ">>",
 * then each new one with the source around it and its line marked ">".
 */
static char *zeroday(const struct gate_set *s, const struct gate_summary *sum)
{
	struct buf b = { 0 };

	put(&b, "iomemcheck warnings: (new ones prefixed by >>)\n");
	for (int i = 0; i < s->n; i++) {
		const struct gate_finding *f = &s->v[i];

		if (f->state == GATE_SUPPRESSED)
			continue;
		put(&b, "%s %s:%d:%d: %s: %s [%s]\n", f->state == GATE_NEW ? ">>" : "  ", f->file,
		    f->line, f->col, severity(f), f->message, iom_rule_name(f->rule));
	}
	for (int i = 0; i < s->n; i++) {
		const struct gate_finding *f = &s->v[i];

		if (f->state != GATE_NEW)
			continue;
		put(&b, "\nvim +%d %s\n\n", f->line, f->file);
		for (int l = f->line - 3 > 1 ? f->line - 3 : 1; l <= f->line + 1; l++) {
			const char *text = gate_source_line(f->file, l);

			if (!text)
				break;
			put(&b, "%s %4d\t%s\n", l == f->line ? ">" : " ", l, text);
		}
		for (int k = 0; k < f->nr_notes; k++)
			put(&b, "  %s:%d:%d: note: %s\n", f->notes[k].file, f->notes[k].line,
			    f->notes[k].col, f->notes[k].text);
	}
	put(&b, "\n");
	summary_line(&b, sum);
	put(&b, "\n");
	return done(&b);
}

static const char *const format_names[GATE_NR_FORMATS] = {
	[GATE_FMT_GNU] = "gnu", [GATE_FMT_JSON] = "json", [GATE_FMT_SARIF] = "sarif",
	[GATE_FMT_GITHUB] = "github", [GATE_FMT_CODEQUALITY] = "codequality",
	[GATE_FMT_0DAY] = "0day",
};

int gate_format_of(const char *name)
{
	for (int i = 0; i < GATE_NR_FORMATS; i++)
		if (!strcmp(name, format_names[i]))
			return i;
	return -1;
}

char *gate_render(enum gate_format fmt, const struct gate_set *s, const struct gate_summary *sum,
		  const struct gate_sarif_opts *opts)
{
	switch (fmt) {
	case GATE_FMT_GNU:
		return core_format(s, IOM_FORMAT_TEXT);
	case GATE_FMT_JSON:
		return core_format(s, IOM_FORMAT_JSON);
	case GATE_FMT_SARIF:
		return gate_render_sarif(s, opts);
	case GATE_FMT_GITHUB:
		return github(s, sum);
	case GATE_FMT_CODEQUALITY:
		return codequality(s);
	case GATE_FMT_0DAY:
		return zeroday(s, sum);
	default:
		return NULL;
	}
}
