/* terraform.c - the model of a Terraform file: its aws_backup_plan and
 * aws_backup_selection resources read through the Terraform dialect, the
 * Region a literal provider block gives a plan, the plan a selection's
 * plan_id references, and copies to the vaults the file declares.
 *
 * Only what the file states literally is used: a Region from a variable, a
 * vault of another module or an expression the model cannot follow leaves
 * the place unknown, and the rules that need it say nothing. */
#include <string.h>

#include "model.h"

/* One `resource "TYPE" "NAME" { BODY }` block. */
struct tf_res {
	const char *type, *name;
	const struct node *body;
};

/* The label and inner value of an NF_LABEL map, or NULL. */
static const struct node *label(const struct node *v, const char **name)
{
	if (!node_is(v, N_MAP) || !(v->flags & NF_LABEL) || v->len != 1)
		return NULL;
	*name = node_str(map_key(v, 0));
	return *name ? map_val(v, 0) : NULL;
}

/* Resource block i of the file body, or 0. */
static int resource_at(const struct node *root, uint32_t i, struct tf_res *r)
{
	const struct node *k = map_key(root, i), *v;

	if (!(k->flags & NF_BLOCK) || !node_streq(k, "resource"))
		return 0;
	v = label(map_val(root, i), &r->type);
	v = v ? label(v, &r->name) : NULL;
	if (!node_is(v, N_MAP) || !(v->flags & NF_BODY))
		return 0;
	r->body = v;
	return 1;
}

static const struct node *find_resource(const struct node *root,
					const char *type, const char *name)
{
	struct tf_res r;
	uint32_t i;
	for (i = 0; i < root->len; i++)
		if (resource_at(root, i, &r) && strcmp(r.type, type) == 0 &&
		    strcmp(r.name, name) == 0)
			return r.body;
	return NULL;
}

/* Step `i` of traversal e as a name (a.b.c: 0 is a), or NULL. */
static const char *step(const struct node *e, uint32_t i)
{
	if (!node_is(e, N_EXPR) || e->style != EXPR_TRAVERSAL || i >= e->len)
		return NULL;
	return node_str(seq_at(e, i));
}

/* `TYPE.NAME.ATTR` exactly: NAME, else NULL. */
static const char *ref_to(const struct node *e, const char *type,
			  const char *attr)
{
	if (!node_is(e, N_EXPR) || e->len != 3 || !step(e, 0) ||
	    strcmp(step(e, 0), type) != 0 || !step(e, 2) ||
	    strcmp(step(e, 2), attr) != 0)
		return NULL;
	return step(e, 1);
}

/* Where a resource runs: the provider configuration it uses ("aws" or
 * "aws.ALIAS"), and the Region as a literal string node, if the file
 * says. The resource's own `region` argument (provider v6) wins. */
struct where {
	const char *provider;     /* NULL: not a literal provider reference */
	const struct node *region;
};

static void where_of(const struct node *root, const struct node *body,
		     struct where *w)
{
	const struct node *pv = map_get(body, "provider"), *reg;
	const char *alias = NULL, *name;
	uint32_t i;

	w->provider = "aws";
	w->region = NULL;
	if (pv) {
		w->provider = NULL;
		if (step(pv, 0) && strcmp(step(pv, 0), "aws") == 0 && pv->len == 2)
			w->provider = alias = step(pv, 1);
	}
	reg = map_get(body, "region");
	if (reg) {
		w->region = node_is(reg, N_STR) ? reg : NULL;
		return;
	}
	if (!w->provider)
		return;
	for (i = 0; i < root->len; i++) {
		const struct node *k = map_key(root, i), *b, *a;
		if (!(k->flags & NF_BLOCK) || !node_streq(k, "provider"))
			continue;
		b = label(map_val(root, i), &name);
		if (!b || strcmp(name, "aws") != 0 || !node_is(b, N_MAP))
			continue;
		a = map_get(b, "alias");
		if (alias ? !node_streq(a, alias) : a != NULL)
			continue;
		reg = map_get(b, "region");
		w->region = node_is(reg, N_STR) ? reg : NULL;
	}
}

/* A copy to `aws_backup_vault.NAME.arn` of this file: the vault's place
 * against its plan's. */
static void copy_to_vault(struct doc *d, struct plan_m *pm,
			  const struct where *src, struct copy_m *cm)
{
	const struct node *root = d->root, *vb;
	const char *name = ref_to(cm->dest.at, "aws_backup_vault", "arn");
	struct value vn;
	struct where w;

	if (!name || !(vb = find_resource(root, "aws_backup_vault", name)))
		return;
	where_of(root, vb, &w);
	memset(&cm->dst, 0, sizeof(cm->dst));
	cm->is_arn = 1;
	cm->region_part.node = cm->partition_part.node = cm->account_part.node =
		cm->dest.at;
	if (w.region) {
		cm->dst.region = node_str(w.region);
		cm->region_part.node = w.region;
	} else if (w.provider && src->provider && !src->region &&
		   strcmp(w.provider, src->provider) == 0) {
		cm->dst.same_region = 1;
	}
	/* one provider configuration: one set of credentials, one account */
	if (w.provider && src->provider && strcmp(w.provider, src->provider) == 0)
		cm->dst.same_account = cm->dst.same_partition = 1;
	value_read(d, vb, F_VAULT_NAME, &vn);
	cm->vault = value_is(&vn, VT_STR) ? vn.u.s : NULL;
	cm->vault_ref = arena_printf(&d->arena, "aws_backup_vault.%s", name);
	place_compare(&pm->src, &cm->dst, &cm->cross_region, &cm->cross_account,
		      &cm->cross_partition, &cm->dst_region, &cm->dst_partition);
}

void tf_build(struct doc *d, struct doc_model *m)
{
	const struct node *root = d->root;
	struct tf_res r;
	uint32_t i;
	size_t j;

	m->plans = arena_zalloc(&d->arena, root->len * sizeof(*m->plans) + 1);
	m->sels = arena_zalloc(&d->arena, root->len * sizeof(*m->sels) + 1);
	for (i = 0; i < root->len; i++) {
		if (!resource_at(root, i, &r))
			continue;
		if (strcmp(r.type, "aws_backup_plan") == 0) {
			struct plan_m *pm = &m->plans[m->nplans++];
			struct where w;
			where_of(root, r.body, &w);
			pm->logical_id = arena_printf(&d->arena, "%s.%s", r.type, r.name);
			pm->region_node = w.region;
			build_plan(d, pm, r.body);
			for (j = 0; j < pm->ncopies; j++)
				if (pm->copies[j].dest.state == VS_UNKNOWN)
					copy_to_vault(d, pm, &w, &pm->copies[j]);
		} else if (strcmp(r.type, "aws_backup_selection") == 0) {
			struct sel_m *sm = &m->sels[m->nsels++];
			const char *plan;
			sm->logical_id = arena_printf(&d->arena, "%s.%s", r.type, r.name);
			value_read(d, r.body, F_PLAN_ID, &sm->plan_id);
			build_selection(d, sm, r.body);
			/* linked through a reference only: "" names no plan, so
			 * that a plan_id from a variable is not taken for the
			 * file's only plan */
			plan = ref_to(sm->plan_id.at, "aws_backup_plan", "id");
			if (!sm->plan_key)
				sm->plan_logical = plan ? arena_printf(&d->arena,
								       "aws_backup_plan.%s",
								       plan)
							: "";
		}
	}
}
