/*
 * import.c - findings other programs wrote: the GCC plugin's json= lines
 * (one object per line, appended by every compile of a make -j build) and
 * the sparse companion's text (FILE:LINE:COL: warning: MSG [IOM010], with
 * sparse's indented "expected/got" lines after it).  Sparse's output is a
 * build log: lines that are not iomemcheck findings are not ours and are
 * passed over; a line that claims to be one and is not well formed is an
 * input error.
 */
#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"
#include "gate.h"

static const char *str(json_t *o, const char *name)
{
	json_t *v = json_object_get(o, name);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

static int num(json_t *o, const char *name, int *out)
{
	json_t *v = json_object_get(o, name);

	if (!json_is_integer(v))
		return -1;
	*out = (int)json_integer_value(v);
	return 0;
}

static int json_finding(struct gate_set *s, json_t *o, char *msg, size_t len)
{
	const char *rule = str(o, "rule"), *file = str(o, "file"), *message = str(o, "message");
	const char *sev = str(o, "severity"), *engine = str(o, "engine");
	json_t *notes = json_object_get(o, "notes");
	struct gate_finding *f;
	int line, col, r;
	size_t i;
	json_t *n;

	if (!json_is_object(o)) {
		snprintf(msg, len, "expected one JSON object per line");
		return -1;
	}
	if (!rule || !file || !message || num(o, "line", &line) || num(o, "column", &col)) {
		snprintf(msg, len, "a finding needs rule, file, line, column and message");
		return -1;
	}
	if (!(r = gate_rule_of(rule))) {
		snprintf(msg, len, "unknown rule '%s'", rule);
		return -1;
	}
	if (notes && !json_is_array(notes)) {
		snprintf(msg, len, "'notes' must be an array");
		return -1;
	}
	f = gate_set_add(s, engine ? engine : "gcc", r, sev && !strcmp(sev, "error"), file, line,
			 col, str(o, "function"), message);
	json_array_foreach(notes, i, n) {
		int nl, nc;

		if (!str(n, "file") || !str(n, "message") || num(n, "line", &nl) ||
		    num(n, "column", &nc)) {
			snprintf(msg, len, "a note needs file, line, column and message");
			return -1;
		}
		gate_finding_note(f, str(n, "file"), nl, nc, str(n, "message"));
	}
	/* The fix-it of the libclang engine's lines (the command's --json). */
	json_array_foreach(json_object_get(o, "fixes"), i, n) {
		int el, ec, nl, nc;

		if (!str(n, "file") || !str(n, "text") || num(n, "line", &nl) ||
		    num(n, "column", &nc) || num(n, "end_line", &el) || num(n, "end_column", &ec)) {
			snprintf(msg, len, "a fix needs file, line, column, end_line, end_column and text");
			return -1;
		}
		gate_finding_edit(f, str(n, "file"), nl, nc, el, ec, str(n, "text"));
	}
	f->preferred = json_is_true(json_object_get(o, "preferred"));
	return 0;
}

/* "FILE:LINE:COL: REST": 0 and the pieces, or -1. */
static int position(char *text, char **file, int *line, int *col, char **rest)
{
	char *p = text, *end;

	/* The file name runs to the first ":<digits>:<digits>:". */
	for (; (p = strchr(p, ':')); p++) {
		long l, c;

		if (!isdigit((unsigned char)p[1]))
			continue;
		l = strtol(p + 1, &end, 10);
		if (*end != ':' || !isdigit((unsigned char)end[1]))
			continue;
		c = strtol(end + 1, &end, 10);
		if (*end != ':')
			continue;
		*p = 0;
		*file = text;
		*line = (int)l;
		*col = (int)c;
		*rest = end + 1;
		return 0;
	}
	return -1;
}

/* A sparse line.  *last is the finding the next info lines belong to. */
static int text_line(struct gate_set *s, char *text, struct gate_finding **last, char *msg,
		     size_t len)
{
	char *file, *rest, *tag, name[16];
	int line, col, r, error;
	size_t n = strlen(text);

	if (position(text, &file, &line, &col, &rest)) {
		*last = NULL;
		return 0;
	}
	if (!strncmp(rest, "    ", 4) || (rest[0] == ' ' && rest[1] == ' ')) {
		/* "   expected void *": sparse's info line about the one above. */
		if (*last) {
			while (*rest == ' ')
				rest++;
			gate_finding_note(*last, file, line, col, rest);
		}
		return 0;
	}
	*last = NULL;
	error = !strncmp(rest, " error: ", 8);
	if (!error && strncmp(rest, " warning: ", 10))
		return 0;
	tag = n > 2 && text[n - 1] == ']' ? strrchr(rest, '[') : NULL;
	if (!tag || strncmp(tag, "[IOM", 4))
		return 0;	/* one of sparse's own warnings */
	snprintf(name, sizeof(name), "%.*s", (int)(strlen(tag) - 2), tag + 1);
	if (!(r = gate_rule_of(name))) {
		snprintf(msg, len, "unknown rule '%s'", name);
		return -1;
	}
	if (tag > rest && tag[-1] == ' ')
		tag--;
	*tag = 0;
	rest += error ? 8 : 10;
	*last = gate_set_add(s, "sparse", r, error, file, line, col, "", rest);
	return 0;
}

int gate_import_file(struct gate_set *s, const char *path, char *err, size_t errlen)
{
	struct gate_finding *last = NULL;
	char *text, *line, *cursor, msg[256];
	size_t k;
	int no = 0, rc = 0;

	/* A log is text: random bytes are not findings to pass over. */
	text = file_read_text(path, "the file to import", err, errlen);
	if (!text)
		return -1;
	for (cursor = text; (line = file_next_line(&cursor));) {
		no++;
		k = strlen(line);
		while (k > 0 && line[k - 1] == '\r')
			line[--k] = 0;
		if (line[0] == '{') {
			json_error_t je;
			json_t *o = json_loads(line, JSON_REJECT_DUPLICATES, &je);

			last = NULL;
			if (!o) {
				snprintf(msg, sizeof(msg), "not JSON: %s", je.text);
				rc = -1;
			} else {
				rc = json_finding(s, o, msg, sizeof(msg));
				json_decref(o);
			}
		} else {
			rc = text_line(s, line, &last, msg, sizeof(msg));
		}
		if (rc) {
			snprintf(err, errlen, "%s:%d: error: %s", path, no, msg);
			break;
		}
	}
	free(text);
	return rc;
}
