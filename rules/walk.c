/* walk.c - plans, rules and selections of any document kind, and what a
 * CloudFormation value is known to be. */
#include "walk.h"

#include <string.h>

#include "cfn.h"
#include "kinds.h"

const char *key_rules(int cfn)
{
	return cfn ? "BackupPlanRule" : "Rules";
}

const char *key_target_vault(int cfn)
{
	return cfn ? "TargetBackupVault" : "TargetBackupVaultName";
}



/* The lists, computed once per document (kept in its model). */
static struct walk_cache *cache(struct doc *d)
{
	struct walk_cache *c = walk_cache_of(d);
	struct node *res;
	uint32_t i;
	if (c->done)
		return c;
	switch (d->kind) {
	case DOC_PLAN_CREATE:
	case DOC_PLAN_UPDATE:
	case DOC_PLAN_OUTPUT:
	case DOC_PLAN_BARE: {
		struct plan_ref *p = arena_zalloc(&d->arena, sizeof(*p));
		p->plan = d->kind == DOC_PLAN_BARE ? d->root : map_get(d->root, "BackupPlan");
		if (!node_is(p->plan, N_MAP))
			break;
		p->rules = map_get(p->plan, "Rules");
		if (d->kind != DOC_PLAN_BARE) {
			p->plan_id = map_get(d->root, "BackupPlanId");
			p->plan_arn = map_get(d->root, "BackupPlanArn");
		}
		c->plans = p;
		c->nplans = 1;
		break;
	}
	case DOC_SELECTION_INPUT:
	case DOC_SELECTION_OUTPUT:
	case DOC_SELECTION_BARE: {
		struct selection_ref *s = arena_zalloc(&d->arena, sizeof(*s));
		s->sel = d->kind == DOC_SELECTION_BARE ? d->root
						       : map_get(d->root, "BackupSelection");
		if (!node_is(s->sel, N_MAP))
			break;
		s->plan_id = map_get(d->root, "BackupPlanId");
		c->sels = s;
		c->nsels = 1;
		break;
	}
	case DOC_CFN:
		res = map_get(d->root, "Resources");
		if (!node_is(res, N_MAP))
			break;
		c->plans = arena_zalloc(&d->arena, res->len * sizeof(*c->plans) + 1);
		c->sels = arena_zalloc(&d->arena, res->len * sizeof(*c->sels) + 1);
		for (i = 0; i < res->len; i++) {
			struct node *r = map_val(res, i), *props;
			const char *type = cfn_resource_type(r);
			const char *id = node_str(map_key(res, i));
			if (!type || !id)
				continue;
			props = map_get(r, "Properties");
			if (strcmp(type, "AWS::Backup::BackupPlan") == 0) {
				struct plan_ref *p = &c->plans[c->nplans];
				p->plan = map_get(props, "BackupPlan");
				if (!node_is(p->plan, N_MAP))
					continue;
				p->rules = map_get(p->plan, "BackupPlanRule");
				p->cfn = 1;
				p->resource = r;
				p->logical_id = id;
				c->nplans++;
			} else if (strcmp(type, "AWS::Backup::BackupSelection") == 0) {
				struct selection_ref *s = &c->sels[c->nsels];
				s->sel = map_get(props, "BackupSelection");
				if (!node_is(s->sel, N_MAP))
					continue;
				s->plan_id = map_get(props, "BackupPlanId");
				s->cfn = 1;
				s->resource = r;
				s->logical_id = id;
				c->nsels++;
			}
		}
		break;
	default:
		break;
	}
	c->done = 1;
	return c;
}

size_t doc_plans(struct doc *d, struct plan_ref **out)
{
	struct walk_cache *c = cache(d);
	*out = c->plans;
	return c->nplans;
}

size_t doc_selections(struct doc *d, struct selection_ref **out)
{
	struct walk_cache *c = cache(d);
	*out = c->sels;
	return c->nsels;
}

void each_rule(struct doc *d,
	       void (*fn)(struct doc *d, const struct node *rule,
			  const struct plan_ref *p))
{
	struct plan_ref *plans;
	size_t np = doc_plans(d, &plans), i;
	uint32_t j;
	for (i = 0; i < np; i++) {
		const struct node *rs = plans[i].rules;
		if (!node_is(rs, N_SEQ))
			continue;
		for (j = 0; j < rs->len; j++) {
			enum cfn_known how;
			const struct node *rule = cfn_value(d, seq_at(rs, j), &how);
			if (how != CFN_UNKNOWN && node_is(rule, N_MAP))
				fn(d, rule, &plans[i]);
		}
	}
}



