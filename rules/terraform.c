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

#include "../linter/arena.h"
#include "../linter/lint.h"
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

/* What the lookups of a file need, found in one pass over its blocks (a
 * look-up per plan over every block made a file of N plans cost N²): its
 * `provider "aws"` blocks in order, and its vaults sorted by name (then
 * by order, so that the first of a name is found first). */
struct tf_provider {
	const struct node *alias;   /* the alias argument, or NULL */
	const struct node *region;  /* a literal region, or NULL */
};
struct tf_vault {
	const char *name;
	uint32_t order;
	const struct node *body;
};
struct tf_index {
	struct tf_provider *prov;
	size_t nprov;
	struct tf_vault *vaults;
	size_t nvaults;
};

static int cmp_vault(const void *a, const void *b)
{
	const struct tf_vault *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	return c ? c : x->order < y->order ? -1 : x->order > y->order;
}

static struct tf_index *index_file(struct doc *d)
{
	const struct node *root = d->root;
	struct tf_index *ix = arena_zalloc(&d->arena, sizeof(*ix));
	size_t np = 0, nv = 0;
	struct tf_res r;
	const char *name;
	uint32_t i;

	for (i = 0; i < root->len; i++) {
		const struct node *k = map_key(root, i);
		np += (k->flags & NF_BLOCK) && node_streq(k, "provider");
		nv += resource_at(root, i, &r) &&
		      strcmp(r.type, "aws_backup_vault") == 0;
	}
	ix->prov = arena_alloc(&d->arena, (np + 1) * sizeof(*ix->prov));
	ix->vaults = arena_alloc(&d->arena, (nv + 1) * sizeof(*ix->vaults));
	for (i = 0; i < root->len; i++) {
		const struct node *k = map_key(root, i), *b;
		if ((k->flags & NF_BLOCK) && node_streq(k, "provider")) {
			b = label(map_val(root, i), &name);
			if (!b || strcmp(name, "aws") != 0 || !node_is(b, N_MAP))
				continue;
			ix->prov[ix->nprov].alias = map_get(b, "alias");
			b = map_get(b, "region");
			ix->prov[ix->nprov++].region = node_is(b, N_STR) ? b : NULL;
		} else if (resource_at(root, i, &r) &&
			   strcmp(r.type, "aws_backup_vault") == 0) {
			ix->vaults[ix->nvaults].name = r.name;
			ix->vaults[ix->nvaults].order = i;
			ix->vaults[ix->nvaults++].body = r.body;
		}
	}
	qsort(ix->vaults, ix->nvaults, sizeof(*ix->vaults), cmp_vault);
	return ix;
}

/* d's index, made by tf_build() (the model of a Terraform file). */
static const struct tf_index *index_of(struct doc *d)
{
	struct doc_model *m = model_of(d);
	if (!m->tf)
		m->tf = index_file(d);
	return m->tf;
}

/* The first `resource "aws_backup_vault" "NAME"` of the file, or NULL. */
static const struct node *find_vault_body(const struct tf_index *ix,
					  const char *name)
{
	size_t lo = 0, hi = ix->nvaults;
	while (lo < hi) { /* the first entry not below name */
		size_t mid = (lo + hi) / 2;
		if (strcmp(ix->vaults[mid].name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < ix->nvaults && strcmp(ix->vaults[lo].name, name) == 0
		       ? ix->vaults[lo].body : NULL;
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

/* The literal region of the `provider "aws"` block of file body root with
 * alias `alias` ("aws": the one without an alias); NULL when there is no
 * such block or its region is not a literal. *found: there is one. */
static const struct node *provider_region(const struct tf_index *ix,
					  const char *alias, int *found)
{
	const struct node *reg = NULL;
	size_t i;
	int dflt = strcmp(alias, "aws") == 0;

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

static void where_of(const struct tf_index *ix, const struct node *body,
		     struct where *w)
{
	const struct node *pv = map_get(body, "provider"), *reg;
	int found;

	w->provider = "aws";
	w->region = NULL;
	if (pv) {
		w->provider = NULL;
		if (step(pv, 0) && strcmp(step(pv, 0), "aws") == 0 && pv->len == 2)
			w->provider = step(pv, 1);
	}
	reg = map_get(body, "region");
	if (reg) {
		w->region = node_is(reg, N_STR) ? reg : NULL;
		return;
	}
	if (w->provider)
		w->region = provider_region(ix, w->provider, &found);
}

/* A copy to `aws_backup_vault.NAME.arn` of this file: the vault's place
 * against its plan's. */
static void copy_to_vault(struct doc *d, struct plan_m *pm,
			  const struct where *src, struct copy_m *cm)
{
	const struct tf_index *ix = index_of(d);
	const struct node *vb;
	const char *name = ref_to(cm->dest.at, "aws_backup_vault", "arn");
	struct value vn;
	struct where w;

	if (!name || !(vb = find_vault_body(ix, name)))
		return;
	where_of(ix, vb, &w);
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
	const struct tf_index *ix;
	struct tf_res r;
	uint32_t i;
	size_t j;

	m->tf = index_file(d);
	ix = m->tf;
	m->plans = arena_zalloc(&d->arena, root->len * sizeof(*m->plans) + 1);
	m->sels = arena_zalloc(&d->arena, root->len * sizeof(*m->sels) + 1);
	for (i = 0; i < root->len; i++) {
		/* what the other files of the module may need at the run */
		if ((map_key(root, i)->flags & NF_BLOCK) &&
		    node_streq(map_key(root, i), "provider"))
			d->keep = 1;
		if (!resource_at(root, i, &r))
			continue;
		if (strcmp(r.type, "aws_backup_vault") == 0)
			d->keep = 1;
		if (strcmp(r.type, "aws_backup_plan") == 0) {
			struct plan_m *pm = &m->plans[m->nplans++];
			struct where w;
			where_of(ix, r.body, &w);
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

/* The run's Terraform documents sorted by module, then by their order in
 * the run: a module's files are found by binary search (a scan of the run
 * for each plan made a run of N modules cost N²). */
struct tf_mods {
	struct tf_mod { struct doc *doc; size_t order; } *v;
	size_t n;
};

static int cmp_mod(const void *a, const void *b)
{
	const struct tf_mod *x = a, *y = b;
	int c = tf_module_cmp(x->doc, y->doc);
	return c ? c : x->order < y->order ? -1 : x->order > y->order;
}

static void mods_init(struct run *r, struct tf_mods *ms)
{
	size_t i, j, n = 0;
	for (i = 0; i < r->nfiles; i++)
		n += r->files[i]->ndocs;
	ms->v = xmalloc((n + 1) * sizeof(*ms->v));
	ms->n = 0;
	for (i = 0; i < r->nfiles; i++)
		for (j = 0; j < r->files[i]->ndocs; j++) {
			struct doc *o = r->files[i]->docs[j];
			if (o->kind == DOC_TF && node_is(o->root, N_MAP)) {
				ms->v[ms->n].doc = o;
				ms->v[ms->n].order = ms->n;
				ms->n++;
			}
		}
	qsort(ms->v, ms->n, sizeof(*ms->v), cmp_mod);
}

/* Call fn for every other kept Terraform document of d's module, in the
 * run's order, until it returns 1. */
static int each_module_doc(const struct tf_mods *ms, const struct doc *d,
			   int (*fn)(struct doc *o, void *ud), void *ud)
{
	size_t lo = 0, hi = ms->n;
	while (lo < hi) { /* the first document of d's module */
		size_t mid = (lo + hi) / 2;
		if (tf_module_cmp(ms->v[mid].doc, d) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < ms->n && tf_module_cmp(ms->v[lo].doc, d) == 0; lo++)
		if (ms->v[lo].doc != d && fn(ms->v[lo].doc, ud))
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
	q->region = provider_region(index_of(o), q->provider, &found);
	return found;
}

struct vault_q {
	const char *name;
	struct doc *doc;
	const struct node *body;
};

static int find_vault(struct doc *o, void *ud)
{
	struct vault_q *q = ud;
	q->body = find_vault_body(index_of(o), q->name);
	q->doc = o;
	return q->body != NULL;
}

/* A plan whose Region and copy destinations the other files of its module
 * say: the Region of its provider block, vaults declared there. Places
 * found in another file are pointed at in the plan's own file. */
static void link_plan(const struct tf_mods *ms, struct plan_m *p)
{
	struct doc *d = p->doc;
	const struct node *body = p->plan;
	struct where w;
	size_t j;

	where_of(index_of(d), body, &w);
	if (!p->src.region && !w.region && w.provider &&
	    !map_get(body, "region")) {
		struct region_q q = { w.provider, NULL };
		int found = 0;
		provider_region(index_of(d), w.provider, &found);
		if (!found && each_module_doc(ms, d, find_region, &q) && q.region) {
			p->src.region = node_str(q.region);
			p->src.partition = facts_partition_of(p->src.region);
			/* its module's: the document's, for BKP207 */
			p->src.region_from_doc = 1;
		}
	}
	for (j = 0; j < p->ncopies; j++) {
		struct copy_m *c = &p->copies[j];
		const char *name = ref_to(c->dest.at, "aws_backup_vault", "arn");
		struct vault_q q = { name, NULL, NULL };
		struct where vw;
		if (!name || c->dest.state != VS_UNKNOWN ||
		    find_vault_body(index_of(d), name) ||
		    !each_module_doc(ms, d, find_vault, &q))
			continue;
		where_of(index_of(q.doc), q.body, &vw);
		memset(&c->dst, 0, sizeof(c->dst));
		c->is_arn = 1;
		c->region_part.node = c->partition_part.node = c->account_part.node =
			c->dest.at;
		c->region_part.off = c->region_part.len = 0;
		if (vw.region)
			c->dst.region = node_str(vw.region);
		else if (vw.provider && w.provider && !w.region &&
			 strcmp(vw.provider, w.provider) == 0)
			c->dst.same_region = 1;
		if (vw.provider && w.provider && strcmp(vw.provider, w.provider) == 0)
			c->dst.same_account = c->dst.same_partition = 1;
		c->vault_ref = arena_printf(&d->arena, "aws_backup_vault.%s", name);
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
	struct tf_mods ms = { NULL, 0 };
	size_t i;
	for (i = 0; i < n; i++)
		if (plans[i]->doc->kind == DOC_TF) {
			if (!ms.v)
				mods_init(r, &ms);
			link_plan(&ms, plans[i]);
		}
	free(ms.v);
}
