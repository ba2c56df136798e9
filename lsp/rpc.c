/*
 * rpc.c - JSON-RPC 2.0 over the frames: checks, dispatch, replies.
 *
 * Every request gets exactly one response; a notification never gets one.
 * What cannot be read is answered with id null: -32700 for a body that is
 * not JSON, -32600 for JSON that is not a request (no "jsonrpc":"2.0", no
 * string method, an id that is neither number nor string, a batch).  Methods
 * come from the table in methods.def.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "lsp.h"

enum kind { REQUEST, NOTIFY };

typedef void (*handler_fn)(struct server *, json_t *id, json_t *params);

static const struct method {
	const char *name;
	handler_fn fn;
	enum kind kind;
} methods[] = {
#define METHOD(name, fn, kind) { name, fn, kind },
#include "methods.def"
#undef METHOD
};

static void send(struct server *s, json_t *msg)
{
	char *text = json_dumps(msg, JSON_COMPACT);

	json_decref(msg);
	if (!text)
		return;		/* out of memory: this message is lost, not the server */
	if (frame_write(s->out, text, strlen(text))) {
		free(text);
		lsp_exit(s);	/* the client is gone */
	}
	free(text);
}

void rpc_reply(struct server *s, json_t *id, json_t *result)
{
	send(s, json_pack("{s:s,s:O,s:o}", "jsonrpc", "2.0", "id", id ? id : json_null(), "result",
			  result ? result : json_null()));
}

void rpc_error(struct server *s, json_t *id, int code, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	send(s, json_pack("{s:s,s:O,s:{s:i,s:o}}", "jsonrpc", "2.0", "id", id ? id : json_null(),
			  "error", "code", code, "message", text_json(msg, strlen(msg))));
}

void rpc_notify(struct server *s, const char *method, json_t *params)
{
	send(s, json_pack("{s:s,s:s,s:o}", "jsonrpc", "2.0", "method", method, "params", params));
}

void rpc_message(struct server *s, int show, int type, const char *fmt, ...)
{
	char msg[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	rpc_notify(s, show ? "window/showMessage" : "window/logMessage",
		   json_pack("{s:i,s:o}", "type", type, "message", text_json(msg, strlen(msg))));
}

static const struct method *find(const char *name)
{
	for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++)
		if (!strcmp(methods[i].name, name))
			return &methods[i];
	return NULL;
}

/* Lifecycle: before initialize only initialize and exit; after shutdown only exit. */
static int allowed(struct server *s, const struct method *m, json_t *id)
{
	int lifecycle = m && (m->fn == on_initialize || m->fn == on_exit_);

	if (s->shut_down && !(m && m->fn == on_exit_)) {
		if (id)
			rpc_error(s, id, RPC_INVALID_REQUEST, "the server is shut down: only 'exit' is taken");
		return 0;
	}
	if (!s->initialized && !lifecycle) {
		if (id)
			rpc_error(s, id, LSP_SERVER_NOT_INITIALIZED, "the server is not initialized yet");
		return 0;
	}
	return 1;
}

void rpc_handle(struct server *s, const char *body, size_t len)
{
	json_error_t jerr;
	json_t *msg = json_loadb(body, len, JSON_ALLOW_NUL | JSON_DECODE_ANY, &jerr), *id, *method, *params;
	const struct method *m;

	if (!msg) {
		rpc_error(s, NULL, RPC_PARSE_ERROR, "not JSON: %s (at byte %d)", jerr.text,
			  jerr.position);
		return;
	}
	if (!json_is_object(msg)) {
		rpc_error(s, NULL, RPC_INVALID_REQUEST, json_is_array(msg) ?
			  "batches are not taken: send one message at a time" :
			  "a message must be a JSON object");
		json_decref(msg);
		return;
	}
	id = json_object_get(msg, "id");
	method = json_object_get(msg, "method");
	params = json_object_get(msg, "params");
	if (id && !json_is_integer(id) && !json_is_string(id) && !json_is_null(id)) {
		rpc_error(s, NULL, RPC_INVALID_REQUEST, "the id must be a number or a string");
		json_decref(msg);
		return;
	}
	if (!method && id && (json_object_get(msg, "result") || json_object_get(msg, "error"))) {
		json_decref(msg);	/* a response to a request of ours: none are sent */
		return;
	}
	if (!json_is_string(json_object_get(msg, "jsonrpc")) ||
	    strcmp(json_string_value(json_object_get(msg, "jsonrpc")), "2.0") ||
	    !json_is_string(method) || (params && !json_is_object(params) && !json_is_array(params))) {
		rpc_error(s, id, RPC_INVALID_REQUEST, "not a JSON-RPC 2.0 request: needs "
			  "\"jsonrpc\":\"2.0\", a string \"method\" and object or array \"params\"");
		json_decref(msg);
		return;
	}
	m = find(json_string_value(method));
	if (!allowed(s, m, id)) {
		json_decref(msg);
		return;
	}
	if (!m) {
		if (id)
			rpc_error(s, id, RPC_METHOD_NOT_FOUND, "method not found: %s",
				  json_string_value(method));
	} else if (m->kind == NOTIFY && id) {
		rpc_error(s, id, RPC_INVALID_REQUEST, "'%s' is a notification: send it without an id",
			  m->name);
	} else if (m->kind == REQUEST && !id) {
		/* A request sent as a notification: nobody waits for the answer. */
	} else {
		m->fn(s, id, params ? params : json_null());
	}
	json_decref(msg);
}

/* ---- requests answered later -------------------------------------------------- */

void deferred_add(struct server *s, json_t *id, json_t *params, const char *uri)
{
	struct deferred *d = calloc(1, sizeof(*d)), **p = &s->deferred;

	if (!d)
		abort();
	d->id = json_incref(id);
	d->params = json_incref(params);
	d->uri = strdup(uri);
	d->deadline = lsp_now() + s->timeout_ms / 1000.0 + 1;
	while (*p)
		p = &(*p)->next;
	*p = d;
}

static void drop(struct deferred **p)
{
	struct deferred *d = *p;

	*p = d->next;
	json_decref(d->id);
	json_decref(d->params);
	free(d->uri);
	free(d);
}

/* Each one answered takes itself off the list first: answering may find the
 * client gone and exit. */
void deferred_run(struct server *s, const char *uri)
{
	struct deferred **p = &s->deferred;

	while (*p) {
		struct deferred *d = *p;
		json_t *id, *params;

		if (uri ? strcmp(d->uri, uri) : d->deadline > lsp_now()) {
			p = &d->next;
			continue;
		}
		id = json_incref(d->id);
		params = json_incref(d->params);
		drop(p);
		actions_reply(s, id, params, 0);
		json_decref(id);
		json_decref(params);
	}
}

int deferred_tick(struct server *s)
{
	double next = -1, now = lsp_now();

	deferred_run(s, NULL);
	for (struct deferred *d = s->deferred; d; d = d->next)
		if (next < 0 || d->deadline < next)
			next = d->deadline;
	return next < 0 ? -1 : (int)((next - now) * 1000) + 1;
}

void on_cancel(struct server *s, json_t *id, json_t *params)
{
	json_t *which = json_object_get(params, "id");

	(void)id;
	for (struct deferred **p = &s->deferred; *p; p = &(*p)->next)
		if (json_equal((*p)->id, which)) {
			json_t *gone = json_incref((*p)->id);

			drop(p);
			rpc_error(s, gone, LSP_REQUEST_CANCELLED, "request cancelled");
			json_decref(gone);
			return;
		}
	/* Already answered: nothing to do, as the protocol says. */
}
