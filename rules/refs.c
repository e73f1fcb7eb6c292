/* refs.c - what a template's references give (BKP804-BKP806, BKP808): a
 * Ref or Fn::GetAtt of the wrong kind for the member that holds it (the
 * vault's name where its ARN is needed), an attribute the resource type
 * does not have, a misspelt AWS::Backup resource type, two vaults of one
 * name. What Ref and each attribute return is data (schemas/cfn-types.json,
 * rules/aws.c), never a rule's literal. */
#include <stdio.h>
#include <string.h>

#include "../linter/lint.h"
#include "../linter/suggest.h"
#include "aws.h"
#include "cfn.h"
#include "families.h"
#include "kinds.h"
#include "model.h"
#include "registry.h"

/* "!Ref Vault" / "!GetAtt Vault.BackupVaultArn" as written. */
static const char *ref_text(struct doc *d, const char *id, const char *attr)
{
	return attr ? arena_printf(&d->arena, "!GetAtt %s.%s", id, attr)
		    : arena_printf(&d->arena, "!Ref %s", id);
}

/* A value that is a whole Ref or Fn::GetAtt (or Fn::Sub "${X}",
 * "${X.Attr}") of a resource of the template: its id and attribute. */
static const char *whole_ref(struct doc *d, const struct node *v,
			     const char **attr)
{
	const struct node *a;
	const char *s, *dot;
	*attr = NULL;
	switch (node_intrinsic(v)) {
	case FN_REF:
	case FN_GETATT:
		*attr = cfn_getatt_attr(v);
		return cfn_ref_target(v);
	case FN_SUB:
		a = map_val(v, 0);
		s = node_str(a);
		if (!s || s[0] != '$' || s[1] != '{' || s[strlen(s) - 1] != '}' ||
		    strchr(s + 2, '}') != s + strlen(s) - 1 || s[2] == '!')
			return NULL;
		s = arena_strndup(&d->arena, s + 2, strlen(s) - 3);
		if ((dot = strchr(s, '.'))) {
			*attr = dot + 1;
			return arena_strndup(&d->arena, s, (size_t)(dot - s));
		}
		return s;
	default:
		return NULL;
	}
}

/* BKP804: value v of field f is a reference of the wrong kind. */
static void check_kind(struct doc *d, const struct node *v, enum field f)
{
	const char *attr, *id = whole_ref(d, v, &attr);
	const char *type, *kind, *want, *fix, *sub;
	struct diag *dg;
	int st;

	if (!id || !(type = cfn_resource_type(cfn_resource(d, id))))
		return;
	kind = aws_cfn_returns(type, attr, &st);
	if (!kind || strcmp(kind, "other") == 0 ||
	    aws_cfn_field_accepts(field_id(f), kind) != 0)
		return;
	want = aws_cfn_field_kind(field_id(f));
	dg = report(d, BKP804, v,
		    "%s needs %s, but %s gives %s (%s)", fname(d, f),
		    aws_cfn_kind_words(want), ref_text(d, id, attr),
		    aws_cfn_kind_words(kind), type);
	if (!dg)
		return;
	fix = aws_cfn_attr_for(type, want);
	sub = aws_cfn_arn_sub(type);
	if (fix)
		diag_hint(d->file, dg, "write %s", ref_text(d, id, *fix ? fix : NULL));
	else if (sub && strcmp(want, "resource-arn") == 0 && strchr(sub, '@'))
		diag_hint(d->file, dg, "write %.*s%s%s", (int)(strchr(sub, '@') - sub),
			  sub, id, strchr(sub, '@') + 1);
}

static void check_value_kind(struct doc *d, const struct value *v, enum field f)
{
	const struct value *var;
	size_t n = value_variants(v, &var), i;
	if (v->at && !v->nalts)
		check_kind(d, v->at, f);
	for (i = 0; v->nalts && i < n; i++)
		if (var[i].at)
			check_kind(d, var[i].at, f);
}

static void check_list_kind(struct doc *d, const struct value *v, enum field f)
{
	uint32_t i;
	if (node_is(v->at, N_SEQ))
		for (i = 0; i < v->at->len; i++)
			check_kind(d, seq_at(v->at, i), f);
}

static void check_kinds(struct doc *d, const struct doc_model *m)
{
	size_t i, j;
	for (i = 0; i < m->nplans; i++) {
		const struct plan_m *p = &m->plans[i];
		for (j = 0; j < p->nrules; j++) {
			check_value_kind(d, &p->rules[j].target, F_TARGET_VAULT);
			check_value_kind(d, p->rules[j].air_gapped, F_AIR_GAPPED_TARGET);
		}
		for (j = 0; j < p->ncopies; j++)
			check_value_kind(d, &p->copies[j].dest, F_DESTINATION);
	}
	for (i = 0; i < m->nsels; i++) {
		const struct sel_m *s = &m->sels[i];
		check_value_kind(d, &s->plan_id, F_PLAN_ID);
		check_value_kind(d, &s->iam_role, F_IAM_ROLE);
		check_list_kind(d, &s->resources, F_RESOURCES);
		check_list_kind(d, &s->not_resources, F_NOT_RESOURCES);
	}
}

/* BKP805: an attribute the resource's type does not have. */
static void unknown_attr(struct doc *d, const struct node *at, size_t off,
			 size_t len, const char *id, const char *attr)
{
	const char *type = cfn_resource_type(cfn_resource(d, id));
	const char *cand[32], *dym;
	size_t n;
	struct diag *dg;
	int st;

	if (!type || !attr)
		return;
	aws_cfn_returns(type, attr, &st);
	if (st != 1)
		return;
	n = aws_cfn_attributes(type, cand, 32);
	dym = did_you_mean(attr, cand, n);
	if (off == (size_t)-1)
		dg = report(d, BKP805, at,
			    "%s (%s) has no attribute %s%s%s%s", id, type, attr,
			    dym ? "; did you mean " : "", dym ? dym : "",
			    dym ? "?" : "");
	else
		dg = report_sub(d, BKP805, at, off, len,
				"%s (%s) has no attribute %s%s%s%s", id, type, attr,
				dym ? "; did you mean " : "", dym ? dym : "",
				dym ? "?" : "");
	if (dg && !dym) {
		char list[400];
		size_t i, o = 0;
		list[0] = '\0';
		for (i = 0; i < n && o < sizeof(list) - 64; i++)
			o += (size_t)snprintf(list + o, sizeof(list) - o, "%s%s",
					      i ? ", " : "", cand[i]);
		diag_hint(d->file, dg, "%s has %s", type, list);
	}
}

/* Fn::GetAtt and ${Resource.Attribute} of Fn::Sub, everywhere. */
static void check_attributes(struct doc *d)
{
	const struct node *stack[4096];
	size_t n = 0;
	uint32_t i;

	if (!d->root)
		return;
	stack[n++] = d->root;
	while (n) {
		const struct node *v = stack[--n];
		enum cfn_fn fn;
		if (v->kind != N_MAP && v->kind != N_SEQ)
			continue;
		fn = node_intrinsic(v);
		if (fn == FN_GETATT) {
			const struct node *a = map_val(v, 0);
			const char *attr = cfn_getatt_attr(v);
			unknown_attr(d, node_is(a, N_SEQ) && a->len == 2 ? seq_at(a, 1) : a,
				     (size_t)-1, 0, cfn_ref_target(v), attr);
		} else if (fn == FN_SUB) {
			const struct node *a = map_val(v, 0);
			const struct node *s = node_is(a, N_SEQ) && a->len ? seq_at(a, 0) : a;
			const char *str = node_str(s), *p;
			for (p = str ? strstr(str, "${") : NULL; p; p = strstr(p + 2, "${")) {
				const char *e = strchr(p, '}'), *dot;
				char id[256];
				if (!e || p[2] == '!')
					continue;
				dot = memchr(p, '.', (size_t)(e - p));
				if (!dot || (size_t)(dot - p - 2) >= sizeof(id))
					continue;
				snprintf(id, sizeof(id), "%.*s", (int)(dot - p - 2), p + 2);
				unknown_attr(d, s, (size_t)(dot + 1 - str),
					     (size_t)(e - dot - 1), id,
					     arena_strndup(&d->arena, dot + 1,
							   (size_t)(e - dot - 1)));
			}
		}
		/* only containers: scalars hold no function */
		for (i = 0; i < (v->kind == N_MAP ? 2 * v->len : v->len); i++)
			if (n < sizeof(stack) / sizeof(stack[0]) &&
			    (v->u.kids[i].kind == N_MAP || v->u.kids[i].kind == N_SEQ))
				stack[n++] = &v->u.kids[i];
	}
}

/* BKP806: a resource type one slip from one of the AWS::Backup namespace. */
static void check_types(struct doc *d)
{
	const struct node *res = map_get(d->root, "Resources");
	size_t nt, t;
	const char *const *types = aws_cfn_namespace_types(&nt);
	uint32_t i;

	for (i = 0; node_is(res, N_MAP) && i < res->len; i++) {
		const struct node *tn = map_get(map_val(res, i), "Type");
		const char *ty = node_str(tn), *best = NULL;
		unsigned bd = 3;
		struct diag *dg;
		if (!ty)
			continue;
		for (t = 0; t < nt; t++) {
			unsigned dist = edit_distance_max(ty, strlen(ty), types[t],
							  strlen(types[t]), 0, 2);
			if (dist == 0) {
				best = NULL;
				break;
			}
			if (dist < bd) {
				bd = dist;
				best = types[t];
			}
		}
		if (t < nt || !best)
			continue;
		dg = report(d, BKP806, tn,
			    "%s is not a resource type of CloudFormation; did you "
			    "mean %s?", ty, best);
		if (dg) {
			struct fix *fx = diag_fix(d->file, dg, 1, "write %s", best);
			if (node_verbatim(tn))
				fix_edit(d->file, fx, node_text_start(tn),
					 node_text_start(tn) + tn->len, best);
		}
	}
}

/* BKP808: two vaults of one name in one template. */
static void check_vault_names(struct doc *d, const struct doc_model *m)
{
	size_t i, j;
	for (i = 1; i < m->nvaults; i++) {
		const struct vault_m *b = &m->vaults[i];
		if (!b->name || b->name_v.state != VS_KNOWN)
			continue;
		for (j = 0; j < i; j++) {
			const struct vault_m *a = &m->vaults[j];
			struct diag *dg;
			if (!a->name || a->name_v.state != VS_KNOWN ||
			    strcmp(a->name, b->name) != 0)
				continue;
			dg = report(d, BKP808, b->name_v.at,
				    "vaults %s and %s are both named '%s': a vault "
				    "name is unique in an account and Region, so the "
				    "stack fails to create the second",
				    a->logical_id, b->logical_id, b->name);
			diag_related(d->file, dg, a->name_v.at->start,
				     "%s is named '%s' here", a->logical_id, a->name);
			diag_hint(d->file, dg,
				  "give each vault a name of its own, e.g. with "
				  "!Sub ${AWS::StackName}-...");
			break;
		}
	}
}

void refs_check_doc(struct doc *d)
{
	struct doc_model *m;
	if (d->kind != DOC_CFN || !d->root)
		return;
	m = model_of(d);
	check_types(d);
	check_attributes(d);
	check_kinds(d, m);
	check_vault_names(d, m);
}
