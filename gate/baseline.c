/*
 * baseline.c - the findings a tree has accepted, so that only new ones fail
 * a CI job.
 *
 * The file is line-oriented JSON, one finding per line, sorted, with no line
 * numbers in it: a diff of two baselines shows exactly the findings that came
 * and went.  Each line carries the key (key.c) and, for people and for
 * ties, the rule, file, function, message, snippet, occurrence and engine.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"
#include "gate.h"

static const char *field(json_t *o, const char *name)
{
	json_t *v = json_object_get(o, name);

	return json_is_string(v) ? json_string_value(v) : "";
}

static int valid_key(const char *k)
{
	return strlen(k) == 16 && strspn(k, "0123456789abcdef") == 16;
}

static int read_line(struct gate_baseline *b, json_t *o, char *err, size_t errlen)
{
	struct gate_entry *e;
	json_t *occ = json_object_get(o, "occurrence");

	if (!json_is_object(o)) {
		snprintf(err, errlen, "a baseline line must be a JSON object");
		return -1;
	}
	if (!valid_key(field(o, "key"))) {
		snprintf(err, errlen, "'key' must be 16 lower-case hex digits");
		return -1;
	}
	if (!gate_rule_of(field(o, "rule"))) {
		snprintf(err, errlen, "unknown rule '%s'", field(o, "rule"));
		return -1;
	}
	if (occ && !json_is_integer(occ)) {
		snprintf(err, errlen, "'occurrence' must be a number");
		return -1;
	}
	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 64;
		b->v = realloc(b->v, (size_t)b->cap * sizeof(*b->v));
		if (!b->v)
			abort();
	}
	e = &b->v[b->n++];
	memset(e, 0, sizeof(*e));
	e->key = strdup(field(o, "key"));
	e->rule = strdup(field(o, "rule"));
	e->function = strdup(field(o, "function"));
	e->message = strdup(field(o, "message"));
	e->snippet = strdup(field(o, "snippet"));
	e->file = strdup(field(o, "file"));
	e->engine = strdup(field(o, "engine"));
	e->occurrence = occ ? (int)json_integer_value(occ) : 1;
	return 0;
}

int gate_baseline_read(struct gate_baseline *b, const char *path, char *err, size_t errlen)
{
	char *text, *line, *cursor, msg[256];
	int no = 0, rc = 0;

	memset(b, 0, sizeof(*b));
	text = file_read_text(path, "the baseline", err, errlen);
	if (!text)
		return -1;
	for (cursor = text; (line = file_next_line(&cursor));) {
		json_error_t je;
		json_t *o;

		no++;
		if (strspn(line, " \t\r") == strlen(line))
			continue;
		o = json_loads(line, JSON_REJECT_DUPLICATES, &je);
		if (!o) {
			snprintf(err, errlen, "%s:%d: error: not JSON: %s", path, no, je.text);
			rc = -1;
			break;
		}
		if (read_line(b, o, msg, sizeof(msg))) {
			snprintf(err, errlen, "%s:%d: error: %s", path, no, msg);
			json_decref(o);
			rc = -1;
			break;
		}
		json_decref(o);
	}
	free(text);
	return rc;
}

void gate_baseline_free(struct gate_baseline *b)
{
	for (int i = 0; i < b->n; i++) {
		struct gate_entry *e = &b->v[i];

		free(e->key), free(e->rule), free(e->function), free(e->message);
		free(e->snippet), free(e->file), free(e->engine);
	}
	free(b->v);
	memset(b, 0, sizeof(*b));
}

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const struct gate_entry *)a)->key, ((const struct gate_entry *)b)->key);
}

/* The first unused entry with the finding's key that passes the tie-break
 * of this round: same file and engine, same file, same engine, any. */
static struct gate_entry *find(struct gate_baseline *b, const struct gate_finding *f, int round)
{
	int lo = 0, hi = b->n;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (strcmp(b->v[mid].key, f->key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (int i = lo; i < b->n && !strcmp(b->v[i].key, f->key); i++) {
		struct gate_entry *e = &b->v[i];
		int file = !strcmp(e->file, f->file), engine = !strcmp(e->engine, f->engine);

		if (e->used)
			continue;
		if ((round == 0 && file && engine) || (round == 1 && file) ||
		    (round == 2 && engine) || round == 3)
			return e;
	}
	return NULL;
}

int gate_baseline_match(struct gate_baseline *b, struct gate_set *s)
{
	char *matched = calloc((size_t)s->n + 1, 1);
	int fixed = 0;

	if (!matched)
		abort();
	/* an empty baseline has no array at all: qsort wants one */
	if (b->n)
		qsort(b->v, b->n, sizeof(*b->v), cmp_entry);
	for (int round = 0; round < 4; round++)
		for (int i = 0; i < s->n; i++) {
			struct gate_entry *e;

			if (matched[i] || !(e = find(b, &s->v[i], round)))
				continue;
			e->used = 1;
			matched[i] = 1;
			/* A suppression says more than the baseline: it has a reason. */
			if (s->v[i].state == GATE_NEW)
				s->v[i].state = GATE_BASELINED;
		}
	for (int i = 0; i < b->n; i++)
		fixed += !b->v[i].used;
	free(matched);
	return fixed;
}

static int cmp_line(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char *gate_baseline_text(const struct gate_set *s, unsigned states)
{
	char **lines = calloc((size_t)s->n + 1, sizeof(*lines)), *out;
	size_t total = 1, pos = 0;
	int n = 0;

	if (!lines)
		abort();
	for (int i = 0; i < s->n; i++) {
		const struct gate_finding *f = &s->v[i];
		json_t *o;

		if (!(states & (1u << f->state)))
			continue;
		/* The file first, so that sorted lines group by file. */
		o = json_pack("{s:s,s:s,s:s,s:s,s:s,s:i,s:s,s:s}", "file", f->file,
			      "function", f->function, "rule", iom_rule_name(f->rule),
			      "message", f->message, "snippet", f->snippet ? f->snippet : "",
			      "occurrence", f->occurrence, "engine", f->engine, "key", f->key);
		lines[n] = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII);
		json_decref(o);
		total += strlen(lines[n]) + 1;
		n++;
	}
	qsort(lines, n, sizeof(*lines), cmp_line);
	out = malloc(total);
	if (!out)
		abort();
	for (int i = 0; i < n; i++) {
		size_t k = strlen(lines[i]);

		memcpy(out + pos, lines[i], k);
		out[pos + k] = '\n';
		pos += k + 1;
		free(lines[i]);
	}
	out[pos] = 0;
	free(lines);
	return out;
}
