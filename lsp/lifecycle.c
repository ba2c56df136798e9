/*
 * lifecycle.c - initialize, initialized, shutdown, exit.
 *
 * initializationOptions (all optional):
 *	"compilationDatabase": PATH	the database (or its folder) for every file,
 *					instead of the nearest one upwards
 *	"defaultFlags": [ARG...]	flags for files no database compiles
 *	"debounce": MS			delay after the last change (default 300)
 *	"timeout": MS			a run taking longer is killed (default 120000)
 *	"jobs": N			runs at a time (default 2)
 *	"workers": N			worker processes kept, one per document (default 8)
 */
#include <stdlib.h>
#include <string.h>

#include "lsp.h"

#ifndef IOM_VERSION
#define IOM_VERSION "0.1"
#endif

/* Does the client take UTF-8 columns (LSP 3.17 positionEncodings, or the
 * older offsetEncoding extension that Neovim and clangd speak)? */
static int takes_utf8(json_t *caps)
{
	json_t *lists[] = {
		json_object_get(json_object_get(caps, "general"), "positionEncodings"),
		json_object_get(caps, "offsetEncoding"),
	};
	json_t *v;
	size_t i;

	for (size_t k = 0; k < sizeof(lists) / sizeof(lists[0]); k++)
		json_array_foreach(lists[k], i, v)
			if (json_is_string(v) && !strcmp(json_string_value(v), "utf-8"))
				return 1;
	return 0;
}

static void options(struct server *s, json_t *o, const char *root)
{
	json_t *db = json_object_get(o, "compilationDatabase"), *flags = json_object_get(o, "defaultFlags");
	json_t *debounce = json_object_get(o, "debounce"), *timeout = json_object_get(o, "timeout"), *v;
	json_t *jobs = json_object_get(o, "jobs"), *workers = json_object_get(o, "workers");
	size_t i;

	if (json_is_string(db)) {
		free(s->db_override);
		s->db_override = path_absolute(root ? root : s->cwd, json_string_value(db));
	}
	if (json_is_array(flags)) {
		args_free(&s->default_flags);
		json_array_foreach(flags, i, v)
			if (json_is_string(v))
				args_add(&s->default_flags, json_string_value(v));
	}
	if (json_is_integer(debounce) && json_integer_value(debounce) >= 0 &&
	    json_integer_value(debounce) < 60000)
		s->debounce_ms = (int)json_integer_value(debounce);
	if (json_is_integer(jobs) && json_integer_value(jobs) > 0 && json_integer_value(jobs) <= 64)
		s->jobs = (int)json_integer_value(jobs);
	if (json_is_integer(workers) && json_integer_value(workers) > 0 &&
	    json_integer_value(workers) <= 1024)
		s->workers = (int)json_integer_value(workers);
	if (json_is_integer(timeout) && json_integer_value(timeout) > 0 &&
	    json_integer_value(timeout) < 3600000)
		s->timeout_ms = (int)json_integer_value(timeout);
}

void on_initialize(struct server *s, json_t *id, json_t *params)
{
	const char *root_uri = json_string_value(json_object_get(params, "rootUri"));
	char *root = root_uri ? uri_to_path(root_uri) : NULL;
	json_t *caps;

	if (s->initialized) {
		rpc_error(s, id, RPC_INVALID_REQUEST, "initialize was already received");
		free(root);
		return;
	}
	s->utf8 = takes_utf8(json_object_get(params, "capabilities"));
	options(s, json_object_get(params, "initializationOptions"), root);
	free(root);
	caps = json_pack("{s:s,s:{s:b,s:i,s:{s:b}},s:{s:[s]}}",
			 "positionEncoding", s->utf8 ? "utf-8" : "utf-16",
			 "textDocumentSync", "openClose", 1, "change", 1 /* full */,
			 "save", "includeText", 0,
			 "codeActionProvider", "codeActionKinds", "quickfix");
	s->initialized = 1;
	rpc_reply(s, id, json_pack("{s:o,s:{s:s,s:s},s:s}", "capabilities", caps,
				   "serverInfo", "name", "iomemcheck", "version", IOM_VERSION,
				   "offsetEncoding", s->utf8 ? "utf-8" : "utf-16"));
}

void on_initialized(struct server *s, json_t *id, json_t *params)
{
	(void)s, (void)id, (void)params;
}

void on_shutdown(struct server *s, json_t *id, json_t *params)
{
	(void)params;
	analysis_kill_all(s);
	s->shut_down = 1;
	rpc_reply(s, id, NULL);
}

void on_exit_(struct server *s, json_t *id, json_t *params)
{
	(void)id, (void)params;
	lsp_exit(s);
}
