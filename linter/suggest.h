/* suggest.h - "did you mean": one edit distance and one notion of close.
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
/* edit_distance() when it is at most `max`, else max + 1, found without
 * filling the whole table: strings whose lengths differ by more than `max`
 * are not compared, and the table stops at the first rows that are all
 * above `max` (the hot path of the checks that look for a slip). */
unsigned edit_distance_max(const char *a, size_t la, const char *b, size_t lb,
			   int nocase, unsigned max);

/* The candidate closest to `word` (case folded) when it is close enough to
 * be a slip of the keyboard: at most one edit for words of four letters or
 * fewer, else at most a third of the longer word and never more than four;
 * a word that starts with a candidate of four letters or more
 * ("TargetBackupVaultNames") counts too. A candidate equal to the word but
 * for case is the best answer. Ties go to the first candidate; NULL
 * candidates are skipped; NULL when none is close. */
const char *did_you_mean(const char *word, const char *const *cand, size_t n);
/* did_you_mean() when no other candidate is close: the one answer a fix
 * may apply; NULL otherwise. */
const char *did_you_mean_only(const char *word, const char *const *cand,
			      size_t n);

#endif
