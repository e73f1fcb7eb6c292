/* fuzz_json.c - libFuzzer target for the strict JSON loader (json.c).
 *
 * Beyond "does not crash", it checks the tree's own invariants: every span
 * lies inside the buffer with start <= end, children lie inside their
 * parent, and a failure always leaves a message and a span inside the
 * buffer. A broken invariant aborts, so libFuzzer records it. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "../linter/load.h"

static void on_dup(void *ud, const struct node *first, const struct node *dup)
{
	(void)ud;
	FUZZ_ASSERT(first->kind == N_STR && dup->kind == N_STR);
	FUZZ_ASSERT(first->start < dup->start);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct load_ctx c;
	struct node *root;
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
	c.max_alias_nodes = 1000000;
	c.on_dup = on_dup;
	root = json_parse(&c, buf, size);
	if (root)
		fuzz_check_tree(root, size, 0);
	else
		fuzz_check_error(&c.err, size);
	arena_release(&a);
	free(buf);
	return 0;
}
