/* fuzz_hcl.c - libFuzzer target for the HCL loader (hcl.c, hcl_expr.c,
 * hcl_template.c, hcl_lex.c).
 *
 * Beyond "does not crash" and the span invariants every loader keeps
 * (fuzz_common.h), it checks the shape hcl.h promises: the kids of each
 * N_EXPR for its operation, the kids of an expression or a list in source
 * order without overlap, block values that are label chains ending in a
 * body, and duplicates that are strings met in order. A broken invariant
 * aborts, so libFuzzer records it. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "../linter/hcl.h"

static void on_dup(void *ud, const struct node *first, const struct node *dup)
{
	(void)ud;
	FUZZ_ASSERT(first->kind == N_STR && dup->kind == N_STR);
	FUZZ_ASSERT(first->start < dup->start);
	FUZZ_ASSERT(first->len == dup->len &&
		    memcmp(first->u.str, dup->u.str, dup->len) == 0);
}

static void check_shape(const struct node *n, size_t *budget)
{
	uint32_t i, nk;
	if (*budget == 0)
		return;
	(*budget)--;
	if (n->kind == N_EXPR) {
		switch (n->style) {
		case EXPR_TRAVERSAL: FUZZ_ASSERT(n->len >= 1); break;
		case EXPR_INDEX: case EXPR_PAREN: FUZZ_ASSERT(n->len == 1); break;
		case EXPR_SPLAT: FUZZ_ASSERT(n->len == 0); break;
		case EXPR_CALL:
			FUZZ_ASSERT(n->len >= 1 && n->u.kids[0].kind == N_STR);
			break;
		case EXPR_TEMPLATE: break;
		case EXPR_TEMPLATE_IF: case EXPR_COND: case EXPR_BINARY:
			FUZZ_ASSERT(n->len == 3);
			break;
		case EXPR_TEMPLATE_FOR: FUZZ_ASSERT(n->len == 4); break;
		case EXPR_UNARY:
			FUZZ_ASSERT(n->len == 2 && n->u.kids[0].kind == N_STR);
			break;
		case EXPR_FOR_TUPLE: FUZZ_ASSERT(n->len == 5); break;
		case EXPR_FOR_OBJECT: FUZZ_ASSERT(n->len == 6); break;
		default: FUZZ_ASSERT(!"unknown expression style");
		}
	}
	if (n->kind == N_MAP && (n->flags & NF_LABEL))
		FUZZ_ASSERT(n->len == 1 && map_key(n, 0)->kind == N_STR &&
			    map_val(n, 0)->kind == N_MAP &&
			    (map_val(n, 0)->flags & (NF_LABEL | NF_BODY)));
	if (n->kind != N_MAP && n->kind != N_SEQ && n->kind != N_EXPR)
		return;
	nk = n->kind == N_MAP ? 2 * n->len : n->len;
	for (i = 0; i < nk; i++) {
		const struct node *k = &n->u.kids[i];
		/* in source order, never overlapping */
		if (i)
			FUZZ_ASSERT(n->u.kids[i - 1].end <= k->start);
		if (n->kind == N_MAP && i % 2 == 0 && (k->flags & NF_BLOCK)) {
			const struct node *v = &n->u.kids[i + 1];
			FUZZ_ASSERT(k->kind == N_STR && v->kind == N_MAP &&
				    (v->flags & (NF_LABEL | NF_BODY)));
		}
		check_shape(k, budget);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct load_ctx c;
	struct node *root;
	size_t budget = 4000000;
	/* The loader's contract: a NUL-terminated buffer, as source.c reads. */
	char *buf = malloc(size + 1);

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	arena_init(&a);
	memset(&c, 0, sizeof(c));
	c.a = &a;
	c.max_depth = 512;
	c.on_dup = on_dup;
	root = hcl_parse(&c, buf, size);
	if (root) {
		FUZZ_ASSERT(root->kind == N_MAP && (root->flags & NF_BODY));
		fuzz_check_tree(root, size, 0);
		check_shape(root, &budget);
	} else {
		fuzz_check_error(&c.err, size);
		if (c.err.has_related)
			FUZZ_ASSERT(c.err.related_off <= size);
	}
	arena_release(&a);
	free(buf);
	return 0;
}
