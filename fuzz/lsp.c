/*
 * Fuzz target: what the language server reads from its client before any
 * method runs.  The input is a byte stream cut into chunks (each chunk's
 * length is its first byte, as reads from a pipe arrive in pieces) and fed
 * to the framing reader (lsp/frame.c, a limit of 4 KiB so that over-long
 * bodies are exercised); each framed body goes through jansson as
 * rpc_handle() reads it, and through the text helpers (lsp/text.c) the
 * documents use: a URI to a path, columns to positions and back.  A body is
 * never longer than the limit, and the reader always comes to rest.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lsp.h"

/* text.c's text_of() looks up open documents: none here. */
struct doc *doc_by_path(struct server *s, const char *path)
{
	(void)s, (void)path;
	return NULL;
}

static void body(const char *p, size_t len)
{
	char *s = malloc(len + 1);
	json_t *v = json_loadb(p, len, JSON_ALLOW_NUL | JSON_DECODE_ANY, NULL), *pos;
	char *path;

	memcpy(s, p, len);
	s[len] = 0;
	path = uri_to_path(s);
	if (path) {
		char *uri = path_to_uri(path), *back = uri_to_path(uri);

		if (!back || strcmp(back, path))
			abort();	/* a path goes to a URI and back unchanged */
		free(uri);
		free(back);
		free(path);
	}
	for (int line = 1; line < 4; line++)
		for (int col = 1; col < 12; col += 5)
			for (int utf8 = 0; utf8 < 2; utf8++) {
				int ch = text_character(s, len, line, col, utf8);
				size_t off = text_offset(s, len, line - 1, ch, utf8);

				if (off > len)
					abort();
				pos = text_position(s, len, line, col, utf8);
				json_decref(pos);
			}
	json_decref(v);
	free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct frame f;
	size_t at = 0;

	frame_init(&f, 4096);
	while (at < size) {
		size_t n = 1 + data[at] % 64;
		const char *b;
		size_t len;
		int code, rounds = 0;
		char err[256];
		enum frame_result r;

		at++;
		if (n > size - at)
			n = size - at;
		frame_feed(&f, (const char *)data + at, n);
		at += n;
		while ((r = frame_next(&f, &b, &len, &code, err, sizeof(err))) != FRAME_NONE) {
			if (r == FRAME_MESSAGE) {
				if (len > 4096)
					abort();
				body(b, len);
			} else if (!err[0] || (code != RPC_PARSE_ERROR && code != RPC_INVALID_REQUEST)) {
				abort();	/* an error says what and how */
			}
			if (++rounds > 100000)
				abort();	/* it must come to rest */
		}
	}
	frame_free(&f);
	return 0;
}
