/* lsp_impl.h - what the language server's files share: the server, its
 * documents, and the helpers that answer about them. Private to lsp*.c.
 *
 * Ownership: the server owns its documents; a document owns its text, and
 * the text and findings of its last lint (src, diags). Failure: helpers
 * that read a request's parameters return -1 (or NULL) when they are not
 * there; the caller answers with an error. */
#ifndef BACKUPLINT_LSP_IMPL_H
#define BACKUPLINT_LSP_IMPL_H

#include <cjson/cJSON.h>

#include "lint.h"
#include "lsp.h"
#include "lsp_rpc.h"

/* JSON-RPC and LSP error codes */
#define E_PARSE -32700
#define E_INVALID_REQUEST -32600
#define E_METHOD_NOT_FOUND -32601
#define E_INVALID_PARAMS -32602
#define E_NOT_INITIALIZED -32002

struct lsp_doc {
	char *uri;
	char *path;            /* the file:// URI's path; NULL for others */
	char *text;            /* as the editor has it */
	size_t len;
	int dirty;             /* changed since it was linted */
	int lost;              /* a change was refused: out of step with the
				* editor until it sends the whole text */
	const char *comment;   /* its syntax's line comment, or NULL */
	struct source src;     /* the text linted last, and its findings */
	struct diag_list diags;
};

struct server {
	const struct checker *ck;
	const struct lsp_opts *o;
	struct session s;
	struct rpc rpc;
	struct lsp_doc **docs;
	size_t ndocs;
	int utf8;              /* positions in UTF-8 bytes, else UTF-16 units */
	int initialized, shut, done, status;
};

/* lsp.c: answers, documents, linting */
void lsp_respond(struct server *sv, const cJSON *id, cJSON *result);
void lsp_respond_error(struct server *sv, const cJSON *id, int code,
		       const char *msg);
struct lsp_doc *lsp_doc_find(struct server *sv, const char *uri, size_t *at);
/* Lint d now and publish its diagnostics. */
void lsp_lint_doc(struct server *sv, struct lsp_doc *d);
/* The LSP range of bytes [a, b) of src. */
cJSON *lsp_range(struct server *sv, struct source *src, size_t a, size_t b);
/* Finding g of d as an LSP Diagnostic. */
cJSON *lsp_diagnostic(struct server *sv, struct lsp_doc *d, const struct diag *g);
/* 1 when g is shown in the editor: neither suppressed nor baselined. */
int lsp_shown(const struct diag *g);

/* lsp_action.c: requests about a document */
/* params.textDocument.uri, or NULL. */
const char *lsp_doc_uri(const cJSON *params);
/* An LSP Position's line and character: 0, or -1. */
int lsp_get_pos(const cJSON *p, unsigned *line, unsigned *ch);
/* The byte span [*a, *b) of LSP range r in text[0..len): 0, or -1. */
int lsp_get_range(struct server *sv, const cJSON *r, const char *text,
		  size_t len, size_t *a, size_t *b);
/* textDocument/codeAction: the fixes of the findings in the range, and
 * suppression comments for them. */
void lsp_code_action(struct server *sv, const cJSON *id, const cJSON *params);
/* textDocument/hover: the findings at the position, with their rule. */
void lsp_hover(struct server *sv, const cJSON *id, const cJSON *params);

#endif
