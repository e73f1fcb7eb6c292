/* udiff.c - see udiff.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "udiff.h"

/* Cells of the LCS table at most: past it, the middle is one replacement
 * (a correct diff, only a longer one). */
#define LCS_CELLS ((size_t)1 << 24)

struct lines {
	const char **p;  /* start of each line */
	size_t *len;     /* its length with its LF */
	size_t n;
};

static void split(struct lines *l, const char *s, size_t n)
{
	size_t i, start = 0, cap = 16;
	l->p = xmalloc(cap * sizeof(*l->p));
	l->len = xmalloc(cap * sizeof(*l->len));
	l->n = 0;
	for (i = 0; i <= n; i++) {
		if (i < n && s[i] != '\n')
			continue;
		if (i == n && start == n)
			break;
		if (l->n == cap) {
			cap *= 2;
			l->p = xrealloc(l->p, cap * sizeof(*l->p));
			l->len = xrealloc(l->len, cap * sizeof(*l->len));
		}
		l->p[l->n] = s + start;
		l->len[l->n++] = (i < n ? i + 1 : n) - start;
		start = i + 1;
	}
}

static int same(const struct lines *a, size_t i, const struct lines *b, size_t j)
{
	return a->len[i] == b->len[j] && memcmp(a->p[i], b->p[j], a->len[i]) == 0;
}

/* One line of the edit script: ' ', '-' or '+', and its line. */
struct op {
	char kind;
	size_t line;
};

static void put_line(FILE *fp, char kind, const char *p, size_t len)
{
	fputc(kind, fp);
	fwrite(p, 1, len, fp);
	if (len == 0 || p[len - 1] != '\n')
		fputs("\n\\ No newline at end of file\n", fp);
}

/* The edit script of a -> b: the common head and tail, and between them an
 * LCS when it fits in LCS_CELLS, else all of a's middle out, b's in. */
static struct op *script(const struct lines *a, const struct lines *b, size_t *nops)
{
	size_t head = 0, tail = 0, n, m, i, j, k = 0;
	struct op *ops = xmalloc((a->n + b->n + 1) * sizeof(*ops));

	while (head < a->n && head < b->n && same(a, head, b, head))
		head++;
	while (tail < a->n - head && tail < b->n - head &&
	       same(a, a->n - 1 - tail, b, b->n - 1 - tail))
		tail++;
	n = a->n - head - tail;
	m = b->n - head - tail;
	for (i = 0; i < head; i++)
		ops[k++] = (struct op){ ' ', i };
	if (n && m && (n + 1) <= LCS_CELLS / (m + 1)) {
		/* t[i][j]: LCS length of a's middle from i and b's from j */
		uint32_t *t = xcalloc((n + 1) * (m + 1), sizeof(*t));
#define T(x, y) t[(x) * (m + 1) + (y)]
		for (i = n; i-- > 0;)
			for (j = m; j-- > 0;)
				T(i, j) = same(a, head + i, b, head + j)
					? T(i + 1, j + 1) + 1
					: (T(i + 1, j) > T(i, j + 1) ? T(i + 1, j) : T(i, j + 1));
		i = j = 0;
		while (i < n || j < m) {
			if (i < n && j < m && same(a, head + i, b, head + j)) {
				ops[k++] = (struct op){ ' ', head + i };
				i++, j++;
			} else if (i < n && (j == m || T(i + 1, j) >= T(i, j + 1))) {
				ops[k++] = (struct op){ '-', head + i++ };
			} else {
				ops[k++] = (struct op){ '+', head + j++ };
			}
		}
#undef T
		free(t);
	} else {
		for (i = 0; i < n; i++)
			ops[k++] = (struct op){ '-', head + i };
		for (j = 0; j < m; j++)
			ops[k++] = (struct op){ '+', head + j };
	}
	for (i = 0; i < tail; i++)
		ops[k++] = (struct op){ ' ', a->n - tail + i };
	*nops = k;
	return ops;
}

void udiff(FILE *fp, const char *name, const char *a, size_t alen,
	   const char *b, size_t blen, int context)
{
	struct lines la, lb;
	struct op *ops;
	size_t nops, i, *apos, *bpos;
	size_t ctx = context < 0 ? 0 : (size_t)context;
	int header = 0;

	if (alen == blen && memcmp(a, b, alen) == 0)
		return;
	split(&la, a, alen);
	split(&lb, b, blen);
	ops = script(&la, &lb, &nops);
	/* the line numbers (0-based) in a and in b before each op */
	apos = xmalloc((nops + 1) * sizeof(*apos));
	bpos = xmalloc((nops + 1) * sizeof(*bpos));
	apos[0] = bpos[0] = 0;
	for (i = 0; i < nops; i++) {
		apos[i + 1] = apos[i] + (ops[i].kind != '+');
		bpos[i + 1] = bpos[i] + (ops[i].kind != '-');
	}
	i = 0;
	while (i < nops) {
		size_t s, e, last, x, na, nb;
		if (ops[i].kind == ' ') {
			i++;
			continue;
		}
		/* a hunk: from ctx lines before this change to ctx lines after
		 * the last change at most 2*ctx lines from the one before (as
		 * GNU diff merges them) */
		s = i > ctx ? i - ctx : 0;
		while (s < i && ops[s].kind != ' ')
			s++;
		last = i;
		for (x = i; x < nops; x++) {
			if (ops[x].kind != ' ')
				last = x;
			else if (x - last - 1 > 2 * ctx)
				break;
		}
		e = last + 1 + ctx < nops ? last + 1 + ctx : nops;
		if (!header) {
			fprintf(fp, "--- a/%s\n+++ b/%s\n", name, name);
			header = 1;
		}
		na = apos[e] - apos[s];
		nb = bpos[e] - bpos[s];
		fprintf(fp, "@@ -%zu", na ? apos[s] + 1 : apos[s]);
		if (na != 1)
			fprintf(fp, ",%zu", na);
		fprintf(fp, " +%zu", nb ? bpos[s] + 1 : bpos[s]);
		if (nb != 1)
			fprintf(fp, ",%zu", nb);
		fputs(" @@\n", fp);
		for (x = s; x < e; x++) {
			const struct lines *l = ops[x].kind == '+' ? &lb : &la;
			put_line(fp, ops[x].kind, l->p[ops[x].line], l->len[ops[x].line]);
		}
		i = e;
	}
	free(apos);
	free(bpos);
	free(ops);
	free(la.p);
	free(la.len);
	free(lb.p);
	free(lb.len);
}
