/* nameix.h - items of an array found by name in constant time: an open
 * hash table over an array whose items each begin with their name (a
 * `const char *` first member), growing with the array.
 *
 * Ownership: the table lives in the arena given to name_ix_add(); the
 * array and the names are the caller's. A zeroed name_ix is empty. */
#ifndef BACKUPLINT_NAMEIX_H
#define BACKUPLINT_NAMEIX_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

struct name_ix {
	uint32_t *slot;   /* item index + 1; 0 empty */
	size_t nslots;    /* a power of two, at most half full */
};

/* The first item of v (items of `size` bytes) named `name`, or NULL. */
void *name_ix_find(const struct name_ix *ix, const void *v, size_t size,
		   const char *name);
/* Index item n - 1 of v[0..n), just added (v may have moved since the
 * last call), unless an earlier item has its name: the first counts. */
void name_ix_add(struct name_ix *ix, struct arena *a, const void *v, size_t size,
		 size_t n);

#endif
