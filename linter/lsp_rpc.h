/* lsp_rpc.h - the Language Server Protocol's transport and positions:
 * JSON-RPC messages framed by a Content-Length header on a file
 * descriptor, and LSP positions (line, character in UTF-16 code units or
 * UTF-8 bytes) to and from byte offsets.
 *
 * Ownership: an rpc owns its read buffer; rpc_read() hands out a body the
 * caller frees. Failure: rpc_read() returns what happened (a message, the
 * end of input, a message refused) and never exits; a refused message's
 * bytes are skipped, so the stream stays in step. */
#ifndef BACKUPLINT_LSP_RPC_H
#define BACKUPLINT_LSP_RPC_H

#include <stddef.h>
#include <stdio.h>

#include "source.h"

struct rpc {
	int fd;              /* read from */
	FILE *out;           /* written to */
	char *buf;           /* bytes read, not yet used: buf[off..len) */
	size_t off, len, cap;
	size_t max_body;     /* a longer message is skipped, not kept */
	int eof;
};

enum rpc_status {
	RPC_MESSAGE,         /* *body holds the message (NUL-terminated) */
	RPC_EOF,             /* the input ended (or failed) */
	RPC_TOO_LARGE,       /* over max_body: skipped; *len says its size */
	RPC_BAD_HEADER,      /* no Content-Length: the header was dropped */
};

void rpc_init(struct rpc *r, int fd, FILE *out, size_t max_body);
void rpc_release(struct rpc *r);
/* Read the next message (blocking). */
int rpc_read(struct rpc *r, char **body, size_t *len);
/* 1 when a message is at least partly there to read, waiting for one at
 * most timeout_ms (0: not at all); 0 at the end of input. */
int rpc_pending(struct rpc *r, int timeout_ms);
/* Write body[0..len) with its header; 0, or -1 when the output failed. */
int rpc_write(struct rpc *r, const char *body, size_t len);

/* The byte offset of LSP position (line, character) in text[0..len): in
 * UTF-16 code units unless utf8; past a line's end means its end, past the
 * last line the end of the text. Line breaks are LF, CRLF and CR. */
size_t lsp_offset(const char *text, size_t len, unsigned line,
		  unsigned character, int utf8);
/* Where the last position was found: the next one on the same line, further
 * on, counts from there (the positions of a file's findings come in
 * order: a long line is read once, not once a finding). Zeroed: nothing
 * known. */
struct lsp_cursor {
	const struct source *src;
	size_t off;
	unsigned line, units;
};
/* The LSP position of byte offset off of src (cur: a cursor, or NULL). */
void lsp_position(struct source *src, size_t off, int utf8,
		  struct lsp_cursor *cur, unsigned *line, unsigned *character);

#endif
