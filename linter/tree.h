/* tree.h - the positioned document tree shared by the JSON, YAML and HCL
 * loaders.
 *
 * A node is 24 bytes: kind, style, flags, a length, its byte span in the
 * source and one payload word. Children are stored by value in one array per
 * container (a map's array alternates key, value), so a document costs one
 * allocation per container and nothing per leaf beyond its string.
 *
 * Ownership: nodes, child arrays and strings live in the document's arena
 * (struct doc in lint.h) and die with it. Strings are NUL-terminated copies
 * (escapes decoded); `len` is their length in bytes (they may contain NUL
 * only if the source had \u0000, which the loader reports).
 *
 * Positions: `start`/`end` are byte offsets into the file buffer, end
 * exclusive. Line and column (1-based, columns counted in Unicode code
 * points) are derived on demand by source_pos() in source.h, so the tree
 * stays small and positions are computed only for nodes that are reported.
 *
 * A YAML tag hook (load.h) may rewrite a tagged node: CloudFormation's short
 * forms (!Ref, !GetAtt...) become the one-pair maps of their long forms,
 * flagged NF_SHORT_TAG, so that rules see one shape for both. */
#ifndef BACKUPLINT_TREE_H
#define BACKUPLINT_TREE_H

#include <stddef.h>
#include <stdint.h>

enum node_kind {
	N_NULL,
	N_BOOL,
	N_INT,
	N_FLOAT,
	N_STR,
	N_MAP,
	N_SEQ,
	N_EXPR,  /* an HCL expression that is not a literal (hcl.h): kids
		  * like a sequence, the operation in `style` */
};

/* What an N_EXPR computes (its `style`); the shape of its kids for each is
 * documented in hcl.h. */
enum expr_op {
	EXPR_TRAVERSAL,    /* root, then steps: a.b[0].*  */
	EXPR_INDEX,        /* one step: [key] or legacy .0 */
	EXPR_SPLAT,        /* one step: .* or [*] (no kids) */
	EXPR_CALL,         /* name, args... */
	EXPR_TEMPLATE,     /* parts: "a${b}%{if c}d%{endif}" */
	EXPR_TEMPLATE_IF,  /* cond, then, else or null */
	EXPR_TEMPLATE_FOR, /* key var or null, value var, collection, body */
	EXPR_COND,         /* cond ? a : b */
	EXPR_BINARY,       /* lhs, op, rhs */
	EXPR_UNARY,        /* op, operand */
	EXPR_FOR_TUPLE,    /* [for k, v in c : v if cond] */
	EXPR_FOR_OBJECT,   /* {for k, v in c : k => v... if cond} */
	EXPR_PAREN,        /* (inner) */
};

/* How a scalar was written: AWS treats "30" (string) and 30 (number)
 * differently, so a quoted digit string stays an N_STR with S_QUOTED. */
enum node_style {
	S_PLAIN,   /* JSON literal/number, YAML plain scalar */
	S_QUOTED,  /* JSON string, YAML '..' or ".." */
	S_BLOCK,   /* YAML | or > */
	S_FLOW,    /* container written in flow/JSON style */
};

enum node_flags {
	NF_SHORT_TAG   = 1 << 0, /* rewritten from a YAML tag by a tag hook */
	NF_UNKNOWN_TAG = 1 << 1, /* had a YAML tag we do not interpret */
	NF_ALIAS       = 1 << 2, /* produced by a YAML alias (*name) */
	NF_BIG         = 1 << 3, /* number outside int64 / double range */
	NF_MERGED      = 1 << 4, /* pair brought in by a YAML merge key << */
	NF_KEY         = 1 << 5, /* this node is a mapping key */
	NF_INDEXED     = 1 << 6, /* N_MAP: a sorted key index follows the kids */
	NF_VERBATIM    = 1 << 7, /* N_STR: its bytes stand in the source as they
				  * are, from node_text_start() on */
	NF_BLOCK       = 1 << 8, /* HCL: key of a block (its type) */
	NF_LABEL       = 1 << 9, /* HCL: one-pair map whose key is a block label */
	NF_BODY        = 1 << 10,/* HCL: map of a file's or a block's body */
	NF_EXPAND      = 1 << 11,/* HCL: f(x...) or {for ...: k => v...} */
	NF_REPEATS     = 1 << 14,/* a key that may repeat in its mapping: a
				  * block type or a "//" comment of Terraform's
				  * JSON syntax (set by the checker) */
};

/* Maps of more than this many pairs carry a sorted index of their keys
 * (uint32 pair numbers, after the 2*len kids), so that map_get() on the
 * Resources of a big template is a binary search, not a scan. */
#define MAP_INDEX_MIN 16

struct node {
	uint8_t kind;   /* enum node_kind */
	uint8_t style;  /* enum node_style */
	uint16_t flags; /* enum node_flags */
	uint32_t len;   /* N_STR: bytes; N_MAP: pairs; N_SEQ, N_EXPR: kids */
	uint32_t start, end; /* byte span in the source, end exclusive */
	union {
		const char *str;    /* N_STR */
		long long i;        /* N_INT (clamped when NF_BIG) */
		double f;           /* N_FLOAT */
		int b;              /* N_BOOL */
		struct node *kids;  /* N_MAP: 2*len (key, value, ...); N_SEQ,
				     * N_EXPR: len */
	} u;
};

/* Accessors. All accept NULL and the wrong kind, returning NULL / 0. */
static inline int node_is(const struct node *n, enum node_kind k)
{
	return n && n->kind == k;
}
static inline struct node *map_key(const struct node *m, uint32_t i)
{
	return &m->u.kids[2 * i];
}
static inline struct node *map_val(const struct node *m, uint32_t i)
{
	return &m->u.kids[2 * i + 1];
}
static inline struct node *seq_at(const struct node *s, uint32_t i)
{
	return &s->u.kids[i];
}

/* Value of key `k` in map `m`, or NULL (also when m is not a map).
 * With duplicate keys, the last one wins, as in AWS's JSON parsers. */
struct node *map_get(const struct node *m, const char *k);
/* Index of key `k` in `m`, or -1. */
long map_find(const struct node *m, const char *k);
/* The key node of key `k`, or NULL. */
struct node *map_get_key(const struct node *m, const char *k);

/* Compare a key node with k[0..kl): <0, 0, >0 (non-strings sort first). */
int key_cmp(const struct node *key, const char *k, size_t kl);

/* 1 when n is a string equal to s. */
int node_streq(const struct node *n, const char *s);
/* The string of an N_STR, else NULL. */
const char *node_str(const struct node *n);
/* An integer value: N_INT, or an N_FLOAT with an integral value; writes *out
 * and returns 1, else 0. With `digits_ok`, a string of decimal digits counts
 * too (CloudFormation converts them). */
int node_int(const struct node *n, long long *out, int digits_ok);

/* Byte offset where the text of an NF_VERBATIM string starts: after the
 * opening quote, and after an anchor or tag written before it. */
uint32_t node_text_start(const struct node *n);

/* 1 when n is a string whose text stands verbatim in the source. */
static inline int node_verbatim(const struct node *n)
{
	return n && n->kind == N_STR && (n->flags & NF_VERBATIM) &&
	       !(n->flags & NF_ALIAS);
}

/* Name of a kind for messages: "string", "integer", "mapping", ... */
const char *node_kind_name(const struct node *n);

#endif
