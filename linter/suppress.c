/* suppress.c - suppression directives: found, matched, and those unused. */
#include "suppress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lint.h"
#include "suggest.h"

static void add(struct file *f, int rule, uint32_t start, uint32_t end,
		uint32_t at, uint32_t at_end, unsigned doc, const char *reason)
{
	struct suppression *s;
	if (f->nsupp == f->capsupp) {
		f->capsupp = f->capsupp ? 2 * f->capsupp : 8;
		f->supp = xrealloc(f->supp, f->capsupp * sizeof(*f->supp));
	}
	s = &f->supp[f->nsupp++];
	memset(s, 0, sizeof(*s));
	s->rule = rule;
	s->start = start;
	s->end = end;
	s->at = at;
	s->at_end = at_end;
	s->doc = doc;
	s->reason = reason;
}

void suppress_name(struct file *f, const char *name, size_t len, uint32_t at,
		   uint32_t at_end, unsigned doc, uint32_t start, uint32_t end,
		   const char *reason)
{
	const struct rule_table *rt = &f->run->s->ck->rules;
	char buf[96];
	const struct rule *r;

	snprintf(buf, sizeof(buf), "%.*s", (int)(len < 90 ? len : 90), name);
	r = rule_find(rt, buf);
	if (!r) {
		const char **cand = xcalloc(2 * rt->n + 1, sizeof(*cand));
		const char *dym;
		size_t i, n = 0;
		struct diag *dg;
		for (i = 0; i < rt->n; i++)
			if (rt->v[i].id) {
				cand[n++] = rt->v[i].id;
				cand[n++] = rt->v[i].name;
			}
		dym = did_you_mean(buf, cand, n);
		dg = report_at(f, doc, f->run->s->ck->input_rule[IN_BAD_SUPPRESSION],
			       at, at_end, "",
			       "'%s' in a suppression is not a rule of backuplint: "
			       "it silences nothing", buf);
		if (dym)
			diag_hint(f, dg, "did you mean %s?", dym);
		else
			diag_hint(f, dg, "name a rule by its id or name "
				  "(backuplint --list-rules)");
		free(cand);
		return;
	}
	/* the reason may be a document's string: the findings outlive it */
	add(f, (int)(r - rt->v), start, end, at, at_end, doc,
	    reason ? arena_strdup(&f->diags.strings, reason) : NULL);
}

static int blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The byte range of the line holding offset `at`, and of the next line
 * with something else than a comment or blanks on it. */
static void line_range(const struct file *f, size_t at, size_t *s, size_t *e)
{
	const char *b = f->src.buf;
	size_t n = f->src.len;
	*s = at;
	while (*s > 0 && b[*s - 1] != '\n' && b[*s - 1] != '\r')
		(*s)--;
	*e = at;
	while (*e < n && b[*e] != '\n' && b[*e] != '\r')
		(*e)++;
}

static void next_content_line(const struct file *f, size_t from,
			      const char *comment, size_t *s, size_t *e)
{
	const char *b = f->src.buf;
	size_t n = f->src.len, i = from;
	for (;;) {
		while (i < n && (b[i] == '\n' || b[i] == '\r'))
			i++;
		*s = i;
		while (i < n && blank(b[i]))
			i++;
		if (i >= n || (b[i] != '\n' && b[i] != '\r' &&
			       strncmp(b + i, comment, strlen(comment)) != 0))
			break;
		while (i < n && b[i] != '\n' && b[i] != '\r')
			i++;
	}
	*e = i;
	while (*e < n && b[*e] != '\n' && b[*e] != '\r')
		(*e)++;
}

/* The directive at p (after "backuplint:"), in a comment that starts at
 * `hash`; `alone`: nothing but blanks before the comment on its line. */
static void directive(struct file *f, const char *comment, const char *p,
		      const char *line_end, size_t hash, int alone)
{
	const char *b = f->src.buf, *q, *reason = NULL, *stop;
	size_t s, e, at;
	int whole;

	while (p < line_end && blank(*p))
		p++;
	whole = strncmp(p, "disable-file=", 13) == 0;
	if (!whole && strncmp(p, "disable=", 8) != 0) {
		q = p;
		while (q < line_end && !blank(*q))
			q++;
		report_at(f, 0, f->run->s->ck->input_rule[IN_BAD_SUPPRESSION],
			  (size_t)(p - b), (size_t)(q - b), "",
			  "'backuplint: %.*s' is not a directive: write "
			  "backuplint: disable=ID or disable-file=ID",
			  (int)(q - p > 40 ? 40 : q - p), p);
		return;
	}
	p += whole ? 13 : 8;
	/* the reason follows " -- " */
	stop = line_end;
	for (q = p; q + 1 < line_end; q++)
		if (q[0] == '-' && q[1] == '-' && (q == p || blank(q[-1]))) {
			stop = q;
			reason = q + 2;
			while (reason < line_end && blank(*reason))
				reason++;
			break;
		}
	if (whole) {
		s = 0;
		e = f->src.len;
	} else if (alone) {
		next_content_line(f, (size_t)(line_end - b), comment, &s, &e);
	} else {
		line_range(f, hash, &s, &e);
	}
	if (reason)
		reason = arena_strndup(&f->diags.strings, reason,
				       (size_t)(line_end - reason));
	/* ids or names, comma-separated */
	while (p < stop) {
		while (p < stop && (blank(*p) || *p == ','))
			p++;
		q = p;
		while (q < stop && !blank(*q) && *q != ',')
			q++;
		if (q > p) {
			size_t before = f->nsupp;
			at = (size_t)(p - b);
			suppress_name(f, p, (size_t)(q - p), (uint32_t)at,
				      (uint32_t)(q - b), 0, (uint32_t)s, (uint32_t)e,
				      reason);
			if (f->nsupp > before)
				f->supp[before].comment = 1;
		}
		p = q;
	}
}

void suppress_scan(struct file *f, const char *comment)
{
	const char *b = f->src.buf, *end = b + f->src.len, *p = b;
	static const char mark[] = "backuplint:";
	size_t cl;

	if (!comment)
		return;
	cl = strlen(comment);
	while ((p = memmem(p, (size_t)(end - p), mark, sizeof(mark) - 1)) != NULL) {
		const char *ls = p, *le = p, *h, *c;
		int quote = 0, alone = 1;
		while (ls > b && ls[-1] != '\n' && ls[-1] != '\r')
			ls--;
		while (le < end && *le != '\n' && *le != '\r')
			le++;
		/* the comment this mark is in: the first comment marker of
		 * the line outside quotes, before the mark */
		h = NULL;
		for (c = ls; c < p; c++) {
			if (*c == '"' || *c == '\'')
				quote = quote == *c ? 0 : quote ? quote : *c;
			if (!quote && strncmp(c, comment, cl) == 0 &&
			    (c == ls || blank(c[-1]))) {
				h = c;
				break;
			}
			if (!blank(*c))
				alone = 0;
		}
		if (h) {
			const char *m = h + cl;
			while (m < p && blank(*m))
				m++;
			/* the mark opens the comment's text */
			if (m == p)
				directive(f, comment, p + sizeof(mark) - 1, le,
					  (size_t)(h - b), alone);
		}
		p += sizeof(mark) - 1;
	}
}

int suppress_match(struct file *f, int r, uint32_t start, const char **reason)
{
	size_t i;
	*reason = NULL;
	if (f->external && f->external[r]) {
		*reason = f->external_reason;
		return SUPP_EXTERNAL;
	}
	for (i = 0; i < f->nsupp; i++) {
		struct suppression *s = &f->supp[i];
		if (s->rule == r && start >= s->start && start <= s->end) {
			s->used = 1;
			*reason = s->reason;
			return SUPP_IN_SOURCE;
		}
	}
	return SUPP_NONE;
}

void suppress_report_unused(struct file *f)
{
	const struct rule_table *rt = &f->run->s->ck->rules;
	size_t i;

	for (i = 0; i < f->nsupp; i++) {
		const struct suppression *s = &f->supp[i];
		struct diag *dg;
		/* a rule that is off here could not have fired */
		if (s->used || !file_severity(f, s->rule))
			continue;
		dg = report_at(f, s->doc, f->run->s->ck->input_rule[IN_UNUSED_SUPPRESSION],
			       s->at, s->at_end, "",
			       "the suppression of %s %s silences nothing here",
			       rt->v[s->rule].id, rt->v[s->rule].name);
		if (s->comment && s->start == 0 && s->end == f->src.len)
			diag_hint(f, dg, "remove it: the file has no such finding");
		else if (s->comment)
			diag_hint(f, dg, "remove it, or move it to the line of the "
				  "finding (or alone on the line before it)");
		else
			diag_hint(f, dg, "remove it from the list");
	}
}
