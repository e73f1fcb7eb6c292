/* suggest.h - "did you mean": edit distance and the closest candidate.
 *
 * Pure functions, no allocation. */
#ifndef BACKUPLINT_SUGGEST_H
#define BACKUPLINT_SUGGEST_H

#include <stddef.h>

/* Optimal string alignment distance (Levenshtein plus adjacent
 * transpositions) between a[0..la) and b[0..lb), ASCII case folded when
 * `nocase`. Strings longer than 64 bytes count as far apart (1000). */
unsigned edit_distance(const char *a, size_t la, const char *b, size_t lb,
		       int nocase);

/* The candidate closest to `word` when it is close enough to be a likely
 * misspelling (distance at most 1 for short words, up to a third of the
 * length, never more than 3), else NULL. Ties go to the first candidate. */
const char *did_you_mean(const char *word, const char *const *cand, size_t n,
			 int nocase);

#endif
