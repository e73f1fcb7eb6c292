/* load.c - what the loaders share: the syntax table, short strings stored
 * once, map key indexes and duplicate-key detection. */
#include "load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int same_key(const struct node *a, const struct node *b)
{
	return a->kind == N_STR && b->kind == N_STR && a->len == b->len &&
	       memcmp(a->u.str, b->u.str, a->len) == 0;
}

struct index_sort {
	const struct node *m;
};

static int cmp_pairs(const void *pa, const void *pb, void *arg)
{
	const struct node *m = arg;
	uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
	const struct node *ka = map_key(m, a), *kb = map_key(m, b);
	int c;
	if (ka->kind != N_STR || kb->kind != N_STR)
		c = (ka->kind == N_STR) - (kb->kind == N_STR);
	else
		c = key_cmp(ka, kb->u.str, kb->len);
	return c ? c : (a > b) - (a < b);
}

const char *intern_str(struct intern *t, struct arena *a, const char *s,
		       size_t len)
{
	uint32_t h, k;
	if (!t || len > INTERN_MAX_LEN)
		return arena_strndup(a, s, len);
	if (t->a != a) { /* a new document: its strings die with its arena */
		uint32_t i;
		for (i = 0; i < t->used; i++)
			t->slot[t->at[i]].s = NULL;
		t->used = 0;
		t->a = a;
	}
	{
		/* hash three 8-byte windows (head, middle, tail) and the
		 * length instead of every byte: equal strings still meet,
		 * and the memcmp below settles collisions */
		uint64_t w[3] = { 0, 0, 0 }, x;
		size_t n8 = len < 8 ? len : 8;
		memcpy(&w[0], s, n8);
		memcpy(&w[1], s + (len - n8) / 2, n8);
		memcpy(&w[2], s + len - n8, n8);
		x = (w[0] * 0x9E3779B97F4A7C15ULL) ^ (w[1] * 0xC2B2AE3D27D4EB4FULL) ^
		    ((w[2] + len) * 0x165667B19E3779F9ULL);
		h = (uint32_t)(x >> 32) ^ (uint32_t)x;
	}
	for (k = 0; k < 8; k++) {
		struct intern_slot *e = &t->slot[(h + k) % INTERN_SLOTS];
		if (!e->s) {
			/* keep a quarter free so that probes stay short */
			if (t->used >= INTERN_SLOTS * 3 / 4)
				break;
			e->s = arena_strndup(a, s, len);
			e->len = (uint32_t)len;
			e->hash = h;
			t->at[t->used++] = (uint16_t)((h + k) % INTERN_SLOTS);
			return e->s;
		}
		if (e->hash == h && e->len == len && memcmp(e->s, s, len) == 0)
			return e->s;
	}
	return arena_strndup(a, s, len);
}

size_t load_kids_size(uint32_t count, int is_map)
{
	size_t n = (size_t)count * sizeof(struct node);
	if (is_map && count / 2 > MAP_INDEX_MIN)
		n += (size_t)(count / 2) * sizeof(uint32_t);
	return n;
}

void load_index_map(struct load_ctx *c, struct node *m, int report_dups)
{
	uint32_t i, j, n = m->len, *ix;
	if (n < 2)
		return;
	if (n <= MAP_INDEX_MIN) {
		if (!report_dups || !c->on_dup)
			return;
		for (i = 1; i < n; i++)
			for (j = 0; j < i; j++)
				if (same_key(map_key(m, j), map_key(m, i))) {
					c->on_dup(c->ud, map_key(m, j), map_key(m, i));
					break;
				}
		return;
	}
	/* The caller allocated room for the index after the kids
	 * (load_kids_size). Sorted, duplicates stand side by side. */
	ix = (uint32_t *)(m->u.kids + 2 * n);
	for (i = 0; i < n; i++)
		ix[i] = i;
	qsort_r(ix, n, sizeof(*ix), cmp_pairs, m);
	m->flags |= NF_INDEXED;
	if (!report_dups || !c->on_dup)
		return;
	for (i = 1; i < n; i++) {
		const struct node *k = map_key(m, ix[i]);
		/* the first of a run of equal keys is the first defined */
		for (j = i; j > 0 && same_key(map_key(m, ix[j - 1]), k); j--)
			;
		if (j < i)
			c->on_dup(c->ud, map_key(m, ix[j]), k);
	}
}

void load_error_set(struct load_error *e, size_t len, size_t off, size_t end,
		    int kind, const char *fmt, va_list ap)
{
	e->off = off;
	e->end = end > off ? end : off + (off < len);
	e->kind = kind;
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
}
