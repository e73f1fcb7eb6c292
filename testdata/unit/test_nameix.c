/* test_nameix.c - items found by name through a name_ix as the array
 * grows and moves; the first of two items with one name counts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../linter/nameix.h"
#include "check.h"



struct item {
	const char *name;
	int value;
};

int main(void)
{
	struct arena a;
	struct name_ix ix;
	struct item *v = NULL;
	char (*names)[16];
	size_t n, cap = 0, total = 5000;
	int i;

	arena_init(&a);
	memset(&ix, 0, sizeof(ix));
	names = malloc(total * sizeof(*names));
	CHECK(name_ix_find(&ix, v, sizeof(*v), "x") == NULL, "empty");
	for (n = 0; n < total; n++) {
		/* every tenth name repeats the one before it */
		snprintf(names[n], sizeof(names[n]), "v%zu", n % 10 == 9 ? n - 1 : n);
		if (n == cap) {
			/* moves: the index holds positions, not addresses */
			cap = cap ? 2 * cap : 4;
			v = realloc(v, cap * sizeof(*v));
		}
		v[n].name = names[n];
		v[n].value = (int)n;
		name_ix_add(&ix, &a, v, sizeof(*v), n + 1);
	}
	for (i = 0; i < (int)total; i++) {
		char k[16];
		const struct item *it;
		snprintf(k, sizeof(k), "v%d", i);
		it = name_ix_find(&ix, v, sizeof(*v), k);
		if (i % 10 == 9)
			CHECK(it == NULL, "%s is only a repeat", k);
		else
			CHECK(it && it->value == i, "%s: %d, want the first, %d", k,
			      it ? it->value : -1, i);
	}
	CHECK(name_ix_find(&ix, v, sizeof(*v), "") == NULL &&
	      name_ix_find(&ix, v, sizeof(*v), "v") == NULL, "absent names");
	free(v);
	free(names);
	arena_release(&a);
	return check_done("test_nameix");
}
