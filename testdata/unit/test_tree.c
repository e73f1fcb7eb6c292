/* test_tree.c - map look-ups: small maps scanned, big maps through their
 * sorted key index; the last of duplicate keys wins either way; YAML merge
 * keys re-index the merged map. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../linter/load.h"
#include "../../linter/tree.h"
#include "check.h"



static int ndups;
static void on_dup(void *ud, const struct node *a, const struct node *b)
{
	(void)ud;
	CHECK(a->start < b->start, "first before duplicate");
	ndups++;
}

static struct node *parse(struct arena *a, const char *text)
{
	struct load_ctx c;
	memset(&c, 0, sizeof(c));
	c.a = a;
	c.max_depth = 64;
	c.on_dup = on_dup;
	return json_parse(&c, text, strlen(text));
}

static void map_of(int n, int dup_every, struct arena *a)
{
	char *buf = malloc((size_t)n * 32 + 16), *p = buf;
	struct node *root;
	int i;
	p += sprintf(p, "{");
	for (i = 0; i < n; i++) {
		int key = dup_every && i % dup_every == dup_every - 1 ? i - 1 : i;
		p += sprintf(p, "%s\"k%d\": %d", i ? ", " : "", key, i);
	}
	sprintf(p, "}");
	ndups = 0;
	root = parse(a, buf);
	CHECK(root && root->kind == N_MAP, "parsed %d", n);
	CHECK(!!(root->flags & NF_INDEXED) == (n > MAP_INDEX_MIN),
	      "index iff more than %d pairs (n=%d)", MAP_INDEX_MIN, n);
	for (i = 0; i < n; i++) {
		char k[16];
		int key = dup_every && i % dup_every == dup_every - 1 ? i - 1 : i;
		int last = key;
		const struct node *v;
		if (dup_every && i % dup_every == dup_every - 2 && i + 1 < n)
			last = i + 1; /* the duplicate after it wins */
		if (dup_every && i % dup_every == dup_every - 1)
			last = i;
		snprintf(k, sizeof(k), "k%d", key);
		v = map_get(root, k);
		CHECK(v && v->kind == N_INT && v->u.i == last,
		      "n=%d: %s is %lld, want %d", n, k, v ? v->u.i : -1, last);
	}
	CHECK(map_get(root, "k") == NULL && map_get(root, "missing") == NULL &&
	      map_get(root, "") == NULL, "absent keys (n=%d)", n);
	if (dup_every)
		CHECK(ndups == n / dup_every, "n=%d: %d duplicates, want %d", n,
		      ndups, n / dup_every);
	free(buf);
}

int main(void)
{
	struct arena a;
	int n;
	arena_init(&a);
	for (n = 1; n <= 70; n++) {
		map_of(n, 0, &a);
		map_of(n, 5, &a);
	}
	map_of(5000, 0, &a);
	map_of(5000, 7, &a);
	arena_release(&a);
	return check_done("test_tree");
}
