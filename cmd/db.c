/*
 * db.c - compile_commands.json: find it, read it, check it.
 *
 * Both entry forms are read ("arguments": [...] and "command": "..."), a
 * relative "directory" is taken from the database's own folder, a relative
 * "file" from the entry's directory.  A broken database is one line,
 * "FILE:LINE: error: ...", naming the entry's line: jansson gives positions
 * for syntax errors only, so the entries' lines come from a scan of the text.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "cmd.h"

static const char db_name[] = "compile_commands.json";

/* C sources by extension (an explicit -x c is honoured too). */
static const char *const c_suffixes[] = { ".c", ".i" };

char *db_find(const char *dir)
{
	char *d = strdup(dir);

	while (d) {
		size_t n = strlen(d) + sizeof(db_name) + 2;
		char *p = malloc(n), *slash;

		snprintf(p, n, "%s/%s", strcmp(d, "/") ? d : "", db_name);
		if (!access(p, F_OK)) {
			free(d);
			return p;
		}
		free(p);
		slash = strrchr(d, '/');
		if (!slash || !strcmp(d, "/"))
			break;
		if (slash == d)
			slash[1] = 0;
		else
			*slash = 0;
	}
	free(d);
	return NULL;
}

/* The line where each element of the top-level array starts.  Needs no
 * valid JSON: only strings, nesting and commas are followed. */
static int *element_lines(const char *text, int *nr)
{
	int *lines = NULL, n = 0, depth = 0, line = 1, in_string = 0, expect = 0;

	for (const char *s = text; *s; s++) {
		if (*s == '\n')
			line++;
		if (in_string) {
			if (*s == '\\' && s[1])
				s++;
			else if (*s == '"')
				in_string = 0;
			continue;
		}
		if (strchr(" \t\r\n", *s))
			continue;
		if (depth == 1 && expect && *s != ']') {
			lines = realloc(lines, (n + 1) * sizeof(*lines));
			lines[n++] = line;
			expect = 0;
		}
		if (*s == '"')
			in_string = 1;
		else if (*s == '[' || *s == '{')
			expect = ++depth == 1;
		else if (*s == ']' || *s == '}')
			depth--;
		else if (*s == ',' && depth == 1)
			expect = 1;
	}
	*nr = n;
	return lines;
}

struct reader {
	const char *path;		/* the database, as shown */
	const char *base;		/* absolute folder of the database */
	const int *lines;
	int nr_lines;
	char *err;
	size_t errlen;
};

static int fail(struct reader *r, int index, const char *fmt, const char *what)
{
	int line = index < r->nr_lines ? r->lines[index] : 1;
	char msg[512];

	snprintf(msg, sizeof(msg), fmt, what);
	snprintf(r->err, r->errlen, "%s:%d: error: entry %d: %s", r->path, line, index + 1, msg);
	return -1;
}

static const char *string_member(json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

static int read_arguments(struct reader *r, int index, json_t *obj, struct entry *e)
{
	json_t *args = json_object_get(obj, "arguments"), *v;
	const char *command = string_member(obj, "command");
	size_t i;

	if (args) {
		if (!json_is_array(args) || !json_array_size(args))
			return fail(r, index, "%s", "\"arguments\" is not a list of strings");
		e->argv = calloc(json_array_size(args) + 1, sizeof(*e->argv));
		json_array_foreach(args, i, v) {
			if (!json_is_string(v))
				return fail(r, index, "%s", "\"arguments\" is not a list of strings");
			e->argv[e->argc++] = strdup(json_string_value(v));
		}
		return 0;
	}
	if (json_object_get(obj, "command") && !command)
		return fail(r, index, "%s", "\"command\" is not a string");
	if (!command)
		return fail(r, index, "%s", "neither \"arguments\" nor \"command\"");
	{
		char msg[256];
		int n = split_words(command, &e->argv, msg, sizeof(msg));

		if (n < 0)
			return fail(r, index, "\"command\": %s", msg);
		if (!n)
			return fail(r, index, "%s", "\"command\" is empty");
		e->argc = n;
	}
	return 0;
}

static int read_entry(struct reader *r, int index, json_t *obj, struct entry *e)
{
	const char *dir, *file;

	if (!json_is_object(obj))
		return fail(r, index, "%s", "not an object");
	dir = string_member(obj, "directory");
	file = string_member(obj, "file");
	if (!dir)
		return fail(r, index, "%s", "no \"directory\" string");
	if (!file)
		return fail(r, index, "%s", "no \"file\" string");
	e->line = index < r->nr_lines ? r->lines[index] : 0;
	e->dir = path_absolute(r->base, dir);
	e->file = path_absolute(e->dir, file);
	return read_arguments(r, index, obj, e);
}

int db_load(struct db *db, const char *path, char *err, size_t errlen)
{
	struct reader r = { path, NULL, NULL, 0, err, errlen };
	char cwd[4096], *text, *abs, *slash;
	const char *why;
	json_error_t jerr;
	json_t *root, *v;
	size_t len, i;
	int *lines, ret = 0;

	*db = (struct db){ strdup(path), 0, NULL };
	text = file_read(path, &len, &why);
	if (!text) {
		snprintf(err, errlen, "%s: error: cannot read the compile database: %s", path, why);
		return -1;
	}
	root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!root) {
		snprintf(err, errlen, "%s:%d: error: %s", path, jerr.line > 0 ? jerr.line : 1,
			 jerr.text);
		free(text);
		return -1;
	}
	lines = element_lines(text, &r.nr_lines);
	r.lines = lines;
	free(text);
	if (!getcwd(cwd, sizeof(cwd)))
		strcpy(cwd, "/");
	abs = path_absolute(cwd, path);
	slash = strrchr(abs, '/');
	*(slash == abs ? slash + 1 : slash) = 0;
	r.base = abs;
	if (!json_is_array(root)) {
		snprintf(err, errlen, "%s:1: error: not a compile database: the top level is not a list of entries", path);
		ret = -1;
	} else {
		db->entries = calloc(json_array_size(root) + 1, sizeof(*db->entries));
		json_array_foreach(root, i, v) {
			ret = read_entry(&r, (int)i, v, &db->entries[db->nr]);
			db->nr++;
			if (ret)
				break;
		}
	}
	json_decref(root);
	free(lines);
	free(abs);
	return ret;
}

int db_add_plain(struct db *db, const char *cwd, const char *file, int nflags,
		 char *const *flags)
{
	struct entry *e;

	db->entries = realloc(db->entries, (db->nr + 1) * sizeof(*db->entries));
	e = &db->entries[db->nr++];
	*e = (struct entry){ strdup(cwd), path_absolute(cwd, file), 0, NULL, 0 };
	e->argv = calloc(nflags + 4, sizeof(*e->argv));
	e->argv[e->argc++] = strdup("cc");
	for (int i = 0; i < nflags; i++)
		e->argv[e->argc++] = strdup(flags[i]);
	e->argv[e->argc++] = strdup("-c");
	e->argv[e->argc++] = strdup(file);
	return 0;
}

void db_free(struct db *db)
{
	for (int i = 0; i < db->nr; i++) {
		free(db->entries[i].dir);
		free(db->entries[i].file);
		free_words(db->entries[i].argc, db->entries[i].argv);
	}
	free(db->entries);
	free(db->path);
	*db = (struct db){ 0 };
}

int entry_check(const struct entry *e, const char *cwd, char *err, size_t errlen)
{
	const char *why = file_not_regular(e->file);
	char *name;

	if (!why)
		return 0;
	name = path_display(e->file, cwd);
	snprintf(err, errlen, "%s: error: %s, not a source file", name, why);
	free(name);
	return -1;
}

int entry_is_c(const struct entry *e)
{
	size_t n = strlen(e->file);

	for (int i = 0; i + 1 < e->argc; i++)
		if (!strcmp(e->argv[i], "-x"))
			return !strcmp(e->argv[i + 1], "c");
	for (size_t i = 0; i < sizeof(c_suffixes) / sizeof(c_suffixes[0]); i++) {
		size_t k = strlen(c_suffixes[i]);

		if (n > k && !strcmp(e->file + n - k, c_suffixes[i]))
			return 1;
	}
	return 0;
}
