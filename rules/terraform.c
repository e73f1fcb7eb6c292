/* terraform.c - the model of a Terraform file: its aws_backup_plan and
 * aws_backup_selection resources read through the Terraform dialect, the
 * Region a literal provider block gives a plan, the plan a selection's
 * plan_id references, and copies to the vaults the file declares.
 *
 * Only what the file states literally is used: a Region from a variable, a
 * vault of another module or an expression the model cannot follow leaves
 * the place unknown, and the rules that need it say nothing. */
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "tf_eval.h"


/* One `resource "TYPE" "NAME" { BODY }` block. */
struct tf_res {
	const char *type, *name;
	const struct node *body;
	int data;                 /* a data source */
};

/* The inner value of label map v, with the label in *name, or NULL. */
static const struct node *label(const struct node *v, const char **name)
{
	const struct node *key;
	if (!(v = tf_label(v, &key)))
		return NULL;
	*name = node_str(key);
	return v;
}

/* Resource or data source block i of the file body, or 0. */
static int block_at(const struct node *root, uint32_t i, struct tf_res *r)
{
	const struct node *k = map_key(root, i), *v;

	if (!(k->flags & NF_BLOCK))
		return 0;
	r->data = node_streq(k, "data");
	if (!r->data && !node_streq(k, "resource"))
		return 0;
	v = label(map_val(root, i), &r->type);
	v = v ? label(v, &r->name) : NULL;
	if (!node_is(v, N_MAP) || !(v->flags & NF_BODY))
		return 0;
	r->body = v;
	return 1;
}

/* Resource block i of the file body, or 0. */
static int resource_at(const struct node *root, uint32_t i, struct tf_res *r)
{
	return block_at(root, i, r) && !r->data;
}

/* A file's `provider "aws"` blocks, resources and data sources, found
 * once: a file of N plans looks each one's provider and vaults up, which
 * scans were N². */
struct tf_prov {
	const struct node *alias, *region;
};
struct tf_index {
	struct tf_prov *prov;
	size_t nprov;
	struct tf_res *res; /* by data, type, name, then order in the file */
	size_t nres;
};

static int cmp_res(const void *a, const void *b)
{
	const struct tf_res *x = a, *y = b;
	int c = x->data != y->data ? x->data - y->data : strcmp(x->type, y->type);
	if (!c)
		c = strcmp(x->name, y->name);
	return c ? c : x->body->start < y->body->start ? -1
					: x->body->start > y->body->start;
}

static const struct tf_index *index_of(struct doc *d)
{
	/* set before tf_build() runs, so never built twice */
	struct doc_model *m = d->model ? d->model : model_of(d);
	const struct node *root = d->root;
	struct tf_index *ix;
	struct tf_res r;
	const char *name;
	size_t np = 0, nr = 0;
	uint32_t i;

	if (m->tf_ix)
		return m->tf_ix;
	ix = arena_zalloc(&d->arena, sizeof(*ix));
	for (i = 0; i < root->len; i++) {
		const struct node *k = map_key(root, i);
		np += (k->flags & NF_BLOCK) && node_streq(k, "provider");
		nr += block_at(root, i, &r);
	}
	ix->prov = arena_alloc(&d->arena, (np + 1) * sizeof(*ix->prov));
	ix->res = arena_alloc(&d->arena, (nr + 1) * sizeof(*ix->res));
	for (i = 0; i < root->len; i++) {
		const struct node *k = map_key(root, i), *b;
		if (block_at(root, i, &r)) {
			ix->res[ix->nres++] = r;
		} else if ((k->flags & NF_BLOCK) && node_streq(k, "provider")) {
			b = label(map_val(root, i), &name);
			if (!b || strcmp(name, "aws") != 0 || !node_is(b, N_MAP))
				continue;
			ix->prov[ix->nprov].alias = map_get(b, "alias");
			b = map_get(b, "region");
			ix->prov[ix->nprov++].region = node_is(b, N_STR) ? b : NULL;
		}
	}
	qsort(ix->res, ix->nres, sizeof(*ix->res), cmp_res);
	m->tf_ix = ix;
	return ix;
}

/* The body of the first resource (data: data source) TYPE.NAME of file
 * d, or NULL. */
static const struct node *find_block(struct doc *d, int data, const char *type,
				     const char *name)
{
	const struct tf_index *ix = index_of(d);
	size_t lo = 0, hi = ix->nres;
	while (lo < hi) { /* the first entry not below (data, type, name) */
		size_t mid = (lo + hi) / 2;
		int c = ix->res[mid].data != data ? ix->res[mid].data - data
			: strcmp(ix->res[mid].type, type);
		if (!c)
			c = strcmp(ix->res[mid].name, name);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < ix->nres && ix->res[lo].data == data &&
		       strcmp(ix->res[lo].type, type) == 0 &&
		       strcmp(ix->res[lo].name, name) == 0
		       ? ix->res[lo].body : NULL;
}

static const struct node *find_resource(struct doc *d, const char *type,
					const char *name)
{
	return find_block(d, 0, type, name);
}

/* `TYPE.NAME.ATTR` exactly (no instance): NAME, else NULL. */
static const char *ref_to(const struct node *e, const char *type,
			  const char *attr)
{
	struct tf_ref r;
	if (!tf_ref_parse(e, &r) || r.data || r.index ||
	    strcmp(r.type, type) != 0 || strcmp(r.attr, attr) != 0)
		return NULL;
	return r.name;
}

/* Where a resource runs: the provider configuration it uses ("aws" or
 * "aws.ALIAS"), and the Region as a literal string node, if the file
 * says. The resource's own `region` argument (provider v6) wins. */
struct where {
	const char *provider;     /* NULL: not a literal provider reference */
	const struct node *region;
	int found;                /* the file has the provider block */
};

/* The literal region of the `provider "aws"` block of file body root with
 * alias `alias` ("aws": the one without an alias); NULL when there is no
 * such block or its region is not a literal. *found: there is one. */
static const struct node *provider_region(struct doc *d, const char *alias,
					  int *found)
{
	const struct tf_index *ix = index_of(d);
	const struct node *reg = NULL;
	int dflt = strcmp(alias, "aws") == 0;
	size_t i;

	*found = 0;
	for (i = 0; i < ix->nprov; i++) {
		const struct node *a = ix->prov[i].alias;
		if (dflt ? a != NULL : !node_streq(a, alias))
			continue;
		*found = 1;
		reg = ix->prov[i].region;
	}
	return reg;
}

static void where_of(struct doc *d, const struct node *body,
		     struct where *w)
{
	const struct node *pv = map_get(body, "provider"), *reg;
	w->provider = "aws";
	w->region = NULL;
	w->found = 0;
	if (pv) {
		w->provider = NULL;
		/* provider = aws.ALIAS */
		if (node_is(pv, N_EXPR) && pv->style == EXPR_TRAVERSAL && pv->len == 2 &&
		    node_streq(seq_at(pv, 0), "aws"))
			w->provider = node_str(seq_at(pv, 1));
	}
	reg = map_get(body, "region");
	if (reg) {
		w->region = node_is(reg, N_STR) ? reg : NULL;
		return;
	}
	if (w->provider)
		w->region = provider_region(d, w->provider, &w->found);
}

/* The vault a copy's destination_vault_arn references
 * (aws_backup_vault.NAME.arn, or a logically air-gapped vault's): NAME,
 * with its resource type in *type; else NULL. */
static const char *dest_vault(const struct node *at, const char **type)
{
	const char *name = ref_to(at, *type = "aws_backup_vault", "arn");
	return name ? name : ref_to(at, *type = TF_LAG_VAULT, "arn");
}

/* Copy cm goes to vault TYPE.NAME of the module, declared with provider
 * configuration vw; its plan's is src. The vault's provider gives the
 * Region; one provider configuration for both is one Region (when it
 * names none) and one account. Findings point at the copy's destination:
 * the vault may be in another file, or its provider shared by others. */
static void place_copy(struct doc *d, struct copy_m *cm, const struct where *src,
		       const struct where *vw, const char *type, const char *name)
{
	int same = vw->provider && src->provider &&
		   strcmp(vw->provider, src->provider) == 0;
	memset(&cm->dst, 0, sizeof(cm->dst));
	cm->is_arn = 1;
	cm->region_part.node = cm->partition_part.node = cm->account_part.node =
		cm->dest.at;
	cm->region_part.off = cm->region_part.len = 0;
	if (vw->region)
		cm->dst.region = node_str(vw->region);
	else if (same && !src->region)
		cm->dst.same_region = 1;
	if (same)
		cm->dst.same_account = cm->dst.same_partition = 1;
	cm->vault_ref = arena_printf(&d->arena, "%s.%s", type, name);
}

/* A copy to `aws_backup_vault.NAME.arn` of this file: the vault's place
 * against its plan's. */
static void copy_to_vault(struct doc *d, struct plan_m *pm,
			  const struct where *src, struct copy_m *cm)
{
	const struct node *vb;
	const char *type, *name = dest_vault(cm->dest.at, &type);
	struct value vn;
	struct where w;

	if (!name || !(vb = find_resource(d, type, name)))
		return;
	where_of(d, vb, &w);
	place_copy(d, cm, src, &w, type, name);
	value_read(d, vb, F_VAULT_NAME, &vn);
	cm->vault = value_is(&vn, VT_STR) ? vn.u.s : NULL;
	place_compare(&pm->src, &cm->dst, &cm->cross_region, &cm->cross_account,
		      &cm->cross_partition, &cm->dst_region, &cm->dst_partition);
}

/* An access policy of a vault (backup_vault_name: a literal, or
 * aws_backup_vault.NAME.name of this file); vault locks are tf_vault.c's. */
static void vault_part(struct doc *d, struct doc_model *m, const struct tf_res *r)
{
	const struct node *n = map_get(r->body, "backup_vault_name");
	const char *ref = ref_to(n, "aws_backup_vault", "name");
	struct vault_m *v;
	d->keep = 1;
	v = build_vault(d, m, NULL, r->body, r->body, 0, 'p');
	v->name = node_str(n);
	if (ref && find_resource(d, "aws_backup_vault", ref)) {
		struct value vn;
		v->logical_id = arena_printf(&d->arena, "aws_backup_vault.%s", ref);
		value_read(d, find_resource(d, "aws_backup_vault", ref),
			   F_VAULT_NAME, &vn);
		v->name = value_is(&vn, VT_STR) ? vn.u.s : NULL;
	}
}

/* Room for one more element in arena array *p of *n (capacity *cap). */
static void *more(struct doc *d, void *p, size_t n, size_t *cap, size_t size)
{
	void *q;
	if (n < *cap)
		return p;
	*cap = *cap ? *cap * 2 : 8;
	q = arena_zalloc(&d->arena, *cap * size);
	if (n)
		memcpy(q, p, n * size);
	return q;
}

/* Resource r (one instance of it when `key`) into the model. */
static void build_resource(struct doc *d, struct doc_model *m,
			   const struct tf_res *r, const char *key,
			   size_t *pcap, size_t *scap)
{
	size_t j;

	if (strcmp(r->type, "aws_backup_plan") == 0) {
		struct plan_m *pm;
		struct where w;
		m->plans = more(d, m->plans, m->nplans, pcap, sizeof(*m->plans));
		pm = &m->plans[m->nplans++];
		where_of(d, r->body, &w);
		pm->logical_id = arena_printf(&d->arena, "%s.%s%s", r->type, r->name,
					      key ? key : "");
		pm->region_node = w.region;
		value_read(d, r->body, F_PLAN_TAGS, &pm->tags);
		build_plan(d, pm, r->body);
		for (j = 0; j < pm->ncopies; j++)
			if (pm->copies[j].dest.state == VS_UNKNOWN)
				copy_to_vault(d, pm, &w, &pm->copies[j]);
	} else if (strcmp(r->type, "aws_backup_selection") == 0) {
		struct sel_m *sm;
		const char *plan;
		m->sels = more(d, m->sels, m->nsels, scap, sizeof(*m->sels));
		sm = &m->sels[m->nsels++];
		sm->logical_id = arena_printf(&d->arena, "%s.%s%s", r->type, r->name,
					      key ? key : "");
		value_read(d, r->body, F_PLAN_ID, &sm->plan_id);
		build_selection(d, sm, r->body);
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

void tf_build(struct doc *d, struct doc_model *m)
{
	const struct node *root = d->root, **bodies;
	const char **keys;
	struct tf_res r;
	size_t pcap = 0, scap = 0, n, k;
	uint32_t i;

	/* one vault entry at most per top-level resource */
	m->vaults = arena_zalloc(&d->arena, (root->len + 1) * sizeof(*m->vaults));
	for (i = 0; i < root->len; i++) {
		/* what the other files of the module may need at the run */
		if ((map_key(root, i)->flags & NF_BLOCK) &&
		    node_streq(map_key(root, i), "provider"))
			d->keep = 1;
		if (!resource_at(root, i, &r))
			continue;
		if (strcmp(r.type, "aws_backup_vault") == 0) {
			d->keep = 1;
			build_vault(d, m, arena_printf(&d->arena, "%s.%s", r.type, r.name),
				    r.body, r.body, 0, 0);
			continue;
		}
		if (strcmp(r.type, "aws_backup_vault_policy") == 0) {
			vault_part(d, m, &r);
			continue;
		}
		if (strcmp(r.type, "aws_backup_plan") != 0 &&
		    strcmp(r.type, "aws_backup_selection") != 0)
			continue;
		/* count and for_each: each instance, when they are known */
		if (tf_instances(d, r.body, &bodies, &keys, &n) < 0) {
			build_resource(d, m, &r, NULL, &pcap, &scap);
			continue;
		}
		for (k = 0; k < n; k++) {
			r.body = bodies[k];
			build_resource(d, m, &r, keys[k], &pcap, &scap);
		}
	}
	tf_build_vaults(d, m);
}

/* Length of the folder part of d's file name ("a/b/x.tf": 3). */
static size_t dir_len(const struct doc *d)
{
	const char *s = d->file->src.name, *slash = strrchr(s, '/');
	return slash ? (size_t)(slash - s) : 0;
}

int tf_module_cmp(const struct doc *a, const struct doc *b)
{
	int ta = a->kind == DOC_TF, tb = b->kind == DOC_TF;
	size_t la, lb;
	int c;

	if (ta != tb)
		return ta - tb;
	if (!ta)
		return a == b ? 0 : (uintptr_t)a < (uintptr_t)b ? -1 : 1;
	la = dir_len(a);
	lb = dir_len(b);
	c = memcmp(a->file->src.name, b->file->src.name, la < lb ? la : lb);
	return c ? c : la < lb ? -1 : la > lb;
}

/* Call fn for every other kept Terraform document of d's module until it
 * returns 1. */
static int each_module_doc(struct run *r, const struct doc *d,
			   int (*fn)(struct doc *o, void *ud), void *ud)
{
	struct doc **mod;
	size_t i, n = tf_module_docs((struct doc *)d, &mod);
	(void)r;
	for (i = 0; i < n; i++)
		if (mod[i] != d && fn(mod[i], ud))
			return 1;
	return 0;
}

struct region_q {
	const char *provider;
	const struct node *region;
};

static int find_region(struct doc *o, void *ud)
{
	struct region_q *q = ud;
	int found;
	q->region = provider_region(o, q->provider, &found);
	return found;
}

struct vault_q {
	const char *type, *name;
	struct doc *doc;
	const struct node *body;
};

static int find_vault(struct doc *o, void *ud)
{
	struct vault_q *q = ud;
	q->body = find_resource(o, q->type, q->name);
	q->doc = o;
	return q->body != NULL;
}

/* A plan whose Region and copy destinations the other files of its module
 * say: the Region of its provider block, vaults declared there. Places
 * found in another file are pointed at in the plan's own file. */
static void link_plan(struct run *r, struct plan_m *p)
{
	struct doc *d = p->doc;
	const struct node *body = p->plan;
	struct where w;
	size_t j;

	where_of(d, body, &w);
	if (!p->src.region && !w.region && w.provider &&
	    !map_get(body, "region")) {
		struct region_q q = { w.provider, NULL };
		if (!w.found && each_module_doc(r, d, find_region, &q) && q.region) {
			p->src.region = node_str(q.region);
			p->src.partition = facts_partition_of(p->src.region);
			/* its module's: the document's, for BKP207 */
			p->src.region_from_doc = 1;
		}
	}
	for (j = 0; j < p->ncopies; j++) {
		struct copy_m *c = &p->copies[j];
		const char *type, *name = dest_vault(c->dest.at, &type);
		struct vault_q q;
		struct where vw;
		q.type = type;
		q.name = name;
		if (!name || c->dest.state != VS_UNKNOWN ||
		    find_resource(d, type, name) ||
		    !each_module_doc(r, d, find_vault, &q))
			continue;
		where_of(q.doc, q.body, &vw);
		place_copy(d, c, &w, &vw, type, name);
	}
	for (j = 0; j < p->ncopies; j++)
		if (p->copies[j].is_arn)
			place_compare(&p->src, &p->copies[j].dst,
				      &p->copies[j].cross_region,
				      &p->copies[j].cross_account,
				      &p->copies[j].cross_partition,
				      &p->copies[j].dst_region,
				      &p->copies[j].dst_partition);
}

void tf_link(struct run *r, struct plan_m **plans, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (plans[i]->doc->kind == DOC_TF)
			link_plan(r, plans[i]);
}

/* For the other Terraform files (model.h). */
int tf_resource_at(const struct node *root, uint32_t i, const char **type,
		   const char **name, const struct node **body)
{
	struct tf_res r;
	if (!resource_at(root, i, &r))
		return 0;
	*type = r.type;
	*name = r.name;
	*body = r.body;
	return 1;
}

const struct node *tf_find_resource(struct doc *d, const char *type,
				    const char *name)
{
	return find_block(d, 0, type, name);
}

const struct node *tf_find_data(struct doc *d, const char *type, const char *name)
{
	return find_block(d, 1, type, name);
}

const char *tf_ref(const struct node *e, const char *type, const char *attr)
{
	return ref_to(e, type, attr);
}

const struct node *tf_jsonencode_arg(const struct node *e)
{
	if (!node_is(e, N_EXPR) || e->style != EXPR_CALL || e->len != 2 ||
	    !node_streq(seq_at(e, 0), "jsonencode") || (e->flags & NF_EXPAND))
		return NULL;
	return node_is(seq_at(e, 1), N_MAP) ? seq_at(e, 1) : NULL;
}
