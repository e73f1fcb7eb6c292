/* policy_framework.c - AWS Backup Audit Manager frameworks found in the
 * documents (BKP908): a CreateFramework or UpdateFramework request, a
 * template's AWS::Backup::Framework, a Terraform aws_backup_framework. Each
 * is checked as Audit Manager would take it (known control names with a
 * did-you-mean, parameter names, value rules and ranges, scope, the
 * FrameworkName pattern, the controls quota) and its controls are kept in
 * the document's model, so that a configuration with `frameworks: apply`
 * evaluates them on the plans of the run (policy.c). */
#include <stdio.h>
#include <string.h>

#include "../linter/lint.h"
#include "aws.h"
#include "cfn.h"
#include "policy_impl.h"
#include "registry.h"

/* The controls of one framework read at most (the quota, in
 * schemas/audit-manager.json, is lower; past it, one finding). */
#define CONTROLS_READ 200

/* The items of the members of map m named `key`: a list's items, or each
 * repeated Terraform block. */
static size_t members(const struct node *m, const char *key,
		      const struct node **out, size_t max)
{
	size_t n = 0;
	uint32_t i, j;
	for (i = 0; node_is(m, N_MAP) && i < m->len; i++) {
		const struct node *v = map_val(m, i);
		if (!node_streq(map_key(m, i), key))
			continue;
		if (node_is(v, N_SEQ)) {
			for (j = 0; j < v->len && n < max; j++)
				out[n++] = seq_at(v, j);
		} else if (n < max) {
			out[n++] = v;
		}
	}
	return n;
}

/* One control of a framework: ControlName, ControlInputParameters
 * ({ParameterName, ParameterValue}, or Terraform's input_parameter blocks
 * {name, value}), ControlScope (scope). */
static int read_control(struct pc *c, struct control *ct, const struct node *e,
			const char *framework)
{
	const char *kname = c->tf ? "name" : "ControlName";
	const char *kparams = c->tf ? "input_parameter" : "ControlInputParameters";
	const char *pname = c->tf ? "name" : "ParameterName";
	const char *pvalue = c->tf ? "value" : "ParameterValue";
	const struct node *nm = map_get(e, kname), *items[16];
	struct kv kv[16];
	size_t i, n, nkv = 0;

	if (!node_is(nm, N_STR))
		return -1; /* missing or an expression: the shapes' concern */
	if (control_named(c, ct, nm) < 0)
		return -1;
	ct->framework = framework;
	n = members(e, kparams, items, 16);
	for (i = 0; i < n; i++) {
		const struct node *k = map_get(items[i], pname);
		const struct node *v = map_get(items[i], pvalue);
		if (!node_is(k, N_STR) || !v || node_is(v, N_EXPR) ||
		    node_intrinsic(v) != FN_NONE) {
			ct->params_unknown = 1; /* known only at deploy time */
			continue;
		}
		kv[nkv].k = k;
		kv[nkv++].v = v;
	}
	control_parameters(c, ct, kv, nkv);
	n = members(e, c->tf ? "scope" : "ControlScope", items, 1);
	if (n && node_is(items[0], N_MAP))
		control_scope(c, ct, items[0], NULL);
	return 0;
}

/* A finding about an adjustable quota: a warning, for the quota may have
 * been raised. */
static void adjustable(struct diag *dg)
{
	if (dg)
		dg->demote = 1;
}

static const char *ordinal_suffix(long long n)
{
	if (n % 100 >= 11 && n % 100 <= 13)
		return "th";
	return n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
}

/* Framework `body` (its members) named by node `name` (or NULL); returns
 * the number of its controls. */
static size_t read_framework(struct doc *d, struct policy *pol,
			   const struct node *body, const struct node *name,
			   const char *label)
{
	struct pc c;
	const struct node *ctls[CONTROLS_READ];
	long long quota = controls_quota();
	const char *fname_s = node_str(name), *says;
	long long max;
	size_t i, n;

	memset(&c, 0, sizeof(c));
	c.f = d->file;
	c.d = d;
	c.a = &d->arena;
	c.tf = dialect_of(d)->tf;
	/* Terraform's name is checked with the resource's arguments (BKP105) */
	if (fname_s && !c.tf && !framework_name_ok(fname_s, &says, &max))
		report(d, BKP908, name, "FrameworkName '%.80s' is not %s (1 to %lld)",
		       fname_s, says, max);
	if (fname_s)
		label = fname_s; /* findings of its controls name it */
	n = members(body, c.tf ? "control" : "FrameworkControls", ctls,
		    sizeof(ctls) / sizeof(ctls[0]));
	if ((long long)n > quota && quota < CONTROLS_READ)
		adjustable(report(d, BKP908, ctls[quota], "framework %s has %s%zu "
				  "controls; Audit Manager takes at most %lld an "
				  "account and Region", label,
				  n == CONTROLS_READ ? "at least " : "", n, quota));
	for (i = 0; i < n && pol->n < 64; i++) {
		struct control *ct = &pol->v[pol->n];
		c.broken = 0;
		if (!node_is(ctls[i], N_MAP) || read_control(&c, ct, ctls[i], label) < 0)
			continue;
		/* a broken control is reported, never applied */
		if (!c.broken && ct->rule >= 0)
			pol->n++;
	}
	return n;
}

/* Frameworks deploy to one account and Region per document (a template,
 * a module, a request): past Audit Manager's quotas of frameworks and of
 * controls there, one finding each, at the framework that passes it. */
struct quotas {
	long long frameworks, controls;
	int said_frameworks, said_controls;
};

static void count_framework(struct doc *d, struct quotas *q, const struct node *at,
			    const char *label, size_t ncontrols)
{
	long long qf = frameworks_quota(), qc = controls_quota();
	q->frameworks++;
	if (q->frameworks > qf && !q->said_frameworks++)
		adjustable(report(d, BKP908, at, "framework %s is the %lld%s in this "
				  "document; Audit Manager takes at most %lld an "
				  "account and Region", label, q->frameworks,
				  ordinal_suffix(q->frameworks), qf));
	/* one framework over the quota is reported by itself */
	if ((long long)ncontrols <= qc && q->controls <= qc &&
	    q->controls + (long long)ncontrols > qc && !q->said_controls++)
		adjustable(report(d, BKP908, at, "with framework %s, this document's "
				  "frameworks have %lld controls; Audit Manager takes "
				  "at most %lld an account and Region, the same control "
				  "in two frameworks counting twice", label,
				  q->controls + (long long)ncontrols, qc));
	q->controls += (long long)ncontrols;
}

/* The policy the frameworks of d fill, made on the first one. */
static struct policy *policy_for(struct doc *d, struct policy **pol)
{
	if (!*pol) {
		*pol = arena_zalloc(&d->arena, sizeof(**pol));
		(*pol)->v = arena_zalloc(&d->arena, 64 * sizeof(*(*pol)->v));
	}
	return *pol;
}

void framework_check_doc(struct doc *d)
{
	struct doc_model *m;
	struct policy *pol = NULL;
	struct quotas q = { 0, 0, 0, 0 };
	const struct node *root = d->root, *res;
	const char *label;
	uint32_t i;

	if (!node_is(root, N_MAP))
		return;
	if (dialect_of(d)->tf) {
		/* resource "aws_backup_framework" "NAME" { ... } */
		for (i = 0; i < root->len; i++) {
			const struct node *r = map_val(root, i), *t, *b;
			if (!node_streq(map_key(root, i), "resource") ||
			    !node_is(r, N_MAP) || r->len != 1 ||
			    !node_streq(map_key(r, 0), "aws_backup_framework"))
				continue;
			t = map_val(r, 0);
			if (!node_is(t, N_MAP) || t->len != 1)
				continue;
			b = map_val(t, 0);
			label = arena_printf(&d->arena, "aws_backup_framework.%s",
					     node_str(map_key(t, 0)));
			count_framework(d, &q, map_key(t, 0), label,
					read_framework(d, policy_for(d, &pol), b,
						       map_get(b, "name"), label));
		}
	} else if ((res = map_get(root, "Resources")) && node_is(res, N_MAP)) {
		for (i = 0; i < res->len; i++) {
			const struct node *r = map_val(res, i), *p;
			const char *type = cfn_resource_type(r);
			if (!type || strcmp(type, "AWS::Backup::Framework") != 0)
				continue;
			p = map_get(r, "Properties");
			label = node_str(map_get(p, "FrameworkName"));
			if (!label)
				label = node_str(map_key(res, i));
			count_framework(d, &q, map_key(res, i), label,
					read_framework(d, policy_for(d, &pol), p,
						       map_get(p, "FrameworkName"),
						       node_str(map_key(res, i))));
		}
	} else if (map_get(root, "FrameworkControls")) {
		const struct node *nm = map_get(root, "FrameworkName");
		read_framework(d, policy_for(d, &pol), root, nm,
			       node_str(nm) ? node_str(nm) : "framework");
	}
	if (pol && pol->n) {
		m = model_of(d);
		m->frameworks = pol;
		d->keep = 1;
	}
}

const struct policy *frameworks_of(struct doc *d)
{
	return model_of(d)->frameworks;
}
