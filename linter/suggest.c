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
	return edit_distance_max(a, la, b, lb, nocase, 1000);
}

unsigned edit_distance_max(const char *a, size_t la, const char *b, size_t lb,
			   int nocase, unsigned max)
{
	/* three rolling rows of the dynamic-programming table */
	unsigned r0[65], r1[65], r2[65], *pp = r0, *p = r1, *c = r2, *t;
	unsigned lo, prevlo = 0;
	size_t i, j;
	if (la > 64 || lb > 64)
		return max < 1000 ? max + 1 : 1000;
	if ((la > lb ? la - lb : lb - la) > max)
		return max + 1;
	/* a common head and tail change nothing (no edit that crosses them
	 * is ever cheaper), and most candidates share one */
	while (la && lb && fold((unsigned char)*a, nocase) ==
			   fold((unsigned char)*b, nocase))
		a++, b++, la--, lb--;
	while (la && lb && fold((unsigned char)a[la - 1], nocase) ==
			   fold((unsigned char)b[lb - 1], nocase))
		la--, lb--;
	for (j = 0; j <= lb; j++)
		p[j] = (unsigned)j;
	for (i = 1; i <= la; i++) {
		c[0] = lo = (unsigned)i;
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
			if (v < lo)
				lo = v;
		}
		/* every later cell is at least the least of this row, or of
		 * the row before plus one (a transposition): both too far */
		if (lo > max && (i == 1 || prevlo >= max))
			return max + 1;
		prevlo = lo;
		t = pp;
		pp = p;
		p = c;
		c = t;
	}
	return p[lb] > max ? max + 1 : p[lb];
}

/* How far cand is from word when it is close enough, else -1. */
static long closeness(const char *word, size_t lw, const char *cand)
{
	size_t lc = strlen(cand), longer = lw > lc ? lw : lc;
	unsigned limit = longer <= 4 ? 1 : (unsigned)(longer / 3), d;
	if (limit > 4)
		limit = 4;
	d = edit_distance_max(word, lw, cand, lc, 1, limit);
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
