/*
 * set.c - the findings of one run, whatever engine or file they came from,
 * and the fate of each file.
 */
#include <stdlib.h>
#include <string.h>

#include "gate.h"

static char *dup(const char *s)
{
	return strdup(s ? s : "");
}

static void *grow(void *v, int *cap, int need, size_t size)
{
	if (need <= *cap)
		return v;
	*cap = *cap ? *cap * 2 : 64;
	if (*cap < need)
		*cap = need;
	v = realloc(v, (size_t)*cap * size);
	if (!v)
		abort();	/* out of memory: nothing sensible left to do */
	return v;
}

void gate_set_init(struct gate_set *s)
{
	memset(s, 0, sizeof(*s));
}

static void finding_free(struct gate_finding *f)
{
	free(f->engine);
	free(f->file);
	free(f->function);
	free(f->message);
	free(f->snippet);
	free(f->why);
	for (int i = 0; i < f->nr_notes; i++) {
		free(f->notes[i].file);
		free(f->notes[i].text);
	}
	free(f->notes);
	for (int i = 0; i < f->nr_edits; i++) {
		free(f->edits[i].file);
		free(f->edits[i].text);
	}
}

void gate_set_free(struct gate_set *s)
{
	for (int i = 0; i < s->n; i++)
		finding_free(&s->v[i]);
	for (int i = 0; i < s->nr_files; i++) {
		free(s->files[i].engine);
		free(s->files[i].file);
		free(s->files[i].error);
	}
	free(s->v);
	free(s->files);
	gate_set_init(s);
}

int gate_rule_of(const char *name)
{
	for (int r = 1; r < IOM_NR_RULES; r++)
		if (iom_rule_exists(r) && name && !strcmp(name, iom_rule_name(r)))
			return r;
	return 0;
}

struct gate_finding *gate_set_add(struct gate_set *s, const char *engine, int rule, int error,
				  const char *file, int line, int col, const char *function,
				  const char *message)
{
	struct gate_finding *f;

	s->v = grow(s->v, &s->cap, s->n + 1, sizeof(*s->v));
	f = &s->v[s->n++];
	memset(f, 0, sizeof(*f));
	f->engine = dup(engine);
	f->rule = rule;
	f->error = error;
	f->file = dup(file);
	f->line = line;
	f->col = col;
	f->function = dup(function);
	f->message = dup(message);
	return f;
}

void gate_finding_note(struct gate_finding *f, const char *file, int line, int col,
		       const char *text)
{
	struct gate_note *n;

	f->notes = realloc(f->notes, (size_t)(f->nr_notes + 1) * sizeof(*f->notes));
	if (!f->notes)
		abort();
	n = &f->notes[f->nr_notes++];
	n->file = dup(file);
	n->line = line;
	n->col = col;
	n->text = dup(text);
}

struct gate_finding *gate_set_add_iom(struct gate_set *s, const char *engine,
				      const struct iom_finding *in)
{
	struct gate_finding *f = gate_set_add(s, engine, in->rule, in->error, in->where.file,
					      in->where.line, in->where.col, in->function,
					      in->message);

	for (int i = 0; i < in->nr_notes; i++)
		gate_finding_note(f, in->notes[i].where.file, in->notes[i].where.line,
				  in->notes[i].where.col, in->notes[i].text);
	for (int i = 0; i < in->nr_edits; i++)
		gate_finding_edit(f, in->edits[i].file, in->edits[i].line, in->edits[i].col,
				  in->edits[i].end_line, in->edits[i].end_col, in->edits[i].text);
	f->preferred = in->preferred;
	return f;
}

void gate_finding_edit(struct gate_finding *f, const char *file, int line, int col,
		       int end_line, int end_col, const char *text)
{
	struct gate_edit *e;

	if (f->nr_edits == IOM_MAX_EDITS)
		return;
	e = &f->edits[f->nr_edits++];
	e->file = dup(file);
	e->line = line;
	e->col = col;
	e->end_line = end_line;
	e->end_col = end_col;
	e->text = dup(text ? text : "");
}

void gate_set_file(struct gate_set *s, const char *engine, const char *file, const char *error)
{
	struct gate_file *g;

	for (int i = 0; i < s->nr_files; i++) {
		g = &s->files[i];
		if (!strcmp(g->engine, engine) && !strcmp(g->file, file)) {
			/* Seen twice (a shard merge, an import): a failure wins. */
			if (error && !g->error)
				g->error = dup(error);
			return;
		}
	}
	s->files = grow(s->files, &s->files_cap, s->nr_files + 1, sizeof(*s->files));
	g = &s->files[s->nr_files++];
	g->engine = dup(engine);
	g->file = dup(file);
	g->error = error ? dup(error) : NULL;
}

static int cmp_finding(const void *a, const void *b)
{
	const struct gate_finding *x = a, *y = b;
	int c;

	if ((c = strcmp(x->engine, y->engine)) || (c = strcmp(x->file, y->file)))
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	if (x->rule != y->rule)
		return x->rule < y->rule ? -1 : 1;
	return strcmp(x->message, y->message);
}

static int cmp_file(const void *a, const void *b)
{
	const struct gate_file *x = a, *y = b;
	int c = strcmp(x->engine, y->engine);

	return c ? c : strcmp(x->file, y->file);
}

void gate_set_sort_unique(struct gate_set *s)
{
	int out = 0;

	/* an empty set has no arrays: qsort wants them */
	if (s->n)
		qsort(s->v, s->n, sizeof(*s->v), cmp_finding);
	for (int i = 0; i < s->n; i++) {
		if (out && !cmp_finding(&s->v[out - 1], &s->v[i])) {
			finding_free(&s->v[i]);
			continue;
		}
		s->v[out++] = s->v[i];
	}
	s->n = out;
	if (s->nr_files)
		qsort(s->files, s->nr_files, sizeof(*s->files), cmp_file);
}
