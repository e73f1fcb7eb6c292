/* link.c - selections linked to plans across the documents of a run, and
 * what each plan then protects. The link belongs to the run: model_link()
 * resets the link fields of every model it meets and keeps its arrays in
 * the run's state, so that a new run over the same documents (a language
 * server re-linting one file) links afresh. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arn.h"
#include "kinds.h"
#include "model.h"

struct run_index {
	struct plan_m **plans;
	size_t nplans;
	struct plan_m *api;          /* an API plan of the run, and how many */
	size_t napi;
	struct sel_m **sels;
	size_t nsels;
	/* plans sorted for lookup: by (document, logical id) and by plan id */
	struct plan_m **by_logical, **by_id;
	size_t nlogical, nid;
};

static const char *plan_key(const struct plan_m *p)
{
	return value_is(&p->plan_id, VT_STR) ? p->plan_id.u.s : NULL;
}

static int cmp_logical(const void *a, const void *b)
{
	const struct plan_m *x = *(struct plan_m *const *)a;
	const struct plan_m *y = *(struct plan_m *const *)b;
	int c = x->doc == y->doc ? 0 : tf_module_cmp(x->doc, y->doc);
	return c ? c : strcmp(x->logical_id, y->logical_id);
}

static int cmp_id(const void *a, const void *b)
{
	const struct plan_m *x = *(struct plan_m *const *)a;
	const struct plan_m *y = *(struct plan_m *const *)b;
	return strcmp(plan_key(x), plan_key(y));
}

static void index_plans(struct run_index *x)
{
	size_t i;
	x->by_logical = xcalloc(x->nplans + 1, sizeof(*x->by_logical));
	x->by_id = xcalloc(x->nplans + 1, sizeof(*x->by_id));
	for (i = 0; i < x->nplans; i++) {
		if (x->plans[i]->logical_id)
			x->by_logical[x->nlogical++] = x->plans[i];
		else {
			x->api = x->plans[i];
			x->napi++;
		}
		if (plan_key(x->plans[i]))
			x->by_id[x->nid++] = x->plans[i];
	}
	qsort(x->by_logical, x->nlogical, sizeof(*x->by_logical), cmp_logical);
	qsort(x->by_id, x->nid, sizeof(*x->by_id), cmp_id);
}

/* The plan a selection protects. A selection that names a plan is linked
 * to that plan only: in a template, the plan its BackupPlanId Refs (never
 * another stack's, named by ImportValue, a literal or a Parameter); in API
 * documents, the plan whose BackupPlanId it names (never a plan whose id is
 * unknown, such as a CreateBackupPlan input). A selection that names none
 * (a file for create-backup-selection --backup-plan-id ID) protects the
 * only API plan of its file, else of the run. */
static struct plan_m *find_plan(struct run_index *x, struct sel_m *s)
{
	struct plan_m **hit = NULL, *only;

	if (s->foreign)
		return NULL;
	if (s->plan_logical) {
		struct plan_m key = { .doc = s->doc, .logical_id = s->plan_logical },
			      *kp = &key;
		hit = bsearch(&kp, x->by_logical, x->nlogical, sizeof(kp),
			      cmp_logical);
		return hit ? *hit : NULL;
	}
	if (s->plan_key) {
		struct plan_m key, *kp = &key;
		memset(&key, 0, sizeof(key));
		key.plan_id.state = VS_KNOWN;
		key.plan_id.type = VT_STR;
		key.plan_id.u.s = s->plan_key;
		hit = bsearch(&kp, x->by_id, x->nid, sizeof(kp), cmp_id);
		return hit ? *hit : NULL;
	}
	if (dialect_of(s->doc)->cfn)
		return NULL;
	only = ((struct doc_model *)s->doc->model)->file_plan;
	if (!only && x->napi == 1)
		only = x->api;
	return only && !only->logical_id ? only : NULL;
}

static void compare_copies(struct plan_m *p)
{
	size_t i;
	for (i = 0; i < p->ncopies; i++) {
		struct copy_m *c = &p->copies[i];
		if (c->is_arn)
			place_compare(&p->src, &c->dst, &c->cross_region,
				      &c->cross_account, &c->cross_partition,
				      &c->dst_region, &c->dst_partition);
	}
}

/* A plan whose account the document and --account leave unknown is in
 * the account of its selections' IAM role (AWS Backup assumes a role of
 * the plan's own account): take it from a literal IamRoleArn, and compare
 * the copies again. */
static void account_from_role(struct plan_m *p)
{
	size_t i;
	struct arn a;
	struct arn_error err;

	if (p->src.account)
		return;
	for (i = 0; i < p->nsels && !p->src.account; i++) {
		const struct value *role = &p->sels[i]->iam_role;
		if (role->state != VS_KNOWN || role->type != VT_STR ||
		    arn_parse(role->u.s, value_lit(role)->len, &a, &err) < 0 ||
		    !arn_part_eq(&a, a.service, "iam") || a.account.len != 12)
			continue;
		p->src.account = arena_strndup(&p->doc->arena,
					       role->u.s + a.account.off,
					       a.account.len);
	}
	if (p->src.account)
		compare_copies(p);
}

/* Note in each document model of file f the file's only plan, if it has
 * exactly one. */
static void file_plans(struct file *f)
{
	struct plan_m *only = NULL;
	size_t j, n = 0;

	for (j = 0; j < f->ndocs; j++) {
		struct doc_model *m = f->docs[j]->model;
		if (m && m->nplans) {
			n += m->nplans;
			only = &m->plans[0];
		}
	}
	for (j = 0; j < f->ndocs; j++) {
		struct doc_model *m = f->docs[j]->model;
		if (m)
			m->file_plan = n == 1 ? only : NULL;
	}
}

/* Start the run's link afresh: what an earlier run linked is forgotten. */
static void reset(struct plan_m *p)
{
	p->sels = NULL;
	p->nsels = 0;
	p->known = p->maybe = 0;
	p->any = 0;
	p->option_region = NULL;
	if (p->src.account != p->doc_src.account ||
	    p->src.region != p->doc_src.region) {
		p->src = p->doc_src;
		compare_copies(p);
	}
}

/* A plan's Region, when its document does not say (no BackupPlanArn):
 * the one Region every literal ARN its selections name agrees on, before
 * --region (a plan protects only resources of its own Region, so those
 * ARNs say where it runs). */
static void region_from_selections(struct plan_m *p)
{
	const char *r = NULL;
	size_t i, j;

	if (p->doc_src.region_from_doc || p->src.region_from_doc)
		return; /* the document's, or its Terraform module's */
	for (i = 0; i < p->nsels; i++)
		for (j = 0; j < p->sels[i]->nres; j++) {
			const struct res_m *rm = &p->sels[i]->res[j];
			const char *rg = rm->pl.region;
			if (!rg || rm->pl.region_param || !facts_region(rg))
				continue;
			if (r && strcmp(r, rg) != 0)
				return; /* they disagree: BKP207 */
			r = rg;
		}
	if (!r || (p->src.region && strcmp(p->src.region, r) == 0))
		return;
	if (p->src.region)
		p->option_region = p->src.region;
	p->src.region = r;
	p->src.partition = facts_partition_of(r);
	compare_copies(p);
}

static void grow(void *v, size_t n, size_t *cap, size_t size)
{
	void **p = v;
	if (n < *cap)
		return;
	*cap = *cap ? 2 * *cap : 16;
	*p = xrealloc(*p, *cap * size);
}

void model_link(struct run *r)
{
	struct aws_run *ar = r->state;
	struct run_index x = { 0 };
	size_t i, j, k, cap_p = 0, cap_s = 0, used = 0;

	if (ar->linked)
		return;
	ar->linked = 1;
	for (i = 0; i < r->nfiles; i++)
		file_plans(r->files[i]);
	for (i = 0; i < r->nfiles; i++)
		for (j = 0; j < r->files[i]->ndocs; j++) {
			struct doc_model *m = r->files[i]->docs[j]->model;
			if (!m)
				continue;
			for (k = 0; k < m->nplans; k++) {
				grow(&x.plans, x.nplans, &cap_p, sizeof(*x.plans));
				reset(&m->plans[k]);
				x.plans[x.nplans++] = &m->plans[k];
			}
			for (k = 0; k < m->nsels; k++) {
				grow(&x.sels, x.nsels, &cap_s, sizeof(*x.sels));
				m->sels[k].plan = NULL;
				x.sels[x.nsels++] = &m->sels[k];
			}
		}
	tf_link(r, x.plans, x.nplans);
	index_plans(&x);
	for (i = 0; i < x.nsels; i++) {
		struct sel_m *s = x.sels[i];
		struct plan_m *p = find_plan(&x, s);
		if (!p)
			continue;
		s->plan = p;
		p->nsels++;
		p->known |= s->known;
		p->maybe |= s->maybe;
		p->any |= s->any;
	}
	/* every plan's selections, in one array of the run */
	free(ar->sels);
	ar->sels = xcalloc(x.nsels + 1, sizeof(*ar->sels));
	for (i = 0; i < x.nplans; i++) {
		struct plan_m *p = x.plans[i];
		p->sels = ar->sels + used;
		used += p->nsels;
		p->nsels = 0;
		p->maybe &= ~p->known;
	}
	for (i = 0; i < x.nsels; i++) {
		struct sel_m *s = x.sels[i];
		if (s->plan)
			s->plan->sels[s->plan->nsels++] = s;
	}
	for (i = 0; i < x.nplans; i++) {
		region_from_selections(x.plans[i]);
		account_from_role(x.plans[i]);
	}
	free(x.plans);
	free(x.sels);
	free(x.by_logical);
	free(x.by_id);
}

void model_each_plan(struct run *r,
		     void (*fn)(struct doc *d, const struct facts *f,
				struct plan_m *p))
{
	size_t i, j, k;
	model_link(r);
	for (i = 0; i < r->nfiles; i++)
		for (j = 0; j < r->files[i]->ndocs; j++) {
			struct doc *d = r->files[i]->docs[j];
			struct doc_model *m = model_of(d);
			for (k = 0; k < m->nplans; k++)
				fn(d, m->facts, &m->plans[k]);
		}
}

const char *model_cite(struct doc *d, const struct facts *f, int t,
		       enum feature feat, enum fact v, const char *note)
{
	const char *cite = facts_cite_type(f, t, feat);
	if (v == FACT_LIMITED && note)
		return arena_printf(&d->arena, "%s: %s", cite, note);
	return cite;
}

const char *model_source(struct doc *d, const struct facts *f, int t,
			 enum feature feat, enum fact v, const char *note,
			 const char **cite)
{
	const char *by = facts_source_type(f, t, feat, cite);
	if (v == FACT_LIMITED && note)
		*cite = arena_printf(&d->arena, "%s: %s", *cite, note);
	return by;
}

int model_demotion(int known, enum fact v)
{
	return !known + (v == FACT_LIMITED);
}

/* The vault indexes of a vault_set: IX_ID the vaults with a logical id,
 * by (logical id, document, index); IX_FREE the named vaults without one
 * (API documents: any plan may use them), by (name, index); IX_NAMED the
 * named vaults with one, by (name, document, index). "Document" compares
 * as tf_module_cmp() does: a Terraform module's files are one. */
enum { IX_ID, IX_FREE, IX_NAMED };

static const char *vkey(const struct vault_m *v, int ix)
{
	return ix == IX_ID ? v->logical_id : v->name;
}

static int in_index(const struct vault_m *v, int ix)
{
	return ix == IX_ID ? v->logical_id != NULL
	       : ix == IX_FREE ? v->name && !v->logical_id
			       : v->name && v->logical_id;
}

/* Entry (v, i) against (key, doc, i2): <0, 0, >0. */
static int cmp_entry(const struct vault_m *v, size_t i, int ix, const char *key,
		     const struct doc *doc, size_t i2)
{
	int c = strcmp(vkey(v, ix), key);
	if (!c && ix != IX_FREE)
		c = tf_module_cmp(v->doc, doc);
	return c ? c : i < i2 ? -1 : i > i2;
}

struct vsort {
	const struct vault_set *vs;
	int ix;
};

static int cmp_vault_ix(const void *a, const void *b, void *ctx)
{
	const struct vsort *o = ctx;
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	const struct vault_m *vy = o->vs->v[y];
	return cmp_entry(o->vs->v[x], x, o->ix, vkey(vy, o->ix), vy->doc, y);
}

static size_t *index_by(struct vault_set *vs, int ix, size_t *n)
{
	struct vsort o = { vs, ix };
	size_t i, *out = xmalloc((vs->n + 1) * sizeof(*out));
	*n = 0;
	for (i = 0; i < vs->n; i++)
		if (in_index(vs->v[i], ix))
			out[(*n)++] = i;
	qsort_r(out, *n, sizeof(*out), cmp_vault_ix, &o);
	return out;
}

/* The first vault of index ix with key and (unless IX_FREE) doc's
 * document, at index `from` or after: its index + 1, or 0. */
static size_t index_find(const struct vault_set *vs, int ix, const char *key,
			 const struct doc *doc, size_t from)
{
	const size_t *e = vs->ix[ix];
	size_t lo = 0, hi = vs->nix[ix];
	const struct vault_m *v;
	while (lo < hi) { /* the first entry not below (key, doc, from) */
		size_t mid = (lo + hi) / 2;
		if (cmp_entry(vs->v[e[mid]], e[mid], ix, key, doc, from) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == vs->nix[ix])
		return 0;
	v = vs->v[e[lo]];
	if (strcmp(vkey(v, ix), key) != 0 ||
	    (ix != IX_FREE && tf_module_cmp(v->doc, doc) != 0))
		return 0;
	return e[lo] + 1;
}

/* The first entry of index ix whose key is key, or nix[ix]. */
static size_t key_first(const struct vault_set *vs, int ix, const char *key)
{
	size_t lo = 0, hi = vs->nix[ix];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (strcmp(vkey(vs->v[vs->ix[ix][mid]], ix), key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int vault_set_has_policy(const struct vault_set *vs, const struct vault_m *v)
{
	static const int by_name[] = { IX_FREE, IX_NAMED };
	size_t k, i;
	for (k = 0; v->name && k < 2; k++) {
		int ix = by_name[k];
		for (i = key_first(vs, ix, v->name);
		     i < vs->nix[ix] && strcmp(vs->v[vs->ix[ix][i]]->name, v->name) == 0;
		     i++)
			if (vs->v[vs->ix[ix][i]]->what == 'p')
				return 1;
	}
	for (i = v->logical_id ? key_first(vs, IX_ID, v->logical_id) : vs->nix[IX_ID];
	     i < vs->nix[IX_ID] &&
	     strcmp(vs->v[vs->ix[IX_ID][i]]->logical_id, v->logical_id) == 0;
	     i++) {
		const struct vault_m *pv = vs->v[vs->ix[IX_ID][i]];
		if (pv->what == 'p' && pv->doc == v->doc)
			return 1;
	}
	return 0;
}

void vaults_release(struct vault_set *vs)
{
	int i;
	free(vs->v);
	for (i = 0; i < 3; i++)
		free(vs->ix[i]);
	memset(vs, 0, sizeof(*vs));
}

void vaults_collect(struct run *r, struct vault_set *vs)
{
	size_t i, j, k, cap = 0;
	vs->v = NULL;
	vs->n = 0;
	for (i = 0; i < r->nfiles; i++)
		for (j = 0; j < r->files[i]->ndocs; j++) {
			struct doc_model *m = r->files[i]->docs[j]->model;
			if (!m || !m->built)
				continue;
			for (k = 0; k < m->nvaults; k++) {
				if (vs->n == cap) {
					cap = cap ? 2 * cap : 8;
					vs->v = xrealloc(vs->v, cap * sizeof(*vs->v));
				}
				vs->v[vs->n++] = &m->vaults[k];
			}
		}
	for (i = 0; i < 3; i++)
		vs->ix[i] = index_by(vs, (int)i, &vs->nix[i]);
}

size_t vault_find(const struct vault_set *vs, const struct plan_m *p,
		  const char *ref, const char *name, int elsewhere, size_t from)
{
	size_t a, b;
	if (ref)
		return index_find(vs, IX_ID, ref, p->doc, from);
	if (!name)
		return 0;
	a = index_find(vs, IX_FREE, name, p->doc, from);
	b = elsewhere ? 0 : index_find(vs, IX_NAMED, name, p->doc, from);
	return !a ? b : !b ? a : a < b ? a : b;
}

/* ---- releasing documents (checker.h) ---- */

/* An API plan document whose model holds plans and nothing that links:
 * its run-phase findings need no other document of an isolated run. */
int model_release_doc(struct doc *d)
{
	const struct doc_model *m = d->model;
	if (d->kind != DOC_PLAN_OUTPUT && d->kind != DOC_PLAN_UPDATE &&
	    d->kind != DOC_PLAN_CREATE && d->kind != DOC_PLAN_BARE)
		return 0;
	return m && m->built && m->nplans && !m->nsels && !m->nvaults &&
	       !m->job && !m->frameworks && !m->cfn && !m->tf && !m->tf_ix;
}

/* No kept document links to another: no selection, vault, copy job,
 * framework or Terraform module, and no policy section or
 * --apply-frameworks (the controls' verdicts are the run's). */
int model_run_isolated(struct run *r)
{
	size_t i, j;
	if (r->s->opt.apply_frameworks)
		return 0;
	for (i = 0; i < r->nfiles; i++) {
		const struct file *f = r->files[i];
		if (f->section && !f->context)
			return 0;
		for (j = 0; j < f->ndocs; j++) {
			const struct doc *d = f->docs[j];
			const struct doc_model *m = d->model;
			if (d->deferred || d->kind == DOC_TF || !m || !m->built ||
			    m->nsels || m->nvaults || m->job || m->frameworks ||
			    m->tf || m->tf_ix)
				return 0;
		}
	}
	return 1;
}

void model_run_forget(struct run *r)
{
	struct aws_run *ar = r->state;
	ar->linked = 0;
}
