/*
 * sarif.c - SARIF 2.1.0, the format GitHub code scanning (and most other
 * result viewers) reads.
 *
 * One run per engine, each with its own automationDetails.id: GitHub
 * rejects an upload with several runs of one tool in one category.  File
 * names are made relative to %SRCROOT% (the checkout), so alerts land on
 * the repository's files.  GitHub ignores 'suppressions' and 'baselineState'
 * and would open such results as alerts, so the file meant for upload
 * leaves baselined and suppressed results out; 'all' keeps them, marked.
 */
#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gate.h"

#ifndef IOM_VERSION
#define IOM_VERSION "0.1.0"
#endif
#ifndef IOM_URL
#define IOM_URL "https://example.org/iomemcheck"
#endif

static const struct rule_meta {
	int rule;
	const char *name, *precision, *tags;
} meta[] = {
#define SARIF_RULE(id, name, precision, tags) { id, name, precision, tags },
#include "rules.def"
#undef SARIF_RULE
};

static struct rule_meta meta_of(int rule)
{
	struct rule_meta m = { rule, iom_rule_name(rule), "medium", "iomem" };

	for (size_t i = 0; i < sizeof(meta) / sizeof(meta[0]); i++)
		if (meta[i].rule == rule)
			m = meta[i];
	return m;
}

/* Position of a rule in every run's rules[]: the core's table order. */
static int rule_index(int rule)
{
	int n;
	const struct iom_rule_info *t = iom_rule_table(&n);

	for (int i = 0; i < n; i++)
		if (t[i].id == rule)
			return i;
	return -1;
}

static const char *catalog_page(int rule)
{
	for (int i = 0; gate_catalog[i].id; i++)
		if (!strcmp(gate_catalog[i].id, iom_rule_name(rule)))
			return gate_catalog[i].markdown;
	return "";
}

/* Markdown to plain text: fences and heading marks and backquotes go. */
static char *plain(const char *md, size_t len)
{
	char *out = malloc(len + 1), *o = out;
	const char *p = md, *end = md + len;

	if (!out)
		abort();
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		size_t n = eol ? (size_t)(eol - p) : (size_t)(end - p);

		if (!strncmp(p, "```", 3)) {
			p += n + (eol != NULL);
			continue;
		}
		while (n && *p == '#')
			p++, n--;
		while (n && *p == ' ' && (o == out || o[-1] == '\n'))
			p++, n--;
		for (size_t i = 0; i < n; i++)
			if (p[i] != '`')
				*o++ = p[i];
		if (eol)
			*o++ = '\n';
		p += n + (eol != NULL);
	}
	while (o > out && o[-1] == '\n')
		o--;
	*o = 0;
	return out;
}

/* A sentence for SARIF: capitalised, ending in a full stop. */
static json_t *sentence(const char *s)
{
	size_t n = strlen(s);
	char *t = malloc(n + 2);
	json_t *o;

	if (!t)
		abort();
	memcpy(t, s, n + 1);
	if (t[0] >= 'a' && t[0] <= 'z')
		t[0] -= 'a' - 'A';
	if (n && t[n - 1] != '.')
		strcpy(t + n, ".");
	o = json_pack("{s:s}", "text", t);
	free(t);
	return o;
}

static json_t *rule_json(const struct iom_rule_info *info)
{
	struct rule_meta m = meta_of(info->id);
	const char *md = catalog_page(info->id);
	char uri[512], *help = plain(md, strlen(md));
	json_t *tags = json_array(), *r;
	const char *t = m.tags;

	while (*t) {
		size_t n = strcspn(t, ",");

		json_array_append_new(tags, json_stringn(t, n));
		t += n + (t[n] == ',');
	}
	snprintf(uri, sizeof(uri), "%s/blob/main/%s", IOM_URL, info->page);
	r = json_pack("{s:s,s:s,s:o,s:o,s:{s:s,s:s},s:s,s:{s:s,s:b},s:{s:o,s:s}}",
		      "id", info->name, "name", m.name,
		      "shortDescription", sentence(info->summary),
		      "fullDescription", sentence(info->help),
		      "help", "text", help[0] ? help : info->help, "markdown", md[0] ? md : info->help,
		      "helpUri", uri,
		      "defaultConfiguration", "level", "warning", "enabled", info->on,
		      "properties", "tags", tags, "precision", m.precision);
	free(help);
	return r;
}

/* ---- locations ------------------------------------------------------------ */

static void srcroot(const struct gate_sarif_opts *opts, char *buf, size_t len)
{
	char cwd[PATH_MAX];

	if (opts && opts->srcroot)
		snprintf(buf, len, "%s", opts->srcroot);
	else if (getcwd(cwd, sizeof(cwd)))
		snprintf(buf, len, "%s", cwd);
	else
		snprintf(buf, len, "/");
	if (strlen(buf) > 1 && buf[strlen(buf) - 1] == '/')
		buf[strlen(buf) - 1] = 0;
}

/* Percent-encode what may not stand in a URI path. */
static void encode(const char *s, char *buf, size_t len)
{
	static const char ok[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
				 "0123456789-._~/+,=@";
	size_t n = 0;

	for (; *s && n + 4 < len; s++) {
		if (strchr(ok, *s))
			buf[n++] = *s;
		else
			n += (size_t)snprintf(buf + n, len - n, "%%%02X", (unsigned char)*s);
	}
	buf[n] = 0;
}

static json_t *artifact(const char *file, const char *root)
{
	char uri[4096];
	size_t rl = strlen(root);

	while (!strncmp(file, "./", 2))
		file += 2;
	if (file[0] != '/') {
		encode(file, uri, sizeof(uri));
		return json_pack("{s:s,s:s}", "uri", uri, "uriBaseId", "%SRCROOT%");
	}
	if (!strncmp(file, root, rl) && file[rl] == '/') {
		encode(file + rl + 1, uri, sizeof(uri));
		return json_pack("{s:s,s:s}", "uri", uri, "uriBaseId", "%SRCROOT%");
	}
	/* Outside the checkout (a system header): an absolute file URI. */
	memcpy(uri, "file://", 7);
	encode(file, uri + 7, sizeof(uri) - 7);
	return json_pack("{s:s}", "uri", uri);
}

/*
 * SARIF columns count UTF-16 code units; the engines count bytes.  They are
 * the same on ASCII lines; elsewhere the column is converted with the source
 * line, and the byte column kept in the region's properties so that --merge
 * gives back exactly what the engine said.
 */
static int utf16_column(const char *file, int line, int col)
{
	const unsigned char *p = (const unsigned char *)gate_source_line(file, line);
	int units = 0, i = 0;

	if (!p || col < 1)
		return col;
	while (i < col - 1 && p[i]) {
		unsigned char c = p[i];
		int n = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 :
			(c & 0xf8) == 0xf0 ? 4 : 1;

		units += n == 4 ? 2 : 1;
		i += n;
	}
	return units + 1 + (col - 1 - i > 0 ? col - 1 - i : 0);
}

static json_t *physical(const char *file, int line, int col, int end_col, const char *root)
{
	json_t *region = json_pack("{s:i}", "startLine", line > 0 ? line : 1);

	if (col > 0) {
		int end = end_col > col ? end_col : col + 1;
		int ucol = utf16_column(file, line, col), uend = utf16_column(file, line, end);

		json_object_set_new(region, "startColumn", json_integer(ucol));
		json_object_set_new(region, "endColumn", json_integer(uend));
		if (ucol != col || uend != end)
			json_object_set_new(region, "properties",
					    json_pack("{s:i,s:i}", "byteStartColumn", col,
						      "byteEndColumn", end));
	}
	return json_pack("{s:o,s:o}", "artifactLocation", artifact(file, root), "region", region);
}

/*
 * A finding's fix-it as SARIF "fixes": one fix, its edits as replacements
 * (deletedRegion, insertedContent) grouped by file.  Columns in UTF-16 units
 * like every region; the byte columns stay in the region's properties where
 * they differ, for --merge.
 */
static json_t *fixes_json(const struct gate_finding *f, const char *root)
{
	json_t *changes = json_array(), *fix;

	for (int i = 0; i < f->nr_edits; i++) {
		const struct gate_edit *e = &f->edits[i];
		int ucol = utf16_column(e->file, e->line, e->col);
		int uend = utf16_column(e->file, e->end_line, e->end_col);
		json_t *region = json_pack("{s:i,s:i,s:i,s:i}", "startLine", e->line, "startColumn",
					   ucol, "endLine", e->end_line, "endColumn", uend);
		json_t *rep = json_pack("{s:o,s:{s:s}}", "deletedRegion", region,
					"insertedContent", "text", e->text);
		json_t *change = NULL;
		size_t k;
		json_t *c;

		if (ucol != e->col || uend != e->end_col)
			json_object_set_new(region, "properties",
					    json_pack("{s:i,s:i}", "byteStartColumn", e->col,
						      "byteEndColumn", e->end_col));
		json_array_foreach(changes, k, c)
			if (!strcmp(json_string_value(json_object_get(c, "file")), e->file))
				change = c;
		if (!change) {
			change = json_pack("{s:s,s:o,s:[]}", "file", e->file, "artifactLocation",
					   artifact(e->file, root), "replacements");
			json_array_append_new(changes, change);
		}
		json_array_append_new(json_object_get(change, "replacements"), rep);
	}
	{
		size_t k;
		json_t *c;

		json_array_foreach(changes, k, c)
			json_object_del(c, "file");	/* only for grouping */
	}
	fix = json_pack("{s:{s:s},s:o,s:{s:b}}", "description", "text",
			"Use the map helper", "artifactChanges", changes,
			"properties", "preferred", f->preferred);
	return json_pack("[o]", fix);
}

static json_t *location(const char *file, int line, int col, int end_col, const char *text,
			const char *root)
{
	json_t *l = json_pack("{s:o}", "physicalLocation", physical(file, line, col, end_col, root));

	if (text)
		json_object_set_new(l, "message", json_pack("{s:s}", "text", text));
	return l;
}

/* ---- results ---------------------------------------------------------------- */

static const char *const baseline_states[] = {
	[GATE_NEW] = "new", [GATE_BASELINED] = "unchanged", [GATE_SUPPRESSED] = "unchanged",
};

static json_t *result_json(const struct gate_finding *f, const char *root, int all,
			   int baseline)
{
	json_t *r, *loc, *related = json_array(), *flow = json_array();
	char fp[64];

	loc = location(f->file, f->line, f->col, f->end_col, NULL, root);
	if (f->function[0])
		json_object_set_new(loc, "logicalLocations",
				    json_pack("[{s:s,s:s}]", "name", f->function, "kind", "function"));
	for (int i = 0; i < f->nr_notes; i++) {
		const struct gate_note *n = &f->notes[i];
		json_t *l = location(n->file, n->line, n->col, 0, n->text, root);

		json_object_set_new(l, "id", json_integer(i + 1));
		json_array_append_new(related, l);
		json_array_append_new(flow, json_pack("{s:o}", "location",
					location(n->file, n->line, n->col, 0, n->text, root)));
	}
	json_array_append_new(flow, json_pack("{s:o}", "location",
				location(f->file, f->line, f->col, f->end_col, f->message, root)));
	snprintf(fp, sizeof(fp), "%s", f->key);
	r = json_pack("{s:s,s:i,s:s,s:{s:s},s:[o]}", "ruleId", iom_rule_name(f->rule),
		      "ruleIndex", rule_index(f->rule), "level", f->error ? "error" : "warning",
		      "message", "text", f->message, "locations", loc);
	if (f->nr_notes) {
		json_object_set_new(r, "relatedLocations", related);
		json_object_set_new(r, "codeFlows",
				    json_pack("[{s:[{s:o}]}]", "threadFlows", "locations", flow));
	} else {
		json_decref(related);
		json_decref(flow);
	}
	if (f->nr_edits)
		json_object_set_new(r, "fixes", fixes_json(f, root));
	json_object_set_new(r, "partialFingerprints", json_object());
	if (f->linehash[0])
		json_object_set_new(json_object_get(r, "partialFingerprints"),
				    "primaryLocationLineHash", json_string(f->linehash));
	json_object_set_new(json_object_get(r, "partialFingerprints"), "iomemcheck/v1",
			    json_string(fp));
	json_object_set_new(r, "properties", json_pack("{s:s,s:i}", "function", f->function,
						      "occurrence", f->occurrence));
	if (all) {
		if (baseline)
			json_object_set_new(r, "baselineState",
					    json_string(baseline_states[f->state]));
		if (f->state == GATE_SUPPRESSED)
			json_object_set_new(r, "suppressions",
					    json_pack("[{s:s,s:s}]", "kind", "inSource",
						      "justification", f->why ? f->why : ""));
	}
	return r;
}

static json_t *invocation(const struct gate_set *s, const char *engine, const char *root)
{
	json_t *notes = json_array();
	int ok = 1;

	for (int i = 0; i < s->nr_files; i++) {
		const struct gate_file *g = &s->files[i];
		json_t *loc;

		if (strcmp(g->engine, engine))
			continue;
		ok &= !g->error;
		loc = json_pack("{s:{s:o}}", "physicalLocation", "artifactLocation",
				artifact(g->file, root));
		json_array_append_new(notes, json_pack("{s:s,s:{s:s},s:[o]}",
			"level", g->error ? "error" : "note",
			"message", "text", g->error ? g->error : "analysed",
			"locations", loc));
	}
	return json_pack("[{s:b,s:o}]", "executionSuccessful", ok,
			 "toolExecutionNotifications", notes);
}

static json_t *run_json(const struct gate_set *s, const char *engine,
			const struct gate_sarif_opts *opts, const char *root)
{
	json_t *rules = json_array(), *results = json_array(), *run;
	char id[128], rooturi[4096 + 16], enc[4096];
	int nr;
	const struct iom_rule_info *table = iom_rule_table(&nr);

	for (int i = 0; i < nr; i++)
		json_array_append_new(rules, rule_json(&table[i]));
	for (int i = 0; i < s->n; i++) {
		const struct gate_finding *f = &s->v[i];

		if (strcmp(f->engine, engine) || (!opts->all && f->state != GATE_NEW))
			continue;
		json_array_append_new(results, result_json(f, root, opts->all, opts->baseline));
	}
	snprintf(id, sizeof(id), "iomemcheck/%s/", engine);
	encode(root, enc, sizeof(enc));
	snprintf(rooturi, sizeof(rooturi), "file://%s%s", enc, strcmp(root, "/") ? "/" : "");
	run = json_pack("{s:{s:{s:s,s:s,s:s,s:s,s:o}},s:{s:s},s:{s:{s:s}},s:o,s:o,s:{s:s}}",
			"tool", "driver", "name", "iomemcheck", "version", IOM_VERSION,
			"semanticVersion", IOM_VERSION, "informationUri", IOM_URL, "rules", rules,
			"automationDetails", "id", id,
			"originalUriBaseIds", "%SRCROOT%", "uri", rooturi,
			"invocations", invocation(s, engine, root),
			"results", results,
			"properties", "engine", engine);
	return run;
}

/* Every engine present, in sorted order (the set is sorted by engine). */
static int engines(const struct gate_set *s, const char **out, int max)
{
	int n = 0;

	for (int i = 0; i < s->n + s->nr_files; i++) {
		const char *e = i < s->n ? s->v[i].engine : s->files[i - s->n].engine;
		int seen = 0;

		for (int k = 0; k < n; k++)
			seen |= !strcmp(out[k], e);
		if (!seen && n < max)
			out[n++] = e;
	}
	for (int i = 1; i < n; i++)	/* few: insertion sort */
		for (int k = i; k > 0 && strcmp(out[k - 1], out[k]) > 0; k--) {
			const char *t = out[k];

			out[k] = out[k - 1];
			out[k - 1] = t;
		}
	return n;
}

char *gate_render_sarif(const struct gate_set *s, const struct gate_sarif_opts *opts)
{
	const char *names[16];
	char root[4096], *text;
	int n = engines(s, names, 16);
	json_t *runs = json_array(), *doc;
	struct gate_sarif_opts none = { 0 };

	if (!opts)
		opts = &none;
	srcroot(opts, root, sizeof(root));
	if (!n)
		names[n++] = opts->engine ? opts->engine : "iomemcheck";
	for (int i = 0; i < n; i++)
		json_array_append_new(runs, run_json(s, names[i], opts, root));
	doc = json_pack("{s:s,s:s,s:o}", "$schema", "https://json.schemastore.org/sarif-2.1.0.json",
			"version", "2.1.0", "runs", runs);
	text = json_dumps(doc, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
	json_decref(doc);
	if (text) {
		size_t k = strlen(text);
		char *t = realloc(text, k + 2);

		if (!t)
			abort();
		t[k] = '\n';
		t[k + 1] = 0;
		text = t;
	}
	return text;
}
