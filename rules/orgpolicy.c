/* orgpolicy.c - the model of an AWS Organizations backup policy: each plan
 * of `plans` read through the policy dialect (values under @@assign, names
 * as map keys), once for each Region of its `regions`, and its selections
 * (the `tags` and `resources` forms) linked to it.
 *
 * A policy's plan becomes one AWS Backup plan in every Region it lists, so
 * the rule families, which check one plan in one source Region, see one
 * plan_m per Region; findings that do not depend on the Region come out
 * the same for each and are reported once (diag_sort drops duplicates).
 * Regions given by @@append are among the effective plan's (a child policy
 * adds them); a plan whose Regions are not written, or only removed, has
 * the Region --region gives, or none. */
#include <string.h>

#include "model.h"

/* The Region nodes a plan's `regions` sets (at most max), and how many. */
static size_t plan_regions(const struct node *plan, const struct node **out,
			   size_t max)
{
	const struct node *r = map_get(plan, "regions"), *list;
	size_t n = 0;
	uint32_t i;

	list = node_is(r, N_SEQ) ? r : map_get(r, "@@assign"); /* bare: effective */
	if (!list)
		list = map_get(r, "@@append");
	for (i = 0; node_is(list, N_SEQ) && i < list->len && n < max; i++) {
		const char *s = node_str(seq_at(list, i));
		size_t k;
		/* an unknown code is BKP201's (orgpolicy_check.c), not a
		 * source Region; a Region twice is one plan */
		if (!s || !facts_region(s))
			continue;
		for (k = 0; k < n && strcmp(node_str(out[k]), s) != 0; k++)
			;
		if (k == n)
			out[n++] = seq_at(list, i);
	}
	return n;
}

static int is_operator(const struct node *k)
{
	return node_str(k) && strncmp(node_str(k), "@@", 2) == 0;
}

/* The selections of a policy plan, for plan pm. */
static void plan_selections(struct doc *d, struct doc_model *m,
			    struct plan_m *pm, const struct node *plan)
{
	static const char *const forms[] = { "tags", "resources" };
	const struct node *sels = map_get(plan, "selections");
	size_t f;
	uint32_t i;

	for (f = 0; f < 2; f++) {
		const struct node *form = map_get(sels, forms[f]);
		for (i = 0; node_is(form, N_MAP) && i < form->len; i++) {
			const struct node *k = map_key(form, i), *s = map_val(form, i);
			struct sel_m *sm;
			if (is_operator(k) || !node_is(s, N_MAP) || !node_str(k))
				continue;
			sm = &m->sels[m->nsels++];
			sm->logical_id = arena_printf(&d->arena, "selections.%s.%s",
						      forms[f], node_str(k));
			sm->plan_logical = pm->logical_id;
			build_selection(d, sm, s);
			sm->name = node_str(k);
			if (f == 0) {
				/* whatever carries the tag: any type */
				sm->empty = 0;
				sm->any = 1;
			}
		}
	}
}

/* How many selections a policy plan has. */
static size_t count_selections(const struct node *plan)
{
	const struct node *sels = map_get(plan, "selections");
	const struct node *t = map_get(sels, "tags"), *r = map_get(sels, "resources");
	return (node_is(t, N_MAP) ? t->len : 0) + (node_is(r, N_MAP) ? r->len : 0);
}

/* The account a policy's plan runs in is each account the policy is
 * attached to: $account. A copy to a literal account is a copy to another
 * account (AWS: "$account" for the running account, the ID for another),
 * unless --account names that very account. */
static void running_account(struct plan_m *pm)
{
	size_t j;
	if (pm->doc_src.account)
		return;
	pm->doc_src.account = pm->src.account = "$account";
	for (j = 0; j < pm->ncopies; j++) {
		struct copy_m *c = &pm->copies[j];
		if (c->is_arn)
			place_compare(&pm->src, &c->dst, &c->cross_region,
				      &c->cross_account, &c->cross_partition,
				      &c->dst_region, &c->dst_partition);
	}
}

#define ORG_REGIONS_MAX 64 /* more than AWS has; the rest share a model */
#define ORG_MODEL_BUDGET 100000

/* Rules, copy actions and selections of a policy plan, about. */
static size_t count_items(const struct node *plan)
{
	const struct node *rl = map_get(plan, "rules");
	size_t n = count_selections(plan);
	uint32_t i;
	for (i = 0; node_is(rl, N_MAP) && i < rl->len; i++) {
		const struct node *c = map_get(map_val(rl, i), "copy_actions");
		n += 1 + (node_is(c, N_MAP) ? c->len : 0);
	}
	return n;
}

void org_build(struct doc *d, struct doc_model *m)
{
	const struct node *plans = map_get(d->root, "plans");
	const struct node *reg[ORG_REGIONS_MAX];
	size_t np = 0, ns = 0, n, r;
	uint32_t i;

	for (i = 0; node_is(plans, N_MAP) && i < plans->len; i++) {
		n = plan_regions(map_val(plans, i), reg, ORG_REGIONS_MAX);
		if (n > 1 && n * (count_items(map_val(plans, i)) + 1) > ORG_MODEL_BUDGET)
			n = 1;
		n = n ? n : 1;
		np += n;
		ns += n * count_selections(map_val(plans, i));
	}
	if (!np)
		return;
	m->plans = arena_zalloc(&d->arena, np * sizeof(*m->plans));
	m->sels = arena_zalloc(&d->arena, (ns + 1) * sizeof(*m->sels));
	for (i = 0; i < plans->len; i++) {
		const struct node *k = map_key(plans, i), *plan = map_val(plans, i);
		if (is_operator(k) || !node_is(plan, N_MAP) || !node_str(k))
			continue;
		n = plan_regions(plan, reg, ORG_REGIONS_MAX);
		/* a plan of a size no policy has (10,000 characters): its
		 * first Region only, so that the model stays linear */
		if (n > 1 && n * (count_items(plan) + 1) > ORG_MODEL_BUDGET)
			n = 1;
		for (r = 0; r < (n ? n : 1); r++) {
			struct plan_m *pm = &m->plans[m->nplans++];
			pm->logical_id = arena_printf(&d->arena, "plans.%s#%zu",
						      node_str(k), r);
			pm->region_node = n ? reg[r] : NULL;
			build_plan(d, pm, plan);
			pm->name = node_str(k);
			running_account(pm);
			plan_selections(d, m, pm, plan);
		}
	}
}
