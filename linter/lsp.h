/* lsp.h - backuplint as a language server: the Language Server Protocol
 * over standard input and output (lsp_rpc.h), documents held as the editor
 * has them, linted when the editor pauses, diagnostics published with LSP
 * positions, and code actions (the findings' fixes, suppression comments).
 *
 * One session for the server, from the configuration of the folder it is
 * started in and the flags; the open documents are linted together in one
 * run, each with the configuration nearest its path, with the backup
 * documents of the workspace folder read from disk to link them (an open
 * document stands for its file). Nothing is process-global.
 *
 * Failure: bad messages are answered with JSON-RPC errors and never end the
 * server; lsp_serve() returns the exit status (0 after shutdown and exit,
 * 1 for an exit or the end of input without shutdown, 2 when the session
 * cannot be made, with a reason on stderr). */
#ifndef BACKUPLINT_LSP_H
#define BACKUPLINT_LSP_H

#include "checker.h"
#include "settings.h"

struct lsp_opts {
	const struct flags *fl;  /* the command line's options */
	const char *config;      /* --config FILE, or NULL */
	int no_config;           /* --no-config */
	const char *now;         /* BACKUPLINT_NOW, or NULL */
};

/* Serve on file descriptor in_fd (requests) and out (responses) until
 * exit or the end of input. */
int lsp_serve(const struct checker *ck, const struct lsp_opts *o, int in_fd,
	      FILE *out);

#endif
