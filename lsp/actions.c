/*
 * actions.c - textDocument/codeAction: a quick fix per finding that has
 * fix-its ("fixes" in the core's JSON: 1-based byte columns, end exclusive),
 * preferred when the finding says so ("preferred": the memory kind was
 * proven).  The edits are a WorkspaceEdit ("changes", by URI): a fix-it in a
 * header edits the header.
 *
 * Fix-its are only offered for the text they were computed on: while a run
 * of the current text is due or under way, the request waits for it (and can
 * be cancelled); when the text changed since the last run ended, there are
 * none.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lsp.h"

static int before(json_t *a, json_t *b)		/* position a <= position b */
{
	json_int_t la = json_integer_value(json_object_get(a, "line"));
	json_int_t lb = json_integer_value(json_object_get(b, "line"));

	if (la != lb)
		return la < lb;
	return json_integer_value(json_object_get(a, "character")) <=
	       json_integer_value(json_object_get(b, "character"));
}

static int overlaps(json_t *r, json_t *q)
{
	return before(json_object_get(r, "start"), json_object_get(q, "end")) &&
	       before(json_object_get(q, "start"), json_object_get(r, "end"));
}

/* Does the client take quick fixes (context.only absent, or a kind that is
 * "quickfix" or a prefix of it)? */
static int wants_quickfix(json_t *only)
{
	json_t *k;
	size_t i;

	if (!json_is_array(only))
		return 1;
	json_array_foreach(only, i, k) {
		const char *s = json_string_value(k);

		if (s && (!*s || !strncmp("quickfix", s, strlen(s))))
			return 1;
	}
	return 0;
}

static json_t *text_edit(struct server *s, json_t *fix, const char **path)
{
	const char *text = json_string_value(json_object_get(fix, "text"));
	int line = (int)json_integer_value(json_object_get(fix, "line"));
	int col = (int)json_integer_value(json_object_get(fix, "column"));
	int eline = (int)json_integer_value(json_object_get(fix, "end_line"));
	int ecol = (int)json_integer_value(json_object_get(fix, "end_column"));
	char *buf;
	size_t len = 0;
	json_t *edit;

	*path = json_string_value(json_object_get(fix, "path"));
	if (!*path || !text || line < 1 || col < 1 || eline < line || ecol < 1)
		return NULL;
	buf = text_of(s, *path, &len);
	if (!buf)
		return NULL;
	edit = json_pack("{s:{s:o,s:o},s:s}", "range",
			 "start", text_position(buf, len, line, col, s->utf8),
			 "end", text_position(buf, len, eline, ecol, s->utf8), "newText", text);
	free(buf);
	return edit;
}

/* "Use iosys_map_memcpy_to()" when the first edit writes a callee's name or a
 * call, else the text. */
static char *title(json_t *fixes, const char *rule)
{
	const char *t = json_string_value(json_object_get(json_array_get(fixes, 0), "text"));
	char *out = malloc(160);
	size_t n = 0;

	if (!out)
		abort();
	t = t ? t : "";
	while (isalnum((unsigned char)t[n]) || t[n] == '_')
		n++;
	if (n && (t[n] == '(' || !t[n]) && n < 100)
		snprintf(out, 160, "Use %.*s() [%s]", (int)n, t, rule);
	else
		snprintf(out, 160, "Replace with '%.60s%s' [%s]", t, strlen(t) > 60 ? "..." : "",
			 rule);
	for (char *p = out; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	return out;
}

static json_t *action(struct server *s, struct doc *d, json_t *f, json_t *diag)
{
	json_t *fixes = json_object_get(f, "fixes"), *fix, *changes = json_object(), *a;
	size_t i;
	char *t;

	json_array_foreach(fixes, i, fix) {
		const char *path;
		json_t *edit = text_edit(s, fix, &path), *list;
		char *uri;

		if (!edit) {		/* one edit missing: the fix is not whole */
			json_decref(changes);
			return NULL;
		}
		uri = path_to_uri(path);
		list = json_object_get(changes, uri);
		if (!list)
			json_object_set_new(changes, uri, list = json_array());
		json_array_append_new(list, edit);
		free(uri);
	}
	(void)d;
	t = title(fixes, json_string_value(json_object_get(f, "rule")));
	a = json_pack("{s:o,s:s,s:[O],s:b,s:{s:o}}", "title", text_json(t, strlen(t)),
		      "kind", "quickfix", "diagnostics", diag,
		      "isPreferred", json_is_true(json_object_get(f, "preferred")),
		      "edit", "changes", changes);
	free(t);
	return a;
}

void actions_reply(struct server *s, json_t *id, json_t *params, int may_wait)
{
	json_t *td = json_object_get(params, "textDocument"), *range = json_object_get(params, "range");
	const char *uri = json_string_value(json_object_get(td, "uri"));
	struct doc *d = uri ? doc_find(s, uri) : NULL;
	json_t *out = json_array(), *f;
	size_t i;

	if (!uri || !json_is_object(range)) {
		json_decref(out);
		rpc_error(s, id, RPC_INVALID_PARAMS, "codeAction needs textDocument.uri and range");
		return;
	}
	if (d && may_wait && analysis_pending(d)) {
		json_decref(out);
		deferred_add(s, id, params, uri);
		return;
	}
	if (!d || d->findings_version != d->version ||
	    !wants_quickfix(json_object_get(json_object_get(params, "context"), "only"))) {
		rpc_reply(s, id, out);
		return;
	}
	json_array_foreach(d->findings, i, f) {
		const char *path = json_string_value(json_object_get(f, "path"));
		json_t *diag, *a;

		if (!path || strcmp(path, d->path) || !json_array_size(json_object_get(f, "fixes")))
			continue;
		diag = diag_of(s, d, f);
		if (!diag)
			continue;
		if (overlaps(json_object_get(diag, "range"), range) && (a = action(s, d, f, diag)))
			json_array_append_new(out, a);
		json_decref(diag);
	}
	rpc_reply(s, id, out);
}

void on_code_action(struct server *s, json_t *id, json_t *params)
{
	actions_reply(s, id, params, 1);
}
