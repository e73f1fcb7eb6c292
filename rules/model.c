/* model.c - plans, copies, selections and copy jobs as the policy rules see
 * them: places resolved from ARNs, CloudFormation Fn::Sub/Fn::Join/GetAtt
 * and the options; selections linked to plans across the run. */
#include "../linter/strbuf.h"
#include "model.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../linter/arn.h"
#include "../linter/lint.h"
#include "cfn.h"
#include "kinds.h"
#include "registry.h"

/* ---- pointing into strings ---- */

struct diag *report_part(struct doc *d, enum rule_id r, const struct part *p,
			 const char *fmt, ...)
{
	char buf[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (!p->len)
		return report(d, r, p->node, "%s", buf);
	return report_sub(d, r, p->node, p->off, p->len, "%s", buf);
}

int model_demotion(int known, enum fact v)
{
	return !known + (v == FACT_LIMITED);
}

/* ---- ARN templates ---- */

/* An ARN-like text where ${...} stands for a value CloudFormation fills in.
 * `node` is the string node the text came from when offsets into it are
 * offsets into the text (a literal or a Fn::Sub template), else NULL. */
struct tmpl {
	const char *text;
	const struct node *node;
	const struct node *vars; /* Fn::Sub variable map, or NULL */
	int sub;		 /* ${...} are variables (Fn::Sub, Fn::Join) */
};

/* 1 when s[0..n) holds a ${NAME} variable (not the ${!literal} escape). */
static int has_var(const char *s, size_t n)
{
	size_t i;
	for (i = 0; i + 2 < n + 1 && i + 1 < n; i++)
		if (s[i] == '$' && s[i + 1] == '{' &&
		    (i + 2 >= n || s[i + 2] != '!'))
			return 1;
	return 0;
}


/* Text of a value for ARN analysis: literal strings, parameter defaults,
 * Fn::Sub templates, Fn::Join of literals and Refs. Returns 0 or -1. */
static int value_tmpl(struct doc *d, const struct node *v, struct tmpl *t)
{
	enum cfn_known how;
	const struct node *lit = cfn_value(d, v, &how), *a, *parts;
	struct strbuf g = {.a = &d->arena};
	uint32_t i;

	memset(t, 0, sizeof(*t));
	if (how != CFN_UNKNOWN) {
		if (!node_is(lit, N_STR))
			return -1;
		t->text = lit->u.str;
		t->node = how == CFN_LITERAL ? lit : NULL;
		return 0;
	}
	switch (node_intrinsic(v)) {
	case FN_SUB:
		a = map_val(v, 0);
		if (node_is(a, N_STR)) {
			t->text = a->u.str;
			t->node = a;
			t->sub = 1;
			return 0;
		}
		if (node_is(a, N_SEQ) && a->len >= 1 &&
		    node_is(seq_at(a, 0), N_STR)) {
			t->text = seq_at(a, 0)->u.str;
			t->node = seq_at(a, 0);
			t->vars = a->len > 1 ? seq_at(a, 1) : NULL;
			t->sub = 1;
			return 0;
		}
		return -1;
	case FN_JOIN:
		a = map_val(v, 0);
		if (!node_is(a, N_SEQ) || a->len != 2 ||
		    !node_streq(seq_at(a, 0), ""))
			return -1;
		parts = seq_at(a, 1);
		if (!node_is(parts, N_SEQ))
			return -1;
		strbuf_add(&g, "", 0);
		for (i = 0; i < parts->len; i++) {
			const struct node *p = seq_at(parts, i);
			const char *ref = NULL;
			if (node_is(p, N_STR)) {
				strbuf_add(&g, p->u.str, p->len);
				continue;
			}
			if (node_intrinsic(p) == FN_REF)
				ref = node_str(map_val(p, 0));
			strbuf_add(&g, "${", 2);
			if (ref)
				strbuf_add(&g, ref, strlen(ref));
			else
				strbuf_add(&g, "?", 1);
			strbuf_add(&g, "}", 1);
		}
		t->text = g.s;
		t->sub = 1;
		return 0;
	default:
		return -1;
	}
}

/* Split text into the six ARN fields, not splitting inside ${...}. */
static size_t split_fields(const char *s, const char *f[6], size_t flen[6])
{
	size_t n = 0, depth = 0;
	const char *start = s, *p;

	for (p = s;; p++) {
		if (p[0] == '$' && p[1] == '{' && p[2] != '!') {
			depth++;
			p++;
			continue;
		}
		if (*p == '}' && depth) {
			depth--;
			continue;
		}
		if (*p == '\0' || (*p == ':' && !depth && n < 5)) {
			f[n] = start;
			flen[n] = (size_t)(p - start);
			n++;
			if (*p == '\0')
				break;
			start = p + 1;
		}
	}
	return n;
}

/* A field that is exactly ${NAME}: NAME into buf; else 0. */
static int whole_var(const char *f, size_t n, char *buf, size_t bufn)
{
	if (n < 4 || f[0] != '$' || f[1] != '{' || f[n - 1] != '}' ||
	    memchr(f + 2, '}', n - 3) || n - 3 >= bufn)
		return 0;
	memcpy(buf, f + 2, n - 3);
	buf[n - 3] = '\0';
	return 1;
}

enum fieldv { FV_UNKNOWN, FV_LITERAL, FV_SAME };

static enum fieldv field_value(struct doc *d, const struct tmpl *t,
			       const char *f, size_t n, const char *pseudo,
			       const char **out)
{
	char var[128];
	const struct node *v;
	*out = NULL;
	if (!t->sub || !has_var(f, n)) {
		*out = arena_strndup(&d->arena, f, n);
		return FV_LITERAL;
	}
	if (!whole_var(f, n, var, sizeof(var)))
		return FV_UNKNOWN;
	v = map_get(t->vars, var);
	if (node_is(v, N_STR)) {
		*out = v->u.str;
		return FV_LITERAL;
	}
	if (!v && strcmp(var, pseudo) == 0)
		return FV_SAME;
	return FV_UNKNOWN;
}

/* The vault name and logical id of an AWS::Backup vault resource. */
static const char *vault_resource(struct doc *d, const char *id,
				  const char **name)
{
	struct node *res = cfn_resource(d, id);
	const char *type = cfn_resource_type(res);
	*name = NULL;
	if (!type ||
	    (strcmp(type, "AWS::Backup::BackupVault") != 0 &&
	     strcmp(type, "AWS::Backup::LogicallyAirGappedBackupVault") != 0))
		return NULL;
	*name = node_str(
		map_get(map_get(res, "Properties"), "BackupVaultName"));
	return id;
}

int model_place(struct doc *d, const struct node *v, struct place *pl,
		struct part parts[3], const char **vault,
		const char **vault_ref)
{
	struct tmpl t;
	const char *f[6];
	size_t flen[6], n, i;
	enum fieldv fv;
	static const size_t idx[3] = {3, 1, 4}; /* region, partition, account */
	const char *val;

	memset(pl, 0, sizeof(*pl));
	*vault = *vault_ref = NULL;
	for (i = 0; i < 3; i++) {
		parts[i].node = v;
		parts[i].off = parts[i].len = 0;
	}
	if (node_intrinsic(v) == FN_GETATT) {
		/* a vault of this very stack: the stack's Region and account */
		const struct node *a = map_val(v, 0);
		const char *id = cfn_ref_target(v);
		if (id && node_is(a, N_SEQ) && a->len == 2 &&
		    node_streq(seq_at(a, 1), "BackupVaultArn") &&
		    vault_resource(d, id, vault)) {
			*vault_ref = id;
			pl->same_region = pl->same_account =
				pl->same_partition = 1;
			return 0;
		}
		return -1;
	}
	if (value_tmpl(d, v, &t) < 0)
		return -1;
	n = split_fields(t.text, f, flen);
	if (n != 6 || flen[0] != 3 || memcmp(f[0], "arn", 3) != 0)
		return -1;
	for (i = 0; i < 3; i++) {
		static const char *const pseudo[3] = {
			"AWS::Region", "AWS::Partition", "AWS::AccountId"};
		size_t k = idx[i];
		fv = field_value(d, &t, f[k], flen[k], pseudo[i], &val);
		if (t.node && fv == FV_LITERAL && flen[k]) {
			parts[i].node = t.node;
			parts[i].off = (uint32_t)(f[k] - t.text);
			parts[i].len = (uint32_t)flen[k];
		}
		if (fv == FV_LITERAL && !*val)
			fv = FV_UNKNOWN; /* "arn:aws:s3:::x" has no Region */
		switch (i) {
		case 0:
			pl->region = fv == FV_LITERAL ? val : NULL;
			pl->same_region = fv == FV_SAME;
			break;
		case 1:
			pl->partition = fv == FV_LITERAL ? val : NULL;
			pl->same_partition = fv == FV_SAME;
			break;
		default:
			pl->account = fv == FV_LITERAL ? val : NULL;
			pl->same_account = fv == FV_SAME;
			break;
		}
	}
	/* resource: backup-vault:NAME */
	if (flen[5] > 13 && memcmp(f[5], "backup-vault:", 13) == 0) {
		char var[128];
		const char *name = f[5] + 13;
		size_t nl = flen[5] - 13;
		if (!t.sub || !has_var(name, nl))
			*vault = arena_strndup(&d->arena, name, nl);
		else if (whole_var(name, nl, var, sizeof(var)) &&
			 !map_get(t.vars, var)) {
			const char *id = arena_strdup(&d->arena, var);
			if (vault_resource(d, id, vault))
				*vault_ref = id;
		}
	}
	return 0;
}

void model_compare(const struct place *src, const struct place *dst, int *xr,
		   int *xa, int *xp, const char **eff_region,
		   const char **eff_partition)
{
	const char *sp = src->partition, *dp;

	*eff_region = dst->same_region ? src->region : dst->region;
	if (dst->same_region)
		*xr = 0;
	else if (dst->region && src->region)
		*xr = strcmp(dst->region, src->region) != 0;
	else
		*xr = -1;
	if (dst->same_account)
		*xa = 0;
	else if (dst->account && src->account)
		*xa = strcmp(dst->account, src->account) != 0;
	else
		*xa = -1;
	/* a known Region decides the partition, whatever the ARN says
	 * (BKP204 reports an ARN whose partition field disagrees) */
	dp = *eff_region ? facts_partition_of(*eff_region) : NULL;
	if (!dp)
		dp = dst->same_partition ? sp : dst->partition;
	*eff_partition = dp;
	if (dp && sp)
		*xp = strcmp(dp, sp) != 0;
	else if (dst->same_partition && !dst->region)
		*xp = 0;
	else
		*xp = -1;
}

/* ---- building the model of one document ---- */

/* The model of d, allocated the first time anyone asks for it (the walk
 * lists live in it too). */
static struct doc_model *model_slot(struct doc *d)
{
	if (!d->model)
		d->model = arena_zalloc(&d->arena, sizeof(struct doc_model));
	return d->model;
}

struct walk_cache *walk_cache_of(struct doc *d)
{
	return &model_slot(d)->walk;
}

/* Source place of a plan or job: the document's own ARN, else options. */
static void source_place(struct doc *d, const struct node *arn,
			 struct place *pl, struct part *region_part,
			 int recovery_point)
{
	struct part parts[3];
	const char *vault, *vref;

	memset(pl, 0, sizeof(*pl));
	region_part->node = arn;
	region_part->off = region_part->len = 0;
	if (arn && model_place(d, arn, pl, parts, &vault, &vref) == 0) {
		pl->same_region = pl->same_account = pl->same_partition = 0;
		if (pl->region) {
			pl->region_from_doc = 1;
			*region_part = parts[0];
		}
	}
	(void)recovery_point;
	if (!pl->region && doc_session(d)->opt.region)
		pl->region = doc_session(d)->opt.region;
	if (!pl->account && doc_session(d)->opt.account)
		pl->account = doc_session(d)->opt.account;
	if (!pl->partition && pl->region)
		pl->partition = facts_partition_of(pl->region);
}

static void target_vault(struct doc *d, const struct node *v,
			 struct rule_model *rm)
{
	enum cfn_known how;
	const struct node *lit = cfn_value(d, v, &how);
	const char *id;
	if (how != CFN_UNKNOWN) {
		rm->vault = node_str(lit);
		return;
	}
	id = cfn_ref_target(v);
	if (id) {
		const char *name;
		if (node_intrinsic(v) == FN_GETATT) {
			const struct node *a = map_val(v, 0);
			if (!node_is(a, N_SEQ) || a->len != 2 ||
			    !node_streq(seq_at(a, 1), "BackupVaultName"))
				return;
		}
		if (vault_resource(d, id, &name)) {
			rm->vault_ref = id;
			rm->vault = name;
		}
	}
}

static void build_plan(struct doc *d, struct plan_ref *ref,
		       struct plan_model *pm)
{
	const struct node *rl = ref->rules;
	uint32_t i, j, nc = 0;
	const char *name = node_str(map_get(ref->plan, "BackupPlanName"));

	pm->doc = d;
	pm->ref = ref;
	pm->name = name ? name : ref->logical_id ? ref->logical_id : "plan";
	source_place(d, ref->plan_arn, &pm->src, &pm->src_region_part, 0);
	if (!node_is(rl, N_SEQ))
		return;
	for (i = 0; i < rl->len; i++) {
		const struct node *ca = map_get(seq_at(rl, i), "CopyActions");
		if (node_is(ca, N_SEQ))
			nc += ca->len;
	}
	pm->rules = arena_zalloc(&d->arena, (rl->len + 1) * sizeof(*pm->rules));
	pm->copies = arena_zalloc(&d->arena, (nc + 1) * sizeof(*pm->copies));
	for (i = 0; i < rl->len; i++) {
		const struct node *r = seq_at(rl, i), *ca;
		struct rule_model *rm = &pm->rules[pm->nrules];
		const char *rn;
		if (!node_is(r, N_MAP))
			continue;
		rm->rule = r;
		rn = node_str(map_get(r, "RuleName"));
		rm->name = rn ? rn : arena_printf(&d->arena, "rule %u", i + 1);
		target_vault(d, map_get(r, key_target_vault(ref->cfn)), rm);
		rm->first_copy = pm->ncopies;
		ca = map_get(r, "CopyActions");
		for (j = 0; node_is(ca, N_SEQ) && j < ca->len; j++) {
			const struct node *a = seq_at(ca, j);
			struct copy_model *cm = &pm->copies[pm->ncopies];
			struct part parts[3];
			const struct node *arn =
				map_get(a, "DestinationBackupVaultArn");
			if (!arn)
				continue;
			if (model_place(d, arn, &cm->dst, parts, &cm->vault,
					&cm->vault_ref) < 0)
				continue;
			cm->action = a;
			cm->arn = arn;
			cm->key = map_get_key(a, "DestinationBackupVaultArn");
			cm->rule = (int)pm->nrules;
			cm->region_part = parts[0];
			cm->partition_part = parts[1];
			cm->account_part = parts[2];
			model_compare(&pm->src, &cm->dst, &cm->cross_region,
				      &cm->cross_account, &cm->cross_partition,
				      &cm->dst_region, &cm->dst_partition);
			pm->ncopies++;
			rm->ncopies++;
		}
		pm->nrules++;
	}
}

/* Types one Resources entry names. */
static void classify_resource(struct doc *d, struct res_model *rm)
{
	const struct node *v = rm->node;
	struct tmpl t;
	const char *id, *cls;

	memset(&rm->t, 0, sizeof(rm->t));
	if ((id = cfn_ref_target(v)) && node_intrinsic(v) == FN_GETATT) {
		const char *ct = cfn_resource_type(cfn_resource(d, id));
		int ty = facts_cfn_type(ct);
		rm->text =
			arena_printf(&d->arena, "%s (%s)", id, ct ? ct : "?");
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
	if (t.sub && has_var(t.text, strlen(t.text))) {
		/* CloudFormation fills these in: classify them as wildcards */
		struct strbuf g = {.a = &d->arena};
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
		memset(&rm->t, 0,
		       sizeof(rm->t)); /* not an ARN: the schema says so */
}

static int nonempty(const struct node *n)
{
	return (node_is(n, N_SEQ) || node_is(n, N_MAP)) && n->len > 0;
}

static void build_selection(struct doc *d, struct selection_ref *ref,
			    struct sel_model *sm)
{
	const struct node *s = ref->sel, *res, *cond;
	const char *name = node_str(map_get(s, "SelectionName"));
	uint32_t i;
	int tags;

	sm->doc = d;
	sm->ref = ref;
	sm->name = name		     ? name
		   : ref->logical_id ? ref->logical_id
				     : "selection";
	if (ref->cfn && cfn_ref_target(ref->plan_id))
		sm->plan_logical = cfn_ref_target(ref->plan_id);
	else
		sm->plan_key = node_str(ref->plan_id);
	res = map_get(s, "Resources");
	cond = map_get(s, "Conditions");
	tags = nonempty(map_get(s, "ListOfTags"));
	for (i = 0; node_is(cond, N_MAP) && i < cond->len; i++)
		if (nonempty(map_val(cond, i)))
			tags = 1;
	if (tags)
		sm->any =
			1; /* tag-based: any resource type may carry the tag */
	if (!nonempty(res)) {
		/* neither Resources nor tags: AWS selects every supported resource */
		if (!tags && !node_is(res, N_MAP))
			sm->any = 1;
		if (!node_is(res, N_SEQ)) {
			if (res && node_intrinsic(res) != FN_NONE)
				sm->any = 1;
			return;
		}
	}
	if (!node_is(res, N_SEQ))
		return;
	sm->res = arena_zalloc(&d->arena, (res->len + 1) * sizeof(*sm->res));
	for (i = 0; i < res->len; i++) {
		struct res_model *rm = &sm->res[sm->nres++];
		struct part parts[3];
		const char *vault, *vref;
		rm->node = seq_at(res, i);
		classify_resource(d, rm);
		if (model_place(d, rm->node, &rm->pl, parts, &vault, &vref) ==
		    0)
			rm->region_part = parts[0];
		sm->known |= rm->t.known;
		sm->maybe |= rm->t.maybe;
		sm->any |= rm->t.any;
	}
}

static void build_copyjob(struct doc *d, struct doc_model *m)
{
	struct copyjob_model *j = arena_zalloc(&d->arena, sizeof(*j));
	struct part parts[3];
	struct arn_types t;
	const char *vref;

	j->rp = map_get(d->root, "RecoveryPointArn");
	j->arn = map_get(d->root, "DestinationBackupVaultArn");
	j->src_vault = node_str(map_get(d->root, "SourceBackupVaultName"));
	source_place(d, j->rp, &j->src, &j->src_region_part, 1);
	if (node_is(j->rp, N_STR) &&
	    facts_recovery_point_types(j->rp->u.str, j->rp->len, &t) == 0)
		j->known = t.known;
	if (!j->arn ||
	    model_place(d, j->arn, &j->dst, parts, &j->vault, &vref) < 0) {
		j->arn = NULL;
	} else {
		const char *er, *ep;
		j->region_part = parts[0];
		j->partition_part = parts[1];
		j->account_part = parts[2];
		model_compare(&j->src, &j->dst, &j->cross_region,
			      &j->cross_account, &j->cross_partition, &er, &ep);
	}
	m->job = j;
}

struct doc_model *model_of(struct doc *d)
{
	struct doc_model *m = model_slot(d);
	struct plan_ref *pr;
	struct selection_ref *sr;
	size_t i;

	if (m->built)
		return m;
	m->built = 1;
	m->doc = d;
	m->facts = facts_of(d);
	if (!d->root)
		return m;
	m->nplans = doc_plans(d, &pr);
	m->plans = arena_zalloc(&d->arena, (m->nplans + 1) * sizeof(*m->plans));
	for (i = 0; i < m->nplans; i++)
		build_plan(d, &pr[i], &m->plans[i]);
	m->nsels = doc_selections(d, &sr);
	m->sels = arena_zalloc(&d->arena, (m->nsels + 1) * sizeof(*m->sels));
	for (i = 0; i < m->nsels; i++)
		build_selection(d, &sr[i], &m->sels[i]);
	if (d->kind == DOC_COPY_JOB)
		build_copyjob(d, m);
	if (m->nplans || m->nsels || m->job)
		d->keep = 1;
	return m;
}

/* ---- linking across the run ---- */

struct run_index {
	struct plan_model **plans;
	size_t nplans;
	struct sel_model **sels;
	size_t nsels;
	/* plans sorted for lookup: by (document, logical id) and by plan id */
	struct plan_model **by_logical, **by_id;
	size_t nlogical, nid;
};

static int cmp_logical(const void *a, const void *b)
{
	const struct plan_model *x = *(struct plan_model *const *)a;
	const struct plan_model *y = *(struct plan_model *const *)b;
	if (x->doc != y->doc)
		return (uintptr_t)x->doc < (uintptr_t)y->doc ? -1 : 1;
	return strcmp(x->ref->logical_id, y->ref->logical_id);
}

static int cmp_id(const void *a, const void *b)
{
	const struct plan_model *x = *(struct plan_model *const *)a;
	const struct plan_model *y = *(struct plan_model *const *)b;
	return strcmp(node_str(x->ref->plan_id), node_str(y->ref->plan_id));
}

static void index_plans(struct run_index *x)
{
	size_t i;
	x->by_logical = xcalloc(x->nplans + 1, sizeof(*x->by_logical));
	x->by_id = xcalloc(x->nplans + 1, sizeof(*x->by_id));
	for (i = 0; i < x->nplans; i++) {
		if (x->plans[i]->ref->logical_id)
			x->by_logical[x->nlogical++] = x->plans[i];
		if (node_str(x->plans[i]->ref->plan_id))
			x->by_id[x->nid++] = x->plans[i];
	}
	qsort(x->by_logical, x->nlogical, sizeof(*x->by_logical), cmp_logical);
	qsort(x->by_id, x->nid, sizeof(*x->by_id), cmp_id);
}

static struct plan_model *find_plan(struct run_index *x, struct sel_model *s)
{
	struct plan_model **hit = NULL, *only;

	if (s->plan_logical) {
		struct plan_ref ref = {.logical_id = s->plan_logical};
		struct plan_model key = {.doc = s->doc, .ref = &ref},
				  *kp = &key;
		hit = bsearch(&kp, x->by_logical, x->nlogical, sizeof(kp),
			      cmp_logical);
	} else if (s->plan_key) {
		struct node id = {.kind = N_STR, .u.str = s->plan_key};
		struct plan_ref ref = {.plan_id = &id};
		struct plan_model key = {.ref = &ref}, *kp = &key;
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
	if (s->plan_key && node_str(only->ref->plan_id))
		return NULL;
	return only;
}

/* A plan whose account the document and --account leave unknown is in
 * the account of its selections' IAM role (AWS Backup assumes a role of
 * the plan's own account): take it from a literal IamRoleArn, and compare
 * the copies again. */
static void account_from_role(struct plan_model *p)
{
	size_t i;
	struct arn a;
	struct arn_error err;

	if (p->src.account)
		return;
	for (i = 0; i < p->nsels && !p->src.account; i++) {
		const struct node *role =
			map_get(p->sels[i]->ref->sel, "IamRoleArn");
		if (!node_is(role, N_STR) ||
		    arn_parse(role->u.str, role->len, &a, &err) < 0 ||
		    !arn_part_eq(&a, a.service, "iam") || a.account.len != 12)
			continue;
		p->src.account = arena_strndup(&p->doc->arena,
					       role->u.str + a.account.off,
					       a.account.len);
	}
	for (i = 0; p->src.account && i < p->ncopies; i++) {
		struct copy_model *c = &p->copies[i];
		model_compare(&p->src, &c->dst, &c->cross_region,
			      &c->cross_account, &c->cross_partition,
			      &c->dst_region, &c->dst_partition);
	}
}

/* Note in each document model of file f the file's only plan, if it has
 * exactly one. */
static void file_plans(struct file *f)
{
	struct plan_model *only = NULL;
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

void model_link(struct run *r)
{
	struct run_index x = {0};
	size_t i, j, k, cap_p = 0, cap_s = 0;
	struct aws_run *ar = r->state;

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
				if (x.nplans == cap_p) {
					cap_p = cap_p ? 2 * cap_p : 16;
					x.plans = xrealloc(
						x.plans,
						cap_p * sizeof(*x.plans));
				}
				x.plans[x.nplans++] = &m->plans[k];
			}
			for (k = 0; k < m->nsels; k++) {
				if (x.nsels == cap_s) {
					cap_s = cap_s ? 2 * cap_s : 16;
					x.sels = xrealloc(
						x.sels,
						cap_s * sizeof(*x.sels));
				}
				x.sels[x.nsels++] = &m->sels[k];
			}
		}
	index_plans(&x);
	for (i = 0; i < x.nsels; i++) {
		struct sel_model *s = x.sels[i];
		struct plan_model *p = find_plan(&x, s);
		if (!p)
			continue;
		s->plan = p;
		p->nsels++;
		p->known |= s->known;
		p->maybe |= s->maybe;
		p->any |= s->any;
	}
	for (i = 0; i < x.nplans; i++) {
		struct plan_model *p = x.plans[i];
		if (p->nsels)
			p->sels = arena_zalloc(&p->doc->arena,
					       p->nsels * sizeof(*p->sels));
		p->nsels = 0;
		p->maybe &= ~p->known;
	}
	for (i = 0; i < x.nsels; i++) {
		struct sel_model *s = x.sels[i];
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

const char *model_cite(struct doc *d, const struct facts *f, enum fact v,
		       const char *note)
{
	if (v == FACT_LIMITED && note)
		return arena_printf(&d->arena, "%s: %s", facts_cite(f), note);
	return facts_cite(f);
}

void model_each_plan(struct run *r,
		     void (*fn)(struct doc *d, const struct facts *f,
				struct plan_model *p))
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
