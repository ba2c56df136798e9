/*
 * sarif_read.c - reading back SARIF files this command wrote, to join the
 * shards of a CI matrix (--merge).  Everything a result needs to be
 * rendered again is in the file: the engine (run properties), the
 * function and occurrence (result properties), notes (relatedLocations),
 * the file states (invocations) and, in files written with --sarif-all,
 * the baseline and suppression marks.
 */
#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"
#include "gate.h"

static const char *sget(json_t *o, const char *path)
{
	/* "a.b.c": nested objects */
	char key[64];

	while (o && *path) {
		size_t n = strcspn(path, ".");

		snprintf(key, sizeof(key), "%.*s", (int)n, path);
		o = json_object_get(o, key);
		path += n + (path[n] == '.');
	}
	return json_is_string(o) ? json_string_value(o) : NULL;
}

static int iget(json_t *o, const char *path)
{
	char key[64];

	while (o && *path) {
		size_t n = strcspn(path, ".");

		snprintf(key, sizeof(key), "%.*s", (int)n, path);
		o = json_object_get(o, key);
		path += n + (path[n] == '.');
	}
	return json_is_integer(o) ? (int)json_integer_value(o) : 0;
}

/* The engine's byte column: kept in the region's properties where it
 * differs from SARIF's UTF-16 column (sarif.c). */
static int column(json_t *phys, const char *which)
{
	char bytes[64], units[64];

	snprintf(bytes, sizeof(bytes), "region.properties.byte%sColumn", which);
	snprintf(units, sizeof(units), "region.%sColumn", which[0] == 'S' ? "start" : "end");
	return iget(phys, bytes) ? iget(phys, bytes) : iget(phys, units);
}

/* An artifactLocation back to the file name the engine reported. */
static char *file_of(json_t *artifact)
{
	const char *uri = sget(artifact, "uri");
	char *out, *o;

	if (!uri)
		return NULL;
	if (!strncmp(uri, "file://", 7))
		uri += 7;
	out = o = malloc(strlen(uri) + 1);
	if (!out)
		abort();
	for (; *uri; uri++) {
		unsigned v;

		/* Only a whole %XX escape: "%4" at the end is two plain bytes. */
		if (uri[0] == '%' && isxdigit((unsigned char)uri[1]) &&
		    isxdigit((unsigned char)uri[2]) && sscanf(uri + 1, "%2x", &v) == 1) {
			*o++ = (char)v;
			uri += 2;
		} else {
			*o++ = *uri;
		}
	}
	*o = 0;
	return out;
}

static int result(struct gate_set *s, const char *engine, json_t *r, char *msg, size_t len)
{
	json_t *phys = json_object_get(json_array_get(json_object_get(r, "locations"), 0),
				       "physicalLocation");
	json_t *rel = json_object_get(r, "relatedLocations"), *l;
	const char *rule = sget(r, "ruleId"), *text = sget(r, "message.text");
	const char *state = sget(r, "baselineState");
	json_t *sup = json_object_get(r, "suppressions");
	char *file = file_of(json_object_get(phys, "artifactLocation"));
	struct gate_finding *f;
	size_t i;

	if (!gate_rule_of(rule) || !text || !file) {
		snprintf(msg, len, "a result without a known ruleId, message or location");
		free(file);
		return -1;
	}
	f = gate_set_add(s, engine, gate_rule_of(rule), !strcmp(sget(r, "level") ? sget(r, "level") : "", "error"),
			 file, iget(phys, "region.startLine"), column(phys, "Start"),
			 sget(r, "properties.function"), text);
	f->end_col = column(phys, "End");
	free(file);
	json_array_foreach(rel, i, l) {
		json_t *p = json_object_get(l, "physicalLocation");
		char *nf = file_of(json_object_get(p, "artifactLocation"));

		gate_finding_note(f, nf, iget(p, "region.startLine"), column(p, "Start"),
				  sget(l, "message.text"));
		free(nf);
	}
	/* the fix-it (sarif.c writes one fix per result) */
	{
		json_t *fix = json_array_get(json_object_get(r, "fixes"), 0), *ch, *rp;
		size_t k, m;

		json_array_foreach(json_object_get(fix, "artifactChanges"), k, ch) {
			char *ef = file_of(json_object_get(ch, "artifactLocation"));

			json_array_foreach(json_object_get(ch, "replacements"), m, rp) {
				json_t *d = json_object_get(rp, "deletedRegion");
				json_t *wrap = json_pack("{s:O}", "region", d);

				if (ef)
					gate_finding_edit(f, ef, iget(d, "startLine"),
							  column(wrap, "Start"), iget(d, "endLine"),
							  column(wrap, "End"),
							  sget(rp, "insertedContent.text"));
				json_decref(wrap);
			}
			free(ef);
		}
		f->preferred = json_is_true(json_object_get(json_object_get(fix, "properties"),
							    "preferred"));
	}
	if (json_array_size(sup)) {
		f->state = GATE_SUPPRESSED;
		f->why = strdup(sget(json_array_get(sup, 0), "justification") ?
				sget(json_array_get(sup, 0), "justification") : "");
	} else if (state && !strcmp(state, "unchanged")) {
		f->state = GATE_BASELINED;
	}
	return 0;
}

static void files(struct gate_set *s, const char *engine, json_t *run)
{
	json_t *inv, *n;
	size_t i, k;

	json_array_foreach(json_object_get(run, "invocations"), i, inv)
		json_array_foreach(json_object_get(inv, "toolExecutionNotifications"), k, n) {
			json_t *art = json_object_get(json_object_get(json_array_get(
				json_object_get(n, "locations"), 0), "physicalLocation"),
				"artifactLocation");
			char *file = file_of(art);
			const char *level = sget(n, "level");

			if (file)
				gate_set_file(s, engine, file, level && !strcmp(level, "error") ?
					      sget(n, "message.text") : NULL);
			free(file);
		}
}

int gate_read_sarif(struct gate_set *s, const char *path, char *err, size_t errlen)
{
	json_error_t je;
	json_t *doc, *run, *r;
	const char *why;
	size_t i, k;
	char msg[256], *text = file_read(path, &k, &why);

	if (!text) {
		snprintf(err, errlen, "%s: error: cannot read: %s", path, why);
		return -1;
	}
	doc = json_loadb(text, k, 0, &je);
	free(text);
	if (!doc) {
		if (je.line > 0)
			snprintf(err, errlen, "%s:%d: error: not JSON: %s", path, je.line, je.text);
		else
			snprintf(err, errlen, "%s: error: %s", path, je.text);
		return -1;
	}
	if (!sget(doc, "version") || strcmp(sget(doc, "version"), "2.1.0") ||
	    !json_is_array(json_object_get(doc, "runs"))) {
		snprintf(err, errlen, "%s: error: not a SARIF 2.1.0 file", path);
		json_decref(doc);
		return -1;
	}
	json_array_foreach(json_object_get(doc, "runs"), i, run) {
		const char *engine = sget(run, "properties.engine");

		if (!engine || strcmp(sget(run, "tool.driver.name") ? sget(run, "tool.driver.name") : "",
				      "iomemcheck")) {
			snprintf(err, errlen, "%s: error: run %zu was not written by iomemcheck", path, i + 1);
			json_decref(doc);
			return -1;
		}
		files(s, engine, run);
		json_array_foreach(json_object_get(run, "results"), k, r)
			if (result(s, engine, r, msg, sizeof(msg))) {
				snprintf(err, errlen, "%s: error: run %zu result %zu: %s", path, i + 1,
					 k + 1, msg);
				json_decref(doc);
				return -1;
			}
	}
	json_decref(doc);
	return 0;
}
