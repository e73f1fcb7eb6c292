/* model_sel.c - the model of a backup selection (model.h): its resources,
 * each with the types its ARN or intrinsic may name and its place, what
 * NotResources excludes, and whether it may take any type (tags,
 * conditions, a list known only at deploy time). */
#include "model.h"

#include <string.h>

#include "../linter/strbuf.h"
#include "arn.h"
#include "aws.h"
#include "cfn.h"
#include "model_impl.h"
#include "tf_eval.h"

/* Types one Resources entry names. */
static void classify_resource(struct doc *d, struct res_m *rm)
{
	const struct node *v = rm->node;
	struct tmpl t;
	const char *id, *cls;

	memset(&rm->t, 0, sizeof(rm->t));
	if (dialect_of(d)->tf && (id = tf_arn_ref(d, v, &rm->text))) {
		/* the ARN of a Terraform resource: its type's, when known */
		int ty = facts_tf_type(id);
		if (ty >= 0)
			rm->t.known = 1u << ty;
		else
			rm->t.any = 1;
		return;
	}
	if ((id = cfn_ref_target(v)) && cfn_resource(d, id)) {
		/* Ref or GetAtt of a resource of the template: its type, when
		 * what it returns is the resource's ARN (not a stack output,
		 * a stream ARN, a name) */
		const char *ct = cfn_resource_type(cfn_resource(d, id));
		const char *attr = cfn_getatt_attr(v);
		int ty = facts_cfn_type(ct), st;
		const char *kind = ct ? aws_cfn_returns(ct, attr, &st) : NULL;
		rm->text = ct ? arena_printf(&d->arena, "%s (%s)", id, ct) : id;
		if (ty >= 0 && kind && strcmp(kind, "resource-arn") == 0)
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
	} else if (!t.sub && dialect_of(d)->cfn && tmpl_has_var(t.text, strlen(t.text))) {
		/* ${AWS::Region} in a plain string: CloudFormation leaves it
		 * as it is; one finding says so (rules/refs.c), nothing else */
		rm->text = t.text;
		rm->literal_var = 1;
		return;
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

/* One entry of Resources (each variant of a Fn::If entry). */
static void resource_entry(struct doc *d, struct sel_m *sm, const struct node *n,
			   size_t *cap)
{
	struct res_m *rm;
	struct part parts[3];
	const char *vault, *vref;

	sm->res = model_room(d, sm->res, sm->nres, cap, sizeof(*rm));
	rm = &sm->res[sm->nres++];
	rm->node = n;
	classify_resource(d, rm);
	if (!rm->literal_var &&
	    place_of(d, rm->node, &rm->pl, parts, &vault, &vref) == 0)
		rm->region_part = parts[0];
	sm->known |= rm->t.known;
	sm->maybe |= rm->t.maybe;
	sm->any |= rm->t.any;
}

/* The entries of list value `list` (each variant), as nodes to fn. */
static size_t each_entry(struct doc *d, const struct value *list,
			 void (*fn)(struct doc *d, struct sel_m *sm,
				    const struct node *n, size_t *cap),
			 struct sel_m *sm, size_t *cap, int *unknown)
{
	const struct value *lv;
	size_t nl = value_variants(list, &lv), i, k, count = 0;
	uint32_t j;

	for (i = 0; i < nl; i++) {
		const struct node *l = value_lit(&lv[i]);
		if (lv[i].state == VS_UNKNOWN)
			*unknown = 1;
		if (!value_is(&lv[i], VT_SEQ))
			continue;
		for (j = 0; j < l->len; j++) {
			struct value item;
			const struct value *iv;
			size_t ni;
			value_as(d, seq_at(l, j), VT_STR, &item);
			ni = value_variants(&item, &iv);
			for (k = 0; k < ni; k++) {
				if (iv[k].state == VS_ABSENT)
					continue;
				/* a branch in place, else the entry itself */
				fn(d, sm, item.nalts ? iv[k].at : seq_at(l, j),
				   cap);
				count++;
			}
		}
	}
	return count;
}

/* NotResources: a pattern that covers every resource of its type
 * (arn:aws:dynamodb:*:*:table/ and a star) takes the type out of the selection. */
static void excluded_entry(struct doc *d, struct sel_m *sm,
			   const struct node *n, size_t *cap)
{
	struct arn_types t;
	struct arn_fields x;
	const char *s = node_str(n);
	(void)d;
	(void)cap;
	if (!s || facts_arn_types(s, n->len, &t) < 0 || !t.known)
		return;
	arn_split(s, n->len, 0, &x);
	if (x.n == 6 && x.rid.len == 1 && s[x.rid.off] == '*')
		sm->excluded |= t.known;
}

void build_selection(struct doc *d, struct sel_m *sm, const struct node *s)
{
	static const enum field f[] = { F_SELECTION_NAME, F_IAM_ROLE, F_RESOURCES,
					F_LIST_OF_TAGS, F_CONDITIONS,
					F_NOT_RESOURCES };
	struct value out[6];
	const struct value *tv;
	size_t cap = 0, ncap = 0, n, i;
	int unknown = 0, tags = 0, nunknown = 0;

	value_read_all(d, s, f, 6, out);
	sm->doc = d;
	sm->sel = s;
	sm->sel_name = out[0];
	sm->iam_role = out[1];
	sm->resources = out[2];
	sm->list_of_tags = out[3];
	sm->conditions = out[4];
	sm->not_resources = out[5];
	sm->name = value_is(&sm->sel_name, VT_STR) && sm->sel_name.u.s[0]
		   ? sm->sel_name.u.s
		   : sm->logical_id		      ? sm->logical_id
						      : "selection";
	if (dialect_of(d)->cfn) {
		/* a plan of this template, by Ref or GetAtt; anything else
		 * (ImportValue, a literal id, a Parameter) is another stack's */
		const char *id = cfn_ref_target(sm->plan_id.at);
		const char *ty = cfn_resource_type(cfn_resource(d, id));
		if (id && ty && strcmp(ty, aws()->cfn_plan) == 0)
			sm->plan_logical = id;
		else if (sm->plan_id.state != VS_ABSENT)
			sm->foreign = 1;
	} else if (value_is(&sm->plan_id, VT_STR)) {
		sm->plan_key = sm->plan_id.u.s;
	}
	/* ListOfTags adds whatever carries the tags (OR with Resources);
	 * Conditions only narrow what Resources selects (AND) */
	n = value_variants(&sm->list_of_tags, &tv);
	for (i = 0; i < n; i++) {
		if (tv[i].state == VS_UNKNOWN || nonempty(value_lit(&tv[i])))
			tags = 1;
	}
	if (tags)
		sm->any = 1;
	sm->res = model_reserve(d, sm->res, 0, &cap, model_list_items(d, &sm->resources, 0),
			  sizeof(*sm->res));
	n = each_entry(d, &sm->resources, resource_entry, sm, &cap, &unknown);
	sm->res = model_settle(d, sm->res, sm->nres, &cap, sizeof(*sm->res));
	if (unknown)
		sm->any = 1; /* a list known only at deploy time */
	each_entry(d, &sm->not_resources, excluded_entry, sm, &ncap, &nunknown);
	/* "Either 'ListOfTags' or 'Resources' section must be non-empty" (the
	 * API, 2022-2023), or every supported and opted-in resource (the API
	 * reference, for a selection of no conditions, tags or resources) */
	if (!n && !tags && !unknown) {
		sm->empty = 1;
		if (sm->conditions.state == VS_ABSENT)
			sm->any = 1;
	}
	sm->known &= ~sm->excluded;
	sm->maybe &= ~sm->excluded;
}
