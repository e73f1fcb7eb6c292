/* udiff.h - a unified diff of two texts, line by line (--diff).
 *
 * Lines end at LF (a CR before it stays part of the line); a last line
 * without LF is marked "\ No newline at end of file". The common head and
 * tail are skipped, and the middle is compared by longest common
 * subsequence when it is small enough, else shown as one replacement.
 * Failure: none (out of memory aborts, as everywhere). */
#ifndef BACKUPLINT_UDIFF_H
#define BACKUPLINT_UDIFF_H

#include <stddef.h>
#include <stdio.h>

/* Print the diff of a -> b with `context` lines around each change, under
 * the headers "--- a/NAME" and "+++ b/NAME". Prints nothing when the texts
 * are equal. */
void udiff(FILE *fp, const char *name, const char *a, size_t alen,
	   const char *b, size_t blen, int context);

#endif
