/* test_arena.c - arena_extend() grows the last allocation where it is and
 * refuses anything else, and a string built in the arena (strbuf) comes out
 * whole whether it grew in place or moved. */
#include <stdio.h>
#include <string.h>

#include "../../linter/arena.h"
#include "../../linter/strbuf.h"
#include "check.h"

int main(void)
{
	struct arena a;
	char *p, *q;
	size_t before, i;
	struct strbuf b = { 0 }, c = { 0 };
	char want[5000];

	arena_init_sized(&a, 1024);
	p = arena_alloc(&a, 10);
	memcpy(p, "abcdefghi", 10);
	before = a.total;
	CHECK(arena_extend(&a, p, 10, 100) == 1, "the last allocation grows");
	CHECK(a.total == before + 104 - 16, "total counts the growth: %zu", a.total - before);
	CHECK(memcmp(p, "abcdefghi", 10) == 0, "contents kept");
	q = arena_alloc(&a, 16);
	CHECK(q == p + 104, "the next allocation follows the grown one");
	CHECK(arena_extend(&a, p, 100, 200) == 0, "not the last allocation");
	CHECK(arena_extend(&a, q, 16, 4) == 0, "never shrinks");
	CHECK(arena_extend(&a, q, 16, 1 << 20) == 0, "no room in the chunk");
	CHECK(arena_extend(&a, q, 16, 16) == 1, "same size: in place");

	/* one string grown by small appends (in place), one interleaved with
	 * other allocations (moved each time) */
	b.a = &a;
	c.a = &a;
	for (i = 0; i < sizeof(want) - 1; i++) {
		char ch = (char)('a' + i % 26);
		want[i] = ch;
		strbuf_add(&b, &ch, 1);
	}
	want[sizeof(want) - 1] = '\0';
	CHECK(b.n == sizeof(want) - 1 && strcmp(b.s, want) == 0, "in-place string");
	for (i = 0; i < sizeof(want) - 1; i++) {
		strbuf_add(&c, &want[i], 1);
		if (i % 7 == 0)
			(void)arena_alloc(&a, 24);
	}
	CHECK(c.n == sizeof(want) - 1 && strcmp(c.s, want) == 0, "moved string");
	arena_release(&a);
	return check_done("test_arena");
}
