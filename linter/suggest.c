/* suggest.c - edit distance for "did you mean" hints. */
#include "suggest.h"

#include <string.h>

static unsigned char fold(unsigned char c, int nocase)
{
	return nocase && c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

unsigned edit_distance(const char *a, size_t la, const char *b, size_t lb,
		       int nocase)
{
	/* three rolling rows of the dynamic-programming table */
	unsigned r0[65], r1[65], r2[65], *pp = r0, *p = r1, *c = r2, *t;
	size_t i, j;
	if (la > 64 || lb > 64)
		return 1000;
	for (j = 0; j <= lb; j++)
		p[j] = (unsigned)j;
	for (i = 1; i <= la; i++) {
		c[0] = (unsigned)i;
		for (j = 1; j <= lb; j++) {
			unsigned char x = fold((unsigned char)a[i - 1], nocase);
			unsigned char y = fold((unsigned char)b[j - 1], nocase);
			unsigned v = p[j - 1] + (x != y);
			if (p[j] + 1 < v)
				v = p[j] + 1;
			if (c[j - 1] + 1 < v)
				v = c[j - 1] + 1;
			if (i > 1 && j > 1 &&
			    x == fold((unsigned char)b[j - 2], nocase) &&
			    fold((unsigned char)a[i - 2], nocase) == y &&
			    pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			c[j] = v;
		}
		t = pp;
		pp = p;
		p = c;
		c = t;
	}
	return p[lb];
}

const char *did_you_mean(const char *word, const char *const *cand, size_t n,
			 int nocase)
{
	size_t i, wl = strlen(word);
	unsigned best = 1000, limit = wl <= 4 ? 1 : (unsigned)(wl / 3);
	const char *res = NULL;
	if (limit > 3)
		limit = 3;
	if (limit < 1)
		limit = 1;
	for (i = 0; i < n; i++) {
		unsigned d;
		if (!cand[i])
			continue;
		d = edit_distance(word, wl, cand[i], strlen(cand[i]), nocase);
		if (d < best) {
			best = d;
			res = cand[i];
		}
	}
	return best <= limit && best > 0 ? res : (best == 0 && nocase ? res : NULL);
}
