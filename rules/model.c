/* model.c - building the model of one document: its plans, rules,
 * lifecycles, copies, selections and copy job, each field read once through
 * the document's dialect. */
#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../linter/strbuf.h"
#include "aws.h"
#include "cfn.h"

static void read_lifecycle(struct doc *d, const struct node *key,
			   const struct node *v, struct lifecycle_m *lc)
{
	static const enum field f[] = { F_COLD_AFTER, F_DELETE_AFTER, F_ARCHIVE };
	struct value out[3];

	value_of(d, key, v, F_LIFECYCLE, &lc->self);
	value_read_all(d, value_is(&lc->self, VT_MAP) ? lc->self.lit : NULL, f, 3,
		       out);
	lc->cold = out[0];
	lc->del = out[1];
	lc->archive = out[2];
}

/* The target vault's name, or the vault resource of the template it names
 * (Ref, or GetAtt of BackupVaultName). */
static void target_vault(struct doc *d, struct rule_m *rm)
{
	const struct node *v = rm->target.at;
	const char *id, *name;

	if (value_is(&rm->target, VT_STR)) {
		rm->vault = rm->target.u.s;
		return;
	}
	if (rm->target.state != VS_UNKNOWN || !(id = cfn_ref_target(v)))
		return;
	if (node_intrinsic(v) == FN_GETATT) {
		const struct node *a = map_val(v, 0);
		if (!node_is(a, N_SEQ) || a->len != 2 ||
		    !node_streq(seq_at(a, 1), "BackupVaultName"))
			return;
	}
	if (cfn_vault(d, id, &name)) {
		rm->vault_ref = id;
		rm->vault = name;
	}
}

static void read_copy(struct doc *d, struct plan_m *pm, const struct node *a,
		      struct copy_m *cm)
{
	static const enum field f[] = { F_DESTINATION, F_LIFECYCLE };
	struct value out[2];
	struct part parts[3];

	cm->node = a;
	cm->rule = (int)pm->nrules;
	value_read_all(d, a, f, 2, out);
	cm->dest = out[0];
	read_lifecycle(d, out[1].key, out[1].at, &cm->lc);
	cm->cross_region = cm->cross_account = cm->cross_partition = -1;
	if (!cm->dest.at ||
	    place_of(d, cm->dest.at, &cm->dst, parts, &cm->vault, &cm->vault_ref) < 0)
		return;
	cm->is_arn = 1;
	cm->region_part = parts[0];
	cm->partition_part = parts[1];
	cm->account_part = parts[2];
	place_compare(&pm->src, &cm->dst, &cm->cross_region, &cm->cross_account,
		      &cm->cross_partition, &cm->dst_region, &cm->dst_partition);
}

/* Source place of a plan or job: the document's own ARN, else the Region
 * it names (a Terraform provider's, or NULL), else options. */
static void source_place(struct doc *d, const struct node *arn,
			 const struct node *region, struct place *pl,
			 struct part *region_part)
{
	struct part parts[3];
	const char *vault, *vref;

	memset(pl, 0, sizeof(*pl));
	region_part->node = arn;
	region_part->off = region_part->len = 0;
	if (arn && place_of(d, arn, pl, parts, &vault, &vref) == 0) {
		pl->same_region = pl->same_account = pl->same_partition = 0;
		if (pl->region) {
			pl->region_from_doc = 1;
			*region_part = parts[0];
		}
	}
	if (!pl->region && node_str(region) && *node_str(region)) {
		pl->region = node_str(region);
		pl->region_from_doc = 1;
		region_part->node = region;
	}
	if (!pl->region && doc_region(d))
		pl->region = doc_region(d);
	if (!pl->account && doc_account(d))
		pl->account = doc_account(d);
	if (!pl->partition && pl->region)
		pl->partition = facts_partition_of(pl->region);
}

static void read_rule(struct doc *d, struct plan_m *pm, const struct node *r,
		      uint32_t index, size_t copy_cap)
{
	static const enum field f[] = {
		F_RULE_NAME, F_TARGET_VAULT, F_SCHEDULE, F_TIMEZONE, F_START_WINDOW,
		F_COMPLETION_WINDOW, F_CONTINUOUS, F_LIFECYCLE, F_COPY_ACTIONS,
	};
	struct value out[9];
	struct rule_m *rm = &pm->rules[pm->nrules];
	uint32_t j;

	value_read_all(d, r, f, 9, out);
	rm->node = r;
	rm->rule_name = out[0];
	rm->target = out[1];
	rm->schedule = out[2];
	rm->timezone = out[3];
	rm->start = out[4];
	rm->completion = out[5];
	rm->continuous = out[6];
	rm->copy_actions = out[8];
	read_lifecycle(d, out[7].key, out[7].at, &rm->lc);
	rm->name = value_is(&rm->rule_name, VT_STR)
			   ? rm->rule_name.u.s
			   : arena_printf(&d->arena, "rule %u", index + 1);
	target_vault(d, rm);
	rm->first_copy = pm->ncopies;
	if (value_is(&out[8], VT_SEQ)) {
		const struct node *ca = out[8].lit;
		for (j = 0; j < ca->len && pm->ncopies < copy_cap; j++) {
			struct value item;
			value_as(d, seq_at(ca, j), VT_MAP, &item);
			if (!value_is(&item, VT_MAP))
				continue;
			read_copy(d, pm, item.lit, &pm->copies[pm->ncopies]);
			pm->ncopies++;
			rm->ncopies++;
		}
	}
	pm->nrules++;
}

void build_plan(struct doc *d, struct plan_m *pm, const struct node *plan)
{
	uint32_t i, nc = 0;
	const struct node *rl;
	struct value name;

	pm->doc = d;
	pm->plan = plan;
	value_read(d, plan, F_PLAN_NAME, &name);
	value_read(d, plan, F_RULES, &pm->rules_v);
	pm->name = value_is(&name, VT_STR) ? name.u.s
		   : pm->logical_id	    ? pm->logical_id
					    : "plan";
	source_place(d, pm->plan_arn.at, pm->region_node, &pm->doc_src,
		     &pm->src_region_part);
	pm->src = pm->doc_src;
	if (!value_is(&pm->rules_v, VT_SEQ))
		return;
	rl = pm->rules_v.lit;
	/* room for every copy action: a rule's list may be an intrinsic,
	 * then it adds none */
	for (i = 0; i < rl->len; i++) {
		struct value ca;
		value_read(d, seq_at(rl, i), F_COPY_ACTIONS, &ca);
		if (node_is(ca.at, N_SEQ))
			nc += ca.at->len;
	}
	pm->rules = rl->len ? arena_zalloc(&d->arena, rl->len * sizeof(*pm->rules))
			    : NULL;
	pm->copies = nc ? arena_zalloc(&d->arena, nc * sizeof(*pm->copies)) : NULL;
	for (i = 0; i < rl->len; i++) {
		struct value item;
		/* a rule that is an intrinsic stands for a whole unknown rule */
		value_as(d, seq_at(rl, i), VT_MAP, &item);
		if (value_is(&item, VT_MAP))
			read_rule(d, pm, item.lit, i, nc);
	}
}

/* Types one Resources entry names. */
static void classify_resource(struct doc *d, struct res_m *rm)
{
	const struct node *v = rm->node;
	struct tmpl t;
	const char *id, *cls;

	memset(&rm->t, 0, sizeof(rm->t));
	if ((id = cfn_ref_target(v)) && node_intrinsic(v) == FN_GETATT) {
		const char *ct = cfn_resource_type(cfn_resource(d, id));
		int ty = facts_cfn_type(ct);
		rm->text = ct ? arena_printf(&d->arena, "%s (%s)", id, ct) : id;
		if (ty >= 0)
			rm->t.known = 1u << ty;
		else
			rm->t.any = 1;
		return;
	}
	if (value_tmpl(d, v, &t) < 0) {
		rm->t.any = 1; /* an intrinsic we cannot see through */
		return;
	}
	if (t.sub && tmpl_has_var(t.text, strlen(t.text))) {
		/* CloudFormation fills these in: classify them as wildcards */
		struct strbuf g = { .a = &d->arena };
		const char *p = t.text;
		strbuf_add(&g, "", 0);
		while (*p) {
			const char *q = strstr(p, "${");
			const char *e = q ? strchr(q, '}') : NULL;
			if (!q || !e) {
				strbuf_add(&g, p, strlen(p));
				break;
			}
			strbuf_add(&g, p, (size_t)(q - p));
			strbuf_add(&g, "*", 1);
			p = e + 1;
		}
		rm->text = t.text;
		cls = g.s;
	} else {
		rm->text = cls = t.text;
	}
	if (facts_arn_types(cls, strlen(cls), &rm->t) < 0)
		memset(&rm->t, 0, sizeof(rm->t)); /* not an ARN: the schema says so */
}

static int nonempty(const struct node *n)
{
	return (node_is(n, N_SEQ) || node_is(n, N_MAP)) && n->len > 0;
}

void build_selection(struct doc *d, struct sel_m *sm, const struct node *s)
{
	static const enum field f[] = { F_SELECTION_NAME, F_IAM_ROLE, F_RESOURCES,
					F_LIST_OF_TAGS, F_CONDITIONS };
	struct value out[5];
	const struct node *res, *cond;
	uint32_t i;
	int tags;

	value_read_all(d, s, f, 5, out);
	sm->doc = d;
	sm->sel = s;
	sm->sel_name = out[0];
	sm->iam_role = out[1];
	sm->resources = out[2];
	sm->list_of_tags = out[3];
	sm->conditions = out[4];
	sm->name = value_is(&sm->sel_name, VT_STR) ? sm->sel_name.u.s
		   : sm->logical_id		      ? sm->logical_id
						      : "selection";
	if (dialect_of(d)->cfn && cfn_ref_target(sm->plan_id.at))
		sm->plan_logical = cfn_ref_target(sm->plan_id.at);
	else if (value_is(&sm->plan_id, VT_STR))
		sm->plan_key = sm->plan_id.u.s;
	res = sm->resources.at;
	cond = sm->conditions.at;
	tags = nonempty(sm->list_of_tags.at);
	for (i = 0; node_is(cond, N_MAP) && i < cond->len; i++)
		if (nonempty(map_val(cond, i)))
			tags = 1;
	if (tags)
		sm->any = 1; /* tag-based: any resource type may carry the tag */
	if (!nonempty(res)) {
		/* neither Resources nor tags: AWS selects every supported resource */
		if (!tags && !node_is(res, N_MAP))
			sm->any = 1;
		if (!node_is(res, N_SEQ)) {
			if (sm->resources.state == VS_UNKNOWN)
				sm->any = 1;
			return;
		}
	}
	if (!node_is(res, N_SEQ))
		return;
	sm->res = res->len ? arena_zalloc(&d->arena, res->len * sizeof(*sm->res)) : NULL;
	for (i = 0; i < res->len; i++) {
		struct res_m *rm = &sm->res[sm->nres++];
		struct part parts[3];
		const char *vault, *vref;
		rm->node = seq_at(res, i);
		classify_resource(d, rm);
		if (place_of(d, rm->node, &rm->pl, parts, &vault, &vref) == 0)
			rm->region_part = parts[0];
		sm->known |= rm->t.known;
		sm->maybe |= rm->t.maybe;
		sm->any |= rm->t.any;
	}
}

static void build_copyjob(struct doc *d, struct doc_model *m)
{
	static const enum field f[] = { F_RECOVERY_POINT, F_DESTINATION,
					F_SOURCE_VAULT, F_LIFECYCLE };
	struct job_m *j = arena_zalloc(&d->arena, sizeof(*j));
	struct value out[4];
	struct part parts[3];
	struct arn_types t;
	const char *vref;

	value_read_all(d, d->root, f, 4, out);
	j->rp = out[0];
	j->dest = out[1];
	j->src_vault_v = out[2];
	read_lifecycle(d, out[3].key, out[3].at, &j->lc);
	j->src_vault = value_is(&j->src_vault_v, VT_STR) ? j->src_vault_v.u.s : NULL;
	source_place(d, j->rp.at, NULL, &j->src, &j->src_region_part);
	if (value_is(&j->rp, VT_STR) &&
	    facts_recovery_point_types(j->rp.u.s, j->rp.lit->len, &t) == 0)
		j->known = t.known;
	if (j->dest.at &&
	    place_of(d, j->dest.at, &j->dst, parts, &j->vault, &vref) == 0) {
		j->is_arn = 1;
		j->region_part = parts[0];
		j->partition_part = parts[1];
		j->account_part = parts[2];
		place_compare(&j->src, &j->dst, &j->cross_region, &j->cross_account,
			      &j->cross_partition, &j->dst_region,
			      &j->dst_partition);
	}
	m->job = j;
}

/* The plans and selections of a template's Resources. */
static void build_template(struct doc *d, struct doc_model *m)
{
	const struct aws_consts *a = aws();
	const struct node *res = map_get(d->root, "Resources");
	uint32_t i;

	if (!node_is(res, N_MAP))
		return;
	m->plans = arena_zalloc(&d->arena, res->len * sizeof(*m->plans) + 1);
	m->sels = arena_zalloc(&d->arena, res->len * sizeof(*m->sels) + 1);
	for (i = 0; i < res->len; i++) {
		const struct node *r = map_val(res, i), *props, *body;
		const char *type = cfn_resource_type(r);
		const char *id = node_str(map_key(res, i));
		if (!type || !id)
			continue;
		props = map_get(r, "Properties");
		if (strcmp(type, a->cfn_plan) == 0) {
			struct plan_m *pm = &m->plans[m->nplans];
			body = map_get(props, a->cfn_plan_property);
			if (!node_is(body, N_MAP))
				continue;
			pm->resource = r;
			pm->logical_id = id;
			build_plan(d, pm, body);
			m->nplans++;
		} else if (strcmp(type, a->cfn_selection) == 0) {
			struct sel_m *sm = &m->sels[m->nsels];
			body = map_get(props, a->cfn_selection_property);
			if (!node_is(body, N_MAP))
				continue;
			sm->resource = r;
			sm->logical_id = id;
			value_read(d, props, F_PLAN_ID, &sm->plan_id);
			build_selection(d, sm, body);
			m->nsels++;
		}
	}
}

struct doc_model *model_of(struct doc *d)
{
	struct doc_model *m = d->model;
	const struct kind *k = kind_of(d);
	const struct node *top;

	if (m)
		return m;
	m = arena_zalloc(&d->arena, sizeof(*m));
	d->model = m;
	m->doc = d;
	m->facts = facts_of(d);
	top = k->member ? map_get(d->root, k->member) : d->root;
	if (k->roles & ROLE_TEMPLATE) {
		build_template(d, m);
	} else if ((k->roles & ROLE_PLAN) && node_is(top, N_MAP)) {
		m->plans = arena_zalloc(&d->arena, sizeof(*m->plans));
		if (k->member) {
			value_read(d, d->root, F_PLAN_ID, &m->plans[0].plan_id);
			value_read(d, d->root, F_PLAN_ARN, &m->plans[0].plan_arn);
		}
		build_plan(d, &m->plans[0], top);
		m->nplans = 1;
	} else if ((k->roles & ROLE_SELECTION) && node_is(top, N_MAP)) {
		m->sels = arena_zalloc(&d->arena, sizeof(*m->sels));
		value_read(d, d->root, F_PLAN_ID, &m->sels[0].plan_id);
		build_selection(d, &m->sels[0], top);
		m->nsels = 1;
	} else if (k->roles & ROLE_COPY_JOB) {
		build_copyjob(d, m);
	} else if (k->roles & ROLE_MODULE) {
		tf_build(d, m);
	}
	if (m->nplans || m->nsels || m->job)
		d->keep = 1;
	return m;
}
