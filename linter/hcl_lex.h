/* hcl_lex.h - the inside of the HCL loader, shared by its files: tokens
 * (hcl_lex.c), helpers and bodies (hcl.c), expressions (hcl_expr.c),
 * templates and their text (hcl_template.c). The public interface is
 * hcl.h.
 *
 * The lexer works on demand: the parser asks for the token at an offset, in
 * expression mode (hcl_lex), or for a literal chunk of a quoted or heredoc
 * template (hcl_quoted_chunk, hcl_heredoc_chunk), because what a byte means
 * depends on where the parser is. Nothing is buffered here: state lives in
 * struct hcl_parser, which the files share.
 *
 * Ownership: decoded strings go to the load context's arena. Failure: the
 * functions that can fail return -1 after hcl_fail() filled c->err; a byte
 * that cannot start a token is not a failure of the lexer but a T_BAD token,
 * which the parser explains (hcl_bad_token) only if it has to read it. */
#ifndef BACKUPLINT_HCL_LEX_H
#define BACKUPLINT_HCL_LEX_H

#include <stddef.h>
#include <stdint.h>

#include "load.h"

enum hcl_tok {
	T_EOF,
	T_NL,        /* a line break, or a # or // comment with its line break */
	T_IDENT,
	T_NUMBER,
	T_OQUOTE,    /* the opening '"' of a quoted template */
	T_HEREDOC,   /* <<MARKER or <<-MARKER with its line break */
	T_LBRACE, T_RBRACE, T_STRIP_RBRACE /* ~} */,
	T_LBRACK, T_RBRACK, T_LPAREN, T_RPAREN,
	T_COMMA, T_DOT, T_ELLIPSIS, T_ASSIGN, T_COLON, T_QUESTION, T_ARROW,
	T_DCOLON,
	T_PLUS, T_MINUS, T_STAR, T_SLASH, T_PERCENT,
	T_EQ, T_NE, T_LT, T_LE, T_GT, T_GE, T_AND, T_OR, T_BANG,
	T_BAD,       /* see enum hcl_bad */
};

/* Why a T_BAD token is not a token: each gets its own explanation. */
enum hcl_bad {
	BAD_CHAR, BAD_UTF8, BAD_NUL, BAD_CR, BAD_SQUOTE, BAD_BACKTICK, BAD_SEMI,
	BAD_AMP, BAD_PIPE, BAD_CARET, BAD_POW, BAD_TILDE, BAD_COMMENT,
	BAD_HEREDOC, BAD_NUMBER,
};

struct hcl_token {
	uint8_t type;    /* enum hcl_tok */
	uint8_t bad;     /* enum hcl_bad, for T_BAD */
	uint8_t flush;   /* T_HEREDOC: <<- */
	uint32_t start, end;
	uint32_t m0, m1; /* T_HEREDOC: the marker's bytes */
};

/* What ended a template literal chunk. */
enum hcl_stop {
	STOP_QUOTE,     /* the closing '"' (not consumed) */
	STOP_INTERP,    /* ${ (not consumed) */
	STOP_DIRECTIVE, /* %{ (not consumed) */
	STOP_EOL,       /* heredoc: the line break, included in the chunk */
	STOP_EOF,       /* heredoc: end of input */
	STOP_BAD_CR,    /* heredoc: a carriage return not before a line feed */
};

struct hcl_parser {
	struct load_ctx *c;
	const char *b;
	size_t len;
	size_t pos;          /* just after the last token consumed */
	int nl;              /* are line breaks tokens here (bodies, objects)? */
	unsigned depth;
	uintptr_t stack_base;
	struct node *scratch; /* finished nodes waiting for their container */
	size_t ns, cap;
	struct intern *strings;
	/* the last token peeked: at `peek_pos`, with `peek_nl` */
	struct hcl_token peek;
	size_t peek_pos;
	int peek_nl, peek_ok;
};

/* Fill c->err with the span, the enum input_kind and the message (the one
 * place loader errors are made) and return -1. */
int hcl_fail(struct hcl_parser *p, size_t off, size_t end, int kind,
	     const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Add a related place ("'[' opened here") to the error just made. */
void hcl_related(struct hcl_parser *p, size_t off, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The token at pos in expression mode, after spaces and comments. */
void hcl_lex(const struct hcl_parser *p, size_t pos, struct hcl_token *t);
/* A short description of a token for messages: "'}'", "end of line". */
const char *hcl_tok_what(const struct hcl_parser *p, const struct hcl_token *t,
			 char *buf, size_t n);
/* Fail on token t where `expected` was wanted, explaining bad tokens
 * (single quotes, ';', '&', '**', ...) by name. Returns -1. */
int hcl_bad_token(struct hcl_parser *p, const struct hcl_token *t,
		  const char *expected);

/* ---- template text (hcl_template.c) ---- */

/* A literal chunk of a quoted template from pos: escapes decoded into the
 * arena as an N_STR (S_PLAIN, span of the source bytes) in *lit; *stop
 * says what ended it and *next where. `open` is the offset of the opening
 * quote, for the message when the string never ends. */
int hcl_quoted_chunk(struct hcl_parser *p, size_t pos, size_t open,
		     struct node *lit, size_t *next, int *stop);
/* A literal chunk of a heredoc from pos, up to and including a line break,
 * or up to ${ or %{ (no backslash escapes; $${ and %%{ are decoded). */
void hcl_heredoc_chunk(struct hcl_parser *p, size_t pos, struct node *lit,
		       size_t *next, int *stop);
/* 1 when the line at pos (a line start) closes the heredoc whose marker is
 * b[m0..m1): optional spaces, the marker, optional spaces, a line break.
 * *mend is the end of the marker. */
int hcl_heredoc_closer(const struct hcl_parser *p, size_t pos, size_t m0,
		       size_t m1, size_t *mend);

/* A number token b[s..e) (negated with neg) into n: N_INT, or N_FLOAT when
 * it has a fraction or exponent; NF_BIG beyond int64 / double. */
void hcl_number(const struct hcl_parser *p, size_t s, size_t e, int neg,
		struct node *n);

/* Length in bytes of the whitespace character (Go's unicode.IsSpace) at
 * s[0..n), or 0. */
size_t hcl_space_len(const char *s, size_t n);

/* ---- parser helpers (hcl.c) ---- */

/* The scratch stack: push one zeroed node; the top one. Pointers into it
 * die at the next push. */
struct node *hcl_push(struct hcl_parser *p);
struct node *hcl_top(struct hcl_parser *p);
/* Replace the nodes from `base` up with one node of that kind and style
 * whose kids they are, spanning [start, end); returns it (on the stack). */
struct node *hcl_collapse(struct hcl_parser *p, size_t base, int kind,
			  int style, size_t start, size_t end);
/* s[0..len) (NUL-terminated, owned elsewhere) as an N_STR. */
void hcl_str_node(struct node *n, int style, const char *s, size_t len,
		  size_t start, size_t end);
/* An N_NULL with an empty span at `at`, for an absent optional part. */
void hcl_push_absent(struct hcl_parser *p, size_t at);
/* One level deeper (a bracket, block, template part at off): fails with
 * IN_LIMITS beyond max_depth or the stack budget. */
int hcl_enter(struct hcl_parser *p, size_t off);
void hcl_leave(struct hcl_parser *p);
/* The next token in expression mode (line breaks skipped unless p->nl);
 * consume moves past it. The parser peeks at each token a few times:
 * the cached answer is inline, the lexer is called once (hcl_lex.c). */
const struct hcl_token *hcl_peek_lex(struct hcl_parser *p);
static inline const struct hcl_token *hcl_peek(struct hcl_parser *p)
{
	if (p->peek_ok && p->peek_pos == p->pos && p->peek_nl == p->nl)
		return &p->peek;
	return hcl_peek_lex(p);
}
static inline void hcl_consume(struct hcl_parser *p, const struct hcl_token *t)
{
	p->pos = t->end;
	p->peek_ok = 0;
}
int hcl_is_word(const struct hcl_parser *p, const struct hcl_token *t,
		const char *w);
/* The identifier t as an N_STR on the stack. */
void hcl_push_ident(struct hcl_parser *p, const struct hcl_token *t);
/* Fail on t where the bracket opened at `open` should close or go on. */
int hcl_not_closed(struct hcl_parser *p, const struct hcl_token *t,
		   size_t open, const char *expected);
/* An expression, pushed on the stack (hcl_expr.c). */
int hcl_parse_expr(struct hcl_parser *p);

/* ---- templates (hcl_template.c) ---- */

/* The quoted template whose '"' is t, or the heredoc whose opener is t:
 * pushes an N_STR when it holds no ${ } or %{ }, else an EXPR_TEMPLATE. */
int hcl_parse_quoted(struct hcl_parser *p, const struct hcl_token *t);
int hcl_parse_heredoc(struct hcl_parser *p, const struct hcl_token *t);

#endif
