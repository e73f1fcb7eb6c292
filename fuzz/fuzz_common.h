/* fuzz_common.h - invariant checks shared by the fuzz targets (header-only,
 * so that each target stays one file). FUZZ_ASSERT aborts with the broken
 * condition, which libFuzzer records as a crash with its input. */
#ifndef BACKUPLINT_FUZZ_COMMON_H
#define BACKUPLINT_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../linter/load.h"
#include "../linter/tree.h"
#include "../rules/registry.h"

#define FUZZ_ASSERT(cond)                                                   \
	do {                                                                \
		if (!(cond)) {                                              \
			fprintf(stderr, "%s:%d: invariant failed: %s\n",    \
				__FILE__, __LINE__, #cond);                 \
			abort();                                            \
		}                                                           \
	} while (0)

/* Every node's span lies inside [0, len] and inside its parent's; strings
 * are NUL-terminated at len. Aliased subtrees (YAML) are shared, so they are
 * walked once per reference only up to a bounded budget. */
static inline void fuzz_check_node(const struct node *n, size_t len,
				   const struct node *parent, unsigned depth,
				   size_t *budget)
{
	uint32_t i, nkids;
	int shared;

	if (*budget == 0)
		return;
	(*budget)--;
	FUZZ_ASSERT(n->kind <= N_EXPR);
	FUZZ_ASSERT(n->start <= n->end);
	FUZZ_ASSERT(n->end <= len);
	if (parent)
		FUZZ_ASSERT(parent->start <= n->start && n->end <= parent->end);
	FUZZ_ASSERT(depth < 100000);
	if (n->kind == N_STR) {
		FUZZ_ASSERT(n->u.str != NULL);
		FUZZ_ASSERT(n->u.str[n->len] == '\0');
		return;
	}
	if (n->kind != N_MAP && n->kind != N_SEQ && n->kind != N_EXPR)
		return;
	nkids = n->kind == N_MAP ? 2 * n->len : n->len;
	FUZZ_ASSERT(nkids == 0 || n->u.kids != NULL);
	/* An alias's children are its anchor's, and a pair brought in by a
	 * merge key lies where it was written: both sit elsewhere. */
	shared = (n->flags & NF_ALIAS) != 0;
	for (i = 0; i < nkids; i++) {
		const struct node *k = &n->u.kids[i];
		int merged = n->kind == N_MAP &&
			     (n->u.kids[i & ~1u].flags & NF_MERGED);
		fuzz_check_node(k, len, shared || merged ? NULL : n, depth + 1,
				budget);
	}
}

static inline void fuzz_check_tree(const struct node *root, size_t len,
				   unsigned depth)
{
	size_t budget = 4000000;
	fuzz_check_node(root, len, NULL, depth, &budget);
}

static inline void fuzz_check_error(const struct load_error *e, size_t len)
{
	FUZZ_ASSERT(e->msg[0] != '\0');
	FUZZ_ASSERT(e->off <= len);
	FUZZ_ASSERT(e->off <= e->end);
	FUZZ_ASSERT(e->end <= len + 1);
	FUZZ_ASSERT(e->kind >= 0 && e->kind < IN_COUNT);
	FUZZ_ASSERT(memchr(e->msg, '\0', sizeof(e->msg)) != NULL);
}

#endif
