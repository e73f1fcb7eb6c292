/* copymode.c - BKP401-BKP402: how a plan's copies combine: RDS/Aurora
 * copies both cross-Region and cross-account, EFS copy rules that apply to
 * the whole plan. Runs after model_link() in check_run. */
#include <stdio.h>
#include <string.h>

#include "../linter/lint.h"
#include "cfn.h"
#include "families.h"
#include "registry.h"
#include "model.h"

#define ALL_TYPES 0xffffffffu

/* "us-west-2 (US West (Oregon)) in account N" for copy c. */
static const char *dest_desc(const struct copy_m *c, char *buf, size_t n)
{
	snprintf(buf, n, "%s%s%s",
		 c->dst_region ? facts_region_label(c->dst_region)
			       : "another Region",
		 c->cross_account == 1 ? " in account " : "",
		 c->cross_account == 1 ? c->dst.account : "");
	return buf;
}

static const char *copy_desc(const struct plan_m *p,
			     const struct copy_m *c, char *buf, size_t n)
{
	char d[200];
	snprintf(buf, n, "rule '%s' copies to %s", p->rules[c->rule].name,
		 dest_desc(c, d, sizeof(d)));
	return buf;
}

static void check_both_kinds(struct doc *d, const struct facts *f,
			     const struct plan_m *p)
{
	const struct copy_m *xr = NULL, *xa = NULL, *both = NULL, *at;
	uint32_t known = 0, all = 0;
	enum fact v = FACT_NO;
	const char *note = NULL, *by, *cite, *says;
	char tl[600], d1[700], d2[300];
	struct diag *dg;
	size_t i;
	int t;

	for (i = 0; i < p->ncopies; i++) {
		const struct copy_m *c = &p->copies[i];
		if (c->cross_region == 1 && !xr)
			xr = c;
		if (c->cross_account == 1 && !xa)
			xa = c;
		if (c->cross_region == 1 && c->cross_account == 1 && !both)
			both = c;
	}
	if (!xr || !xa)
		return;
	for (v = FACT_NO; v <= FACT_LIMITED && !all; v++) {
		uint32_t maybe = p->any ? ALL_TYPES : p->maybe;
		if (v == FACT_YES)
			continue;
		known = facts_types_with(f, p->known, FEAT_BOTH_COPY_KINDS, v,
					 p->src.region);
		all = known | facts_types_with(f, maybe, FEAT_BOTH_COPY_KINDS,
					       v, p->src.region);
		if (all)
			break;
	}
	if (!all)
		return;
	for (t = 0; !(all & (1u << t)); t++)
		;
	facts_type_feature(f, t, FEAT_BOTH_COPY_KINDS, p->src.region, &note);
	/* hedged: any one of them makes the finding true */
	facts_typeset_join(known ? known : all, known ? " and " : " or ", tl,
			   sizeof(tl));
	/* point at the copy that makes the plan do both */
	at = both ? both : (xr > xa ? xr : xa);
	if (both) {
		snprintf(d1, sizeof(d1), "%s",
			 copy_desc(p, both, d2, sizeof(d2)));
	} else if (xr->rule == xa->rule) {
		/* "rule 'daily' copies to A and to B in account N" */
		char d3[200];
		snprintf(d1, sizeof(d1), "%s and to %s",
			 copy_desc(p, xr, d2, sizeof(d2)),
			 dest_desc(xa, d3, sizeof(d3)));
	} else {
		char d3[300];
		snprintf(d1, sizeof(d1), "%s, and %s",
			 copy_desc(p, xr, d2, sizeof(d2)),
			 copy_desc(p, xa, d3, sizeof(d3)));
	}
	/* the source's word, not a present-tense fact */
	by = model_source(d, f, t, FEAT_BOTH_COPY_KINDS, v, note, &cite);
	says = v == FACT_LIMITED ? "limits both in one plan for them"
				 : "says one plan cannot do both for them";
	if (known)
		dg = report_part(d, BKP401, &at->account_part,
				 "plan '%s' copies %s both cross-Region and "
				 "cross-account: %s; the %s %s (%s)",
				 p->name, tl, d1, by, says, cite);
	else
		dg = report_part(
			d, BKP401, &at->account_part,
			"plan '%s' copies both cross-Region and "
			"cross-account: %s; if it protects %s, the %s %s (%s)",
			p->name, d1, tl, by, says, cite);
	if (!dg)
		return;
	diag_demote(dg, model_demotion(known != 0, v));
	diag_hint(
		d->file, dg,
		"use two plans (one copying cross-Region, one "
		"cross-account), or copy the copy with an event-driven second "
		"copy job (EventBridge rule on the copy job's completion "
		"starting StartCopyJob from a Lambda function)");
}

static int copy_eq(const struct copy_m *a, const struct copy_m *b)
{
	const char *sa = node_str(a->dest.at), *sb = node_str(b->dest.at);
	if (sa && sb)
		return strcmp(sa, sb) == 0;
	return a->dest.at->start == b->dest.at->start;
}

/* The copies of rule r to a known kind of destination (an ARN). */
static size_t arn_copies(const struct plan_m *p, const struct rule_m *r)
{
	size_t i, n = 0;
	for (i = 0; i < r->ncopies; i++)
		n += p->copies[r->first_copy + i].is_arn;
	return n;
}

/* 1 when rules a and b copy to the same set of destinations. */
static int same_copies(const struct plan_m *p, const struct rule_m *a,
		       const struct rule_m *b)
{
	size_t i, j;
	if (arn_copies(p, a) != arn_copies(p, b))
		return 0;
	for (i = 0; i < a->ncopies; i++) {
		const struct copy_m *ca = &p->copies[a->first_copy + i];
		int found = 0;
		if (!ca->is_arn)
			continue;
		for (j = 0; j < b->ncopies && !found; j++) {
			const struct copy_m *cb = &p->copies[b->first_copy + j];
			found = cb->is_arn && copy_eq(ca, cb);
		}
		if (!found)
			return 0;
	}
	return 1;
}

/* Where copy c goes: its Region, or its vault's ARN when that tells it
 * from copy `versus` (same Region) or the Region is not known. */
static const char *copy_place(const struct copy_m *c, const struct copy_m *versus)
{
	if (c->dst_region && !(versus && versus->dst_region &&
			       strcmp(versus->dst_region, c->dst_region) == 0))
		return facts_region_label(c->dst_region);
	return node_str(c->dest.at) ? node_str(c->dest.at) : "another vault";
}

/* The first copy of rule r to an ARN. */
static const struct copy_m *first_arn_copy(const struct plan_m *p,
					   const struct rule_m *r)
{
	size_t i;
	for (i = 0; i < r->ncopies; i++)
		if (p->copies[r->first_copy + i].is_arn)
			return &p->copies[r->first_copy + i];
	return NULL;
}

static void check_efs_plan_wide(struct doc *d, const struct facts *f,
				const struct plan_m *p)
{
	int efs = facts_type_index("EFS");
	uint32_t m = efs >= 0 ? 1u << efs : 0;
	const struct sel_m *s1 = NULL, *s2 = NULL;
	const struct rule_m *ra = NULL, *rb = NULL;
	const struct copy_m *first;
	int known = 1;
	size_t i, j;
	const char *note = NULL, *by, *cite;
	char what[300];
	struct diag *dg;
	enum fact v;

	if (!m)
		return;
	v = facts_type_feature(f, efs, FEAT_PLAN_WIDE_COPY, p->src.region,
			       &note);
	if (v != FACT_YES)
		return;
	for (i = 0; i < p->nsels; i++) {
		const struct sel_m *s = p->sels[i];
		if (!(s->known & m) && !(s->maybe & m) && !s->any)
			continue;
		if (!(s->known & m))
			known = 0;
		if (!s1)
			s1 = s;
		else if (!s2)
			s2 = s;
	}
	if (!s2)
		return;
	/* rules whose copies differ: a copying rule and one that copies
	 * elsewhere or not at all */
	for (i = 0; i < p->nrules && !ra; i++)
		for (j = 0; j < p->nrules; j++)
			if (i != j && arn_copies(p, &p->rules[i]) &&
			    !same_copies(p, &p->rules[i], &p->rules[j])) {
				ra = &p->rules[i];
				rb = &p->rules[j];
				break;
			}
	if (!ra)
		return;
	first = first_arn_copy(p, ra);
	if (arn_copies(p, rb)) {
		/* name where rb's copies go: one of ra's does not, or else
		 * rb copies to fewer of them */
		const struct copy_m *other = NULL;
		for (i = 0; i < rb->ncopies && !other; i++) {
			const struct copy_m *cb = &p->copies[rb->first_copy + i];
			int found = 0;
			if (!cb->is_arn)
				continue;
			for (j = 0; j < ra->ncopies && !found; j++) {
				const struct copy_m *ca = &p->copies[ra->first_copy + j];
				found = ca->is_arn && copy_eq(ca, cb);
			}
			if (!found)
				other = cb;
		}
		snprintf(what, sizeof(what), "rule '%s' copies them %sto %s",
			 rb->name, other ? "" : "only ",
			 copy_place(other ? other : first_arn_copy(p, rb), first));
	} else
		snprintf(what, sizeof(what), "rule '%s' does not copy",
			 rb->name);
	by = model_source(d, f, efs, FEAT_PLAN_WIDE_COPY, v, note, &cite);
	dg = report(
		d, BKP402, first->dest.at,
		"%splan '%s' assigns Amazon EFS file systems through "
		"selections '%s' and '%s'; rule '%s' copies them to %s while "
		"%s, but the %s says EFS copy rules apply to the whole plan: "
		"every file system gets every rule's copies (%s)",
		known ? "" : "if its selections include EFS file systems, ",
		p->name, s1->name, s2->name, ra->name,
		copy_place(first, NULL), what, by, cite);
	if (!dg)
		return;
	diag_demote(dg, model_demotion(known, FACT_NO));
	diag_hint(d->file, dg,
		  "create a separate plan for the file systems "
		  "that need a different copy rule");
}

static void plan_hook(struct doc *d, const struct facts *f,
		      struct plan_m *p)
{
	if (!p->nsels)
		return; /* types unknown: say nothing */
	check_both_kinds(d, f, p);
	check_efs_plan_wide(d, f, p);
}

void copymode_check_run(struct run *r)
{
	model_each_plan(r, plan_hook);
}

void copymode_check_doc(struct doc *d)
{
	/* keep plans and selections for check_run */
	model_of(d);
}
