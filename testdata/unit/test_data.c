/* test_data.c - the data trees built at compile time (schemas/embed.c) are
 * the trees json.c makes of the embedded texts: same kinds, styles, flags,
 * lengths, byte spans, values, key order and big-map key indexes; and
 * data_tree() hands out the same read-only root every time, without
 * allocating. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../linter/data.h"
#include "../../linter/embedded.h"
#include "../../linter/load.h"
#include "check.h"

static size_t nnodes;


/* 1 when a (built at compile time) and b (parsed now) are the same tree;
 * reports the first difference under `file`. */
static int same(const char *file, const struct node *a, const struct node *b)
{
	uint32_t i, count;
	nnodes++;
	if (a->kind != b->kind || a->style != b->style ||
	    a->flags != b->flags || a->len != b->len || a->start != b->start ||
	    a->end != b->end) {
		CHECK(0, "%s: node at byte %u: kind %d/%d style %d/%d flags %d/%d "
		      "len %u/%u end %u/%u", file, b->start, a->kind, b->kind,
		      a->style, b->style, a->flags, b->flags, a->len, b->len,
		      a->end, b->end);
		return 0;
	}
	switch (a->kind) {
	case N_STR:
		if (memcmp(a->u.str, b->u.str, a->len) != 0 || a->u.str[a->len]) {
			CHECK(0, "%s: string at byte %u differs", file, b->start);
			return 0;
		}
		return 1;
	case N_INT:
		CHECK(a->u.i == b->u.i, "%s: integer at byte %u", file, b->start);
		return a->u.i == b->u.i;
	case N_FLOAT:
		/* exact: the generator writes hexadecimal floats */
		CHECK(memcmp(&a->u.f, &b->u.f, sizeof(double)) == 0,
		      "%s: number at byte %u", file, b->start);
		return memcmp(&a->u.f, &b->u.f, sizeof(double)) == 0;
	case N_BOOL:
		CHECK(a->u.b == b->u.b, "%s: boolean at byte %u", file, b->start);
		return a->u.b == b->u.b;
	case N_MAP:
	case N_SEQ:
		count = a->kind == N_MAP ? 2 * a->len : a->len;
		for (i = 0; i < count; i++)
			if (!same(file, &a->u.kids[i], &b->u.kids[i]))
				return 0;
		if (a->flags & NF_INDEXED) {
			const uint32_t *ia = (const uint32_t *)(a->u.kids + count);
			const uint32_t *ib = (const uint32_t *)(b->u.kids + count);
			CHECK(memcmp(ia, ib, a->len * sizeof(*ia)) == 0,
			      "%s: key index of the map at byte %u", file, b->start);
		}
		return 1;
	default:
		return 1;
	}
}

int main(void)
{
	const struct embedded_tree *e;
	int ntrees = 0, indexed = 0;

	for (e = embedded_trees; e->name; e++) {
		struct arena a;
		struct load_ctx c;
		const struct node *parsed, *m;
		size_t len;
		const char *text = data_text(e->name, &len);
		uint32_t i;

		ntrees++;
		CHECK(text != NULL, "%s: no text", e->name);
		if (!text)
			continue;
		CHECK(data_tree(e->name) == e->root &&
		      data_tree(e->name) == data_tree(e->name),
		      "%s: data_tree() is the generated root", e->name);
		arena_init(&a);
		memset(&c, 0, sizeof(c));
		c.a = &a;
		c.max_depth = 1000;
		parsed = json_parse(&c, text, len);
		CHECK(parsed != NULL, "%s: does not parse: %s", e->name, c.err.msg);
		if (parsed)
			same(e->name, e->root, parsed);
		/* the index is used: every key of a big map is found */
		m = e->root;
		for (i = 0; m->kind == N_MAP && i < m->len; i++) {
			const struct node *v = map_val(m, i);
			uint32_t j;
			if (!(v->flags & NF_INDEXED))
				continue;
			indexed++;
			for (j = 0; j < v->len; j++)
				CHECK(map_get(v, map_key(v, j)->u.str) ==
				      map_val(v, j), "%s: key %s", e->name,
				      map_key(v, j)->u.str);
		}
		arena_release(&a);
	}
	CHECK(ntrees >= 6, "%d JSON data files", ntrees);
	CHECK(indexed > 0, "no indexed map among the top-level values");
	CHECK(embedded_tree("timezones.txt") == NULL &&
	      data_text("timezones.txt", NULL) != NULL, "text-only data");
	CHECK(embedded_tree("nothing.json") == NULL &&
	      data_text("nothing.json", NULL) == NULL, "unknown file");
	printf("test_data: %d trees, %zu nodes\n", ntrees, nnodes);
	return check_done("test_data");
}
