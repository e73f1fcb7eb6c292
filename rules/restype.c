/* restype.c - BKP301-BKP307: what a plan's resource types can and cannot do
 * (copies, cold storage, continuous backup), per the facts dataset. The
 * types come from the selections linked to the plan, so most checks run in
 * check_run after model_link().
 *
 * Certain findings name the resource that makes them so. A finding about
 * types a selection only may include (tags, "*") is an info at most, and
 * comes once per plan: the most common valid plan selects by tag and copies
 * across Regions, and a linter that fails it gets switched off. */
#include <stdio.h>
#include <string.h>

#include "../linter/lint.h"
#include "families.h"
#include "registry.h"
#include "model.h"

#define ALL_TYPES 0xffffffffu
#define TO_INFO   2 /* demotion levels that make any finding an info */

/* The first selection resource of plan p naming a type of set s, written
 * as " (selection 'x': ARN)" into buf; "" when none names one. */
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

/* Types of set s as messages name them: a type whose resources the plan
 * names only by ARNs of one form with a name of its own ("Amazon Redshift
 * Serverless namespaces"), or of a form several types share ("Amazon
 * Aurora, DocumentDB or Neptune clusters"), is named by that form. */
static char *types_str(const struct plan_m *p, uint32_t s, char *buf, size_t n)
{
	const char *name[32];
	size_t k = 0, i, j, used = 0;
	int t;

	for (t = 0; t < 32 && k < 32; t++) {
		const char *shown = NULL;
		int plain = 0;
		if (!(s & (1u << t)))
			continue;
		for (i = 0; i < p->nsels; i++)
			for (j = 0; j < p->sels[i]->nres; j++) {
				const struct res_m *r = &p->sels[i]->res[j];
				if (!(r->t.known & (1u << t)))
					continue;
				if (!r->t.display || (shown && strcmp(shown, r->t.display)))
					plain = 1;
				else
					shown = r->t.display;
			}
		name[k] = !plain && shown ? shown : facts_type_display(t);
		for (i = 0; i < k && strcmp(name[i], name[k]); i++)
			;
		if (i == k)
			k++;
	}
	buf[0] = '\0';
	for (i = 0; i < k; i++) {
		int w = snprintf(buf + used, n - used, "%s%s",
				 !i ? "" : i + 1 < k ? ", " : " and ", name[i]);
		if (w < 0 || (size_t)w >= n - used)
			break;
		used += (size_t)w;
	}
	return buf;
}

/* The selection that makes the plan's types uncertain. */
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

/* The types plan p only may protect: what each selection may include,
 * less what its NotResources takes out whole, less the certain ones. */
static uint32_t plan_may(const struct plan_m *p)
{
	uint32_t m = 0;
	size_t i;
	for (i = 0; i < p->nsels; i++) {
		const struct sel_m *s = p->sels[i];
		m |= (s->any ? ALL_TYPES : s->maybe | s->known) & ~s->excluded;
	}
	return m & ~p->known;
}

/* Types of plan p that have value v for feat: *known_out gets the certain
 * ones, the return value all possible ones (certain first). */
static uint32_t plan_types(const struct plan_m *p, const struct facts *f,
			   enum feature feat, enum fact v, const char *region,
			   uint32_t *known_out)
{
	uint32_t maybe = plan_may(p);
	*known_out = facts_types_with(f, p->known, feat, v, region);
	return *known_out | facts_types_with(f, maybe, feat, v, region);
}

static int first_type(uint32_t s)
{
	return s ? __builtin_ctz(s) : -1;
}

/* ---- copies: BKP301 (DynamoDB across Regions), BKP306 ---- */

static const enum feature copy_feat[2] = {FEAT_CROSS_REGION_COPY,
					  FEAT_CROSS_ACCOUNT_COPY};

/* One certain BKP301/BKP306 finding: types `set` cannot make copy c of
 * kind k (0 cross-Region, 1 cross-account); fact v. */
static void report_copy(struct doc *d, const struct facts *f,
			const struct plan_m *p, const struct copy_m *c,
			int k, enum fact v, enum rule_id rid, uint32_t set)
{
	const struct part *at = k == 0 ? &c->region_part : &c->account_part;
	const char *from =
		k == 0 ? facts_region_label(p->src.region) : p->src.account;
	const char *to =
		k == 0 ? facts_region_label(c->dst_region) : c->dst.account;
	const char *note = NULL, *cite, *by, *where = p->src.region;
	char tl[600], ev[600];
	int t = first_type(set);
	struct diag *dg;

	if (facts_type_feature(f, t, copy_feat[k], where, &note) != v) {
		where = c->dst_region;
		facts_type_feature(f, t, copy_feat[k], where, &note);
	}
	/* the source's word, not a present-tense fact */
	by = model_source(d, f, t, copy_feat[k], v, note, &cite);
	if (v == FACT_NO && note &&
	    facts_type_feature(f, t, copy_feat[k], NULL, NULL) != FACT_NO)
		/* a limit of the Region, not of the type: say which */
		cite = arena_printf(&d->arena, "%s: %s; %s is an opt-in Region",
				    cite, note, facts_region_label(where));
	dg = report_part(d, rid, at, "%s%s: this copy goes from %s to %s, and "
			 "the %s says they %s %s%s (%s)",
			 types_str(p, set, tl, sizeof(tl)),
			 evidence(p, set, ev, sizeof(ev)), from, to, by,
			 v == FACT_LIMITED ? "are copied" : "cannot be copied",
			 k == 0 ? "across Regions" : "across accounts",
			 v == FACT_LIMITED ? " only under a condition" : "",
			 c->dst.region_param || c->dst.account_param
				 ? arena_printf(&d->arena,
						"assumed from the Default of "
						"Parameter %s; %s",
						c->dst.region_param
							? c->dst.region_param
							: c->dst.account_param,
						cite)
				 : cite);
	if (!dg)
		return;
	diag_demote(dg, model_demotion(1, v));
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

/* The certain findings of copy c. */
static void check_copy_types(struct doc *d, const struct facts *f,
			     const struct plan_m *p, const struct copy_m *c)
{
	int ddb = facts_type_index("DynamoDB");
	uint32_t dmask = ddb >= 0 ? 1u << ddb : 0;
	int k, pass;
	enum fact v;

	for (k = 0; k < 2; k++) {
		if ((k == 0 ? c->cross_region : c->cross_account) != 1)
			continue;
		for (v = FACT_NO; v <= FACT_LIMITED; v++) {
			uint32_t known, kd;
			if (v == FACT_YES)
				continue;
			/* opt-in Region limits hold at either end */
			plan_types(p, f, copy_feat[k], v, p->src.region, &known);
			plan_types(p, f, copy_feat[k], v, c->dst_region, &kd);
			known |= kd;
			for (pass = 0; pass < 2; pass++) {
				uint32_t mine = pass == 0 ? (k == 0 ? dmask : 0)
							  : (k == 0 ? ~dmask : ~0u);
				if (known & mine)
					report_copy(d, f, p, c, k, v,
						    pass == 0 ? BKP301 : BKP306,
						    known & mine);
			}
		}
	}
}

/* The findings about types the plan only may protect: once per plan and
 * rule, an info, for the types that cannot be copied at all (a condition
 * such as DynamoDB's advanced features is not worth a word about a type
 * that may not be there). */
static void check_copy_maybe(struct doc *d, const struct facts *f,
			     const struct plan_m *p)
{
	int ddb = facts_type_index("DynamoDB");
	uint32_t dmask = ddb >= 0 ? 1u << ddb : 0;
	int pass;

	for (pass = 0; pass < 2; pass++) {
		enum rule_id rid = pass == 0 ? BKP301 : BKP306;
		const struct copy_m *first = NULL;
		uint32_t set = 0;
		int kind = 0, k;
		size_t i, ncopies = 0;
		char tl[600], why[200];
		struct diag *dg;

		for (i = 0; i < p->ncopies; i++) {
			const struct copy_m *c = &p->copies[i];
			int counted = 0;
			if (!c->is_arn)
				continue;
			for (k = 0; k < 2; k++) {
				uint32_t known, all, mine, kd;
				if ((k == 0 ? c->cross_region : c->cross_account) != 1)
					continue;
				if (pass == 0 && k == 1)
					continue;
				mine = pass == 0 ? dmask : (k == 0 ? ~dmask : ~0u);
				all = plan_types(p, f, copy_feat[k], FACT_NO,
						 p->src.region, &known) |
				      plan_types(p, f, copy_feat[k], FACT_NO,
						 c->dst_region, &kd);
				all &= ~(known | kd) & mine;
				if (!all)
					continue;
				set |= all;
				kind |= 1 << k;
				if (!first)
					first = c;
				counted = 1;
			}
			ncopies += counted;
		}
		if (!first)
			continue;
		{
			const char *how = kind == 3 ? "across Regions or accounts"
					  : kind == 1 ? "across Regions"
						      : "across accounts";
			const char *copies =
				ncopies == 1 ? "this copy skips them"
				: arena_printf(&d->arena, "its %zu copies %s skip them",
					       ncopies, how);
			const char *cite, *by = model_source(d, f, first_type(set),
							     copy_feat[kind == 2],
							     FACT_NO, NULL, &cite);
			dg = report_part(
				d, rid,
				first->cross_region == 1 ? &first->region_part
							 : &first->account_part,
				"if plan '%s' protects resources that the %s "
				"says cannot be copied %s (%s: %s), %s (%s)",
				p->name, by, how, why_maybe(p, why, sizeof(why)),
				facts_typeset_str(set, tl, sizeof(tl)), copies,
				cite);
		}
		diag_demote(dg, TO_INFO);
		diag_hint(d->file, dg,
			  "keep such resources in a plan "
			  "without cross-Region or cross-account copies");
	}
}

/* ---- cold storage: BKP302, once per plan ---- */

/* The key of a cold-storage setting of lifecycle lc that asks for cold
 * storage (any value but absent, null or a day count of 0 or less, -1
 * included), or NULL. */
static const struct node *cold_key(const struct lifecycle_m *lc)
{
	const struct value *v = &lc->cold;
	if (lc->self.state == VS_ABSENT || !value_usable(&lc->self) ||
	    lc->self.type != VT_MAP || v->state == VS_ABSENT ||
	    !v->at || v->at->kind == N_NULL ||
	    (value_is(v, VT_INT) && v->u.i <= 0))
		return NULL;
	return value_key(v);
}

/* What asks for cold storage in plan p, with or without the archive
 * opt-in (archive 0/1): the first key, and the rules, listed. */
#define COLD_FIXES 16
struct cold_use {
	const struct node *key;
	char rules[300];
	size_t n;
	/* the settings written in place (not a branch of an Fn::If): the
	 * lifecycle map and key a fix removes */
	const struct node *map[COLD_FIXES], *fkey[COLD_FIXES];
	size_t nfix;
	int unfixable; /* a setting the fixes cannot remove */
};

static void cold_add(struct cold_use *u, const struct node *key,
		     const struct rule_m *rm, int copy)
{
	size_t used = strlen(u->rules);
	const char *name = rm->name;
	if (!u->key)
		u->key = key;
	char quoted[120];
	/* one name a rule, however many of its lifecycles */
	snprintf(quoted, sizeof(quoted), "'%s'", name);
	if (u->n && strstr(u->rules, quoted))
		return;
	snprintf(u->rules + used, sizeof(u->rules) - used, "%s'%s'%s",
		 u->n ? "\001" : "", name, copy ? " (its copy)" : "");
	u->n++;
}

static void collect_cold(const struct plan_m *p, struct cold_use u[2])
{
	size_t i, k, j, n;
	memset(u, 0, 2 * sizeof(*u));
	for (i = 0; i < p->nrules; i++) {
		const struct rule_m *rm = &p->rules[i];
		for (k = 0; k <= rm->ncopies; k++) {
			const struct lifecycle_m *lc =
				k == 0 ? &rm->lc : &p->copies[rm->first_copy + k - 1].lc;
			const struct lifecycle_m *var;
			n = lifecycle_variants(lc, &var);
			for (j = 0; j < n; j++) {
				const struct node *key = cold_key(&var[j]);
				struct cold_use *cu = &u[lifecycle_archive(&var[j])];
				if (!key)
					continue;
				cold_add(cu, key, rm, k > 0);
				if (&var[j] == lc && value_key(&lc->cold) == key &&
				    cu->nfix < COLD_FIXES) {
					cu->map[cu->nfix] = lc->self.at;
					cu->fkey[cu->nfix++] = key;
				} else {
					cu->unfixable = 1;
				}
			}
		}
	}
}

static void report_cold(struct doc *d, const struct facts *f,
			const struct plan_m *p, const struct cold_use *u,
			enum feature feat)
{
	uint32_t known, all, yes, set, lim;
	char tl[600], ok[400], why[200], ev[600], where[400], only[700];
	const char *note = NULL;
	struct diag *dg;
	int t;
	size_t i;

	/* which of the three findings below is made, if any: the words are
	 * made only for a finding */
	yes = facts_types_with(f, ALL_TYPES, feat, FACT_YES, p->src.region);
	all = plan_types(p, f, feat, FACT_NO, p->src.region, &known);
	set = 0;
	if (!known)
		plan_types(p, f, feat, FACT_LIMITED, p->src.region, &set);
	if (!known && !set && (!all || !yes))
		return;
	{
		/* "'a', 'b' and 'c'": the separators were left as \001 */
		char list[300], *q;
		const char *last = strrchr(u->rules, '\001');
		size_t o = 0;
		for (q = (char *)u->rules; *q && o + 6 < sizeof(list); q++) {
			if (*q != '\001') {
				list[o++] = *q;
				continue;
			}
			memcpy(list + o, q == last ? " and " : ", ", q == last ? 5 : 2);
			o += q == last ? 5 : 2;
		}
		list[o] = '\0';
		snprintf(where, sizeof(where), "%s of rule%s %s",
			 fname(d, F_COLD_AFTER), u->n > 1 ? "s" : "", list);
	}
	facts_typeset_str(yes, ok, sizeof(ok));
	/* "only Amazon EFS file systems, and DynamoDB tables under a
	 * condition, go to cold storage without the archive opt-in" */
	lim = facts_types_with(f, ALL_TYPES, feat, FACT_LIMITED, p->src.region) &
	      ~yes;
	if (lim)
		snprintf(only, sizeof(only), "%s, and %s under a condition,", ok,
			 facts_typeset_str(lim, tl, sizeof(tl)));
	else
		snprintf(only, sizeof(only), "%s", ok);
	snprintf(only + strlen(only), sizeof(only) - strlen(only),
		 " go to cold storage");
	/* the archive opt-in: asked for, or what some of these types need
	 * (EBS), which the hint says */
	if (feat == FEAT_COLD_ARCHIVE)
		snprintf(only + strlen(only), sizeof(only) - strlen(only),
			 " with the archive opt-in");
	else if (facts_types_with(f, known, FEAT_COLD_ARCHIVE, FACT_YES,
				  p->src.region))
		snprintf(only + strlen(only), sizeof(only) - strlen(only),
			 " without the archive opt-in");
	if (known) {
		t = first_type(known);
		facts_type_feature(f, t, feat, p->src.region, &note);
		/* the source's word, not a present-tense fact */
		const char *cite, *by = model_source(d, f, t, feat, FACT_NO,
						     note, &cite);
		dg = report(d, BKP302, u->key,
			    "%s is ignored for %s%s: the %s says only %s (%s)",
			    where, types_str(p, known, tl, sizeof(tl)),
			    evidence(p, known, ev, sizeof(ev)), by, only, cite);
		/* some go there with the archive opt-in (EBS): say how */
		set = feat == FEAT_COLD_STORAGE
			      ? facts_types_with(f, known, FEAT_COLD_ARCHIVE,
						 FACT_YES, p->src.region)
			      : 0;
		if (set)
			diag_hint(d->file, dg,
				  "set %s: true in the %s for %s to go to the "
				  "archive tier%s %s%s",
				  fname(d, F_ARCHIVE), fname(d, F_LIFECYCLE),
				  facts_typeset_str(set, ev, sizeof(ev)),
				  set == known ? ", or remove" : "; remove",
				  fname(d, F_COLD_AFTER),
				  set == known ? "" : " for the others");
		else
			diag_hint(d->file, dg,
				  "remove %s, or put the resources that can "
				  "use cold storage in a plan of their own",
				  fname(d, F_COLD_AFTER));
		/* ignored for every type the plan may protect: removing the
		 * settings changes nothing AWS does */
		if (((p->known | plan_may(p)) & ~known) == 0)
			for (i = 0; i < u->nfix; i++)
				diag_fix_remove_pair(d->file, dg, 1, u->map[i],
						     u->fkey[i], "remove %s",
						     fname(d, F_COLD_AFTER));
		return;
	}
	/* certain, under a condition */
	if (set) {
		t = first_type(set);
		facts_type_feature(f, t, feat, p->src.region, &note);
		dg = report(d, BKP302, u->key,
			    "%s takes effect for %s%s only under a condition "
			    "(%s)",
			    where, types_str(p, set, tl, sizeof(tl)),
			    evidence(p, set, ev, sizeof(ev)),
			    model_cite(d, f, t, feat, FACT_LIMITED, note));
		diag_demote(dg, model_demotion(1, FACT_LIMITED));
		diag_hint(d->file, dg, "make sure the condition holds");
		return;
	}
	if (!all || !yes)
		return;
	t = first_type(all);
	{
		const char *cite, *by = model_source(d, f, t, feat, FACT_NO,
						     NULL, &cite);
		dg = report(d, BKP302, u->key,
			    "if plan '%s' protects resources other than %s "
			    "(%s), the %s says %s is ignored for them (%s)",
			    p->name, ok, why_maybe(p, why, sizeof(why)), by,
			    where, cite);
	}
	diag_demote(dg, TO_INFO);
}

/* ---- continuous backup: BKP305, BKP307 ---- */

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
				 facts_cite_flag(f, "continuous_copy_is_snapshot"));
		diag_hint(d->file, dg,
			  "plan the recovery point objective of "
			  "the copy on the rule's schedule, not on continuous "
			  "backup");
	}
}

/* BKP305: continuous backup where the plan's types have none. A warning
 * when no type of the plan has it (the rule only takes snapshots), an
 * info when some have it, once per plan about types it only may hold. */
static void check_continuous(struct doc *d, const struct facts *f,
			     const struct plan_m *p, const struct rule_m *rm,
			     int *maybe_said)
{
	const struct node *cont = rm->continuous->at;
	uint32_t known, all, yes_known;
	char tl[600], ev[600], why[200], ok[300];
	struct diag *dg;

	all = plan_types(p, f, FEAT_CONTINUOUS, FACT_NO, p->src.region, &known);
	if (!all)
		return;
	plan_types(p, f, FEAT_CONTINUOUS, FACT_YES, p->src.region, &yes_known);
	facts_typeset_str(facts_types_with(f, ALL_TYPES, FEAT_CONTINUOUS,
					   FACT_YES, p->src.region),
			  ok, sizeof(ok));
	if (known) {
		/* the source's word, not a present-tense fact */
		const char *cite, *by = model_source(d, f, first_type(known),
						     FEAT_CONTINUOUS, FACT_NO,
						     NULL, &cite);
		dg = report(d, BKP305, cont,
			    "%s is true but the %s lists continuous backup "
			    "only for %s, not for %s%s: AWS Backup takes "
			    "snapshots of them instead (%s)",
			    fname(d, F_CONTINUOUS), by, ok,
			    types_str(p, known, tl, sizeof(tl)),
			    evidence(p, known, ev, sizeof(ev)), cite);
		/* the others of the plan have it: the fallback may be meant */
		if (yes_known || p->any || (p->maybe & ~known))
			diag_demote(dg, TO_INFO);
		diag_hint(d->file, dg,
			  "keep continuous backup in a plan for the types that "
			  "support it");
		return;
	}
	if (*maybe_said)
		return;
	*maybe_said = 1;
	{
		const char *cite, *by = model_source(d, f, first_type(all),
						     FEAT_CONTINUOUS, FACT_NO,
						     NULL, &cite);
		dg = report(d, BKP305, cont,
			    "if plan '%s' protects resources other than %s "
			    "(%s), %s falls back to snapshots for them: the %s "
			    "lists continuous backup only for those (%s)",
			    p->name, ok, why_maybe(p, why, sizeof(why)),
			    fname(d, F_CONTINUOUS), by, cite);
	}
	diag_demote(dg, TO_INFO);
}

static void check_rds_option_groups(struct doc *d, const struct plan_m *p,
				    const struct copy_m *c)
{
	int rds = facts_type_index("RDS");
	uint32_t m = rds >= 0 ? 1u << rds : 0;
	char ev[600];
	struct diag *dg;

	if (c->cross_region != 1 || !m || !(p->known & m))
		return; /* a possible RDS instance is not worth a note */
	dg = report_part(d, BKP304, &c->region_part,
			 "custom option groups of Amazon RDS DB instances%s "
			 "are not copied across Regions: this copy to %s "
			 "carries the snapshot only (AWS Backup cross-Region "
			 "copy guide)",
			 evidence(p, m, ev, sizeof(ev)),
			 facts_region_label(c->dst_region));
	diag_hint(d->file, dg,
		  "create the option groups in %s before you restore there",
		  c->dst_region ? c->dst_region : "the destination");
}

static void check_copyjob(struct doc *d, const struct facts *f,
			  const struct job_m *jb)
{
	int ddb = facts_type_index("DynamoDB");
	const char *note, *by, *cite;
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
	by = model_source(d, f, ddb, FEAT_CROSS_REGION_COPY, v, note, &cite);
	dg = report_part(
		d, BKP301, &jb->region_part,
		"%s is a DynamoDB table backup: this copy goes from %s to %s, "
		"and the %s says such a backup %s across Regions%s (%s)",
		fname(d, F_RECOVERY_POINT), facts_region_label(jb->src.region),
		facts_region_label(er), by,
		v == FACT_LIMITED ? "is copied" : "cannot be copied",
		v == FACT_LIMITED ? " only under a condition" : "", cite);
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
				"%s is not a resource AWS Backup protects: %s "
				"(%s)",
				r->text ? r->text : "this ARN",
				r->t.note ? r->t.note
					  : "no AWS Backup resource type has this "
					    "ARN form",
				"resource-types.json, AWS Service Authorization "
				"Reference");
			if (r->t.note && r->text && strchr(r->text, '/'))
				diag_hint(d->file, dg,
					  "select the resource it is part of: %.*s",
					  (int)(strchr(r->text, '/') - r->text),
					  r->text);
			else
				diag_hint(
					d->file, dg,
					"select the resource itself (an EC2 "
					"instance, EBS volume, RDS DB instance, "
					"DynamoDB table, ...), not a snapshot or "
					"sub-resource");
			continue;
		}
		no = facts_types_with(f, r->t.known, FEAT_PROTECTED, FACT_NO,
				      NULL);
		if (!no)
			continue;
		facts_type_feature(f, first_type(no), FEAT_PROTECTED, NULL,
				   &note);
		dg = report_part(d, BKP303, &at,
				 "%s are not protected by AWS Backup (%s)",
				 r->t.display ? r->t.display
					      : facts_typeset_str(no, tl, sizeof(tl)),
				 /* the reason is the point here: name it */
				 model_cite(d, f, first_type(no), FEAT_PROTECTED,
					    FACT_LIMITED, note));
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
	struct cold_use u[2];
	size_t c;
	int maybe_said = 0;

	if (!p->nsels)
		return; /* types unknown: say nothing */
	collect_cold(p, u);
	if (u[0].key)
		report_cold(d, f, p, &u[0], FEAT_COLD_STORAGE);
	if (u[1].key)
		report_cold(d, f, p, &u[1], FEAT_COLD_ARCHIVE);
	for (c = 0; c < p->nrules; c++) {
		const struct rule_m *rm = &p->rules[c];
		if (!value_is(rm->continuous, VT_BOOL) || !rm->continuous->u.b)
			continue;
		check_continuous_copies(d, f, p, rm);
		check_continuous(d, f, p, rm, &maybe_said);
	}
	for (c = 0; c < p->ncopies; c++) {
		if (!p->copies[c].is_arn)
			continue;
		check_copy_types(d, f, p, &p->copies[c]);
		check_rds_option_groups(d, p, &p->copies[c]);
	}
	check_copy_maybe(d, f, p);
}

void restype_check_run(struct run *r)
{
	model_each_plan(r, plan_hook);
}
