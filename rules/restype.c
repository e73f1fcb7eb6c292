/* restype.c - BKP301-BKP306: what a plan's resource types can and cannot do
 * (copies, cold storage, continuous backup), per the facts dataset. The
 * types come from the selections linked to the plan, so most checks run in
 * check_run after model_link(). */
#include <stdio.h>
#include <string.h>

#include "../linter/lint.h"
#include "families.h"
#include "registry.h"
#include "model.h"

#define ALL_TYPES 0xffffffffu

/* The first selection resource of plan p naming a type of set s, written
 * as "selection 'x': ARN" into buf; "" when none names one. */
static const char *evidence(const struct plan_m *p, uint32_t s, char *buf,
			    size_t n)
{
	size_t i, j;
	buf[0] = '\0';
	for (i = 0; i < p->nsels; i++) {
		const struct sel_m *sm = p->sels[i];
		for (j = 0; j < sm->nres; j++)
			if (sm->res[j].t.known & s) {
				snprintf(buf, n, " (selection '%s': %s)",
					 sm->name,
					 sm->res[j].text ? sm->res[j].text
							 : "a resource");
				return buf;
			}
	}
	return buf;
}

/* The selection that makes type set "any" or "maybe", for an unknown-type
 * message. */
static const char *why_maybe(const struct plan_m *p, char *buf, size_t n)
{
	size_t i;
	buf[0] = '\0';
	for (i = 0; i < p->nsels; i++) {
		const struct sel_m *sm = p->sels[i];
		if (sm->any || sm->maybe) {
			snprintf(buf, n, "selection '%s' %s", sm->name,
				 sm->any ? "may include resources of any type"
					 : "may include them");
			return buf;
		}
	}
	return "its selections may include them";
}

/* Types of plan p that have value v for feat: *known_out gets the certain
 * ones, the return value all possible ones (certain first). */
static uint32_t plan_types(const struct plan_m *p, const struct facts *f,
			   enum feature feat, enum fact v, const char *region,
			   uint32_t *known_out)
{
	uint32_t maybe = p->any ? ALL_TYPES : p->maybe;
	*known_out = facts_types_with(f, p->known, feat, v, region);
	return *known_out | facts_types_with(f, maybe, feat, v, region);
}

/* One BKP301/BKP306 finding: types `set` (certain when `known`) cannot
 * make copy c of kind k (0 cross-Region, 1 cross-account); fact v. */
static void report_copy(struct doc *d, const struct facts *f,
			const struct plan_m *p, const struct copy_m *c,
			int k, enum fact v, enum rule_id rid, uint32_t set,
			int known)
{
	static const enum feature feats[2] = {FEAT_CROSS_REGION_COPY,
					      FEAT_CROSS_ACCOUNT_COPY};
	const struct part *at = k == 0 ? &c->region_part : &c->account_part;
	const char *from =
		k == 0 ? facts_region_label(p->src.region) : p->src.account;
	const char *to =
		k == 0 ? facts_region_label(c->dst_region) : c->dst.account;
	const char *how = v == FACT_LIMITED ? "are copied" : "cannot be copied";
	const char *kind = k == 0 ? "across Regions" : "across accounts";
	const char *cond = v == FACT_LIMITED ? " only under a condition" : "";
	const char *note = NULL;
	char tl[600], ev[600], why[200];
	struct diag *dg;
	int t;

	for (t = 0; !(set & (1u << t)); t++)
		;
	const char *cite, *where = p->src.region;

	if (facts_type_feature(f, t, feats[k], where, &note) != v) {
		where = c->dst_region;
		facts_type_feature(f, t, feats[k], where, &note);
	}
	cite = model_cite(d, f, v, note);
	if (v == FACT_NO && note &&
	    facts_type_feature(f, t, feats[k], NULL, NULL) != FACT_NO)
		/* a limit of the Region, not of the type: say which */
		cite = arena_printf(&d->arena, "%s: %s; %s is an opt-in Region",
				    facts_cite(f), note,
				    facts_region_label(where));
	facts_typeset_str(set, tl, sizeof(tl));
	if (known)
		dg = report_part(
			d, rid, at,
			"%s%s %s %s%s: this copy goes from %s to %s (%s)", tl,
			evidence(p, set, ev, sizeof(ev)), how, kind, cond, from,
			to, cite);
	else
		dg = report_part(d, rid, at,
				 "if plan '%s' protects %s (%s), they %s %s%s: "
				 "this copy goes from %s to %s (%s)",
				 p->name, tl, why_maybe(p, why, sizeof(why)),
				 how, kind, cond, from, to, cite);
	if (!dg)
		return;
	diag_demote(dg, model_demotion(known, v));
	if (v == FACT_LIMITED)
		diag_hint(d->file, dg,
			  "make sure the condition holds, or keep "
			  "these resources in a plan without this copy");
	else
		diag_hint(d->file, dg,
			  "move these resources to a plan without "
			  "this copy, or copy within the %s",
			  k == 0 ? "Region" : "account");
}

/* BKP301 (DynamoDB across Regions) and BKP306 (every other type and copy
 * kind) for one copy of plan p. */
static void check_copy_types(struct doc *d, const struct facts *f,
			     const struct plan_m *p,
			     const struct copy_m *c)
{
	static const enum feature feats[2] = {FEAT_CROSS_REGION_COPY,
					      FEAT_CROSS_ACCOUNT_COPY};
	int ddb = facts_type_index("DynamoDB");
	uint32_t dmask = ddb >= 0 ? 1u << ddb : 0;
	int k, pass;
	enum fact v;

	for (k = 0; k < 2; k++) {
		int cross = k == 0 ? c->cross_region : c->cross_account;
		if (cross != 1)
			continue;
		for (v = FACT_NO; v <= FACT_LIMITED; v++) {
			uint32_t known, all;
			if (v == FACT_YES)
				continue;
			uint32_t kd;
			/* opt-in Region limits hold at either end */
			all = plan_types(p, f, feats[k], v, p->src.region,
					 &known) |
			      plan_types(p, f, feats[k], v, c->dst_region, &kd);
			known |= kd;
			for (pass = 0; pass < 2; pass++) {
				/* DynamoDB across Regions is BKP301 */
				uint32_t mine =
					pass == 0 ? (k == 0 ? dmask : 0)
						  : (k == 0 ? ~dmask : ~0u);
				enum rule_id rid = pass == 0 ? BKP301 : BKP306;
				if (known & mine)
					report_copy(d, f, p, c, k, v, rid,
						    known & mine, 1);
				if (all & ~known & mine)
					report_copy(d, f, p, c, k, v, rid,
						    all & ~known & mine, 0);
			}
		}
	}
}

/* The key of a cold-storage setting of lifecycle lc that asks for cold
 * storage (any value but absent, null or a day count of 0 or less, -1
 * included), or NULL. */
static const struct node *cold_key(const struct lifecycle_m *lc)
{
	const struct value *v = &lc->cold;
	if (lc->self.state != VS_KNOWN || lc->self.type != VT_MAP ||
	    v->state == VS_ABSENT || v->at->kind == N_NULL ||
	    (value_is(v, VT_INT) && v->u.i <= 0))
		return NULL;
	return v->key;
}

static void check_cold(struct doc *d, const struct facts *f,
		       const struct plan_m *p, const struct lifecycle_m *lc)
{
	const struct node *key = cold_key(lc);
	uint32_t known, all, yes;
	char tl[600], ok[400], why[200], ev[600];
	const char *note = NULL;
	struct diag *dg;
	enum fact v = FACT_NO;
	int t;

	if (!key)
		return;
	all = plan_types(p, f, FEAT_COLD_STORAGE, FACT_NO, p->src.region,
			 &known);
	if (!all) {
		v = FACT_LIMITED;
		all = plan_types(p, f, FEAT_COLD_STORAGE, FACT_LIMITED,
				 p->src.region, &known);
	}
	if (!all)
		return;
	for (t = 0; !(all & (1u << t)); t++)
		;
	facts_type_feature(f, t, FEAT_COLD_STORAGE, p->src.region, &note);
	yes = facts_types_with(f, ALL_TYPES, FEAT_COLD_STORAGE, FACT_YES,
			       p->src.region);
	facts_typeset_str(yes, ok, sizeof(ok));
	if (known) {
		facts_typeset_str(known, tl, sizeof(tl));
		dg = report(
			d, BKP302, key,
			"%s %s for %s%s: only %s go to "
			"cold storage (%s)",
			fname(d, F_COLD_AFTER), v == FACT_LIMITED ? "takes effect only conditionally"
					  : "is ignored",
			tl, evidence(p, known, ev, sizeof(ev)), ok,
			model_cite(d, f, v, note));
	} else {
		facts_typeset_str(all, tl, sizeof(tl));
		dg = report(
			d, BKP302, key,
			"if plan '%s' protects resources other than %s (%s), "
			"%s %s for them (%s)",
			p->name, ok, why_maybe(p, why, sizeof(why)),
			fname(d, F_COLD_AFTER),
			v == FACT_LIMITED ? "takes effect only conditionally"
					  : "is ignored",
			model_cite(d, f, v, note));
	}
	if (!dg)
		return;
	diag_demote(dg, model_demotion(known != 0, v));
	/* ignored for every type the plan protects: removing it changes
	 * nothing AWS does */
	if (known && all == known && v == FACT_NO && lc->cold.key == key)
		diag_fix_remove_pair(d->file, dg, 1, lc->self.at, key, "remove %s",
				     fname(d, F_COLD_AFTER));
	diag_hint(d->file, dg,
		  "remove %s, or put the resources that can use cold storage "
		  "in a plan of their own", fname(d, F_COLD_AFTER));
}

/* BKP307: the cross-Region/account copies of a continuous backup rule are
 * snapshots. Only when the plan may hold a type with continuous backup
 * (else BKP305 says the rule takes snapshots anyway). */
static void check_continuous_copies(struct doc *d, const struct facts *f,
				    const struct plan_m *p,
				    const struct rule_m *rm)
{
	uint32_t known, all;
	size_t i;

	if (facts_flag(f, "continuous_copy_is_snapshot", NULL) != FACT_YES)
		return;
	all = plan_types(p, f, FEAT_CONTINUOUS, FACT_YES, p->src.region,
			 &known);
	if (!all)
		return;
	for (i = rm->first_copy; i < rm->first_copy + rm->ncopies; i++) {
		const struct copy_m *c = &p->copies[i];
		struct diag *dg;
		if (c->cross_region != 1 && c->cross_account != 1)
			continue;
		dg = report_part(d, BKP307,
				 c->cross_region == 1 ? &c->region_part
						      : &c->account_part,
				 "rule '%s' takes continuous backups, but this "
				 "copy to %s%s%s is a snapshot: point-in-time "
				 "restore stays in the source vault (%s)",
				 rm->name,
				 c->dst_region
					 ? facts_region_label(c->dst_region)
					 : "another Region",
				 c->cross_account == 1 ? " in account " : "",
				 c->cross_account == 1 ? c->dst.account : "",
				 facts_cite(f));
		diag_hint(d->file, dg,
			  "plan the recovery point objective of "
			  "the copy on the rule's schedule, not on continuous "
			  "backup");
	}
}

static void check_rule_types(struct doc *d, const struct facts *f,
			     const struct plan_m *p,
			     const struct rule_m *rm)
{
	const struct node *cont = rm->continuous.at;
	int on = value_is(&rm->continuous, VT_BOOL) && rm->continuous.u.b;
	size_t i;

	check_cold(d, f, p, &rm->lc);
	if (on)
		check_continuous_copies(d, f, p, rm);
	for (i = 0; i < rm->ncopies; i++)
		check_cold(d, f, p, &p->copies[rm->first_copy + i].lc);
	if (on) {
		uint32_t known, all;
		char tl[600], ev[600], why[200], ok[300];
		struct diag *dg;
		all = plan_types(p, f, FEAT_CONTINUOUS, FACT_NO, p->src.region,
				 &known);
		if (!all)
			return;
		facts_typeset_str(facts_types_with(f, ALL_TYPES,
						   FEAT_CONTINUOUS, FACT_YES,
						   p->src.region),
				  ok, sizeof(ok));
		if (known) {
			facts_typeset_str(known, tl, sizeof(tl));
			dg = report(
				d, BKP305, cont,
				"%s is true but %s%s do not "
				"support continuous backup: AWS Backup takes "
				"snapshots of them instead (continuous backup: "
				"%s; %s)",
				fname(d, F_CONTINUOUS), tl, evidence(p, known, ev, sizeof(ev)), ok,
				facts_cite(f));
		} else {
			dg = report(
				d, BKP305, cont,
				"if plan '%s' protects resources other than %s "
				"(%s), %s falls back to "
				"snapshots for them (%s)",
				p->name, ok, why_maybe(p, why, sizeof(why)),
				fname(d, F_CONTINUOUS),
				facts_cite(f));
		}
		if (dg) {
			diag_demote(dg, model_demotion(known != 0, FACT_NO));
			diag_hint(d->file, dg,
				  "keep continuous backup in a plan "
				  "for the types that support it");
		}
	}
}

static void check_rds_option_groups(struct doc *d, const struct plan_m *p,
				    const struct copy_m *c)
{
	int rds = facts_type_index("RDS");
	uint32_t m = rds >= 0 ? 1u << rds : 0;
	char ev[600];
	struct diag *dg;

	if (c->cross_region != 1 || !m)
		return;
	if (p->known & m)
		dg = report_part(
			d, BKP304, &c->region_part,
			"custom option groups of Amazon RDS DB instances%s "
			"are not copied across Regions: this copy to %s "
			"carries the snapshot only (AWS Backup cross-Region "
			"copy guide)",
			evidence(p, m, ev, sizeof(ev)),
			facts_region_label(c->dst_region));
	else
		return; /* a possible RDS instance is not worth a note */
	diag_hint(d->file, dg,
		  "create the option groups in %s before you "
		  "restore there",
		  c->dst_region ? c->dst_region : "the destination");
}

static void check_copyjob(struct doc *d, const struct facts *f,
			  const struct job_m *jb)
{
	int ddb = facts_type_index("DynamoDB");
	const char *note;
	enum fact v;
	const char *er, *ep;
	int xr, xa, xp;
	struct diag *dg;

	if (!jb->is_arn || ddb < 0 || !(jb->known & (1u << ddb)))
		return;
	place_compare(&jb->src, &jb->dst, &xr, &xa, &xp, &er, &ep);
	v = facts_type_feature(f, ddb, FEAT_CROSS_REGION_COPY, jb->src.region,
			       &note);
	if (xr != 1 || (v != FACT_NO && v != FACT_LIMITED))
		return;
	dg = report_part(
		d, BKP301, &jb->region_part,
		"%s is a DynamoDB table backup, which %s "
		"across Regions%s: this copy goes from %s to %s (%s)",
		fname(d, F_RECOVERY_POINT), v == FACT_LIMITED ? "is copied" : "cannot be copied",
		v == FACT_LIMITED ? " only under a condition" : "",
		facts_region_label(jb->src.region), facts_region_label(er),
		model_cite(d, f, v, note));
	if (dg) {
		diag_demote(dg, model_demotion(1, v));
		diag_hint(d->file, dg,
			  "copy to a vault in %s, or restore the "
			  "table and back it up in %s",
			  jb->src.region, er ? er : "the destination Region");
	}
}

static void check_unsupported(struct doc *d, const struct facts *f,
			      const struct sel_m *sm)
{
	size_t i;
	for (i = 0; i < sm->nres; i++) {
		const struct res_m *r = &sm->res[i];
		struct part at = {.node = r->node};
		struct diag *dg;
		const char *note = NULL;
		uint32_t no;
		char tl[300];
		if (r->t.unsupported) {
			dg = report_part(
				d, BKP303, &at,
				"%s is not a resource AWS Backup protects: "
				"no AWS Backup resource type has this ARN form "
				"(%s)",
				r->text ? r->text : "this ARN",
				"resource-types.json, AWS Service Authorization "
				"Reference");
			diag_hint(
				d->file, dg,
				"select the resource itself (an EC2 "
				"instance, EBS volume, RDS DB instance, DynamoDB "
				"table, ...), not a snapshot or sub-resource");
			continue;
		}
		no = facts_types_with(f, r->t.known, FEAT_PROTECTED, FACT_NO,
				      NULL);
		if (!no)
			continue;
		facts_type_feature(f, __builtin_ctz(no), FEAT_PROTECTED, NULL,
				   &note);
		dg = report_part(d, BKP303, &at,
				 "%s are not protected by AWS Backup (%s)",
				 facts_typeset_str(no, tl, sizeof(tl)),
				 /* the reason is the point here: name it */
				 model_cite(d, f, FACT_LIMITED, note));
		if (strcmp(facts_name(f), "current") != 0)
			diag_hint(d->file, dg,
				  "lint with --facts current if AWS "
				  "Backup has added the type since");
	}
}

void restype_check_doc(struct doc *d)
{
	struct doc_model *m = model_of(d);
	size_t i;

	for (i = 0; i < m->nsels; i++)
		check_unsupported(d, m->facts, &m->sels[i]);
	if (m->job)
		check_copyjob(d, m->facts, m->job);
}

static void plan_hook(struct doc *d, const struct facts *f,
		      struct plan_m *p)
{
	size_t c;
	if (!p->nsels)
		return; /* types unknown: say nothing */
	for (c = 0; c < p->nrules; c++)
		check_rule_types(d, f, p, &p->rules[c]);
	for (c = 0; c < p->ncopies; c++) {
		if (!p->copies[c].is_arn)
			continue;
		check_copy_types(d, f, p, &p->copies[c]);
		check_rds_option_groups(d, p, &p->copies[c]);
	}
}

void restype_check_run(struct run *r)
{
	model_each_plan(r, plan_hook);
}
