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
#include "paths.h"

/* JSON-RPC and LSP error codes */
#define E_PARSE -32700
#define E_INVALID_REQUEST -32600
#define E_METHOD_NOT_FOUND -32601
#define E_INVALID_PARAMS -32602
#define E_NOT_INITIALIZED -32002

/* A change is linted when the editor has been quiet this long (typing
 * does not lint every keystroke); an open, a save or a request is linted
 * at once. */
#define LSP_DEBOUNCE_MS 200
/* ... but a lint waits at most this long after the first change. */
#define LSP_DEBOUNCE_MAX_MS 1000
/* A workspace folder with more entries (files and folders seen by the
 * walk) than this is not read to link the open documents (each lint would
 * read them all, and the walk itself would stall): a message says so. */
#define LSP_CONTEXT_MAX 20000

struct lsp_doc {
	char *uri;
	char *path;            /* the file:// URI's path; NULL for others */
	char *text;            /* as the editor has it */
	size_t len;
	int dirty;             /* changed since it was linted: its next
				* diagnostics are published even when the
				* same */
	int lost;              /* a change was refused: out of step with the
				* editor until it sends the whole text */
	const char *comment;   /* its syntax's line comment, or NULL */
	struct source src;     /* the text linted last, and its findings */
	struct diag_list diags;
	char *shown;           /* the diagnostics published last (JSON) */
};

struct server {
	const struct checker *ck;
	const struct lsp_opts *o;
	struct session s;
	struct rpc rpc;
	struct lsp_doc **docs;
	size_t ndocs;
	int utf8;              /* positions in UTF-8 bytes, else UTF-16 units */
	struct lsp_cursor cursor; /* the last position found (lsp_position) */
	int initialized, shut, done, status;
	long long due;         /* when to lint (lsp_now_ms), -1: nothing to */
	long long since;       /* when the lint due was first asked for */
	char *root;            /* the workspace folder, or NULL */
	struct inputs ws;      /* the files of the context folder ws_dir */
	char *ws_dir;
	int ws_stale;          /* walk it again before the next lint */
	int ws_warned;         /* said that it is too big to read */
	int can_watch;         /* the editor registers file watchers for us */
};

/* lsp.c: answers, documents, linting */
void lsp_respond(struct server *sv, const cJSON *id, cJSON *result);
void lsp_respond_error(struct server *sv, const cJSON *id, int code,
		       const char *msg);
struct lsp_doc *lsp_doc_find(struct server *sv, const char *uri, size_t *at);
/* window/showMessage of `type` (1 error, 2 warning, 3 info). */
void lsp_show_message(struct server *sv, int type, const char *text);
/* Publish d's findings (none when `empty`): when d changed since, or when
 * they differ from the ones published last. */
void lsp_publish(struct server *sv, struct lsp_doc *d, int empty);
/* The LSP range of bytes [a, b) of src. */
cJSON *lsp_range(struct server *sv, struct source *src, size_t a, size_t b);
/* Finding g of d as an LSP Diagnostic. */
cJSON *lsp_diagnostic(struct server *sv, struct lsp_doc *d, const struct diag *g);
/* 1 when g is shown in the editor: neither suppressed nor baselined. */
int lsp_shown(const struct diag *g);

/* lsp_work.c: runs */
/* Lint every open document now, in one run with the files of the
 * workspace folder (open documents in their place), and publish. */
void lsp_lint_all(struct server *sv);
/* A lint is due in delay_ms: 0 at once; a change's delay restarts the
 * wait of one due later (a debounce), up to LSP_DEBOUNCE_MAX_MS. */
void lsp_due(struct server *sv, long long delay_ms);
long long lsp_now_ms(void);
/* The workspace: its folder and the files walked. */
void lsp_work_release(struct server *sv);

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
