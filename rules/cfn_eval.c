/* cfn_eval.c - what a CloudFormation value is before the stack exists:
 * Conditions evaluated under the assumption the rules make (each Parameter
 * takes its Default), Fn::If following the branch that assumption selects,
 * Fn::FindInMap with known keys, AWS::NoValue; and, where a condition or a
 * key cannot be decided (a pseudo parameter, a Parameter without a Default),
 * every branch the value may take, each named.
 *
 * A value is evaluated in its place: inside a resource with a Condition, or
 * inside a branch of a Fn::If, that condition holds (cfn-lint's scenarios,
 * reduced to what encloses the value). Where those assumptions contradict
 * the Parameters' Defaults (a resource that exists only when LockDays is not
 * 0, while LockDays defaults to 0), the Defaults are not assumed there. */
#include <stdio.h>
#include <string.h>

#include "../linter/strbuf.h"
#include "cfn.h"
#include "kinds.h"

#define MAX_SCOPES  1024 /* Fn::If branches and conditional resources */
#define MAX_ASSUME  16   /* assumptions that enclose one value */
#define MAX_DEPTH   32   /* nested conditions and functions */

struct scope {
	uint32_t start, end;
	const char *cond;
	int truth;
};

struct cfn_info {
	const struct node *params, *conds, *maps;
	struct scope *scopes;
	size_t nscopes;
};

/* One evaluation: its assumptions and what it used. */
struct ectx {
	struct doc *d;
	struct cfn_info *ci;
	const struct scope *as[MAX_ASSUME];
	size_t nas;
	int defaults;      /* Parameter Defaults may be assumed here */
	int used;          /* a Default decided something */
	int depth;
	unsigned char *memo; /* per Conditions entry: 0, 1 true, 2 false, 3 unknown */
};

static void add_scope(struct cfn_info *ci, struct doc *d, const struct node *n,
		      const char *cond, int truth)
{
	struct scope *s;
	if (!n || !cond || ci->nscopes == MAX_SCOPES)
		return;
	if (!ci->scopes)
		ci->scopes = arena_alloc(&d->arena, MAX_SCOPES * sizeof(*s));
	s = &ci->scopes[ci->nscopes++];
	s->start = n->start;
	s->end = n->end;
	s->cond = cond;
	s->truth = truth;
}

/* Every Fn::If branch under n (iteratively: templates may be deep). */
static void find_ifs(struct cfn_info *ci, struct doc *d, const struct node *root)
{
	const struct node *stack[MAX_DEPTH * 8];
	size_t n = 0;
	uint32_t i;

	if (!root)
		return;
	stack[n++] = root;
	while (n) {
		const struct node *v = stack[--n];
		if (v->kind != N_MAP && v->kind != N_SEQ)
			continue;
		if (node_intrinsic(v) == FN_IF) {
			const struct node *a = map_val(v, 0);
			if (node_is(a, N_SEQ) && a->len == 3 &&
			    node_str(seq_at(a, 0))) {
				add_scope(ci, d, seq_at(a, 1), seq_at(a, 0)->u.str, 1);
				add_scope(ci, d, seq_at(a, 2), seq_at(a, 0)->u.str, 0);
			}
		}
		/* only containers: a scalar holds no Fn::If */
		for (i = 0; i < (v->kind == N_MAP ? 2 * v->len : v->len); i++)
			if (n < sizeof(stack) / sizeof(stack[0]) &&
			    (v->u.kids[i].kind == N_MAP || v->u.kids[i].kind == N_SEQ))
				stack[n++] = &v->u.kids[i];
	}
}

static struct cfn_info *info(struct doc *d)
{
	struct cfn_info **slot = cfn_slot(d), *ci;
	const struct node *sec[2];
	uint32_t i, k;

	if (*slot)
		return *slot;
	ci = arena_zalloc(&d->arena, sizeof(*ci));
	*slot = ci;
	ci->params = map_get(d->root, "Parameters");
	ci->conds = map_get(d->root, "Conditions");
	ci->maps = map_get(d->root, "Mappings");
	sec[0] = map_get(d->root, "Resources");
	sec[1] = map_get(d->root, "Outputs");
	for (k = 0; k < 2; k++)
		for (i = 0; node_is(sec[k], N_MAP) && i < sec[k]->len; i++) {
			const struct node *r = map_val(sec[k], i);
			add_scope(ci, d, r, node_str(map_get(r, "Condition")), 1);
			find_ifs(ci, d, r);
		}
	return ci;
}

/* ---- scalars ---- */

/* A parameter's Default is the value a Ref yields, except for SSM
 * parameter types (the Default names the SSM parameter, whose value is
 * read at deployment) and list types (the value is a list). */
static int default_is_value(const char *type)
{
	if (!type)
		return 1;
	return strncmp(type, "AWS::SSM::", 10) != 0 &&
	       strncmp(type, "List<", 5) != 0 &&
	       strcmp(type, "CommaDelimitedList") != 0;
}

static int scalar_node(const struct node *n)
{
	return n && n->kind != N_MAP && n->kind != N_SEQ && n->kind != N_NULL;
}

/* A scalar as CloudFormation compares it: its text. */
static const char *text_of(struct doc *d, const struct node *n)
{
	switch (n->kind) {
	case N_STR:
		return n->u.str;
	case N_BOOL:
		return n->u.b ? "true" : "false";
	case N_INT:
		return arena_printf(&d->arena, "%lld", n->u.i);
	default:
		return arena_strndup(&d->arena, d->file->src.buf + n->start,
				     n->end - n->start);
	}
}

static int cond_named(struct ectx *x, const char *name);
static const struct node *value_in(struct ectx *x, const struct node *v,
				   enum cfn_known *how, struct strbuf *note);

/* What Parameter `name` is known to be: 1 with *out (its only
 * AllowedValue, or its Default when Defaults are assumed here), else 0
 * with *allowed its AllowedValues (or NULL). */
static int param_value(struct ectx *x, const char *name, const struct node **out,
		       const struct node **allowed, int *from_default)
{
	const struct node *p = map_get(x->ci->params, name), *av, *def;
	*out = NULL;
	*allowed = NULL;
	*from_default = 0;
	if (!node_is(p, N_MAP))
		return 0;
	av = map_get(p, "AllowedValues");
	if (node_is(av, N_SEQ)) {
		*allowed = av;
		if (av->len == 1 && scalar_node(seq_at(av, 0))) {
			*out = seq_at(av, 0);
			return 1;
		}
	}
	def = map_get(p, "Default");
	if (x->defaults && scalar_node(def) &&
	    default_is_value(node_str(map_get(p, "Type")))) {
		*out = def;
		*from_default = 1;
		return 1;
	}
	return 0;
}

/* The text of a scalar argument: 1 known (*s), 0 unknown (*allowed: the
 * values it may take, or NULL). */
static int scalar(struct ectx *x, const struct node *v, const char **s,
		  const struct node **allowed)
{
	enum cfn_known how;
	const struct node *lit;

	*s = NULL;
	*allowed = NULL;
	if (node_intrinsic(v) == FN_REF && node_str(map_val(v, 0))) {
		const struct node *out;
		int def;
		if (!param_value(x, map_val(v, 0)->u.str, &out, allowed, &def))
			return 0;
		x->used |= def;
		*s = text_of(x->d, out);
		return 1;
	}
	lit = value_in(x, v, &how, NULL);
	if (how == CFN_UNKNOWN || how == CFN_ABSENT || !scalar_node(lit))
		return 0;
	*s = text_of(x->d, lit);
	return 1;
}

static int in_list(struct ectx *x, const struct node *list, const char *s)
{
	uint32_t i;
	for (i = 0; i < list->len; i++)
		if (scalar_node(seq_at(list, i)) &&
		    strcmp(text_of(x->d, seq_at(list, i)), s) == 0)
			return 1;
	return 0;
}

/* ---- conditions: 1 true, 0 false, -1 unknown ---- */

static int cond_expr(struct ectx *x, const struct node *e)
{
	const struct node *a = node_intrinsic(e) != FN_NONE ? map_val(e, 0) : NULL;
	uint32_t i;
	int r, unknown = 0;

	if (++x->depth > MAX_DEPTH) {
		x->depth--;
		return -1;
	}
	switch (node_intrinsic(e)) {
	case FN_EQUALS: {
		const char *s1, *s2;
		const struct node *al1, *al2;
		int k1, k2;
		r = -1;
		if (!node_is(a, N_SEQ) || a->len != 2)
			break;
		k1 = scalar(x, seq_at(a, 0), &s1, &al1);
		k2 = scalar(x, seq_at(a, 1), &s2, &al2);
		if (k1 && k2)
			r = strcmp(s1, s2) == 0;
		else if (k1 && al2 && !in_list(x, al2, s1))
			r = 0; /* the other side never takes this value */
		else if (k2 && al1 && !in_list(x, al1, s2))
			r = 0;
		break;
	}
	case FN_NOT:
		r = -1;
		if (node_is(a, N_SEQ) && a->len == 1) {
			r = cond_expr(x, seq_at(a, 0));
			if (r >= 0)
				r = !r;
		}
		break;
	case FN_AND:
	case FN_OR: {
		int is_and = node_intrinsic(e) == FN_AND;
		r = -1;
		if (!node_is(a, N_SEQ) || a->len == 0)
			break;
		r = is_and;
		for (i = 0; i < a->len; i++) {
			int c = cond_expr(x, seq_at(a, i));
			if (c < 0)
				unknown = 1;
			else if (c != is_and) {
				r = c; /* decides: false for And, true for Or */
				unknown = 0;
				break;
			}
		}
		if (unknown)
			r = -1;
		break;
	}
	case FN_CONDITION:
		r = node_str(a) ? cond_named(x, a->u.str) : -1;
		break;
	default:
		r = -1;
		break;
	}
	x->depth--;
	return r;
}

static int cond_named(struct ectx *x, const char *name)
{
	long i;
	size_t k;
	int r;

	for (k = 0; k < x->nas; k++)
		if (strcmp(x->as[k]->cond, name) == 0)
			return x->as[k]->truth;
	i = map_find(x->ci->conds, name);
	if (i < 0)
		return -1;
	if (x->memo && x->memo[i])
		return x->memo[i] == 3 ? -1 : x->memo[i] == 1;
	if (x->memo)
		x->memo[i] = 3; /* a cycle is unknown */
	r = cond_expr(x, map_val(x->ci->conds, (uint32_t)i));
	if (x->memo)
		x->memo[i] = r < 0 ? 3 : r ? 1 : 2;
	return r;
}

/* The assumptions that hold at node `at`; whether the Defaults agree. */
static void context(struct doc *d, const struct node *at, struct ectx *x)
{
	struct cfn_info *ci = info(d);
	size_t k;

	memset(x, 0, sizeof(*x));
	x->d = d;
	x->ci = ci;
	x->defaults = 1;
	if (node_is(ci->conds, N_MAP) && ci->conds->len)
		x->memo = arena_zalloc(&d->arena, ci->conds->len);
	for (k = 0; at && k < ci->nscopes; k++) {
		const struct scope *s = &ci->scopes[k];
		if (s->start <= at->start && at->end <= s->end &&
		    x->nas < MAX_ASSUME)
			x->as[x->nas++] = s;
	}
	/* Do the Defaults make an enclosing assumption false? Then they are
	 * not what this value is deployed with. */
	for (k = 0; k < x->nas; k++) {
		struct ectx y = *x;
		y.nas = 0;
		if (x->memo)
			y.memo = arena_zalloc(&d->arena, ci->conds->len);
		if (cond_named(&y, x->as[k]->cond) == !x->as[k]->truth) {
			x->defaults = 0;
			break;
		}
	}
	if (x->memo && !x->defaults)
		memset(x->memo, 0, ci->conds->len);
}

int cfn_condition(struct doc *d, const struct node *at, const char *name,
		  int *assumed)
{
	struct ectx x;
	int r;
	if (d->kind != DOC_CFN || !name) {
		if (assumed)
			*assumed = 0;
		return -1;
	}
	context(d, at, &x);
	r = cond_named(&x, name);
	if (assumed)
		*assumed = r >= 0 && x.used;
	return r;
}

/* ---- values ---- */

static void note_add(struct strbuf *note, const char *s)
{
	if (!note || !s || !*s)
		return;
	if (note->n)
		strbuf_add(note, "; ", 2);
	strbuf_add(note, s, strlen(s));
}

/* Fn::FindInMap [map, top, second(, default)]: the entry, when the keys are
 * known; *how UNKNOWN otherwise. */
static const struct node *find_in_map(struct ectx *x, const struct node *v,
				      enum cfn_known *how, struct strbuf *note)
{
	const struct node *a = map_val(v, 0), *al, *m, *e;
	const char *k[3];
	int used = x->used, i;

	*how = CFN_UNKNOWN;
	if (!node_is(a, N_SEQ) || a->len < 3)
		return v;
	x->used = 0;
	for (i = 0; i < 3; i++)
		if (!scalar(x, seq_at(a, (uint32_t)i), &k[i], &al)) {
			x->used |= used;
			return v;
		}
	m = map_get(map_get(map_get(x->ci->maps, k[0]), k[1]), k[2]);
	if (!m && a->len == 4)
		m = seq_at(a, 3); /* AWS::LanguageExtensions' DefaultValue */
	if (!m) {
		x->used |= used;
		return v;
	}
	if (x->used)
		note_add(note, arena_printf(&x->d->arena,
			"Mappings %s key %s from the Parameters' Defaults", k[0], k[1]));
	e = value_in(x, m, how, note);
	if (*how == CFN_LITERAL && x->used)
		*how = CFN_ASSUMED;
	x->used |= used;
	return e;
}

static const struct node *value_in(struct ectx *x, const struct node *v,
				   enum cfn_known *how, struct strbuf *note)
{
	const struct node *a, *out, *allowed, *r = v;
	const char *name;
	int def, c, used;

	*how = CFN_LITERAL;
	if (!v)
		return v;
	if (++x->depth > MAX_DEPTH) {
		x->depth--;
		*how = CFN_UNKNOWN;
		return v;
	}
	a = node_intrinsic(v) != FN_NONE ? map_val(v, 0) : NULL;
	switch (node_intrinsic(v)) {
	case FN_NONE:
		break;
	case FN_REF:
		name = node_str(a);
		if (name && strcmp(name, "AWS::NoValue") == 0) {
			*how = CFN_ABSENT;
			r = NULL;
		} else if (name && param_value(x, name, &out, &allowed, &def)) {
			*how = CFN_ASSUMED;
			r = out;
			if (!def)
				note_add(note, arena_printf(&x->d->arena,
					"the only AllowedValue of Parameter %s", name));
			else
				x->used = 1;
		} else {
			*how = CFN_UNKNOWN;
		}
		break;
	case FN_IF:
		*how = CFN_UNKNOWN;
		if (!node_is(a, N_SEQ) || a->len != 3 || !node_str(seq_at(a, 0)))
			break;
		used = x->used;
		x->used = 0;
		c = cond_named(x, seq_at(a, 0)->u.str);
		if (c < 0) {
			x->used |= used;
			break;
		}
		if (x->used)
			note_add(note, arena_printf(&x->d->arena,
				"condition %s is %s with the Parameters' Defaults",
				seq_at(a, 0)->u.str, c ? "true" : "false"));
		def = x->used;
		r = value_in(x, seq_at(a, c ? 1 : 2), how, note);
		if (*how == CFN_LITERAL && def)
			*how = CFN_ASSUMED;
		x->used |= used;
		break;
	case FN_FINDINMAP:
		r = find_in_map(x, v, how, note);
		break;
	default:
		*how = CFN_UNKNOWN;
		break;
	}
	x->depth--;
	return r;
}

void cfn_eval(struct doc *d, const struct node *v, struct cfn_val *out)
{
	struct ectx x;
	struct strbuf note = { .a = &d->arena };

	memset(out, 0, sizeof(*out));
	out->node = v;
	out->how = CFN_LITERAL;
	if (!v || d->kind != DOC_CFN || v->kind != N_MAP)
		return;
	switch (node_intrinsic(v)) {
	case FN_NONE:
		return;
	case FN_REF:
		/* a Ref to a resource or a pseudo parameter: unknown, with
		 * no need for the assumptions around it */
		if (node_str(map_val(v, 0)) &&
		    !node_is(map_get(info(d)->params, node_str(map_val(v, 0))),
			     N_MAP) && !node_streq(map_val(v, 0), "AWS::NoValue")) {
			out->how = CFN_UNKNOWN;
			return;
		}
		break;
	case FN_IF:
	case FN_FINDINMAP:
		break;
	default:
		/* value_in() knows nothing of the other functions */
		out->how = CFN_UNKNOWN;
		return;
	}
	context(d, v, &x);
	out->node = value_in(&x, v, &out->how, &note);
	out->note = note.n ? note.s : NULL;
	if (out->how == CFN_ASSUMED && node_intrinsic(v) == FN_REF)
		out->param = node_str(map_val(v, 0));
	if (out->how == CFN_UNKNOWN)
		out->node = v;
}

const struct node *cfn_param(struct doc *d, const struct node *at,
			     const char *name, int *from_default)
{
	struct ectx x;
	const struct node *out, *allowed;
	*from_default = 0;
	if (d->kind != DOC_CFN || !name)
		return NULL;
	context(d, at, &x);
	return param_value(&x, name, &out, &allowed, from_default) ? out : NULL;
}

/* ---- branches of what cannot be decided ---- */

struct bctx {
	struct doc *d;
	struct cfn_branch *out;
	size_t n, max;
};

static void branch_add(struct bctx *b, const struct node *n, const char *label,
		       const struct cfn_branch *up, const char *key,
		       const char *val)
{
	struct cfn_branch *o;
	if (b->n == b->max)
		return;
	o = &b->out[b->n++];
	*o = up ? *up : (struct cfn_branch){ 0 };
	o->node = n;
	o->label = up && up->label ? arena_printf(&b->d->arena, "%s and %s",
						  up->label, label)
				   : label;
	if (o->nkeys < CFN_BRANCH_KEYS) {
		o->key[o->nkeys] = key;
		o->val[o->nkeys] = val;
		o->nkeys++;
	}
}

static void branches(struct bctx *b, const struct node *v,
		     const struct cfn_branch *up, int depth);

/* Branch n (of a decided or undecided parent): flatten it when it is
 * itself undecided. */
static void branch_of(struct bctx *b, const struct node *n, const char *label,
		      const struct cfn_branch *up, const char *key,
		      const char *val, int depth)
{
	struct cfn_branch here;
	size_t before = b->n;
	branch_add(b, n, label, up, key, val);
	if (b->n == before)
		return;
	here = b->out[--b->n];
	branches(b, n, &here, depth + 1);
	if (b->n == before)
		b->out[b->n++] = here; /* decided or a plain value */
}

static void branches(struct bctx *b, const struct node *v,
		     const struct cfn_branch *up, int depth)
{
	struct ectx x;
	const struct node *a;
	uint32_t i;
	int c;

	if (depth > 4 || !v || node_intrinsic(v) == FN_NONE)
		return;
	a = map_val(v, 0);
	switch (node_intrinsic(v)) {
	case FN_IF:
		if (!node_is(a, N_SEQ) || a->len != 3 || !node_str(seq_at(a, 0)))
			return;
		context(b->d, v, &x);
		c = cond_named(&x, seq_at(a, 0)->u.str);
		if (c >= 0) {
			/* decided: only the branch taken, when it is open */
			branches(b, seq_at(a, c ? 1 : 2), up, depth + 1);
			return;
		}
		for (i = 1; i <= 2; i++) {
			const char *cn = seq_at(a, 0)->u.str;
			branch_of(b, seq_at(a, i),
				  arena_printf(&b->d->arena, "when condition %s is %s",
					       cn, i == 1 ? "true" : "false"),
				  up, cn, i == 1 ? "true" : "false", depth);
		}
		return;
	case FN_FINDINMAP: {
		const struct node *m, *al;
		const char *k0, *k2, *pname = NULL;
		const struct node *topref;
		if (!node_is(a, N_SEQ) || a->len < 3)
			return;
		context(b->d, v, &x);
		if (!scalar(&x, seq_at(a, 0), &k0, &al) ||
		    !scalar(&x, seq_at(a, 2), &k2, &al))
			return;
		m = map_get(x.ci->maps, k0);
		topref = seq_at(a, 1);
		if (!node_is(m, N_MAP) || node_intrinsic(topref) != FN_REF ||
		    !(pname = node_str(map_val(topref, 0))))
			return;
		{
			const char *k1;
			if (scalar(&x, topref, &k1, &al))
				return; /* decided: cfn_eval's */
			for (i = 0; i < m->len; i++) {
				const char *key = node_str(map_key(m, i));
				const struct node *e = map_get(map_val(m, i), k2);
				if (!key || !e || (al && !in_list(&x, al, key)))
					continue;
				branch_of(b, e,
					  arena_printf(&b->d->arena, "when %s is %s",
						       pname, key),
					  up, pname, key, depth);
			}
		}
		return;
	}
	default:
		return;
	}
}

size_t cfn_branches(struct doc *d, const struct node *v, struct cfn_branch *out,
		    size_t max)
{
	struct bctx b = { .d = d, .out = out, .max = max };
	if (d->kind != DOC_CFN || !v)
		return 0;
	branches(&b, v, NULL, 0);
	return b.n;
}

int cfn_branches_agree(const struct cfn_branch *a, const struct cfn_branch *b)
{
	size_t i, j;
	for (i = 0; i < a->nkeys; i++)
		for (j = 0; j < b->nkeys; j++)
			if (strcmp(a->key[i], b->key[j]) == 0 &&
			    strcmp(a->val[i], b->val[j]) != 0)
				return 0;
	return 1;
}
