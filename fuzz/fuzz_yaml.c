/* fuzz_yaml.c - libFuzzer target for the YAML loader (yaml.c on libyaml).
 *
 * Each document gets its own arena, as lint.c does, and is checked against
 * the tree invariants of fuzz_common.h when it is delivered. Limits are set
 * low (depth 64, 10,000 alias nodes) so that the fuzzer reaches them often;
 * an input over a limit must fail with BKP005, never grow without bound. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "../linter/load.h"

struct state {
	struct arena arenas[64];
	size_t n;
	size_t len;
	size_t last_end;
	int overflow;
};

static struct arena *new_arena(void *ud)
{
	struct state *s = ud;
	/* Past 64 documents, reuse the last arena: each document is checked
	 * as soon as it is delivered, so it need not outlive the next. */
	if (s->n == 64) {
		s->overflow = 1;
		return &s->arenas[63];
	}
	arena_init(&s->arenas[s->n]);
	return &s->arenas[s->n++];
}

static void on_doc(void *ud, struct node *root, size_t start, size_t end)
{
	struct state *s = ud;
	FUZZ_ASSERT(start <= end && end <= s->len);
	if (root)
		fuzz_check_tree(root, s->len, 0);
}

static void on_dup(void *ud, const struct node *first, const struct node *dup)
{
	(void)ud;
	FUZZ_ASSERT(first->start <= first->end && dup->start <= dup->end);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct state s;
	struct load_ctx c;
	size_t i;
	char *buf = malloc(size + 1);

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	memset(&s, 0, sizeof(s));
	s.len = size;
	memset(&c, 0, sizeof(c));
	c.max_depth = 64;
	c.max_alias_nodes = 10000;
	c.on_dup = on_dup;
	if (yaml_load_stream(&c, buf, size, new_arena, on_doc, &s) != 0) {
		fuzz_check_error(&c.err, size);
	}
	for (i = 0; i < s.n; i++)
		arena_release(&s.arenas[i]);
	free(buf);
	return 0;
}
