/* load.c - what both loaders share: duplicate-key detection. */
#include "load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int same_key(const struct node *a, const struct node *b)
{
	return a->kind == N_STR && b->kind == N_STR && a->len == b->len &&
	       memcmp(a->u.str, b->u.str, a->len) == 0;
}

static uint32_t hash(const struct node *k)
{
	/* FNV-1a */
	uint32_t h = 2166136261u;
	uint32_t i;
	for (i = 0; i < k->len; i++) {
		h ^= (unsigned char)k->u.str[i];
		h *= 16777619u;
	}
	return h;
}

void load_check_dups(struct load_ctx *c, const struct node *m)
{
	uint32_t i, j, n = m->len;
	if (n < 2 || !c->on_dup)
		return;
	if (n <= 16) {
		for (i = 1; i < n; i++)
			for (j = 0; j < i; j++)
				if (same_key(map_key(m, j), map_key(m, i))) {
					c->on_dup(c->ud, map_key(m, j), map_key(m, i));
					break;
				}
		return;
	}
	{
		/* Open addressing over key indexes; the table is twice the
		 * size of the map, so lookups stay short. */
		uint32_t size = 32, mask, *tab;
		while (size < 2 * n)
			size *= 2;
		mask = size - 1;
		tab = xmalloc(size * sizeof(*tab));
		memset(tab, 0xff, size * sizeof(*tab));
		for (i = 0; i < n; i++) {
			const struct node *k = map_key(m, i);
			uint32_t h;
			if (k->kind != N_STR)
				continue;
			for (h = hash(k) & mask;; h = (h + 1) & mask) {
				if (tab[h] == UINT32_MAX) {
					tab[h] = i;
					break;
				}
				if (same_key(map_key(m, tab[h]), k)) {
					c->on_dup(c->ud, map_key(m, tab[h]), k);
					break;
				}
			}
		}
		free(tab);
	}
}

void load_error_set(struct load_error *e, size_t len, size_t off, size_t end,
		    int rule, const char *fmt, va_list ap)
{
	e->off = off;
	e->end = end > off ? end : off + (off < len);
	e->rule = rule;
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
}
