/* region.c - BKP201-BKP206: the Regions, partitions and accounts of a plan's
 * copies and of a StartCopyJob, checked against the facts dataset. */
#include <stdio.h>
#include <string.h>

#include "../linter/lint.h"
#include "families.h"
#include "registry.h"
#include "model.h"

/* A Region code's shape: lowercase words joined by '-', the last one a
 * number ("us-east-1", "us-gov-west-1"). Strings of another shape are the
 * schema rules' business (BKP106); here only near misses are unknown. */
static int region_shaped(const char *s)
{
	int dashes = 0;
	const char *p;
	if (!*s || *s == '-')
		return 0;
	for (p = s; *p; p++) {
		if (*p == '-') {
			if (p[1] == '-' || p[1] == '\0')
				return 0;
			dashes++;
		} else if (!((*p >= 'a' && *p <= 'z') ||
			     (*p >= '0' && *p <= '9'))) {
			return 0;
		}
	}
	return dashes >= 2 && p[-1] >= '0' && p[-1] <= '9';
}

/* BKP201/BKP202 for a Region named in the document; 0 when the Region is
 * known and offers AWS Backup (so that later checks make sense). */
static int check_region(struct doc *d, const struct facts *f, const char *code,
			const struct part *at, const char *what, const char *note)
{
	const struct region_info *ri;
	struct diag *dg;

	if (!code || !region_shaped(code))
		return -1;
	ri = facts_region(code);
	if (!ri) {
		const char *s = facts_region_suggest(code);
		dg = report_part(
			d, BKP201, at,
			"'%s' in %s is not a Region of any AWS partition%s", code,
			what, note);
		if (s) {
			diag_hint(d->file, dg, "did you mean %s?",
				  facts_region_label(s));
			if ((at->len == strlen(code) || (!at->len && node_streq(at->node, code))) &&
			    facts_region_fix(code) == s)
				diag_fix_sub(d->file, dg, 1, at->node, at->off,
					     strlen(code), s,
					     "replace '%s' with '%s'", code, s);
		}
		return -1;
	}
	if (facts_backup_offered(f, code) == FACT_NO) {
		dg = report_part(d, BKP202, at,
				 "AWS Backup is not offered in %s, named in %s "
				 "(facts: %s, Regions of %s)%s",
				 facts_region_label(code), what, facts_name(f),
				 facts_backup_source(f), note);
		diag_hint(d->file, dg,
			  "use a Region where AWS Backup is offered%s",
			  strcmp(facts_name(f), "current") != 0
				  ? ", or lint with --facts current if the "
				    "Region has gained it since"
				  : "");
		return -1;
	}
	return 0;
}

/* "(cite)", or "(assumed ...; cite)" for a note " (assumed ...)": one
 * parenthesis, not two in a row. */
static const char *with_note(struct doc *d, const char *cite, const char *note)
{
	size_t n = note ? strlen(note) : 0;
	if (n < 3 || note[0] != ' ' || note[1] != '(' || note[n - 1] != ')')
		return arena_printf(&d->arena, "(%s)%s", cite, note ? note : "");
	return arena_printf(&d->arena, "(%.*s; %s)", (int)(n - 3), note + 2, cite);
}

/* How a message names a copy's source vault: a rule's target vault, or a
 * copy job's source vault; written only for a finding. */
struct src_vault {
	const char *name;  /* the vault's name or logical id, or NULL */
	const char *rule;  /* the rule it is the target of; NULL: a copy job */
};

static void src_vault_text(const struct src_vault *v, char *buf, size_t n)
{
	if (v->rule && v->name)
		snprintf(buf, n, "the target vault '%s' of rule '%s'", v->name,
			 v->rule);
	else if (v->rule)
		snprintf(buf, n, "the target vault of rule '%s'", v->rule);
	else if (v->name)
		snprintf(buf, n, "the source vault '%s'", v->name);
	else
		snprintf(buf, n, "the source vault");
}

/* The checks of one copy from src to dst (a plan's copy action or a
 * StartCopyJob). `same_vault`: the destination is the source vault. */
static void check_copy(struct doc *d, const struct facts *f,
		       const struct place *src, const struct place *dst,
		       const struct part *region_part,
		       const struct part *partition_part,
		       const struct part *whole, int xr, int xa, int xp,
		       const char *dst_region, const char *dst_partition,
		       const struct src_vault *sv, int same_vault,
		       const char *note)
{
	struct diag *dg;
	const char *src_region = src->region;
	const char *bad;

	if (dst->region && check_region(d, f, dst->region, region_part,
					fname(d, F_DESTINATION), note) < 0)
		return;
	/* the ARN's partition field against its Region's partition */
	if (facts_partition_valid(dst->partition) && dst->region &&
	    facts_region(dst->region) &&
	    strcmp(dst->partition, facts_region(dst->region)->partition) != 0) {
		dg = report_part(
			d, BKP204, partition_part,
			"%s says partition '%s' but %s is in partition '%s'%s",
			fname(d, F_DESTINATION), dst->partition, facts_region_label(dst->region),
			facts_region(dst->region)->partition, note);
		diag_hint(d->file, dg, "write arn:%s:backup:%s:...",
			  facts_region(dst->region)->partition, dst->region);
		return;
	}
	/* xp is 1 only when both partitions are known */
	if (xp == 1 && src->partition && dst_partition) {
		dg = report_part(
			d, BKP204, region_part,
			"copy from %s in partition %s to %s in partition "
			"%s: AWS Backup copies only within one partition%s",
			src_region ? facts_region_label(src_region)
				   : "the source",
			src->partition,
			dst_region ? facts_region_label(dst_region)
				   : "the destination",
			dst_partition, note);
		diag_hint(d->file, dg,
			  "choose a destination vault in a Region of "
			  "partition %s",
			  src->partition);
		return;
	}
	if (xr == 1 && src_region && dst_region) {
		bad = facts_cross_region_offered(f, src_region) == FACT_NO
			      ? src_region
		      : facts_cross_region_offered(f, dst_region) == FACT_NO
			      ? dst_region
			      : NULL;
		if (bad) {
			/* the dataset's word, not a present-tense fact */
			const char *cite, *by = facts_source_region(f, bad, 0, &cite);
			dg = report_part(
				d, BKP203, region_part,
				"cross-Region copy from %s to %s: the %s lists "
				"%s without cross-Region copy %s",
				facts_region_label(src_region),
				facts_region_label(dst_region), by,
				facts_region(bad)->name, with_note(d, cite, note));
			if (bad == src_region)
				diag_hint(
					d->file, dg,
					"copy within %s, or back up "
					"the resources in a Region that offers "
					"cross-Region copy",
					facts_region(src_region)->name);
			else
				diag_hint(d->file, dg,
					  "choose a destination Region "
					  "that offers cross-Region copy");
		}
	}
	if (xa == 1 && src_region && dst_region) {
		bad = facts_cross_account_offered(f, src_region) == FACT_NO
			      ? src_region
		      : facts_cross_account_offered(f, dst_region) == FACT_NO
			      ? dst_region
			      : NULL;
		if (bad) {
			const char *why = facts_region_note(f, bad, 1);
			const char *cite, *by = facts_source_region(f, bad, 1, &cite);
			dg = report_part(
				d, BKP206, whole,
				"cross-account copy from account %s to "
				"account %s in %s: the %s lists %s without "
				"cross-account copy %s",
				src->account, dst->account,
				facts_region_label(bad), by,
				facts_region(bad)->name, with_note(d, cite, note));
			if (why)
				diag_hint(d->file, dg,
					  "%s; copy within account %s", why,
					  src->account);
		}
	}
	if (same_vault && xr == 0 && xa == 0) {
		char src_vault_desc[200];
		src_vault_text(sv, src_vault_desc, sizeof(src_vault_desc));
		dg = report(d, BKP205, whole->node,
			    "this copy goes to %s, the vault the backup is "
			    "already in%s: it copies nothing new and doubles the "
			    "storage cost",
			    src_vault_desc,
			    /* a policy's plan runs in each of its Regions */
			    dialect_of(d)->org && src->region
				    ? arena_printf(&d->arena, " when the plan runs in %s",
						   facts_region_label(src->region))
				    : "");
		diag_hint(d->file, dg,
			  "copy to a vault in another Region or "
			  "account, or remove the copy action");
	}
}

static int same_vault(const struct rule_m *rm, const struct copy_m *cm)
{
	if (rm->vault_ref && cm->vault_ref)
		return strcmp(rm->vault_ref, cm->vault_ref) == 0;
	return rm->vault && cm->vault && strcmp(rm->vault, cm->vault) == 0;
}

/* BKP208: a rule's logically air-gapped vault is in the plan's own
 * account and Region (AWS Backup copies there as part of the backup; a
 * vault elsewhere is a copy action's job). */
static void check_air_gapped(struct doc *d, const struct plan_m *p,
			     const struct rule_m *rm)
{
	struct place pl;
	struct part parts[3];
	const char *vault, *vref;
	struct diag *dg = NULL;

	if (!rm->air_gapped->at || rm->air_gapped->state == VS_ABSENT ||
	    place_of(d, rm->air_gapped->at, &pl, parts, &vault, &vref) < 0)
		return;
	if (pl.region && !pl.same_region && p->src.region && facts_region(pl.region) &&
	    strcmp(pl.region, p->src.region) != 0)
		dg = report_part(d, BKP208, &parts[0],
				 "%s of rule '%s' is in %s, but plan '%s' runs in %s: "
				 "a rule's logically air-gapped vault must be in "
				 "the plan's own Region%s",
				 fname(d, F_AIR_GAPPED_TARGET), rm->name,
				 facts_region_label(pl.region), p->name,
				 facts_region_label(p->src.region), place_note(d, &pl));
	else if (pl.account && !pl.same_account && p->src.account &&
		 strcmp(pl.account, p->src.account) != 0)
		dg = report_part(d, BKP208, &parts[2],
				 "%s of rule '%s' is in account %s, but plan '%s' "
				 "is in account %s: a rule's logically air-gapped "
				 "vault must be in the plan's own account%s",
				 fname(d, F_AIR_GAPPED_TARGET), rm->name, pl.account,
				 p->name, p->src.account, place_note(d, &pl));
	if (dg)
		diag_hint(d->file, dg,
			  "name a logically air-gapped vault of the plan's own "
			  "account and Region, and reach others with a copy action");
}

/* The copies of plan p (run phase: the plan's Region may come from its
 * selections). */
static void check_plan_copies(struct doc *d, const struct facts *f,
			      struct plan_m *p)
{
	size_t j;

	if (p->doc_src.region_from_doc &&
	    check_region(d, f, p->src.region, &p->src_region_part,
			 fname(d, F_SOURCE_REGION), "") < 0)
		return;
	for (j = 0; j < p->nrules; j++)
		check_air_gapped(d, p, &p->rules[j]);
	for (j = 0; j < p->ncopies; j++) {
		struct copy_m *c = &p->copies[j];
		const struct rule_m *rm = &p->rules[c->rule];
		struct part whole = {.node = c->dest.at};
		struct src_vault sv = {
			.name = rm->vault ? rm->vault : rm->vault_ref,
			.rule = rm->name,
		};
		if (!c->is_arn)
			continue;
		check_copy(d, f, &p->src, &c->dst, &c->region_part,
			   &c->partition_part, &whole, c->cross_region,
			   c->cross_account, c->cross_partition,
			   c->dst_region, c->dst_partition, &sv,
			   same_vault(rm, c),
			   c->dst.region_param || c->dst.account_param
				   ? place_note(d, &c->dst)
				   : value_note(d, &c->dest));
	}
}

void region_check_doc(struct doc *d)
{
	struct doc_model *m = model_of(d);
	const struct facts *f = m->facts;
	size_t i, j;

	for (i = 0; i < m->nsels; i++)
		for (j = 0; j < m->sels[i].nres; j++) {
			const struct res_m *rm = &m->sels[i].res[j];
			if (rm->pl.region)
				check_region(d, f, rm->pl.region,
					     &rm->region_part, fname(d, F_RESOURCES),
					     place_note(d, &rm->pl));
		}
	if (m->job) {
		struct job_m *jb = m->job;
		struct part whole = {.node = jb->dest.at};
		struct src_vault sv = { .name = jb->src_vault };
		const char *er, *ep;
		int xr, xa, xp;
		if (jb->src.region_from_doc &&
		    check_region(d, f, jb->src.region, &jb->src_region_part,
				 fname(d, F_RECOVERY_POINT), "") < 0)
			return;
		if (!jb->is_arn)
			return;
		place_compare(&jb->src, &jb->dst, &xr, &xa, &xp, &er, &ep);
		check_copy(d, f, &jb->src, &jb->dst, &jb->region_part,
			   &jb->partition_part, &whole, xr, xa, xp, er, ep,
			   &sv,
			   jb->src_vault && jb->vault &&
				   strcmp(jb->src_vault, jb->vault) == 0,
			   "");
	}
}

/* The Region of a selected resource, when its ARN names one literally. */
static const char *res_region(const struct res_m *rm)
{
	const char *rg = rm->pl.region;
	return rg && !rm->pl.region_param && facts_region(rg) ? rg : NULL;
}

/* The Region most of plan p's selected ARNs name (ties: the first). */
static const char *common_region(const struct plan_m *p, int *several)
{
	const char *best = NULL, *first = NULL;
	size_t s, x, s2, x2, bestn = 0;

	*several = 0;
	for (s = 0; s < p->nsels; s++)
		for (x = 0; x < p->sels[s]->nres; x++) {
			const char *rg = res_region(&p->sels[s]->res[x]);
			size_t n = 0;
			if (!rg)
				continue;
			if (!first)
				first = rg;
			else if (strcmp(first, rg) != 0)
				*several = 1;
			for (s2 = 0; s2 < p->nsels; s2++)
				for (x2 = 0; x2 < p->sels[s2]->nres; x2++) {
					const char *r2 = res_region(&p->sels[s2]->res[x2]);
					n += r2 && strcmp(r2, rg) == 0;
				}
			if (n > bestn) {
				bestn = n;
				best = rg;
			}
		}
	return best;
}

/* BKP207: the selected resources of plan p that are in another Region
 * than the plan, when the plan's Region is certain: its document says
 * (BackupPlanArn), or its selections disagree among themselves (then the
 * plan runs in --region, or where most of them are). A --region that
 * every selected ARN contradicts lost (link.c): one info says so. */
static void check_resource_regions(const struct plan_m *p)
{
	const char *src = p->src.region;
	int several;
	const char *common = common_region(p, &several);
	size_t s, x;

	if (p->option_region && p->nsels) {
		const struct sel_m *sm = NULL;
		const struct res_m *at = NULL;
		struct diag *dg;
		for (s = 0; s < p->nsels && !at; s++)
			for (x = 0; x < p->sels[s]->nres && !at; x++)
				if (res_region(&p->sels[s]->res[x])) {
					sm = p->sels[s];
					at = &sm->res[x];
				}
		if (at) {
			dg = report_part(
				sm->doc, BKP207, &at->region_part,
				"--region says %s, but the ARNs selected for "
				"plan '%s' name %s only: the plan is linted as a "
				"plan of %s",
				p->option_region, p->name, facts_region_label(src),
				src);
			diag_demote(dg, 2);
			diag_hint(sm->doc->file, dg,
				  "lint it with --region %s, or without --region",
				  src);
		}
		return;
	}
	if (!p->src.region_from_doc) {
		if (!several)
			return;
		if (!src || !facts_region(src))
			src = common;
	}
	if (!src || !facts_region(src))
		return;
	for (s = 0; s < p->nsels; s++) {
		struct sel_m *sm = p->sels[s];
		for (x = 0; x < sm->nres; x++) {
			const struct res_m *rm = &sm->res[x];
			const char *rg = res_region(rm);
			struct diag *dg;
			if (!rg || strcmp(rg, src) == 0)
				continue;
			if (p->src.region_from_doc)
				dg = report_part(
					sm->doc, BKP207, &rm->region_part,
					"%s is in %s, but plan '%s' runs in %s: a "
					"backup plan protects only resources in "
					"its own Region, so this one gets no backup",
					rm->text ? rm->text : "this resource",
					facts_region_label(rg), p->name,
					facts_region_label(src));
			else
				dg = report_part(
					sm->doc, BKP207, &rm->region_part,
					"%s is in %s, but plan '%s' selects "
					"resources in %s too%s: a backup plan "
					"protects only resources in its own "
					"Region, so some of them get no backup",
					rm->text ? rm->text : "this resource",
					facts_region_label(rg), p->name,
					facts_region_label(src),
					p->src.region && strcmp(p->src.region, src) == 0 &&
							p->src.region != common
						? " (and runs there, per --region)"
						: "");
			diag_hint(
				sm->doc->file, dg,
				"select it from a plan in "
				"%s, and copy that plan's backups to %s if you "
				"need them there",
				rg, src);
		}
	}
}

static void plan_hook(struct doc *d, const struct facts *f,
		      struct plan_m *p)
{
	check_plan_copies(d, f, p);
	check_resource_regions(p);
}

void region_check_run(struct run *r)
{
	model_each_plan(r, plan_hook);
}
