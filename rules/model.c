/* model.c - building the model of one document: its plans, rules,
 * lifecycles, copies, selections and copy job, each field read once through
 * the document's dialect. */
#include "model.h"

#include <string.h>

#include "aws.h"
#include "cfn.h"
#include "model_impl.h"

/* An inner value of an assumed container is assumed too, for the same
 * reason (a Lifecycle chosen by a Fn::If the Defaults decide). */
static void inherit(struct doc *d, struct value *inner, const struct value *outer)
{
	struct value_ext *x;
	if (outer->state != VS_ASSUMED || inner->state != VS_KNOWN)
		return;
	inner->state = VS_ASSUMED;
	x = value_ext(d, inner);
	x->param = value_param(outer);
	x->note = value_assumption(outer);
}

static void lifecycle_map(struct doc *d, const struct value *self,
			  struct lifecycle_m *lc)
{
	static const enum field f[] = { F_COLD_AFTER, F_DELETE_AFTER, F_ARCHIVE,
					F_DELETE_AFTER_EVENT };
	struct value out[4];
	int i;

	value_read_all(d, value_is(self, VT_MAP) ? value_lit(self) : NULL, f, 4, out);
	for (i = 0; i < 4; i++) {
		inherit(d, &out[i], self);
		value_set_when(d, &out[i], value_when(self));
	}
	lc->cold = out[0];
	lc->del = out[1];
	lc->archive = value_rare(d, &out[2]);
	lc->del_event = value_rare(d, &out[3]);
}

static void read_lifecycle(struct doc *d, const struct node *parent,
			   const struct node *key, const struct node *v,
			   struct lifecycle_m *lc)
{
	size_t i;

	value_of(d, key, v, F_LIFECYCLE, &lc->self);
	if (lc->self.state == VS_ABSENT && node_is(parent, N_MAP)) {
		const char *nd = fname(d, F_DELETE_AFTER), *nc = fname(d, F_COLD_AFTER);
		uint32_t k;
		if (map_get(parent, nd) || map_get(parent, nc))
			lc->misplaced = 1;
		/* a misspelt Lifecycle ("lifecycle", "LifeCycle") */
		for (k = 0; k < parent->len && !lc->misplaced; k++) {
			const struct node *m = map_val(parent, k);
			if (node_is(m, N_MAP) && (map_get(m, nd) || map_get(m, nc)))
				lc->misplaced = 1;
		}
	}
	lifecycle_map(d, &lc->self, lc);
	if (!lc->self.nalts)
		return;
	lc->alts = arena_zalloc(&d->arena, lc->self.nalts * sizeof(*lc->alts));
	for (i = 0; i < lc->self.nalts; i++) {
		struct lifecycle_m *a = &lc->alts[lc->nalts++];
		a->self = value_alts(&lc->self)[i];
		lifecycle_map(d, &a->self, a);
	}
}

/* Label the values of a lifecycle read in a branch. */
static void lifecycle_when(struct doc *d, struct lifecycle_m *lc,
			   const struct cfn_branch *w)
{
	size_t i;
	value_set_when(d, &lc->self, w);
	value_set_when(d, &lc->cold, w);
	value_set_when(d, &lc->del, w);
	/* value_set_when leaves absent values alone; any other is the
	 * lifecycle's own copy (value_rare) */
	if (lc->archive->state != VS_ABSENT)
		value_set_when(d, (struct value *)lc->archive, w);
	for (i = 0; i < lc->nalts; i++)
		lifecycle_when(d, &lc->alts[i], w);
}

/* Room for one more element of an arena array (n used, *cap allocated):
 * element n is zeroed, the rest of the room is not (each is zeroed when
 * it is taken, so that a rule struct is cleared once, not at each
 * doubling). */
/* Room for a plan's rules or copies, a selection's resources: an array of cap items, in the arena
 * up to ARENA_ITEMS (most plans have one rule and one copy), else in a
 * block, which model_settle() shrinks to its size and hands to the arena: a plan
 * of 100,000 rules keeps no doubled copies of its arrays. */
#define ARENA_ITEMS 8

void *model_resize(struct doc *d, void *p, size_t n, size_t *cap,
		    size_t want, size_t size)
{
	void *q;
	if (want <= ARENA_ITEMS) {
		q = arena_alloc(&d->arena, want * size);
		if (n)
			memcpy(q, p, n * size);
	} else if (*cap <= ARENA_ITEMS) {
		q = block_resize(NULL, want * size);
		if (n)
			memcpy(q, p, n * size);
	} else {
		q = block_resize(p, want * size);
	}
	*cap = want;
	return q;
}

/* Room for `more` items after the n used: a list's items known before they
 * are read are given their exact room, not 1, 2, 4, 8 copies in the arena
 * (doubling still, when the room is short by little). */
void *model_reserve(struct doc *d, void *p, size_t n, size_t *cap,
		     size_t more, size_t size)
{
	size_t want = n + more;
	if (want <= *cap || more < 2)
		return p;
	if (want < 2 * *cap)
		want = 2 * *cap;
	return model_resize(d, p, n, cap, want, size);
}

/* Items of the lists a value may be (model_impl.h). */
size_t model_list_items(struct doc *d, const struct value *v, int maps)
{
	const struct value *lv;
	size_t n = value_variants(v, &lv), i, k = 0;
	for (i = 0; i < n; i++)
		if (value_is(&lv[i], VT_SEQ) ||
		    (maps && value_is(&lv[i], VT_MAP) && dialect_of(d)->org))
			k += value_lit(&lv[i])->len;
	return k;
}

/* Room for item n, zeroed. */
void *model_room(struct doc *d, void *p, size_t n, size_t *cap, size_t size)
{
	void *q = p;
	if (n >= *cap)
		q = model_resize(d, p, n, cap, *cap ? 2 * *cap : 1, size);
	memset((char *)q + n * size, 0, size);
	return q;
}

void *model_settle(struct doc *d, void *p, size_t n, size_t *cap, size_t size)
{
	if (*cap > ARENA_ITEMS) {
		p = block_resize(p, n * size);
		arena_adopt(&d->arena, p, n * size);
		*cap = n;
	}
	return p;
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

static void read_copy(struct doc *d, struct plan_m *pm, const struct node *key,
		      const struct node *a, const struct cfn_branch *w)
{
	static const enum field f[] = { F_DESTINATION, F_LIFECYCLE };
	struct value out[2];
	struct part parts[3];
	struct copy_m *cm;

	pm->copies = model_room(d, pm->copies, pm->ncopies, &pm->ccap, sizeof(*cm));
	cm = &pm->copies[pm->ncopies++];
	cm->node = a;
	cm->rule = (int)pm->nrules;
	value_read_all(d, a, f, 2, out);
	cm->dest = out[0];
	/* a policy's copy without a target goes to the vault its key names */
	if (cm->dest.state == VS_ABSENT && key)
		value_of(d, NULL, key, F_DESTINATION, &cm->dest);
	read_lifecycle(d, a, value_key(&out[1]), out[1].at, &cm->lc);
	value_set_when(d, &cm->dest, w);
	lifecycle_when(d, &cm->lc, w);
	cm->cross_region = cm->cross_account = cm->cross_partition = -1;
	if (!cm->dest.at || cm->dest.state == VS_ABSENT ||
	    place_of(d, cm->dest.at, &cm->dst, parts, &cm->vault, &cm->vault_ref) < 0)
		return;
	cm->is_arn = 1;
	cm->region_part = parts[0];
	cm->partition_part = parts[1];
	cm->account_part = parts[2];
	place_compare(&pm->src, &cm->dst, &cm->cross_region, &cm->cross_account,
		      &cm->cross_partition, &cm->dst_region, &cm->dst_partition);
}

/* The maps a list (or one item of it) may hold: each variant of the list,
 * each variant of each item; fn gets the map, its key when the list is an
 * Organizations policy's map of named items (else NULL) and the branch it
 * is in. */
static void each_map(struct doc *d, const struct value *list,
		     void (*fn)(struct doc *d, void *ctx, const struct node *key,
				const struct node *m, const struct cfn_branch *w),
		     void *ctx)
{
	const struct value *lv;
	size_t nl = value_variants(list, &lv), i, k;
	uint32_t j;

	for (i = 0; i < nl; i++) {
		const struct node *l = value_lit(&lv[i]);
		if (value_is(&lv[i], VT_MAP) && dialect_of(d)->org) {
			for (j = 0; j < l->len; j++) {
				const struct node *key = map_key(l, j);
				struct value item;
				if (node_str(key) && strncmp(node_str(key), "@@", 2) == 0)
					continue; /* the child-policy control */
				value_as(d, map_val(l, j), VT_MAP, &item);
				if (value_is(&item, VT_MAP))
					fn(d, ctx, key, value_lit(&item), NULL);
			}
			continue;
		}
		if (!value_is(&lv[i], VT_SEQ))
			continue;
		for (j = 0; j < l->len; j++) {
			struct value item;
			const struct value *iv;
			size_t ni;
			value_as(d, seq_at(l, j), VT_MAP, &item);
			value_set_when(d, &item, value_when(&lv[i]));
			ni = value_variants(&item, &iv);
			for (k = 0; k < ni; k++)
				if (value_is(&iv[k], VT_MAP))
					fn(d, ctx, NULL, value_lit(&iv[k]), value_when(&iv[k]));
		}
	}
}

static void copy_item(struct doc *d, void *ctx, const struct node *key,
		      const struct node *m, const struct cfn_branch *w)
{
	struct plan_m *pm = ctx;
	read_copy(d, pm, key, m, w);
	pm->rules[pm->nrules].ncopies++;
}

static void read_rule(struct doc *d, struct plan_m *pm, const struct node *key,
		      const struct node *r, const struct cfn_branch *w)
{
	static const enum field f[] = {
		F_RULE_NAME, F_TARGET_VAULT, F_SCHEDULE, F_TIMEZONE, F_START_WINDOW,
		F_COMPLETION_WINDOW, F_CONTINUOUS, F_LIFECYCLE, F_COPY_ACTIONS,
		F_AIR_GAPPED_TARGET,
	};
	struct value out[10];
	struct rule_m *rm;
	int i;

	pm->rules = model_room(d, pm->rules, pm->nrules, &pm->rcap, sizeof(*rm));
	rm = &pm->rules[pm->nrules];
	value_read_all(d, r, f, 10, out);
	for (i = 0; i < 10; i++)
		value_set_when(d, &out[i], w);
	rm->node = r;
	rm->when = w;
	rm->rule_name = out[0];
	rm->target = out[1];
	rm->schedule = out[2];
	rm->timezone = value_rare(d, &out[3]);
	rm->start = out[4];
	rm->completion = out[5];
	rm->continuous = value_rare(d, &out[6]);
	rm->copy_actions = value_rare(d, &out[8]);
	rm->air_gapped = value_rare(d, &out[9]);
	read_lifecycle(d, r, value_key(&out[7]), out[7].at, &rm->lc);
	lifecycle_when(d, &rm->lc, w);
	/* an empty name (BKP105's finding) would read as a placeholder; a
	 * policy's rule is named by its key */
	rm->name = value_is(&rm->rule_name, VT_STR) && rm->rule_name.u.s[0]
			   ? rm->rule_name.u.s
		   : node_str(key) ? node_str(key)
				   : arena_printf(&d->arena, "rule %zu", pm->nrules + 1);
	target_vault(d, rm);
	rm->first_copy = (uint32_t)pm->ncopies;
	pm->copies = model_reserve(d, pm->copies, pm->ncopies, &pm->ccap,
			     model_list_items(d, rm->copy_actions, 1), sizeof(*pm->copies));
	each_map(d, rm->copy_actions, copy_item, pm);
	pm->nrules++;
}

static void rule_item(struct doc *d, void *ctx, const struct node *key,
		      const struct node *m, const struct cfn_branch *w)
{
	read_rule(d, ctx, key, m, w);
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

void build_plan(struct doc *d, struct plan_m *pm, const struct node *plan)
{
	struct value name;

	pm->doc = d;
	pm->plan = plan;
	value_read(d, plan, F_PLAN_NAME, &name);
	value_read(d, plan, F_RULES, &pm->rules_v);
	pm->name = value_is(&name, VT_STR) && name.u.s[0] ? name.u.s
		   : pm->logical_id	    ? pm->logical_id
					    : "plan";
	source_place(d, pm->plan_arn.at, pm->region_node, &pm->doc_src,
		     &pm->src_region_part);
	pm->src = pm->doc_src;
	/* room for the rules the lists hold (an undecided item may stand
	 * for more) */
	pm->rules = model_reserve(d, NULL, 0, &pm->rcap,
				  model_list_items(d, &pm->rules_v, 1),
				  sizeof(*pm->rules));
	/* a rule that is an intrinsic stands for a whole unknown rule */
	each_map(d, &pm->rules_v, rule_item, pm);
	pm->rules = model_settle(d, pm->rules, pm->nrules, &pm->rcap, sizeof(*pm->rules));
	pm->copies = model_settle(d, pm->copies, pm->ncopies, &pm->ccap,
			    sizeof(*pm->copies));
}

/* An access policy: a map as written, or a JSON string (the API's Policy,
 * CloudFormation's AccessPolicy written as text) read into d's arena; NULL
 * when absent, unknown or not JSON. */
static const struct node *policy_tree(struct doc *d, const struct value *v)
{
	struct load_ctx lc;
	const struct node *n = v->state == VS_BAD ? v->at : value_lit(v);
	if (value_is(v, VT_MAP))
		return value_lit(v);
	/* Terraform: jsonencode({...}) of a literal object */
	if (tf_jsonencode_arg(v->at))
		return tf_jsonencode_arg(v->at);
	if (!node_is(n, N_STR))
		return NULL;
	memset(&lc, 0, sizeof(lc));
	lc.a = &d->arena;
	lc.max_depth = 64;
	return json_parse(&lc, n->u.str, strlen(n->u.str));
}

/* A vault: name, tags, key, access policy, and the retention bounds of a
 * vault lock or of a logically air-gapped vault. `top`: the vault is a
 * whole API document (CreateBackupVault 'v', PutBackupVaultLockConfiguration
 * 'l', PutBackupVaultAccessPolicy 'p', CreateLogicallyAirGappedBackupVault
 * 'a'); 0: a template's resource `id`. */
struct vault_m *build_vault(struct doc *d, struct doc_model *m, const char *id,
			    const struct node *r, const struct node *props,
			    int air_gapped, int top)
{
	struct vault_m *v = &m->vaults[m->nvaults++];
	const struct node *bounds = props;
	v->doc = d;
	v->node = r;
	v->logical_id = id;
	v->air_gapped = air_gapped;
	v->what = air_gapped ? 'a' : top ? top : 'v';
	value_read(d, props, F_VAULT_NAME, &v->name_v);
	v->name = value_is(&v->name_v, VT_STR) ? v->name_v.u.s : NULL;
	value_read(d, props, F_VAULT_TAGS, &v->tags);
	value_read(d, props, F_ENCRYPTION_KEY, &v->key);
	value_read(d, props, F_ACCESS_POLICY, &v->policy);
	v->policy_doc = policy_tree(d, &v->policy);
	v->locked = top == 'l';
	if (!air_gapped && !top) {
		struct value lock;
		value_read(d, props, F_LOCK_CONFIGURATION, &lock);
		v->locked = lock.state != VS_ABSENT;
		bounds = value_is(&lock, VT_MAP) ? value_lit(&lock) : NULL;
	} else if (top == 'v' || top == 'p') {
		bounds = NULL;
	}
	value_read(d, bounds, F_MIN_RETENTION, &v->min);
	value_read(d, bounds, F_MAX_RETENTION, &v->max);
	return v;
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
	read_lifecycle(d, d->root, value_key(&out[3]), out[3].at, &j->lc);
	j->src_vault = value_is(&j->src_vault_v, VT_STR) ? j->src_vault_v.u.s : NULL;
	source_place(d, j->rp.at, NULL, &j->src, &j->src_region_part);
	if (value_is(&j->rp, VT_STR) &&
	    facts_recovery_point_types(j->rp.u.s, value_lit(&j->rp)->len, &t) == 0)
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
	size_t np = 0, ns = 0, nv = 0;

	if (!node_is(res, N_MAP))
		return;
	/* room for what there is: a plan's model is kilobytes */
	for (i = 0; i < res->len; i++) {
		const char *type = cfn_resource_type(map_val(res, i));
		if (!type)
			continue;
		np += strcmp(type, a->cfn_plan) == 0;
		ns += strcmp(type, a->cfn_selection) == 0;
		nv += strcmp(type, a->cfn_vault) == 0 ||
		      strcmp(type, a->cfn_air_gapped_vault) == 0;
	}
	m->plans = arena_zalloc(&d->arena, (np + 1) * sizeof(*m->plans));
	m->sels = arena_zalloc(&d->arena, (ns + 1) * sizeof(*m->sels));
	m->vaults = arena_zalloc(&d->arena, (nv + 1) * sizeof(*m->vaults));
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
			/* a plan made by an intrinsic: what it decides to */
			if (node_intrinsic(body) != FN_NONE) {
				struct value bv;
				value_as(d, body, VT_MAP, &bv);
				body = value_is(&bv, VT_MAP) ? value_lit(&bv) : NULL;
			}
			if (!node_is(body, N_MAP))
				continue;
			pm->resource = r;
			pm->logical_id = id;
			value_read(d, props, F_PLAN_TAGS, &pm->tags);
			build_plan(d, pm, body);
			m->nplans++;
		} else if (strcmp(type, a->cfn_selection) == 0) {
			struct sel_m *sm = &m->sels[m->nsels];
			body = map_get(props, a->cfn_selection_property);
			if (node_intrinsic(body) != FN_NONE) {
				struct value bv;
				value_as(d, body, VT_MAP, &bv);
				body = value_is(&bv, VT_MAP) ? value_lit(&bv) : NULL;
			}
			if (!node_is(body, N_MAP))
				continue;
			sm->resource = r;
			sm->logical_id = id;
			value_read(d, props, F_PLAN_ID, &sm->plan_id);
			build_selection(d, sm, body);
			m->nsels++;
		} else if (strcmp(type, a->cfn_vault) == 0 ||
			   strcmp(type, a->cfn_air_gapped_vault) == 0) {
			build_vault(d, m, id, r, props,
				    strcmp(type, a->cfn_air_gapped_vault) == 0, 0);
		}
	}
}

struct cfn_info **cfn_slot(struct doc *d)
{
	struct doc_model *m = d->model;
	if (!m) {
		m = arena_zalloc(&d->arena, sizeof(*m));
		d->model = m;
	}
	return &m->cfn;
}

struct tf_env **tf_slot(struct doc *d)
{
	cfn_slot(d); /* makes the model's struct, not the model */
	return &((struct doc_model *)d->model)->tf;
}

struct doc_model *model_of(struct doc *d)
{
	struct doc_model *m = d->model;
	const struct kind *k = kind_of(d);
	const struct node *top;

	if (m && m->built)
		return m;
	if (!m) {
		m = arena_zalloc(&d->arena, sizeof(*m));
		d->model = m;
	}
	m->built = 1;
	m->doc = d;
	m->facts = facts_of(d);
	top = k->member ? map_get(d->root, k->member) : d->root;
	if (k->roles & ROLE_TEMPLATE) {
		build_template(d, m);
	} else if ((k->roles & ROLE_PLAN) && node_is(top, N_MAP)) {
		m->plans = arena_zalloc(&d->arena, sizeof(*m->plans));
		if (k->member) {
			value_read(d, d->root, F_PLAN_TAGS, &m->plans[0].tags);
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
	} else if (k->roles & ROLE_POLICY) {
		org_build(d, m);
	} else if (d->kind == DOC_OTHER) {
		/* PutBackupVaultLockConfiguration,
		 * CreateLogicallyAirGappedBackupVault: a vault's bounds */
		const char *vk;
		kinds_other(d, &vk);
		if (vk && node_is(d->root, N_MAP)) {
			m->vaults = arena_zalloc(&d->arena, sizeof(*m->vaults));
			build_vault(d, m, NULL, d->root, d->root,
				    strcmp(vk, "air_gapped") == 0,
				    strcmp(vk, "lock") == 0 ? 'l' :
				    strcmp(vk, "policy") == 0 ? 'p' : 'v');
		}
	}
	if (m->nplans || m->nsels || m->job || m->nvaults)
		d->keep = 1;
	return m;
}
