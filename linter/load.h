/* load.h - the syntaxes backuplint reads, each a loader into the positioned
 * tree of tree.h: strict JSON (json.c), YAML through libyaml (yaml.c) and
 * the HCL native syntax of Terraform's .tf files (hcl.c).
 *
 * The table syntaxes[] is the one list: a syntax has a name, the file
 * endings a directory walk picks up, a sniff that says how sure it is that
 * a buffer is in it, and a loader that delivers documents to a sink. Adding
 * a syntax is a row and a loader.
 *
 * JSON is read as strictly as the AWS CLI reads it: no comments, no trailing
 * commas, no single quotes, no unquoted keys, no NaN/Infinity, nothing after
 * the value. Loaders assume UTF-8 (the caller has checked the bytes).
 *
 * Ownership: nodes and strings go to the arena the sink hands out for each
 * document. Failure: a loader returns -1 and fills ctx->err with the byte
 * span, the kind of problem (syntax, encoding, limits: enum input_kind, which
 * the engine maps to rule numbers) and a message; documents before the
 * problem were already delivered. Duplicate keys are not failures: each is
 * passed to ctx->on_dup. */
#ifndef BACKUPLINT_LOAD_H
#define BACKUPLINT_LOAD_H

#include <stdarg.h>
#include <stddef.h>

#include "arena.h"
#include "tree.h"

/* What an input problem is about; the program's rule table gives each a
 * rule number (struct checker in checker.h). */
enum input_kind {
	IN_SYNTAX,        /* not valid JSON, YAML, ... */
	IN_DUPLICATE_KEY, /* a key twice in one mapping */
	IN_UNRECOGNIZED,  /* not a document the checker knows, or empty */
	IN_ENCODING,      /* not UTF-8 text */
	IN_LIMITS,        /* over a size, depth or expansion limit */
	IN_CONFIG,        /* a configuration file that cannot be used */
	IN_UNUSED_SUPPRESSION, /* a suppression that silences nothing */
	IN_BAD_SUPPRESSION,    /* a suppression naming no rule */
	IN_COUNT,
};

struct load_error {
	size_t off, end;    /* byte span of the problem */
	int kind;           /* enum input_kind */
	char msg[256];
	char hint[200];     /* "" when none */
	int has_related;    /* e.g. where the unclosed bracket was opened */
	size_t related_off;
	char related_msg[96];
};

struct load_ctx {
	struct arena *a;    /* the current document's (set by the loader) */
	unsigned max_depth;
	size_t max_alias_nodes;
	void (*on_dup)(void *ud, const struct node *first, const struct node *dup);
	void *ud;
	/* A YAML tag that is not one of YAML's own (!Ref, !GetAtt...): may
	 * rewrite n in place, allocating in c->a, and return 1; returns 0 to
	 * leave it (the loader then flags it NF_UNKNOWN_TAG). NULL: none. */
	int (*tag)(struct load_ctx *c, struct node *n, const char *tag,
		   const char *buf, size_t len);
	struct load_error err;
	/* The first string that holds a NUL character (JSON \u0000, YAML \0):
	 * not fatal, the caller reports it (BKP004) and goes on. */
	int has_nul;
	size_t nul_off, nul_end;
	/* A YAML tag was read in the current document (the caller clears it
	 * when it takes the document). */
	int tagged;
};

/* Where a loader delivers documents, in order. */
struct load_sink {
	void *ud;
	/* The arena of the next document (each document can be freed alone). */
	struct arena *(*new_doc)(void *ud);
	/* The document just loaded; root is NULL for an empty one. */
	void (*on_doc)(void *ud, struct node *root);
};

enum sniff {
	SNIFF_NO,       /* cannot be this syntax */
	SNIFF_ANY,      /* could be: the fallback when nothing is surer */
	SNIFF_NAME,     /* the file name says so */
	SNIFF_CONTENT,  /* the first bytes say so */
};

struct syntax {
	const char *name;              /* "json" */
	const char *const *endings;    /* file names a walk lints: ".json" */
	const char *comment;           /* what starts a line comment, or NULL */
	/* enum sniff for buf[0..len) named `name` (a BOM may lead). */
	int (*sniff)(const char *name, const char *buf, size_t len);
	/* Load every document of buf[0..len): 0, or -1 with c->err set. */
	int (*load)(struct load_ctx *c, const char *buf, size_t len,
		    const struct load_sink *k);
};

/* The syntaxes, in order of preference when two are as sure; NULL ends. */
extern const struct syntax *const syntaxes[];

extern const struct syntax json_syntax, yaml_syntax, hcl_syntax;

/* One JSON value from buf[0..len) into c->a (a UTF-8 BOM is skipped), or
 * NULL with c->err set; for data files that are not documents. */
struct node *json_parse(struct load_ctx *c, const char *buf, size_t len);

/* 1 when name ends with one of the endings of any syntax. */
int syntax_walks(const char *name);

/* Fill e: the span [off, end) (at least one byte when inside the buffer
 * of length len), the kind and the formatted message. */
void load_error_set(struct load_error *e, size_t len, size_t off, size_t end,
		    int kind, const char *fmt, va_list ap)
	__attribute__((format(printf, 6, 0)));

/* Strings that repeat (keys, "Default", "cron(0 5 ? * * *)") are stored
 * once per document: a bounded table of short strings; when it is full,
 * strings are simply copied. */
#define INTERN_SLOTS 4096
#define INTERN_MAX_LEN 48

struct intern {
	struct arena *a;  /* the arena the strings live in */
	uint32_t used;
	struct intern_slot {
		const char *s;
		uint32_t len, hash;
	} slot[INTERN_SLOTS];
	/* the slots used, so that a new document clears only those (a
	 * stream of small documents would clear the whole table each) */
	uint16_t at[INTERN_SLOTS * 3 / 4];
};

/* s[0..len) as a NUL-terminated string in arena a, shared with an equal
 * earlier string when there is one. t may be NULL (then it copies). */
const char *intern_str(struct intern *t, struct arena *a, const char *s,
		       size_t len);

/* Bytes for the kids array of a container of `count` nodes: a map of more
 * than MAP_INDEX_MIN pairs gets room for its key index after the kids. */
size_t load_kids_size(uint32_t count, int is_map);
/* At map close: build the key index of a big map (see tree.h) and, with
 * report_dups, pass each duplicate key to c->on_dup with the first one
 * (pairwise for small maps, neighbours in the index for big ones). */
void load_index_map(struct load_ctx *c, struct node *m, int report_dups);

/* n becomes the integer of the ASCII digits d[0..len), negated when neg:
 * exact in int64; beyond it the nearest bound with NF_BIG set (n's other
 * flags are the caller's). Shared by the loaders that parse numbers. */
static inline void load_int(struct node *n, const char *d, size_t len, int neg)
{
	unsigned long long v = 0,
		lim = neg ? 9223372036854775808ULL : 9223372036854775807ULL;
	size_t k;
	n->kind = N_INT;
	for (k = 0; k < len; k++) {
		unsigned dg = (unsigned)(d[k] - '0');
		if (v > (lim - dg) / 10) {
			n->flags |= NF_BIG;
			n->u.i = neg ? (-9223372036854775807LL - 1) : 9223372036854775807LL;
			return;
		}
		v = v * 10 + dg;
	}
	n->u.i = neg ? (long long)(0 - v) : (long long)v;
}

#endif
