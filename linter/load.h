/* load.h - the two loaders: strict JSON (json.c) and YAML via libyaml
 * (yaml.c), both producing the positioned tree of tree.h.
 *
 * JSON is read as strictly as the AWS CLI reads it: no comments, no trailing
 * commas, no single quotes, no unquoted keys, no NaN/Infinity, nothing after
 * the value. The caller has already checked the bytes are UTF-8.
 *
 * Ownership: nodes and strings go to ctx->a. Failure: a loader returns
 * NULL (JSON) or -1 (YAML) and fills ctx->err with the byte span, the rule
 * (BKP001 syntax, BKP004 encoding, BKP005 limits) and a message. Duplicate
 * keys are not failures: each is passed to ctx->on_dup. */
#ifndef BACKUPLINT_LOAD_H
#define BACKUPLINT_LOAD_H

#include <stdarg.h>
#include <stddef.h>

#include "arena.h"
#include "tree.h"

struct load_error {
	size_t off, end;    /* byte span of the problem */
	int rule;           /* enum rule_id */
	char msg[256];
	char hint[200];     /* "" when none */
	int has_related;    /* e.g. where the unclosed bracket was opened */
	size_t related_off;
	char related_msg[96];
};

struct load_ctx {
	struct arena *a;
	unsigned max_depth;
	size_t max_alias_nodes;
	void (*on_dup)(void *ud, const struct node *first, const struct node *dup);
	void *ud;
	struct load_error err;
	/* The first string that holds a NUL character (JSON \u0000, YAML \0):
	 * not fatal, the caller reports it (BKP004) and goes on. */
	int has_nul;
	size_t nul_off, nul_end;
};

/* Parse buf[0..len) (a UTF-8 BOM at the start is skipped). */
struct node *json_parse(struct load_ctx *c, const char *buf, size_t len);

/* YAML stream: calls on_doc for each document in order with its root (NULL
 * for an empty document) and the document's byte span. Stops at the first
 * error, returning -1 with ctx->err set (documents before it were already
 * delivered). Each document's nodes are allocated in the arena returned by
 * new_arena(ud) for that document, so that each can be freed on its own. */
int yaml_load_stream(struct load_ctx *c, const char *buf, size_t len,
		     struct arena *(*new_arena)(void *ud),
		     void (*on_doc)(void *ud, struct node *root, size_t start,
				    size_t end),
		     void *ud);

/* Fill e: the span [off, end) (at least one byte when inside the buffer
 * of length len), the rule and the formatted message. */
void load_error_set(struct load_error *e, size_t len, size_t off, size_t end,
		    int rule, const char *fmt, va_list ap)
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

#endif
