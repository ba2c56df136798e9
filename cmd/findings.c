/*
 * findings.c - the workers' JSON lines back into findings.
 *
 * Every engine's findings arrive as the core's JSON (iom_format_json), so
 * this is the one place that knows the line format; a line that does not
 * parse means the worker broke, and the entry is reported as not analysed
 * rather than dropped.  File names are resolved against the entry's folder
 * and shown relative to the current directory, so every engine and every -j
 * prints the same bytes.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cmd.h"

static int rule_of(const char *name)
{
	for (int r = 1; r < IOM_NR_RULES; r++)
		if (iom_rule_exists(r) && !strcmp(iom_rule_name(r), name))
			return r;
	return 0;
}

static int where_of(json_t *o, const char *dir, const char *cwd, struct iom_where *w)
{
	json_t *file = json_object_get(o, "file"), *line = json_object_get(o, "line"),
	       *col = json_object_get(o, "column");
	char *abs;

	if (!json_is_string(file) || !json_is_integer(line) || !json_is_integer(col))
		return -1;
	abs = path_absolute(dir, json_string_value(file));
	w->file = path_display(abs, cwd);
	free(abs);
	w->line = (int)json_integer_value(line);
	w->col = (int)json_integer_value(col);
	w->helper = 0;
	return 0;
}

static void copy_text(char *dst, size_t len, json_t *v)
{
	snprintf(dst, len, "%s", json_is_string(v) ? json_string_value(v) : "");
}

static void free_finding(struct iom_finding *f)
{
	free((char *)f->where.file);
	free((char *)f->function);
	for (int i = 0; i < f->nr_notes; i++)
		free((char *)f->notes[i].where.file);
	for (int i = 0; i < f->nr_edits; i++)
		free((char *)f->edits[i].file);
}

/* "fixes":[{"file","line","column","end_line","end_column","text"}], all or none. */
static int fixes_of(json_t *o, const char *dir, const char *cwd, struct iom_finding *f)
{
	json_t *fixes = json_object_get(o, "fixes"), *e;
	size_t i;

	if (!fixes)
		return 0;
	if (!json_is_array(fixes) || json_array_size(fixes) > IOM_MAX_EDITS)
		return -1;
	json_array_foreach(fixes, i, e) {
		struct iom_edit *ed = &f->edits[f->nr_edits];
		struct iom_where w;
		json_t *el = json_object_get(e, "end_line"), *ec = json_object_get(e, "end_column");
		json_t *text = json_object_get(e, "text");

		if (where_of(e, dir, cwd, &w))
			return -1;
		ed->file = w.file;
		f->nr_edits++;
		if (!json_is_integer(el) || !json_is_integer(ec) || !json_is_string(text) ||
		    strlen(json_string_value(text)) >= sizeof(ed->text))
			return -1;
		ed->line = w.line;
		ed->col = w.col;
		ed->end_line = (int)json_integer_value(el);
		ed->end_col = (int)json_integer_value(ec);
		copy_text(ed->text, sizeof(ed->text), text);
	}
	f->preferred = json_is_true(json_object_get(o, "preferred"));
	return 0;
}

static int finding_of(json_t *o, const char *dir, const char *cwd, struct iom_finding *f)
{
	json_t *rule = json_object_get(o, "rule"), *notes = json_object_get(o, "notes"), *n;
	json_t *sev = json_object_get(o, "severity"), *fn = json_object_get(o, "function");
	size_t i;

	memset(f, 0, sizeof(*f));
	if (!json_is_string(rule) || !(f->rule = rule_of(json_string_value(rule))))
		return -1;
	if (where_of(o, dir, cwd, &f->where))
		return -1;
	f->error = json_is_string(sev) && !strcmp(json_string_value(sev), "error");
	f->function = strdup(json_is_string(fn) ? json_string_value(fn) : "");
	copy_text(f->message, sizeof(f->message), json_object_get(o, "message"));
	json_array_foreach(notes, i, n) {
		if (f->nr_notes == IOM_MAX_NOTES)
			break;
		if (where_of(n, dir, cwd, &f->notes[f->nr_notes].where)) {
			free_finding(f);
			return -1;
		}
		copy_text(f->notes[f->nr_notes].text, sizeof(f->notes[0].text),
			  json_object_get(n, "message"));
		f->nr_notes++;
	}
	if (fixes_of(o, dir, cwd, f)) {
		free_finding(f);
		return -1;
	}
	return 0;
}

static char *joined(json_t *list)
{
	size_t i, len = 1;
	json_t *v;
	char *s;

	json_array_foreach(list, i, v)
		len += strlen(json_string_value(v) ? json_string_value(v) : "") + 1;
	s = calloc(1, len);
	json_array_foreach(list, i, v) {
		if (i)
			strcat(s, " ");
		strcat(s, json_string_value(v) ? json_string_value(v) : "");
	}
	return s;
}

static void status_of(json_t *o, struct outcome *out)
{
	json_t *st = json_object_get(o, "status"), *err = json_object_get(o, "error");

	out->analysed = json_is_string(st) && !strcmp(json_string_value(st), "analysed");
	if (!out->analysed)
		out->error = strdup(json_is_string(err) ? json_string_value(err)
							: "the engine gave no reason");
	if (json_array_size(json_object_get(o, "dropped")))
		out->dropped = joined(json_object_get(o, "dropped"));
	if (json_is_string(json_object_get(o, "facts")))
		out->facts = strdup(json_string_value(json_object_get(o, "facts")));
}

void findings_add_output(struct findings *set, const char *text, size_t len, const char *dir,
			 const char *cwd, struct outcome *out)
{
	const char *end = text + len;
	int first = set->nr, seen_status = 0;

	memset(out, 0, sizeof(*out));
	out->first = first;
	while (text < end && !seen_status) {
		const char *nl = memchr(text, '\n', end - text);
		size_t n = nl ? (size_t)(nl - text) : (size_t)(end - text);
		json_t *o = json_loadb(text, n, 0, NULL);
		struct iom_finding f;

		text += n + 1;
		if (o && json_object_get(o, "status")) {
			status_of(o, out);
			seen_status = 1;
		} else if (o && !finding_of(o, dir, cwd, &f)) {
			set->v = realloc(set->v, (set->nr + 1) * sizeof(*set->v));
			set->v[set->nr++] = f;
			set->per_rule[f.rule]++;
		} else {
			json_decref(o);
			out->error = strdup("the engine's output is not the expected JSON");
			break;
		}
		json_decref(o);
	}
	if (!seen_status || !out->analysed) {
		/* Half an entry is no result: keep none of it. */
		while (set->nr > first)
			set->per_rule[set->v[--set->nr].rule]--, free_finding(&set->v[set->nr]);
		out->analysed = 0;
	}
	out->nr_findings = set->nr - first;
}

static int compare(const void *pa, const void *pb)
{
	const struct iom_finding *a = pa, *b = pb;
	int c;

	if ((c = strcmp(a->where.file, b->where.file)))
		return c;
	if (a->where.line != b->where.line)
		return a->where.line < b->where.line ? -1 : 1;
	if (a->where.col != b->where.col)
		return a->where.col < b->where.col ? -1 : 1;
	if (a->rule != b->rule)
		return a->rule < b->rule ? -1 : 1;
	if ((c = strcmp(a->message, b->message)) || (c = strcmp(a->function, b->function)))
		return c;
	if (a->error != b->error)
		return a->error - b->error;
	if (a->nr_notes != b->nr_notes)
		return a->nr_notes - b->nr_notes;
	for (int i = 0; i < a->nr_notes; i++) {
		const struct iom_note *x = &a->notes[i], *y = &b->notes[i];

		if ((c = strcmp(x->where.file, y->where.file)))
			return c;
		if (x->where.line != y->where.line)
			return x->where.line < y->where.line ? -1 : 1;
		if (x->where.col != y->where.col)
			return x->where.col < y->where.col ? -1 : 1;
		if ((c = strcmp(x->text, y->text)))
			return c;
	}
	if (a->nr_edits != b->nr_edits)
		return a->nr_edits - b->nr_edits;
	for (int i = 0; i < a->nr_edits; i++) {
		const struct iom_edit *x = &a->edits[i], *y = &b->edits[i];

		if ((c = strcmp(x->file, y->file)) || (c = x->line - y->line) ||
		    (c = x->col - y->col) || (c = x->end_line - y->end_line) ||
		    (c = x->end_col - y->end_col) || (c = strcmp(x->text, y->text)))
			return c;
	}
	return a->preferred - b->preferred;
}

void findings_sort(struct findings *set)
{
	int n = 0;

	if (set->nr)
		qsort(set->v, set->nr, sizeof(*set->v), compare);
	memset(set->per_rule, 0, sizeof(set->per_rule));
	for (int i = 0; i < set->nr; i++) {
		if (n && !compare(&set->v[n - 1], &set->v[i])) {
			free_finding(&set->v[i]);
			continue;
		}
		set->v[n++] = set->v[i];
		set->per_rule[set->v[i].rule]++;
	}
	set->nr = n;
}

void findings_drop(struct findings *set, const unsigned char *drop)
{
	int n = 0;

	for (int i = 0; i < set->nr; i++) {
		if (drop[i]) {
			set->per_rule[set->v[i].rule]--;
			free_finding(&set->v[i]);
			continue;
		}
		set->v[n++] = set->v[i];
	}
	set->nr = n;
}

void findings_free(struct findings *set)
{
	for (int i = 0; i < set->nr; i++)
		free_finding(&set->v[i]);
	free(set->v);
	memset(set, 0, sizeof(*set));
}
