/* suggest.c - edit distance for "did you mean" hints. */
#include "suggest.h"

#include <string.h>
#include <strings.h>

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

/* How far cand is from word when it is close enough, else -1. */
static long closeness(const char *word, size_t lw, const char *cand)
{
	size_t lc = strlen(cand), longer = lw > lc ? lw : lc;
	unsigned d = edit_distance(word, lw, cand, lc, 1);
	unsigned limit = longer <= 4 ? 1 : (unsigned)(longer / 3);
	if (limit > 4)
		limit = 4;
	if (d > limit) {
		if (!(lc >= 4 && lw > lc && strncasecmp(word, cand, lc) == 0))
			return -1;
		d = (unsigned)(lw - lc);
	}
	return (long)d;
}

const char *did_you_mean(const char *word, const char *const *cand, size_t n)
{
	size_t i, lw = strlen(word);
	const char *best = NULL;
	long bestd = 1000;

	for (i = 0; i < n; i++) {
		long d;
		if (!cand[i] || (d = closeness(word, lw, cand[i])) < 0)
			continue;
		if (d < bestd) {
			bestd = d;
			best = cand[i];
		}
	}
	return best;
}

const char *did_you_mean_only(const char *word, const char *const *cand,
			      size_t n)
{
	const char *best = did_you_mean(word, cand, n);
	size_t i, lw = strlen(word);

	if (!best || strcasecmp(best, word) == 0)
		return best;
	for (i = 0; i < n; i++)
		if (cand[i] && cand[i] != best && strcmp(cand[i], best) != 0 &&
		    closeness(word, lw, cand[i]) >= 0)
			return NULL;
	return best;
}
