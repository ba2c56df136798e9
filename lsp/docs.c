/*
 * docs.c - the documents the editor has open: their text and version.
 *
 * The editor owns an open document: its buffer is what is analysed (and is
 * handed to libclang as an unsaved file for every run, so a header edited in
 * one window counts for the .c file in another).  Changes are taken whole or
 * as ranges; each one schedules a run after the debounce delay, and opening or
 * saving schedules one at once.
 */
#include <stdlib.h>
#include <string.h>

#include "lsp.h"

struct doc *doc_find(struct server *s, const char *uri)
{
	for (struct doc *d = s->docs; d; d = d->next)
		if (!strcmp(d->uri, uri))
			return d;
	return NULL;
}

struct doc *doc_by_path(struct server *s, const char *path)
{
	for (struct doc *d = s->docs; d; d = d->next)
		if (!strcmp(d->path, path))
			return d;
	return NULL;
}

static void doc_free(struct doc *d)
{
	free(d->uri);
	free(d->path);
	free(d->text);
	json_decref(d->findings);
	free(d);
}

static void doc_remove(struct server *s, struct doc *gone)
{
	for (struct doc **p = &s->docs; *p; p = &(*p)->next)
		if (*p == gone) {
			*p = gone->next;
			doc_free(gone);
			return;
		}
}

void docs_free(struct server *s)
{
	while (s->docs)
		doc_remove(s, s->docs);
}

static void set_text(struct doc *d, const char *text, size_t len)
{
	char *t = malloc(len + 1);

	if (!t)
		abort();
	memcpy(t, text, len);
	t[len] = 0;
	free(d->text);
	d->text = t;
	d->len = len;
}

static const char *uri_of(json_t *params)
{
	return json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
}

/* Only C is analysed: the language the editor says, or the file's suffix. */
static int is_c(const char *language, const char *path)
{
	size_t n = strlen(path);

	if (language)
		return !strcmp(language, "c");
	return n > 2 && path[n - 2] == '.' && (path[n - 1] == 'c' || path[n - 1] == 'h');
}

void on_did_open(struct server *s, json_t *id, json_t *params)
{
	json_t *td = json_object_get(params, "textDocument"), *text = json_object_get(td, "text");
	const char *uri = uri_of(params), *language;
	struct doc *d;
	char *path;

	(void)id;
	if (!uri || !json_is_string(text)) {
		rpc_message(s, 0, MSG_ERROR, "didOpen without textDocument.uri or text: ignored");
		return;
	}
	language = json_string_value(json_object_get(td, "languageId"));
	path = uri_to_path(uri);
	if (!path) {
		rpc_message(s, 0, MSG_LOG, "%s: not a file: URI, not analysed", uri);
		return;
	}
	if (!is_c(language, path)) {
		free(path);
		return;
	}
	d = doc_find(s, uri);
	if (d) {		/* opened twice: the new text wins */
		analysis_cancel(s, d);
		free(path);
	} else {
		d = calloc(1, sizeof(*d));
		if (!d)
			abort();
		d->uri = strdup(uri);
		d->path = path;
		d->findings_version = -1;
		d->next = s->docs;
		s->docs = d;
	}
	set_text(d, json_string_value(text), json_string_length(text));
	d->version = (int)json_integer_value(json_object_get(td, "version"));
	analysis_schedule(s, d, 0);
}

/* One change: the whole text, or a range replaced (LSP positions). */
static int apply_change(struct server *s, struct doc *d, json_t *change)
{
	json_t *text = json_object_get(change, "text"), *range = json_object_get(change, "range");
	json_t *a = json_object_get(range, "start"), *b = json_object_get(range, "end");
	size_t from, to, n;
	char *t;

	if (!json_is_string(text))
		return -1;
	if (!range) {
		set_text(d, json_string_value(text), json_string_length(text));
		return 0;
	}
	if (!json_is_integer(json_object_get(a, "line")) || !json_is_integer(json_object_get(b, "line")))
		return -1;
	from = text_offset(d->text, d->len, (int)json_integer_value(json_object_get(a, "line")),
			   (int)json_integer_value(json_object_get(a, "character")), s->utf8);
	to = text_offset(d->text, d->len, (int)json_integer_value(json_object_get(b, "line")),
			 (int)json_integer_value(json_object_get(b, "character")), s->utf8);
	if (to < from)
		to = from;
	n = json_string_length(text);
	t = malloc(d->len - (to - from) + n + 1);
	if (!t)
		abort();
	memcpy(t, d->text, from);
	memcpy(t + from, json_string_value(text), n);
	memcpy(t + from + n, d->text + to, d->len - to);
	d->len = d->len - (to - from) + n;
	t[d->len] = 0;
	free(d->text);
	d->text = t;
	return 0;
}

void on_did_change(struct server *s, json_t *id, json_t *params)
{
	const char *uri = uri_of(params);
	struct doc *d = uri ? doc_find(s, uri) : NULL;
	json_t *changes = json_object_get(params, "contentChanges"), *c;
	size_t i;

	(void)id;
	if (!d)
		return;		/* not open, or not C */
	json_array_foreach(changes, i, c)
		if (apply_change(s, d, c))
			rpc_message(s, 0, MSG_ERROR, "%s: a change without text or range: ignored", uri);
	d->version = (int)json_integer_value(json_object_get(json_object_get(params, "textDocument"),
							     "version"));
	analysis_schedule(s, d, s->debounce_ms);
}

void on_did_save(struct server *s, json_t *id, json_t *params)
{
	const char *uri = uri_of(params);
	struct doc *d = uri ? doc_find(s, uri) : NULL;
	json_t *text = json_object_get(params, "text");

	(void)id;
	if (!d)
		return;
	if (json_is_string(text))
		set_text(d, json_string_value(text), json_string_length(text));
	analysis_schedule(s, d, 0);	/* the database may have changed too */
}

void on_did_close(struct server *s, json_t *id, json_t *params)
{
	const char *uri = uri_of(params);
	struct doc *d = uri ? doc_find(s, uri) : NULL;

	(void)id;
	if (!d)
		return;
	analysis_cancel(s, d);
	if (d->published)
		diag_clear(s, d->uri);
	deferred_run(s, d->uri);
	doc_remove(s, d);
}
