/* nameix.c - see nameix.h. */
#include "nameix.h"

#include <string.h>

static size_t name_hash(const char *s)
{
	size_t h = 2166136261u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static const char *item_name(const void *v, size_t size, size_t i)
{
	return *(const char *const *)((const char *)v + i * size);
}

/* The slot of `name`: its item's, or the empty one where it would go. */
static uint32_t *slot_of(const struct name_ix *ix, const void *v, size_t size,
			 const char *name)
{
	size_t m = ix->nslots - 1, h = name_hash(name) & m;
	while (ix->slot[h] && strcmp(item_name(v, size, ix->slot[h] - 1), name) != 0)
		h = (h + 1) & m;
	return &ix->slot[h];
}

void *name_ix_find(const struct name_ix *ix, const void *v, size_t size,
		   const char *name)
{
	uint32_t k;
	if (!ix->nslots)
		return NULL;
	k = *slot_of(ix, v, size, name);
	return k ? (char *)v + (k - 1) * size : NULL;
}

void name_ix_add(struct name_ix *ix, struct arena *a, const void *v, size_t size,
		 size_t n)
{
	uint32_t *sl;
	size_t i;
	if (2 * n > ix->nslots) {
		ix->nslots = ix->nslots ? 2 * ix->nslots : 32;
		ix->slot = arena_zalloc(a, ix->nslots * sizeof(*ix->slot));
		for (i = 0; i + 1 < n; i++) {
			sl = slot_of(ix, v, size, item_name(v, size, i));
			if (!*sl)
				*sl = (uint32_t)i + 1;
		}
	}
	sl = slot_of(ix, v, size, item_name(v, size, n - 1));
	if (!*sl)
		*sl = (uint32_t)n;
}
