/* orgpolicy_check.c - the syntax of an AWS Organizations backup policy,
 * checked against its grammar (schemas/org-policy.json): the operators
 * where they may stand and the values they may take (BKP110), unknown
 * keys with a did-you-mean (BKP101), value types with numbers written as
 * strings (BKP102), enumerations (BKP107), Region codes (BKP201), ARNs and
 * their $account and $region variables (BKP106), copy-action keys against
 * their targets (BKP111), the policy quotas (BKP109) and the policy's size
 * (BKP112), and names that differ only in case (BKP002).
 *
 * What the plans mean (lifecycles, schedules, copies, Regions, resource
 * types) is checked by the other families on the model (orgpolicy.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../linter/data.h"
#include "../linter/report.h"
#include "../linter/suggest.h"
#include "arn.h"
#include "shapes.h"
#include "cfn.h"
#include "facts.h"
#include "families.h"
#include "kinds.h"
#include "registry.h"

#define MAX_CAND 24

struct octx {
	struct doc *d;
	const struct node *gram, *limits, *ops;
	const char *child_control;
	const char *item;  /* the container checked is item `item` of a
			    * named map ("rule"), or NULL */
};

static int is_op(const char *s)
{
	return s && s[0] == '@' && s[1] == '@';
}

/* A value known later: a template's ${placeholder}, an HCL expression,
 * a CloudFormation intrinsic (a policy in a template's Content). */
static int has_var(const struct node *v)
{
	return (node_is(v, N_STR) && strstr(v->u.str, "${") != NULL) ||
	       node_is(v, N_EXPR) || node_intrinsic(v) != FN_NONE;
}

/* The strings of list l (at most max) into out; how many. */
static size_t strings(const struct node *l, const char **out, size_t max)
{
	size_t n = 0;
	uint32_t i;
	for (i = 0; node_is(l, N_SEQ) && i < l->len && n < max; i++)
		if (node_str(seq_at(l, i)))
			out[n++] = node_str(seq_at(l, i));
	return n;
}

/* The keys of map m (at most max) into out; how many. */
static size_t keys_of(const struct node *m, const char **out, size_t max)
{
	size_t n = 0;
	uint32_t i;
	for (i = 0; node_is(m, N_MAP) && i < m->len && n < max; i++)
		if (node_str(map_key(m, i)))
			out[n++] = node_str(map_key(m, i));
	return n;
}

static int in_list(const struct node *l, const char *s)
{
	uint32_t i;
	for (i = 0; node_is(l, N_SEQ) && i < l->len; i++)
		if (node_streq(seq_at(l, i), s))
			return 1;
	return 0;
}

static const char *a_kind(const struct node *v)
{
	switch (v->kind) {
	case N_NULL: return "null";
	case N_BOOL: return "a boolean";
	case N_INT: return "a number";
	case N_FLOAT: return "a number";
	case N_STR: return "a string";
	case N_SEQ: return "a list";
	case N_MAP: return "a mapping";
	default: return "an expression";
	}
}

/* A finding on an unknown key k among candidates; a rename fix when one
 * candidate alone is close. */
static void unknown_key(struct octx *c, int rule, const struct node *k,
			const char *const *cand, size_t n, const char *where)
{
	const char *s = did_you_mean(node_str(k), cand, n);
	const char *only = did_you_mean_only(node_str(k), cand, n);
	struct diag *dg = report(c->d, rule, k, "unknown key '%s' in %s", node_str(k),
				 where);
	if (s)
		diag_hint(c->d->file, dg, "did you mean '%s'?", s);
	if (only)
		diag_fix_scalar(c->d->file, dg, 1, k, only, "rename '%s' to '%s'",
				node_str(k), only);
}

/* @@operators_allowed_for_child_policies: a list of the allowed values,
 * @@all and @@none alone. */
static void check_control(struct octx *c, const struct node *k, const struct node *v)
{
	const struct node *vals = map_get(c->ops, "child_control_values");
	const struct node *alone = map_get(c->ops, "child_control_alone");
	const char *cand[MAX_CAND];
	size_t nc = strings(vals, cand, MAX_CAND);
	uint32_t i;

	if (node_is(v, N_EXPR))
		return;
	if (!node_is(v, N_SEQ)) {
		report(c->d, BKP102, v, "%s is %s; it takes a list such as [\"@@none\"]",
		       node_str(k), a_kind(v));
		return;
	}
	for (i = 0; i < v->len; i++) {
		const struct node *it = seq_at(v, i);
		const char *s = node_str(it), *m;
		struct diag *dg;
		if (node_is(it, N_EXPR) || has_var(it))
			continue;
		if (!s || !in_list(vals, s)) {
			dg = report(c->d, BKP110, it,
				    "%s takes @@all, @@none or operators (@@assign, "
				    "@@append, @@remove), not %s%s%s",
				    node_str(k), s ? "'" : a_kind(it), s ? s : "",
				    s ? "'" : "");
			if (s && (m = did_you_mean(s, cand, nc)))
				diag_hint(c->d->file, dg, "did you mean '%s'?", m);
		} else if (in_list(alone, s) && v->len > 1) {
			report(c->d, BKP110, it,
			       "'%s' stands alone in %s: with other values it "
			       "contradicts them", s, node_str(k));
		}
	}
}

/* The ARN kind (shapes-api.json) that spec's "arn" names. */
static const struct arn_kind *arn_kind_of(const struct node *spec)
{
	const struct arn_kind *k = shapes_arn_kind(node_str(map_get(spec, "arn")));
	if (!k || !k->nforms || !k->forms[0].ntypes)
		shapes_defect("org-policy.json", "an ARN of no known kind:",
			      node_str(map_get(spec, "arn")));
	return k;
}

/* An ARN written in a policy, of kind k (its first form):
 * arn:PARTITION:SERVICE:REGION:ACCOUNT:TYPE..., the account 12 digits or
 * $account, the Region a Region code (or $region where `region_var`).
 * `what` names the field. */
static void check_arn(struct octx *c, const struct node *v, const char *what,
		      const struct arn_kind *k, int region_var)
{
	const struct arn_form *fm = &k->forms[0];
	const char *s = node_str(v), *service = fm->service, *prefix, *old;
	struct arn_fields x;
	const char *f[6];
	size_t len, i, pl;
	int digits = 1;

	if (!s || has_var(v))
		return;
	prefix = arena_printf(&c->d->arena, "%s%c", fm->types[0], fm->sep);
	pl = strlen(prefix);
	len = v->len;
	arn_split(s, len, 0, &x);
	if (x.n != 6 || x.f[0].len != 3 || memcmp(s, "arn", 3) != 0) {
		report(c->d, BKP106, v, "%s '%s' is not an ARN (arn:partition:%s:"
		       "%s:account:%s...)", what, s, service,
		       fm->region == P_EMPTY ? "" : "Region", prefix);
		return;
	}
	for (i = 0; i < 6; i++)
		f[i] = s + x.f[i].off;
	if (!facts_partition_valid(arena_strndup(&c->d->arena, f[1], x.f[1].len)))
		report_sub(c->d, BKP106, v, x.f[1].off, x.f[1].len,
			   "%s '%s' has partition '%.*s', which is not an AWS partition",
			   what, s, (int)x.f[1].len, f[1]);
	if (x.f[2].len != strlen(service) || memcmp(f[2], service, x.f[2].len) != 0)
		report_sub(c->d, BKP106, v, x.f[2].off, x.f[2].len,
			   "%s is %s: its service is '%s', not '%.*s'", what,
			   k->what, service, (int)x.f[2].len, f[2]);
	/* the Region: none for IAM, a code (or $region) for a vault */
	if (fm->region == P_EMPTY && x.f[3].len)
		report_sub(c->d, BKP106, v, x.f[3].off, x.f[3].len,
			   "%s names Region '%.*s'; %s has an empty Region "
			   "field (%s)", what, (int)x.f[3].len, f[3], k->what,
			   k->example);
	if (x.f[3].len == 7 && memcmp(f[3], "$region", 7) == 0 && !region_var) {
		struct diag *dg = report_sub(
			c->d, BKP106, v, x.f[3].off, x.f[3].len,
			"$region in %s: AWS documents it only in "
			"target_logically_air_gapped_backup_vault_arn", what);
		diag_demote(dg, 1);
	} else if (x.f[3].len && f[3][0] == '$' &&
		   !(x.f[3].len == 7 && memcmp(f[3], "$region", 7) == 0)) {
		report_sub(c->d, BKP106, v, x.f[3].off, x.f[3].len,
			   "'%.*s' in %s is not a policy variable ($account, $region)",
			   (int)x.f[3].len, f[3], what);
	}
	/* the account: 12 digits or $account */
	for (i = 0; i < x.f[4].len; i++)
		digits &= f[4][i] >= '0' && f[4][i] <= '9';
	if (x.f[4].len == 8 && memcmp(f[4], "$account", 8) == 0) {
		/* the account that runs the effective plan */
	} else if (x.f[4].len && f[4][0] == '$') {
		struct diag *dg = report_sub(
			c->d, BKP106, v, x.f[4].off, x.f[4].len,
			"'%.*s' in %s is not a policy variable: the account "
			"variable is $account", (int)x.f[4].len, f[4], what);
		diag_hint(c->d->file, dg, "write $account, or the 12-digit account ID");
	} else if (!digits || x.f[4].len != 12) {
		struct diag *dg = report_sub(
			c->d, BKP106, v, x.f[4].off, x.f[4].len,
			"%s '%s' has account '%.*s'; an account is 12 digits or "
			"$account", what, s, (int)x.f[4].len, f[4]);
		(void)dg;
	}
	/* the resource */
	if (strncmp(f[5], prefix, pl) != 0 || x.f[5].len == pl) {
		struct diag *dg = report_sub(
			c->d, BKP106, v, x.f[5].off, x.f[5].len,
			"%s '%s' names '%.*s'; %s names %sNAME", what, s,
			(int)x.f[5].len, f[5], k->what, prefix);
		/* a resource type of old (vault: for backup-vault:) */
		for (i = 0; i < k->nold; i++) {
			size_t ol = strlen(k->old_types[i].name);
			old = k->old_types[i].name;
			if (x.f[5].len > ol && memcmp(f[5], old, ol) == 0 &&
			    f[5][ol] == fm->sep) {
				diag_fix_sub(c->d->file, dg, 1, v, x.f[5].off, ol,
					     k->old_types[i].text, "write %s%c",
					     k->old_types[i].text, fm->sep);
				break;
			}
		}
	}
}

/* A number as backup policies write it: a string of digits. */
static void check_number(struct octx *c, const char *what, const struct node *v)
{
	const char *s = node_str(v), *p;
	struct diag *dg;

	if (v->kind == N_INT && !(v->flags & NF_BIG)) {
		char q[32];
		dg = report(c->d, BKP102, v,
			    "%s is the number %lld; backup policies write "
			    "numbers as strings (\"%lld\")", what, v->u.i, v->u.i);
		/* the effective policy holds strings; AWS does not say that
		 * it refuses numbers */
		diag_demote(dg, 1);
		snprintf(q, sizeof(q), "\"%lld\"", v->u.i);
		diag_fix_scalar(c->d->file, dg, 1, v, q, "write %s", q);
		return;
	}
	if (!s) {
		report(c->d, BKP102, v, "%s is %s; it takes a whole number written "
		       "as a string (\"35\")", what, a_kind(v));
		return;
	}
	for (p = s; *p >= '0' && *p <= '9'; p++)
		;
	if (p == s || *p)
		report(c->d, BKP102, v, "%s is '%s'; it takes a whole number "
		       "written as a string (\"35\")", what, s);
}

/* A Region code of a plan's `regions`. */
static void check_region(struct octx *c, const struct node *v)
{
	const char *s = node_str(v), *m;
	struct diag *dg;

	if (!s) {
		report(c->d, BKP102, v, "a Region in regions is %s; it takes "
		       "Region codes (\"eu-west-1\")", a_kind(v));
		return;
	}
	if (facts_region(s))
		return;
	dg = report(c->d, BKP201, v, "'%s' in regions is not a Region of any "
		    "AWS partition", s);
	if ((m = facts_region_suggest(s))) {
		diag_hint(c->d->file, dg, "did you mean %s?", facts_region_label(m));
		if (facts_region_fix(s) == m)
			diag_fix_scalar(c->d->file, dg, 1, v, m,
					"replace '%s' with '%s'", s, m);
	}
}

/* One enumeration value. */
static void check_enum(struct octx *c, const char *what, const struct node *v,
		       const struct node *values)
{
	const char *cand[MAX_CAND], *s = node_str(v), *m;
	size_t n = strings(values, cand, MAX_CAND), i;
	struct diag *dg;

	if (!s) {
		report(c->d, BKP102, v, "%s is %s; it takes a string", what, a_kind(v));
		return;
	}
	if (in_list(values, s))
		return;
	dg = report(c->d, BKP107, v, "%s is '%s'; it takes %s", what, s,
		    n == 2 ? arena_printf(&c->d->arena, "'%s' or '%s'", cand[0], cand[1])
			   : "one of the values AWS lists");
	for (i = 0; i < n; i++)
		if (strcasecmp(cand[i], s) == 0) {
			diag_fix_scalar(c->d->file, dg, 1, v, cand[i], "write '%s'",
					cand[i]);
			return;
		}
	if ((m = did_you_mean(s, cand, n)))
		diag_hint(c->d->file, dg, "did you mean '%s'?", m);
	else if (n > 2)
		diag_hint(c->d->file, dg, "one of: %s%s%s%s%s%s%s", cand[0],
			  n > 1 ? ", " : "", n > 1 ? cand[1] : "", n > 2 ? ", " : "",
			  n > 2 ? cand[2] : "", n > 3 ? ", " : "", n > 3 ? cand[3] : "");
}

/* The value an operator sets, of the leaf's type. */
static void check_value(struct octx *c, const char *what, const struct node *v,
			const struct node *spec)
{
	const char *type = node_str(map_get(spec, "value"));
	uint32_t i;

	if (node_is(v, N_EXPR) || has_var(v))
		return;
	if (strcmp(type, "regions") == 0 || strcmp(type, "strings") == 0 ||
	    strcmp(type, "enums") == 0) {
		if (!node_is(v, N_SEQ)) {
			report(c->d, BKP102, v, "%s is %s; it takes a list%s", what,
			       a_kind(v), node_is(v, N_STR)
					  ? arena_printf(&c->d->arena, " ([\"%s\"])", v->u.str)
					  : "");
			return;
		}
		for (i = 0; i < v->len; i++) {
			const struct node *it = seq_at(v, i);
			if (node_is(it, N_EXPR) || has_var(it))
				continue;
			if (type[0] == 'r')
				check_region(c, it);
			else if (type[0] == 'e')
				check_enum(c, arena_printf(&c->d->arena, "an item of %s",
							   what),
					   it, map_get(spec, "values"));
			else if (!node_is(it, N_STR))
				report(c->d, BKP102, it, "an item of %s is %s; it "
				       "takes strings", what, a_kind(it));
		}
	} else if (strcmp(type, "number") == 0) {
		check_number(c, what, v);
	} else if (strcmp(type, "boolean") == 0) {
		if (!node_is(v, N_BOOL) &&
		    !(node_is(v, N_STR) && (strcasecmp(v->u.str, "true") == 0 ||
					    strcasecmp(v->u.str, "false") == 0)))
			report(c->d, BKP102, v, "%s is %s; it takes true or false",
			       what, node_str(v) ? arena_printf(&c->d->arena, "'%s'",
								v->u.str)
						 : a_kind(v));
	} else if (strcmp(type, "enum") == 0) {
		check_enum(c, what, v, map_get(spec, "values"));
	} else if (!node_is(v, N_STR)) {
		report(c->d, BKP102, v, "%s is %s; it takes a string", what, a_kind(v));
	} else if (strcmp(type, "arn") == 0) {
		check_arn(c, v, what, arn_kind_of(spec),
			  node_is(map_get(spec, "region_variable"), N_BOOL));
	}
}

/* A setting: {"@@assign": V} (or @@append/@@remove on a list), with the
 * child-policy control beside it. */
static void check_leaf(struct octx *c, const struct node *k, const struct node *v,
		       const struct node *spec)
{
	const char *what = node_str(k), *type = node_str(map_get(spec, "value"));
	const char *cand[MAX_CAND], *m;
	const struct node *valops = map_get(c->ops, "value");
	size_t nc = strings(valops, cand, MAX_CAND);
	int list = strcmp(type, "regions") == 0 || strcmp(type, "strings") == 0 ||
		   strcmp(type, "enums") == 0;
	const struct node *first = NULL;
	uint32_t i;

	if (has_var(v))
		return;
	if (!node_is(v, N_MAP)) {
		struct diag *dg = report(c->d, BKP110, v,
					 "%s is set without an operator: a backup "
					 "policy writes {\"@@assign\": %s}", what,
					 node_is(v, N_STR) ? "\"...\"" : "...");
		diag_hint(c->d->file, dg, "wrap the value in {\"@@assign\": ...}");
		return;
	}
	cand[nc++] = c->child_control;
	for (i = 0; i < v->len; i++) {
		const struct node *ok = map_key(v, i), *ov = map_val(v, i);
		const char *o = node_str(ok);
		if (o && strcmp(o, c->child_control) == 0) {
			check_control(c, ok, ov);
		} else if (o && in_list(valops, o)) {
			if (first) {
				struct diag *dg = report(
					c->d, BKP110, ok, "%s has two value "
					"operators, %s and %s: a setting takes one",
					what, node_str(first), o);
				diag_related(c->d->file, dg, first->start, "%s is here",
					     node_str(first));
				continue;
			}
			first = ok;
			if (!list && in_list(map_get(c->ops, "list_only"), o)) {
				struct diag *dg = report(
					c->d, BKP110, ok, "%s works on lists only; "
					"%s is a single value", o, what);
				diag_hint(c->d->file, dg, "use @@assign");
				continue;
			}
			check_value(c, what, ov, spec);
		} else if (is_op(o)) {
			struct diag *dg = report(c->d, BKP110, ok,
						 "'%s' is not an operator of backup "
						 "policies", o);
			if ((m = did_you_mean(o, cand, nc)))
				diag_hint(c->d->file, dg, "did you mean '%s'?", m);
		} else if (o) {
			unknown_key(c, BKP101, ok, cand, nc,
				    arena_printf(&c->d->arena, "the operators of %s", what));
		}
	}
}

static void check_container(struct octx *c, const struct node *k,
			    const struct node *v, const char *gname);

/* What member k of a container is: a grammar node name, or a leaf. */
static void check_member(struct octx *c, const struct node *k, const struct node *v,
			 const struct node *spec)
{
	if (node_is(spec, N_STR))
		check_container(c, k, v, spec->u.str);
	else
		check_leaf(c, k, v, spec);
}

static int by_name_nocase(const void *a, const void *b)
{
	const struct node *x = *(const struct node *const *)a;
	const struct node *y = *(const struct node *const *)b;
	int c = strcasecmp(node_str(x), node_str(y));
	return c ? c : x->start < y->start ? -1 : x->start > y->start;
}

/* BKP002 for names of one map that AWS takes for one (case-insensitive):
 * the names sorted without case, neighbours compared. */
static void same_names(struct octx *c, const struct node *m, const char *what)
{
	const struct node **v = xcalloc(m->len + 1, sizeof(*v));
	uint32_t i, n = 0;

	for (i = 0; i < m->len; i++)
		if (node_str(map_key(m, i)) && !is_op(node_str(map_key(m, i))))
			v[n++] = map_key(m, i);
	qsort(v, n, sizeof(*v), by_name_nocase);
	for (i = 1; i < n; i++) {
		const char *a = node_str(v[i]), *b = node_str(v[i - 1]);
		struct diag *dg;
		if (strcmp(a, b) == 0 || strcasecmp(a, b) != 0)
			continue; /* the same name twice: the loader's BKP002 */
		dg = report(c->d, BKP002, v[i],
			    "%s '%s' and '%s' are one name to AWS Organizations, "
			    "which lower-cases them: one replaces the other", what,
			    b, a);
		diag_related(c->d->file, dg, v[i - 1]->start, "'%s' is here", b);
	}
	free(v);
}

/* The copy actions' keys: the vault ARN, the same as the target. */
static void copy_key(struct octx *c, const struct node *k, const struct node *v,
		     const struct arn_kind *kind)
{
	const struct node *t = map_get(map_get(v, "target_backup_vault_arn"), "@@assign");
	const char *s = node_str(k), *p;
	struct diag *dg;

	/* without a target, the key is where the copy goes */
	if (!t && !map_get(v, "target_backup_vault_arn"))
		check_arn(c, k, "the copy action's key", kind, 0);
	if (!s || has_var(k))
		return;
	if (node_is(t, N_STR) && !has_var(t)) {
		if (strcmp(s, t->u.str) != 0) {
			dg = report(c->d, BKP111, k, "copy action '%s' targets %s: "
				    "AWS copies to target_backup_vault_arn, and a "
				    "child policy that names the key changes another "
				    "copy", s, t->u.str);
			diag_related(c->d->file, dg, t->start, "target_backup_vault_arn is here");
		}
		return;
	}
	if (t || !node_is(v, N_MAP))
		return;
	for (p = s; *p && !(*p >= 'A' && *p <= 'Z'); p++)
		;
	if (*p) {
		dg = report(c->d, BKP111, k, "copy action '%s' has no "
			    "target_backup_vault_arn: AWS copies to the key "
			    "lower-cased, a vault that does not exist when the "
			    "name has capitals", s);
		diag_hint(c->d->file, dg, "add \"target_backup_vault_arn\": "
			  "{\"@@assign\": \"%s\"}", s);
	}
}

/* A map of named items, its quota, its names; each item of type `item`. */
static void check_named(struct octx *c, const struct node *k, const struct node *v,
			const struct node *g)
{
	const char *item = node_str(map_get(g, "named"));
	const char *limit = node_str(map_get(g, "limit"));
	const struct node *max = limit ? map_get(c->limits, limit) : NULL;
	const struct arn_kind *arn_keys = node_streq(map_get(g, "names"), "arn")
		? arn_kind_of(g) : NULL;
	uint32_t i, n = 0;

	same_names(c, v, node_str(k));
	for (i = 0; i < v->len; i++) {
		const struct node *ik = map_key(v, i);
		if (is_op(node_str(ik)))
			continue;
		n++;
		c->item = item;
		if (arn_keys)
			copy_key(c, ik, map_val(v, i), arn_keys);
		check_container(c, ik, map_val(v, i), item);
		c->item = NULL;
	}
	if (node_is(max, N_INT) && n > (uint32_t)max->u.i)
		report(c->d, BKP109, k, "%s has %u entries; AWS Backup allows %lld "
		       "(policy quotas)", node_str(k), n, max->u.i);
}

/* A quota on the entries of a container's members together (the
 * conditions of a selection, across string_equals, string_like...). */
static void limit_all(struct octx *c, const struct node *k, const struct node *v,
		      const struct node *g)
{
	const char *limit = node_str(map_get(g, "limit_all"));
	const struct node *max = limit ? map_get(c->limits, limit) : NULL;
	uint32_t i, j, n = 0;

	if (!node_is(max, N_INT) || !k)
		return;
	for (i = 0; i < v->len; i++) {
		const struct node *m = map_val(v, i);
		for (j = 0; node_is(m, N_MAP) && j < m->len; j++)
			n += !is_op(node_str(map_key(m, j)));
	}
	if (n > (uint32_t)max->u.i)
		report(c->d, BKP109, k, "%s has %u entries; AWS Backup allows %lld "
		       "(policy quotas)", node_str(k), n, max->u.i);
}

static void check_container(struct octx *c, const struct node *k,
			    const struct node *v, const char *gname)
{
	const struct node *g = map_get(c->gram, gname);
	const struct node *keys = map_get(g, "keys"), *und = map_get(g, "undocumented");
	const char *cand[MAX_CAND], *what = k ? node_str(k) : "the policy";
	size_t nc = keys_of(keys, cand, MAX_CAND);
	uint32_t i;

	if (c->item && k) {
		/* "rule 'nightly'", "tag selection 'daily'" */
		char *w = arena_printf(&c->d->arena, "%s '%s'", c->item, node_str(k)), *u;
		for (u = w; *u != '\'' && *u; u++)
			if (*u == '_')
				*u = ' ';
		what = w;
	}
	c->item = NULL;

	if (has_var(v))
		return;
	if (!node_is(v, N_MAP)) {
		report(c->d, BKP102, v, "%s is %s; it takes a mapping of settings",
		       what, a_kind(v));
		return;
	}
	for (i = 0; i < v->len; i++) {
		const struct node *mk = map_key(v, i), *mv = map_val(v, i), *spec;
		const char *s = node_str(mk);
		if (!s)
			continue;
		if (strcmp(s, c->child_control) == 0) {
			check_control(c, mk, mv);
		} else if (is_op(s)) {
			struct diag *dg = report(
				c->d, BKP110, mk, "%s on %s: %s holds settings, "
				"and operators set the settings%s", s, what, what,
				in_list(map_get(c->ops, "value"), s) ? "" :
				" (and it is not an operator of backup policies)");
			diag_hint(c->d->file, dg, "put the operator on each setting, "
				  "or only %s here", c->child_control);
		} else if (!keys) {
			continue; /* named: below */
		} else if ((spec = map_get(keys, s))) {
			check_member(c, mk, mv, spec);
		} else if (in_list(und, s)) {
			struct diag *dg = report(c->d, BKP101, mk,
						 "%s is not documented for backup "
						 "policies", s);
			diag_demote(dg, 1);
		} else {
			unknown_key(c, BKP101, mk, cand, nc, what);
		}
	}
	if (node_str(map_get(g, "named")))
		check_named(c, k, v, g);
	limit_all(c, k, v, g);
}

/* The policy's length as AWS counts it, when it is JSON text: every
 * character, and without the white space between tokens (what the console
 * saves). */
static void check_size(struct octx *c)
{
	const struct node *r = c->d->root, *max = map_get(c->limits, "policy_characters");
	const char *b = c->d->file->src.buf;
	size_t i, all = 0, tight = 0;
	int in_str = 0;
	struct diag *dg;

	if (r->style != S_FLOW || b[r->start] != '{' || !node_is(max, N_INT))
		return;
	for (i = r->start; i < r->end; i++) {
		unsigned char ch = (unsigned char)b[i];
		if ((ch & 0xC0) == 0x80)
			continue; /* a code point counts once */
		all++;
		if (in_str) {
			tight++;
			if (ch == '\\' && i + 1 < r->end)
				i++, all++, tight++;
			else if (ch == '"')
				in_str = 0;
		} else if (ch == '"') {
			in_str = 1;
			tight++;
		} else if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r') {
			tight++;
		}
	}
	if (all <= (size_t)max->u.i)
		return;
	dg = report(c->d, BKP112, map_key(r, 0),
		    tight > (size_t)max->u.i
			    ? "the policy has %zu characters, %zu without white "
			      "space; AWS Organizations takes at most %lld"
			    : "the policy has %zu characters (%zu without white "
			      "space); AWS Organizations takes at most %lld as sent",
		    all, tight, max->u.i);
	if (tight <= (size_t)max->u.i) {
		diag_demote(dg, 1);
		diag_hint(c->d->file, dg, "send it minified (the console strips "
			  "white space; the CLI and SDKs count every character)");
	} else {
		diag_hint(c->d->file, dg, "split the plans into several policies "
			  "(AWS recommends one plan per policy)");
	}
}

/* Whether tree n holds an operator key (@@...) anywhere, or may: a value
 * known later (an expression, an intrinsic) may hold one. */
static int any_operator(const struct node *n, int depth)
{
	uint32_t i;
	if (depth > 64 || has_var(n))
		return 1; /* deeper than any policy, or unknown: take it as one */
	if (node_is(n, N_SEQ))
		for (i = 0; i < n->len; i++)
			if (any_operator(seq_at(n, i), depth + 1))
				return 1;
	if (!node_is(n, N_MAP))
		return 0;
	for (i = 0; i < n->len; i++)
		if (is_op(node_str(map_key(n, i))) ||
		    any_operator(map_val(n, i), depth + 1))
			return 1;
	return 0;
}

void orgpolicy_check_doc(struct doc *d)
{
	const struct node *g = data_tree("org-policy.json");
	struct octx c;

	if (d->kind != DOC_ORG_POLICY || !node_is(d->root, N_MAP))
		return;
	c.d = d;
	c.gram = map_get(g, "grammar");
	c.limits = map_get(g, "limits");
	c.ops = map_get(g, "operators");
	c.child_control = node_str(map_get(c.ops, "child_control"));
	c.item = NULL;
	if (!any_operator(d->root, 0) && d->root->len) {
		/* the values are still read (dialect.c): the plans are checked */
		struct diag *dg = report(d, BKP110, map_key(d->root, 0),
					 "the policy sets no value through an operator: "
					 "it reads as an effective policy (the output of "
					 "describe-effective-policy), which AWS "
					 "Organizations does not take as a policy");
		diag_hint(d->file, dg, "write each setting as {\"@@assign\": ...}");
	} else {
		check_container(&c, NULL, d->root, node_str(map_get(g, "root")));
	}
	check_size(&c);
}
