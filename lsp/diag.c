/*
 * diag.c - the core's findings (its JSON lines) as LSP diagnostics.
 *
 *	range		from the finding's column over the identifier there (one
 *			character when none): the core gives a point
 *	severity	1 error (--error), 2 warning
 *	code		the rule id, codeDescription.href its catalog page
 *	source		"iomemcheck"
 *	relatedInformation	the notes, each at its own file and place
 *
 * Only findings in the document itself are published for it.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lsp.h"

#ifndef IOM_URL
#define IOM_URL "https://example.org/iomemcheck"
#endif

/* Bytes the range covers from a 1-based byte column. */
static int width(const char *text, size_t len, int line, int col)
{
	size_t n, k = col > 1 ? (size_t)(col - 1) : 0, end;
	long at = text ? text_line(text, len, line, &n) : -1;
	const unsigned char *p;

	if (at < 0 || k >= n)
		return 0;
	p = (const unsigned char *)text + at;
	for (end = k; end < n && (isalnum(p[end]) || p[end] == '_'); end++)
		;
	if (end > k)
		return (int)(end - k);
	for (end = k + 1; end < n && (p[end] & 0xc0) == 0x80; end++)
		;
	return (int)(end - k);
}

static json_t *range_at(struct server *s, const char *text, size_t len, int line, int col)
{
	int w = width(text, len, line, col);

	return json_pack("{s:o,s:o}", "start", text_position(text, len, line, col, s->utf8),
			 "end", text_position(text, len, line, col + w, s->utf8));
}

static json_t *href(struct server *s, const char *rule)
{
	char path[4200], *uri;
	const struct iom_rule_info *info = iom_rule_get(atoi(rule + 3));
	json_t *v;

	if (!info)
		return NULL;
	if (s->catalog) {
		snprintf(path, sizeof(path), "%s/%s", s->catalog, info->page);
		uri = path_to_uri(path);
	} else {
		uri = malloc(strlen(IOM_URL) + strlen(info->page) + 16);
		if (!uri)
			abort();
		sprintf(uri, "%s/blob/main/%s", IOM_URL, info->page);
	}
	v = json_pack("{s:s}", "href", uri);
	free(uri);
	return v;
}

static json_t *related(struct server *s, json_t *notes)
{
	json_t *out = json_array(), *n;
	size_t i;

	json_array_foreach(notes, i, n) {
		const char *path = json_string_value(json_object_get(n, "path"));
		const char *msg = json_string_value(json_object_get(n, "message"));
		int line = (int)json_integer_value(json_object_get(n, "line"));
		int col = (int)json_integer_value(json_object_get(n, "column"));
		size_t len = 0;
		char *text, *uri;

		if (!path || !msg)
			continue;
		text = text_of(s, path, &len);
		uri = path_to_uri(path);
		json_array_append_new(out, json_pack("{s:{s:s,s:o},s:o}", "location", "uri", uri,
						     "range", range_at(s, text, len, line, col),
						     "message", text_json(msg, strlen(msg))));
		free(uri);
		free(text);
	}
	return out;
}

json_t *diag_of(struct server *s, struct doc *d, json_t *f)
{
	const char *rule = json_string_value(json_object_get(f, "rule"));
	const char *msg = json_string_value(json_object_get(f, "message"));
	const char *sev = json_string_value(json_object_get(f, "severity"));
	int line = (int)json_integer_value(json_object_get(f, "line"));
	int col = (int)json_integer_value(json_object_get(f, "column"));
	json_t *diag, *h;

	if (!rule || !msg || strncmp(rule, "IOM", 3))
		return NULL;
	diag = json_pack("{s:o,s:i,s:s,s:s,s:o,s:o}", "range", range_at(s, d->text, d->len, line, col),
			 "severity", sev && !strcmp(sev, "error") ? 1 : 2, "code", rule,
			 "source", "iomemcheck", "message", text_json(msg, strlen(msg)),
			 "relatedInformation", related(s, json_object_get(f, "notes")));
	h = href(s, rule);
	if (diag && h)
		json_object_set_new(diag, "codeDescription", h);
	else
		json_decref(h);
	return diag;
}

void diag_publish(struct server *s, struct doc *d)
{
	json_t *list = json_array(), *f;
	size_t i;

	json_array_foreach(d->findings, i, f) {
		const char *path = json_string_value(json_object_get(f, "path"));
		json_t *diag;

		if (!path || strcmp(path, d->path))
			continue;
		diag = diag_of(s, d, f);
		if (diag)
			json_array_append_new(list, diag);
	}
	d->published = 1;
	rpc_notify(s, "textDocument/publishDiagnostics",
		   json_pack("{s:s,s:i,s:o}", "uri", d->uri, "version", d->findings_version,
			     "diagnostics", list));
}

void diag_clear(struct server *s, const char *uri)
{
	rpc_notify(s, "textDocument/publishDiagnostics",
		   json_pack("{s:s,s:[]}", "uri", uri, "diagnostics"));
}
