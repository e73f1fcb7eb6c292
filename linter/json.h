/* json.h - strict JSON (RFC 8259) into the positioned tree.
 *
 * As strict as the AWS CLI's parser: no comments, no trailing commas, no
 * single quotes, no unquoted keys, no NaN/Infinity, nothing after the value.
 * Strings are validated as UTF-8 and decoded (\uXXXX pairs included).
 * Duplicate keys are kept in the tree and reported through the callback.
 *
 * Ownership: nodes and strings are allocated in `a`. Failure: returns NULL
 * and fills `err` with the byte offset and a message; the tree is then
 * incomplete and must not be used. */
#ifndef BACKUPLINT_JSON_H
#define BACKUPLINT_JSON_H

#include <stddef.h>

#include "arena.h"
#include "tree.h"

struct load_error {
	size_t off, end;        /* byte span of the problem */
	int rule;               /* enum rule_id: BKP001, BKP004 or BKP005 */
	char msg[256];
	char hint[160];
};

struct load_limits {
	unsigned max_depth;
};

struct node *json_parse(const char *buf, size_t len, struct arena *a,
			const struct load_limits *lim, struct load_error *err);

#endif
