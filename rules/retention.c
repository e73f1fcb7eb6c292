/* retention.c - how long recovery points are kept, against where they are
 * kept (BKP506-BKP508): a retention outside the bounds of the vault it
 * lands in (vault lock, logically air-gapped vault), a rule that keeps
 * them forever, a disaster-recovery copy that expires with a short-lived
 * source. Part of the lifecycle family; the vault and the plan may be in
 * different documents of a run, so BKP506 and BKP508 run in check_run. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../linter/lint.h"
#include "aws.h"
#include "cfn.h"
#include "families.h"
#include "model.h"
#include "registry.h"

/* How long a lifecycle keeps: 1 with *days (-1: forever), 0 when not
 * known. `from`: the value that says so (NULL for "forever" because the
 * member is absent). */
static int kept(const struct lifecycle_m *lc, long long *days,
		const struct value **from)
{
	*from = NULL;
	if (lc->misplaced)
		return 0;
	if (lc->self.state == VS_ABSENT) {
		*days = -1;
		return 1;
	}
	if (!value_is(&lc->self, VT_MAP))
		return 0;
	if (lc->del.state == VS_ABSENT) {
		if (lc->del_event->state != VS_ABSENT)
			return 0; /* deleted once copied */
		*days = -1;
		return 1;
	}
	if (!value_is(&lc->del, VT_INT))
		return 0;
	*days = lc->del.u.i;
	*from = &lc->del;
	return 1;
}

/* ---- BKP507: kept forever ---- */

void retention_check_doc(struct doc *d)
{
	struct doc_model *m = model_of(d);
	size_t i, j, k, n;

	for (i = 0; i < m->nplans; i++) {
		const struct plan_m *p = &m->plans[i];
		const struct node *at = NULL;
		const char *when = NULL;
		char names[300];
		size_t used = 0, count = 0;
		struct diag *dg;

		names[0] = '\0';
		for (j = 0; j < p->nrules; j++) {
			const struct rule_m *rm = &p->rules[j];
			const struct lifecycle_m *lv;
			/* continuous backups without a retention: BKP503 */
			if (value_is(rm->continuous, VT_BOOL) && rm->continuous->u.b)
				continue;
			/* DeleteAfterDays beside Lifecycle: BKP101 */
			if (rm->lc.misplaced)
				continue;
			n = lifecycle_variants(&rm->lc, &lv);
			for (k = 0; k < n; k++) {
				int w;
				if (lv[k].self.state != VS_ABSENT &&
				    (!value_is(&lv[k].self, VT_MAP) ||
				     lv[k].del.state != VS_ABSENT ||
				     lv[k].del_event->state != VS_ABSENT))
					continue;
				if (!at) {
					at = value_key(&lv[k].self) ? value_key(&lv[k].self)
					     : value_key(&rm->rule_name) ? value_key(&rm->rule_name)
								 : rm->node;
					when = value_when(&lv[k].self) ? value_when(&lv[k].self)->label : NULL;
				}
				w = snprintf(names + used, sizeof(names) - used, "%s'%s'",
					     count ? ", " : "", rm->name);
				if (w > 0 && (size_t)w < sizeof(names) - used)
					used += (size_t)w;
				count++;
				break;
			}
		}
		if (!at)
			continue;
		dg = report(d, BKP507, at,
			    "%s %s of plan '%s' set%s no %s: %s recovery points "
			    "are kept until you delete them, and billed every month "
			    "in the meantime%s%s",
			    count == 1 ? "rule" : "rules", names, p->name,
			    count == 1 ? "s" : "", fname(d, F_DELETE_AFTER),
			    count == 1 ? "its" : "their",
			    when ? arena_printf(&d->arena, " (%s)", when) : "",
			    /* a policy inherits what it does not set */
			    dialect_of(d)->org ? ", unless another backup policy "
						 "of the organization sets it" : "");
		diag_hint(d->file, dg,
			  "set %s to the retention you need (-1 says \"forever\" "
			  "on purpose)", fname(d, F_DELETE_AFTER));
	}
}

/* ---- BKP506: retention against the vault's bounds ---- */

static const struct vault_m *find_vault(const struct vault_set *vs,
					const struct plan_m *p,
					const char *ref, const char *name,
					int elsewhere)
{
	size_t i = vault_find(vs, p, ref, name, elsewhere, 0);
	/* the definition that has bounds: a vault lock document's, or the
	 * vault's own */
	while (i && vs->v[i - 1]->what != 'a' && !vs->v[i - 1]->locked)
		i = vault_find(vs, p, ref, name, elsewhere, i);
	return i ? vs->v[i - 1] : NULL;
}

/* Who keeps the recovery points of check_bounds(): a rule, its copy
 * with a lifecycle of its own, or its copy with the rule's lifecycle. */
enum keeper { K_RULE, K_COPY, K_COPY_RULE_LC };

/* Retention `days` (-1 forever) of rule `rule` (or its copy, by `who`) into
 * vault v. The words for who keeps them are made only for a finding. */
static void check_bounds(struct doc *d, const struct vault_m *v, long long days,
			 const struct value *from, const struct node *at,
			 const char *rule, enum keeper who)
{
	const char *name = v->name ? v->name : v->logical_id ? v->logical_id : "?";
	const char *kind = v->air_gapped ? "logically air-gapped vault" : "vault";
	const char *lock = v->air_gapped ? "" : " vault lock's";
	struct diag *dg = NULL;
	int low = days >= 0 && value_usable(&v->min) &&
		  value_is(&v->min, VT_INT) && days < v->min.u.i;
	const char *what;

	if (!low && !(value_is(&v->max, VT_INT) &&
		      (days < 0 || days > v->max.u.i)))
		return;
	what = who == K_RULE ? arena_printf(&d->arena, "rule '%s'", rule)
	       : arena_printf(&d->arena, "the copy of rule '%s'%s", rule,
			      who == K_COPY ? "" : " (with the rule's lifecycle)");
	if (low)
		dg = report(d, BKP506, at,
			    "%s keeps recovery points %lld day%s in %s '%s', "
			    "whose%s %s is %lld%s: AWS fails every job that "
			    "would keep them shorter%s",
			    what, days, days == 1 ? "" : "s", kind, name, lock,
			    fname(d, F_MIN_RETENTION), v->min.u.i,
			    value_note(d, &v->min),
			    from ? value_note(d, from) : "");
	else
		dg = report(d, BKP506, at,
			    "%s keeps recovery points %s in %s '%s', whose%s %s "
			    "is %lld%s: AWS fails every job that would keep them "
			    "longer%s",
			    what, days < 0 ? "forever" :
				  arena_printf(&d->arena, "%lld days", days),
			    kind, name, lock,
			    fname(d, F_MAX_RETENTION), v->max.u.i,
			    value_note(d, &v->max),
			    from ? value_note(d, from) : "");
	if (!dg)
		return;
	if (v->node && v->node->start < d->file->src.len && v->logical_id &&
	    (v->min.at || v->max.at))
		diag_related(d->file, dg,
			     (days >= 0 && v->min.at && value_is(&v->min, VT_INT) &&
			      days < v->min.u.i ? v->min.at : v->max.at)->start,
			     "the bound of %s '%s'", kind, name);
	diag_hint(d->file, dg, "set %s between the vault's %s and %s",
		  fname(d, F_DELETE_AFTER), fname(d, F_MIN_RETENTION),
		  fname(d, F_MAX_RETENTION));
}

/* ---- BKP508: a DR copy that expires with a short-lived source ---- */

static void check_short_copy(struct doc *d, const struct plan_m *p,
			     const struct rule_m *rm, const struct copy_m *c)
{
	long long days;
	const struct value *from;
	struct diag *dg;

	if (c->lc.self.state != VS_ABSENT || c->lc.misplaced ||
	    (c->cross_region != 1 && c->cross_account != 1) ||
	    !kept(&rm->lc, &days, &from) || days < 1 || days > 7)
		return;
	dg = report_part(d, BKP508,
			 c->cross_region == 1 ? &c->region_part : &c->account_part,
			 "this copy to %s has no %s of its own, so it is "
			 "deleted with the backups of rule '%s', after %lld "
			 "day%s: the disaster-recovery copy is gone before it "
			 "is likely to be needed%s",
			 c->cross_region == 1 && c->dst_region
				 ? facts_region_label(c->dst_region)
				 : c->cross_account == 1 && c->dst.account
					   ? arena_printf(&d->arena, "account %s",
							  c->dst.account)
					   : "another Region or account",
			 fname(d, F_LIFECYCLE), rm->name, days,
			 days == 1 ? "" : "s", value_note(d, from));
	diag_hint(d->file, dg, "give the copy action a %s with the %s the "
		  "copy needs", fname(d, F_LIFECYCLE), fname(d, F_DELETE_AFTER));
	(void)p;
}

static void check_plan(struct doc *d, const struct vault_set *run_vaults,
		       struct plan_m *p)
{
	size_t i, k;
	for (i = 0; i < p->nrules; i++) {
		const struct rule_m *rm = &p->rules[i];
		long long days;
		const struct value *from;
		const struct vault_m *v;
		int known = kept(&rm->lc, &days, &from);
		const char *vname, *vref, *lagname = NULL, *lagref = NULL;
		struct place pl;
		struct part parts[3];

		/* the target vault */
		if (known && (rm->vault || rm->vault_ref) &&
		    (v = find_vault(run_vaults, p, rm->vault_ref, rm->vault, 0)))
			check_bounds(d, v, days, from,
				     from ? from->at : rm->target.at, rm->name, K_RULE);
		/* the logically air-gapped target (a Terraform reference to
		 * one of the module's) */
		if (known && rm->air_gapped->at &&
		    ((lagref = rm->air_gapped_ref) ||
		     place_of(d, rm->air_gapped->at, &pl, parts, &lagname, &lagref) == 0) &&
		    (v = find_vault(run_vaults, p, lagref, lagname, 0)))
			check_bounds(d, v, days, from, rm->air_gapped->at,
				     rm->name, K_RULE);
		for (k = 0; k < rm->ncopies; k++) {
			const struct copy_m *c = &p->copies[rm->first_copy + k];
			long long cd = days;
			const struct value *cf = from;
			int ck = known;
			check_short_copy(d, p, rm, c);
			/* a copy without a Lifecycle keeps the source's */
			if (c->lc.self.state != VS_ABSENT)
				ck = kept(&c->lc, &cd, &cf);
			vname = c->vault;
			vref = c->vault_ref;
			if (!ck || !c->is_arn || !(vname || vref))
				continue;
			v = find_vault(run_vaults, p, vref, vname,
				       c->cross_region != 0 || c->cross_account != 0);
			if (v)
				check_bounds(d, v, cd, cf, cf ? cf->at : c->dest.at,
					     rm->name, cf ? K_COPY : K_COPY_RULE_LC);
		}
	}
}

void retention_check_run(struct run *r)
{
	struct vault_set vs;
	size_t i, j, k;

	model_link(r);
	vaults_collect(r, &vs);
	for (i = 0; i < r->nfiles; i++)
		for (j = 0; j < r->files[i]->ndocs; j++) {
			struct doc *d = r->files[i]->docs[j];
			struct doc_model *m = model_of(d);
			for (k = 0; k < m->nplans; k++)
				check_plan(d, &vs, &m->plans[k]);
		}
	vaults_release(&vs);
}
