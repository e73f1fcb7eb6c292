/* link.c - selections linked to plans across the documents of a run, and
 * what each plan then protects. The link belongs to the run: model_link()
 * resets the link fields of every model it meets and keeps its arrays in
 * the run's state, so that a new run over the same documents (a language
 * server re-linting one file) links afresh. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arn.h"
#include "model.h"

struct run_index {
	struct plan_m **plans;
	size_t nplans;
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
		if (plan_key(x->plans[i]))
			x->by_id[x->nid++] = x->plans[i];
	}
	qsort(x->by_logical, x->nlogical, sizeof(*x->by_logical), cmp_logical);
	qsort(x->by_id, x->nid, sizeof(*x->by_id), cmp_id);
}

static struct plan_m *find_plan(struct run_index *x, struct sel_m *s)
{
	struct plan_m **hit = NULL, *only;

	if (s->plan_logical) {
		struct plan_m key = { .doc = s->doc, .logical_id = s->plan_logical },
			      *kp = &key;
		hit = bsearch(&kp, x->by_logical, x->nlogical, sizeof(kp),
			      cmp_logical);
	} else if (s->plan_key) {
		struct plan_m key, *kp = &key;
		memset(&key, 0, sizeof(key));
		key.plan_id.state = VS_KNOWN;
		key.plan_id.type = VT_STR;
		key.plan_id.u.s = s->plan_key;
		hit = bsearch(&kp, x->by_id, x->nid, sizeof(kp), cmp_id);
	}
	if (hit)
		return *hit;
	/* The only plan of the selection's file (a YAML stream of a plan and
	 * its selections), else of the run, when the selection names no other
	 * plan: it names none, or that plan's own id is not known (a
	 * CreateBackupPlan input, whose id AWS assigns). */
	only = ((struct doc_model *)s->doc->model)->file_plan;
	if (!only && x->nplans == 1)
		only = x->plans[0];
	if (!only || s->plan_logical)
		return NULL;
	if (s->plan_key && plan_key(only))
		return NULL;
	return only;
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
		    arn_parse(role->u.s, role->lit->len, &a, &err) < 0 ||
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
	if (p->src.account != p->doc_src.account ||
	    p->src.region != p->doc_src.region) {
		p->src = p->doc_src;
		compare_copies(p);
	}
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
	for (i = 0; i < x.nplans; i++)
		account_from_role(x.plans[i]);
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

const char *model_cite(struct doc *d, const struct facts *f, enum fact v,
		       const char *note)
{
	if (v == FACT_LIMITED && note)
		return arena_printf(&d->arena, "%s: %s", facts_cite(f), note);
	return facts_cite(f);
}

int model_demotion(int known, enum fact v)
{
	return !known + (v == FACT_LIMITED);
}
