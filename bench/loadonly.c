/* loadonly.c - backuplint's loaders alone: read each file and load it into
 * the positioned tree (linter/json.c, linter/yaml.c or linter/hcl.c), then
 * free it.
 *
 * Set against the parser anchors and the whole linter, it splits backuplint's
 * time into loading and checking. Linked against backuplint's objects by
 * bench/run.sh and bench/hcl.sh. Usage: loadonly FILE|DIR...; *.json files
 * are JSON, *.tf files HCL, the rest YAML; exit 1 when a file fails to load,
 * 2 on I/O trouble. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../linter/arena.h"
#include "../linter/hcl.h"
#include "../linter/load.h"
#include "files.h"

struct docs {
	struct arena arenas[64]; /* one per document, as lint.c does */
	size_t n, nodes;
};

static struct arena *new_arena(void *ud)
{
	struct docs *d = ud;
	struct arena *a = &d->arenas[d->n % 64];

	if (d->n >= 64)
		arena_release(a);
	arena_init(a);
	d->n++;
	return a;
}

static void on_doc(void *ud, struct node *root)
{
	struct docs *d = ud;

	d->nodes += root != NULL;
}

static void on_dup(void *ud, const struct node *first, const struct node *dup)
{
	(void)ud;
	(void)first;
	(void)dup;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

int main(int argc, char **argv)
{
	struct filelist l = { 0 };
	char *buf = NULL;
	size_t cap = 0, len, i, bad = 0, docs = 0;
	int k, rc = 0;

	for (k = 1; k < argc; k++)
		if (filelist_add(&l, argv[k]))
			rc = 2;
	for (i = 0; i < l.n; i++) {
		struct arena a;
		struct docs d = { .n = 0 };
		struct load_ctx c = { .max_depth = 512, .max_alias_nodes = 1000000,
				      .on_dup = on_dup };
		size_t j;

		if (slurp(l.v[i], &buf, &cap, &len)) {
			rc = 2;
			continue;
		}
		arena_init(&a);
		c.a = &a;
		if (ends_with(l.v[i], ".json")) {
			if (json_parse(&c, buf, len))
				docs++;
			else
				bad++;
		} else if (ends_with(l.v[i], ".tf")) {
			if (hcl_parse(&c, buf, len))
				docs++;
			else
				bad++;
		} else {
			struct load_sink sink = { .ud = &d, .new_doc = new_arena,
						  .on_doc = on_doc };
			if (yaml_syntax.load(&c, buf, len, &sink))
				bad++;
			docs += d.nodes;
			for (j = 0; j < d.n && j < 64; j++)
				arena_release(&d.arenas[j]);
		}
		arena_release(&a);
	}
	printf("%zu files, %zu documents, %zu failed to load\n", l.n, docs, bad);
	free(buf);
	filelist_free(&l);
	return rc ? rc : bad ? 1 : 0;
}
