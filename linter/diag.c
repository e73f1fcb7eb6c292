/* diag.c - diagnostic lists: append, sort, deduplicate. */
#include "diag.h"

#include <stdlib.h>
#include <string.h>

void diag_list_init(struct diag_list *l)
{
	memset(l, 0, sizeof(*l));
	/* a finding's strings are a few hundred bytes, and most files have
	 * none or a few: a small first chunk (it doubles as it fills) keeps
	 * 10,000 files from holding 16 KB each to the end of the run */
	arena_init_sized(&l->strings, 1024);
}

void diag_list_release(struct diag_list *l)
{
	free(l->v);
	arena_release(&l->strings);
	memset(l, 0, sizeof(*l));
}

struct diag *diag_add(struct diag_list *l)
{
	struct diag *d;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	d = &l->v[l->n];
	memset(d, 0, sizeof(*d));
	d->seq = (unsigned)l->n++;
	d->path = "";
	return d;
}

static int strcmp0(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

static int cmp(const void *pa, const void *pb)
{
	const struct diag *a = pa, *b = pb;
	if (a->pos.line != b->pos.line)
		return a->pos.line < b->pos.line ? -1 : 1;
	if (a->pos.col != b->pos.col)
		return a->pos.col < b->pos.col ? -1 : 1;
	if (a->rule != b->rule)
		return a->rule < b->rule ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end < b->end ? -1 : 1;
	{
		int c = strcmp0(a->message, b->message);
		if (c)
			return c;
	}
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void diag_sort(struct diag_list *l)
{
	size_t i, o = 0;
	if (l->n < 2)
		return;
	qsort(l->v, l->n, sizeof(*l->v), cmp);
	for (i = 0; i < l->n; i++) {
		if (o > 0) {
			const struct diag *p = &l->v[o - 1], *c = &l->v[i];
			if (p->rule == c->rule && p->start == c->start &&
			    p->end == c->end && strcmp0(p->message, c->message) == 0)
				continue;
		}
		if (o != i)
			l->v[o] = l->v[i];
		o++;
	}
	l->n = o;
}

int diag_worst(const struct diag_list *l)
{
	size_t i;
	int w = SEV_NONE;
	for (i = 0; i < l->n; i++)
		if (l->v[i].severity > w && !l->v[i].suppressed)
			w = l->v[i].severity;
	return w;
}

const char *severity_name(int sev)
{
	switch (sev) {
	case SEV_ERROR: return "error";
	case SEV_WARNING: return "warning";
	case SEV_INFO: return "info";
	default: return "none";
	}
}

int severity_parse(const char *s)
{
	if (strcmp(s, "error") == 0)
		return SEV_ERROR;
	if (strcmp(s, "warning") == 0)
		return SEV_WARNING;
	if (strcmp(s, "info") == 0)
		return SEV_INFO;
	if (strcmp(s, "none") == 0)
		return SEV_NONE;
	return -1;
}
