/* template.c - CloudFormation template structure (BKP801-BKP802): intrinsic
 * functions of the right shape, and references that resolve; plus YAML tags
 * that nothing understands, in any document.
 *
 * Every other family treats an intrinsic as "a value unknown at lint time",
 * so a malformed one (!GetAtt without a dot, Fn::If with two items) or a Ref
 * to a misspelt name would pass silently until CloudFormation rejects the
 * stack. This family is where they are caught. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../linter/lint.h"
#include "../linter/suggest.h"
#include "families.h"
#include "registry.h"
#include "aws.h"
#include "cfn.h"
#include "kinds.h"


struct tctx {
	struct doc *d;
	const struct node *params, *res, *conds, *maps;
	int yaml;  /* the template is YAML (not JSON) */
};


/* Keys of up to two maps as a candidate list for did-you-mean. */
static const char *suggest(struct tctx *t, const char *word,
			   const struct node *a, const struct node *b)
{
	const char *cand[256];
	size_t n = 0;
	uint32_t i;
	const struct node *m[2] = { a, b };
	int k;
	for (k = 0; k < 2; k++)
		if (node_is(m[k], N_MAP))
			for (i = 0; i < m[k]->len && n < 256; i++)
				cand[n++] = node_str(map_key(m[k], i));
	(void)t;
	return did_you_mean(word, cand, n);
}

static void undefined(struct tctx *t, const struct node *at, size_t off,
		      size_t len, const char *what, const char *name,
		      const struct node *a, const struct node *b)
{
	const char *dym = suggest(t, name, a, b);
	struct diag *dg;
	if (!*name) {
		/* no name to quote: '' would read as a placeholder */
		dg = report(t->d, BKP802, at, "%s is empty", what);
		if (dg)
			diag_hint(t->d->file, dg, "name one of the template's %s",
				  strstr(what, "condition") ? "Conditions"
				  : strstr(what, "mapping") ? "Mappings"
				  : strstr(what, "resource") ? "Resources"
							     : "Parameters or Resources");
		return;
	}
	if (off == (size_t)-1)
		dg = report(t->d, BKP802, at, "%s '%.80s' is not defined in this template%s%.80s%s",
			    what, name, dym ? " (did you mean '" : "", dym ? dym : "",
			    dym ? "'?)" : "");
	else
		dg = report_sub(t->d, BKP802, at, off, len,
			       "%s '%.80s' is not defined in this template%s%.80s%s", what,
			       name, dym ? " (did you mean '" : "", dym ? dym : "",
			       dym ? "'?)" : "");
	if (dg && !dym)
		diag_hint(t->d->file, dg, "define it under %s, or fix the name",
			  strstr(what, "condition") ? "Conditions"
			  : strstr(what, "mapping") ? "Mappings"
			  : strstr(what, "resource") ? "Resources"
						     : "Parameters or Resources");
}

static void check_ref_name(struct tctx *t, const struct node *at, const char *name)
{
	if (aws_is_pseudo(name) || map_get(t->params, name) || map_get(t->res, name))
		return;
	undefined(t, at, (size_t)-1, 0, "Ref target", name, t->params, t->res);
}

/* ${Name}, ${Res.Attr} and ${!Literal} in an Fn::Sub string. */
/* A Fn::Sub variable's characters: letters, digits, _ . : - (a table:
 * strspn() built its own set at each call). */
static int var_name(const char *name, size_t l)
{
	static const unsigned char ok[256] = {
		['_'] = 1, ['.'] = 1, [':'] = 1, ['-'] = 1,
		['0' ... '9'] = 1, ['A' ... 'Z'] = 1, ['a' ... 'z'] = 1,
	};
	size_t i;
	for (i = 0; i < l; i++)
		if (!ok[(unsigned char)name[i]])
			return 0;
	return 1;
}

static void check_sub_vars(struct tctx *t, const struct node *s,
			   const struct node *vars)
{
	const char *str = node_str(s), *p;
	if (!str)
		return;
	for (p = strstr(str, "${"); p; p = strstr(p, "${")) {
		const char *e = strchr(p + 2, '}'), *dot;
		char name[256];
		size_t l;
		if (!e)
			return;
		if (p[2] == '!') { /* ${!Literal} stands for "${Literal}" */
			p = e + 1;
			continue;
		}
		l = (size_t)(e - (p + 2));
		if (l == 0 || l >= sizeof(name)) {
			p = e + 1;
			continue;
		}
		memcpy(name, p + 2, l);
		name[l] = '\0';
		if (!var_name(name, l)) {
			report_sub(t->d, BKP801, s, (size_t)(p - str), l + 3,
				  "malformed Fn::Sub variable ${%.80s}: a variable is a "
				  "parameter, resource, Resource.Attribute or pseudo "
				  "parameter name",
				  name);
			p = e + 1;
			continue;
		}
		if (map_get(vars, name) || aws_is_pseudo(name)) {
			p = e + 1;
			continue;
		}
		dot = strchr(name, '.');
		if (dot) {
			name[dot - name] = '\0';
			if (!map_get(t->res, name))
				undefined(t, s, (size_t)(p + 2 - str), (size_t)(dot - name),
					  "Fn::Sub resource", name, t->res, NULL);
		} else if (!map_get(t->params, name) && !map_get(t->res, name)) {
			undefined(t, s, (size_t)(p + 2 - str), l, "Fn::Sub variable", name,
				  t->params, t->res);
		}
		p = e + 1;
	}
}

/* "a list", "an integer": a value's kind with its article. */
static const char *a_kind_of(const struct node *n)
{
	switch (n->kind) {
	case N_MAP: return "a mapping";
	case N_SEQ: return "a list";
	case N_INT: return "an integer";
	case N_FLOAT: return "a number";
	case N_BOOL: return "a boolean";
	case N_NULL: return "null";
	default: return "a string";
	}
}

/* Number of items an intrinsic's list argument must have. */
struct arity {
	enum cfn_fn fn;
	unsigned min, max;
	const char *form;
};

static const struct arity arities[] = {
	{ FN_IF, 3, 3, "[condition name, value if true, value if false]" },
	{ FN_JOIN, 2, 2, "[delimiter, [values...]]" },
	{ FN_SELECT, 2, 2, "[index, [values...]]" },
	{ FN_SPLIT, 2, 2, "[delimiter, string]" },
	{ FN_FINDINMAP, 3, 4, "[map name, top-level key, second-level key]" },
	{ FN_EQUALS, 2, 2, "[value, value]" },
	{ FN_AND, 2, 10, "[condition, condition, ...] (2 to 10)" },
	{ FN_OR, 2, 10, "[condition, condition, ...] (2 to 10)" },
	{ FN_NOT, 1, 1, "[condition]" },
	{ FN_CIDR, 3, 3, "[ip block, count, cidr bits]" },
};

/* The function as the user wrote it: "!If" or "Fn::If". */
static const char *fn_label(const struct node *n)
{
	const char *name = node_str(map_key(n, 0));
	static const char *const shorts[] = {
		"!Ref", "!Condition", "!GetAtt", "!Sub", "!Join", "!If", "!Select",
		"!FindInMap", "!ImportValue", "!Split", "!Base64", "!GetAZs",
		"!Cidr", "!Equals", "!And", "!Or", "!Not", "!Contains",
		"!EachMemberEquals", "!EachMemberIn", "!RefAll", "!ValueOf",
		"!ValueOfAll", "!Transform", "!Length", "!ToJsonString",
	};
	size_t i;
	if (!(n->flags & NF_SHORT_TAG) || !name)
		return name;
	for (i = 0; i < sizeof(shorts) / sizeof(shorts[0]); i++) {
		const char *bare = strncmp(name, "Fn::", 4) == 0 ? name + 4 : name;
		if (strcmp(shorts[i] + 1, bare) == 0)
			return shorts[i];
	}
	return name;
}

static void check_fn(struct tctx *t, const struct node *n, enum cfn_fn fn)
{
	const struct node *arg = map_val(n, 0), *k = map_key(n, 0);
	const char *name;
	size_t i;

	for (i = 0; i < sizeof(arities) / sizeof(arities[0]); i++) {
		if (arities[i].fn != fn)
			continue;
		if (node_intrinsic(arg) != FN_NONE)
			return; /* a list computed by another function */
		if (!node_is(arg, N_SEQ) || arg->len < arities[i].min ||
		    arg->len > arities[i].max) {
			struct diag *dg;
			if (node_is(arg, N_SEQ))
				dg = report(t->d, BKP801, arg,
					    "%s takes %s, found %u item%s", fn_label(n),
					    arities[i].form, arg->len,
					    arg->len == 1 ? "" : "s");
			else
				dg = report(t->d, BKP801, arg, "%s takes a list %s, found a %s",
					    fn_label(n), arities[i].form,
					    node_kind_name(arg));
			(void)dg;
			return;
		}
		break;
	}

	switch (fn) {
	case FN_REF:
		name = node_str(arg);
		if (!name) {
			report(t->d, BKP801, arg,
			       "Ref takes the name of a parameter or resource, found a %s",
			       node_kind_name(arg));
			return;
		}
		check_ref_name(t, arg, name);
		break;
	case FN_GETATT: {
		const char *res = NULL;
		char buf[256];
		if (node_is(arg, N_SEQ) && arg->len == 2 && node_str(seq_at(arg, 0))) {
			res = node_str(seq_at(arg, 0));
		} else if (node_is(arg, N_STR) && strchr(arg->u.str, '.') &&
			   arg->u.str[0] != '.') {
			/* long-form string "Res.Attr" */
			size_t l = (size_t)(strchr(arg->u.str, '.') - arg->u.str);
			if (l >= sizeof(buf))
				return;
			memcpy(buf, arg->u.str, l);
			buf[l] = '\0';
			res = buf;
		} else {
			/* say what is missing, and a hint that is itself valid */
			const char *str = node_str(arg);
			const char *what = str && str[0] == '.'
						   ? "no resource name before the dot"
						   : "no attribute";
			struct diag *dg;
			if (!str || !*str)
				dg = report(t->d, BKP801, str ? arg : k,
					    "%s takes ResourceName.AttributeName "
					    "(or [ResourceName, AttributeName]), found %s",
					    fn_label(n), str ? "an empty name"
					    : node_is(arg, N_SEQ)
						    /* the list form wants two */
						    ? arena_printf(&t->d->arena,
							"a list of %u item%s", arg->len,
							arg->len == 1 ? "" : "s")
						    : a_kind_of(arg));
			else
				dg = report(t->d, BKP801, arg, "%s takes ResourceName.AttributeName "
					    "(or [ResourceName, AttributeName]), found '%.80s' with %s",
					    fn_label(n), str, what);
			if (str && *str && str[0] != '.')
				diag_hint(t->d->file, dg, "for example %s %.80s.Arn",
					  fn_label(n), str);
			else
				diag_hint(t->d->file, dg, "for example %s BackupRole.Arn",
					  fn_label(n));
			return;
		}
		if (node_is(arg, N_STR) && arg->u.str[arg->len - 1] == '.') {
			struct diag *dg = report(t->d, BKP801, arg,
						 "%s takes ResourceName.AttributeName, found "
						 "'%.80s' with no attribute after the dot",
						 fn_label(n), arg->u.str);
			diag_hint(t->d->file, dg, "for example %s %.80sArn", fn_label(n),
				  arg->u.str);
			return;
		}
		if (!map_get(t->res, res))
			undefined(t, node_is(arg, N_SEQ) ? seq_at(arg, 0) : arg,
				  (size_t)-1, 0, "Fn::GetAtt resource", res, t->res,
				  NULL);
		break;
	}
	case FN_SUB:
		if (node_is(arg, N_STR)) {
			check_sub_vars(t, arg, NULL);
		} else if (node_is(arg, N_SEQ) && arg->len == 2 &&
			   (node_is(seq_at(arg, 1), N_MAP))) {
			if (node_intrinsic(seq_at(arg, 1)) == FN_NONE)
				check_sub_vars(t, seq_at(arg, 0), seq_at(arg, 1));
		} else if (node_intrinsic(arg) == FN_NONE) {
			report(t->d, BKP801, arg,
			       "%s takes a string, or [string, {variables}], found %s",
			       fn_label(n),
			       node_is(arg, N_SEQ) ? "a list of another shape"
						   : node_kind_name(arg));
		}
		break;
	case FN_IF:
		name = node_str(seq_at(arg, 0));
		if (name && !map_get(t->conds, name))
			undefined(t, seq_at(arg, 0), (size_t)-1, 0, "condition", name,
				  t->conds, NULL);
		break;
	case FN_CONDITION:
		name = node_str(arg);
		if (name && !map_get(t->conds, name))
			undefined(t, arg, (size_t)-1, 0, "condition", name, t->conds,
				  NULL);
		break;
	case FN_FINDINMAP:
		name = node_str(seq_at(arg, 0));
		if (name && !map_get(t->maps, name))
			undefined(t, seq_at(arg, 0), (size_t)-1, 0, "mapping", name,
				  t->maps, NULL);
		break;
	default:
		break;
	}
}

/* The tag as written at the start of a node's span ("!Foo"). */
static void unknown_tag(struct doc *d, const struct node *n)
{
	const char *b = d->file->src.buf;
	size_t s = n->start, e = s;
	int core;
	while (e < d->file->src.len && b[e] != ' ' && b[e] != '\n' &&
	       b[e] != '\r' && b[e] != '\t' && b[e] != ',' && b[e] != ']' &&
	       b[e] != '}' && e - s < 100)
		e++;
	if (e == s || b[s] != '!')
		return;
	core = e - s > 2 && b[s + 1] == '!';
	if (core && n->kind == N_STR &&
	    (strncmp(b + s, "!!int", e - s) == 0 || strncmp(b + s, "!!float", e - s) == 0 ||
	     strncmp(b + s, "!!bool", e - s) == 0 || strncmp(b + s, "!!null", e - s) == 0))
		report_at(d->file, d->index, BKP801, s, e, doc_path(d, n),
			  "YAML tag %.*s does not fit the value \"%.60s\": it is not %s",
			  (int)(e - s), b + s, n->u.str,
			  b[s + 2] == 'i' ? "an integer" : b[s + 2] == 'f' ? "a number"
			  : b[s + 2] == 'b' ? "true or false" : "null");
	else if (core)
		report_at(d->file, d->index, BKP801, s, e, doc_path(d, n),
			  "YAML tag %.*s: %s reads only strings, numbers, booleans, "
			  "null, lists and mappings", (int)(e - s), b + s,
			  d->kind == DOC_CFN ? "CloudFormation" : "the AWS CLI");
	else
		report_at(d->file, d->index, BKP801, s, e, doc_path(d, n),
			  "unknown YAML tag %.*s: %s", (int)(e - s), b + s,
			  d->kind == DOC_CFN
				  ? "CloudFormation knows !Ref, !Sub, !GetAtt, !If, !Join, "
				    "!Select, !Split, !FindInMap, !ImportValue, !Base64, "
				    "!GetAZs, !Cidr, !Condition, !Equals, !And, !Or, !Not"
				  : "the AWS CLI cannot read it");
}

/* BKP803: YAML that CloudFormation does not read ("CloudFormation doesn't
 * support the following features: the binary, omap, pairs, set, and
 * timestamp tags; aliases; hash merges"). A warning: a template that
 * `aws cloudformation package` (or another tool) re-serialises deploys.
 * The tags are BKP801's (unknown_tag above), in every document. */
static void yaml_feature(struct tctx *t, const struct node *v)
{
	const char *b = t->d->file->src.buf, *what = NULL;
	size_t s = v->start, e = s;
	struct diag *dg;

	if (v->flags & NF_ALIAS) {
		what = "an alias";
		e = v->end;
	} else if (v->kind == N_MAP) {
		uint32_t i;
		for (i = 0; i < v->len; i++)
			if (map_key(v, i)->flags & NF_MERGED)
				break;
		if (i < v->len) {
			/* the "<<" key is not in the tree: find it in the text */
			const char *m = NULL, *p = b + v->start;
			while ((p = memmem(p, (size_t)(b + v->end - p), "<<", 2))) {
				const char *q = p + 2;
				while (q < b + v->end && (*q == ' ' || *q == '\t'))
					q++;
				if (q < b + v->end && *q == ':') {
					m = p;
					break;
				}
				p += 2;
			}
			if (!m)
				return;
			what = "a merge key (<<)";
			s = (size_t)(m - b);
			e = s + 2;
		}
	}
	if (!what)
		return;
	dg = report_at(t->d->file, t->d->index, BKP803, s, e, doc_path(t->d, v),
		       "CloudFormation does not read %s in a YAML template: "
		       "the stack fails with a template format error unless a "
		       "tool (aws cloudformation package) writes the template "
		       "out first", what);
	diag_hint(t->d->file, dg, "%s",
		  v->flags & NF_ALIAS
			  ? "repeat the value, or move it to a Parameter or Mappings"
			  : "write the value out as plain YAML");
}

/* Visit every node once (aliases included: they are bounded by
 * --max-alias-nodes), without recursion. */
static void walk(struct tctx *t, const struct node *root, int cfn)
{
	const struct node **stack;
	size_t n = 0, cap = 64;
	if (!root)
		return;
	stack = xmalloc(cap * sizeof(*stack));
	stack[n++] = root;
	while (n) {
		const struct node *v = stack[--n];
		uint32_t i, kids;
		if (v->flags & NF_UNKNOWN_TAG)
			unknown_tag(t->d, v);
		if (cfn && t->yaml)
			yaml_feature(t, v);
		if (v->kind != N_MAP && v->kind != N_SEQ)
			continue;
		if (cfn && v->kind == N_MAP) {
			enum cfn_fn fn = node_intrinsic(v);
			if (fn != FN_NONE)
				check_fn(t, v, fn);
		}
		kids = v->kind == N_MAP ? 2 * v->len : v->len;
		if (n + kids > cap) {
			while (n + kids > cap)
				cap *= 2;
			stack = xrealloc(stack, cap * sizeof(*stack));
		}
		/* push in reverse so that findings come in document order */
		for (i = kids; i-- > 0;)
			stack[n++] = &v->u.kids[i];
	}
	free(stack);
}

/* ---- BKP807: references to resources that exist only under a condition ---- */

/* What holds where a node is: a resource's Condition, the branches of the
 * Fn::If around it. */
struct assume {
	const char *cond;
	int truth;
	const struct assume *up;
};

/* Condition a being true makes condition b true: a is b, or a is
 * Fn::And of something that does, or a Condition that does. */
static int implies(struct tctx *t, const char *a, const char *b, int depth)
{
	const struct node *e, *arg;
	uint32_t i;
	if (strcmp(a, b) == 0)
		return 1;
	if (depth > 16 || !(e = map_get(t->conds, a)))
		return 0;
	arg = map_val(e, 0);
	switch (node_intrinsic(e)) {
	case FN_CONDITION:
		return node_str(arg) && implies(t, arg->u.str, b, depth + 1);
	case FN_AND:
		for (i = 0; node_is(arg, N_SEQ) && i < arg->len; i++) {
			const struct node *x = seq_at(arg, i);
			if (node_intrinsic(x) == FN_CONDITION &&
			    node_str(map_val(x, 0)) &&
			    implies(t, map_val(x, 0)->u.str, b, depth + 1))
				return 1;
		}
		return 0;
	default:
		return 0;
	}
}

/* The assumptions make condition c true. */
static int holds(struct tctx *t, const struct assume *as, const char *c)
{
	for (; as; as = as->up) {
		const struct node *e = map_get(t->conds, as->cond), *x;
		if (as->truth && implies(t, as->cond, c, 0))
			return 1;
		/* the false branch of Fn::Not [Condition X] */
		if (!as->truth && node_intrinsic(e) == FN_NOT &&
		    node_is(map_val(e, 0), N_SEQ) && map_val(e, 0)->len == 1 &&
		    node_intrinsic(x = seq_at(map_val(e, 0), 0)) == FN_CONDITION &&
		    node_str(map_val(x, 0)) && implies(t, map_val(x, 0)->u.str, c, 0))
			return 1;
	}
	return 0;
}

static void conditional_ref(struct tctx *t, const char *from, const struct node *at,
			    size_t off, size_t len, const char *target,
			    const char *how, const struct assume *as)
{
	const struct node *r = map_get(t->res, target);
	const char *c = node_str(map_get(r, "Condition"));
	struct diag *dg;
	if (!c || !map_get(t->conds, c) || holds(t, as, c))
		return;
	if (off == (size_t)-1)
		dg = report(t->d, BKP807, at,
			    "%s refers to %s (%s), which exists only when condition "
			    "%s is true: when it is false the stack fails "
			    "(unresolved resource dependency)", from, target, how, c);
	else
		dg = report_sub(t->d, BKP807, at, off, len,
				"%s refers to %s (%s), which exists only when "
				"condition %s is true: when it is false the stack "
				"fails (unresolved resource dependency)", from,
				target, how, c);
	/* under a condition of its own, it may hold whenever that one does */
	if (as)
		diag_demote(dg, 1);
	diag_hint(t->d->file, dg,
		  "give %s the Condition %s, or write !If [%s, ..., !Ref "
		  "AWS::NoValue] around the reference", from, c, c);
}

/* The references of one resource (or output) `from`, under `as`. */
static void refs_under(struct tctx *t, const char *from, const struct node *root,
		       const struct assume *as0)
{
	struct item { const struct node *n; const struct assume *as; } *st;
	size_t n = 0, cap = 64;
	uint32_t i;

	st = xmalloc(cap * sizeof(*st));
	st[n].n = root;
	st[n++].as = as0;
	while (n) {
		struct item it = st[--n];
		const struct node *v = it.n, *a;
		enum cfn_fn fn;
		const char *id;
		uint32_t kids;
		if (v->kind != N_MAP && v->kind != N_SEQ)
			continue;
		fn = node_intrinsic(v);
		if (fn == FN_REF || fn == FN_GETATT) {
			if ((id = cfn_ref_target(v)) && map_get(t->res, id))
				conditional_ref(t, from, v, (size_t)-1, 0, id,
						fn == FN_REF ? "Ref" : "Fn::GetAtt", it.as);
			continue;
		}
		if (fn == FN_SUB) {
			a = map_val(v, 0);
			a = node_is(a, N_SEQ) && a->len ? seq_at(a, 0) : a;
			if (node_str(a)) {
				const char *p, *str = a->u.str;
				for (p = strstr(str, "${"); p; p = strstr(p + 2, "${")) {
					const char *e = strchr(p, '}');
					size_t l;
					char name[256];
					if (!e || p[2] == '!')
						continue;
					l = strcspn(p + 2, ".}");
					if (l >= sizeof(name))
						continue;
					memcpy(name, p + 2, l);
					name[l] = '\0';
					if (map_get(t->res, name))
						conditional_ref(t, from, a, (size_t)(p + 2 - str),
								l, name, "Fn::Sub", it.as);
				}
			}
		}
		kids = v->kind == N_MAP ? 2 * v->len : v->len;
		if (n + kids + 2 > cap) {
			while (n + kids + 2 > cap)
				cap *= 2;
			st = xrealloc(st, cap * sizeof(*st));
		}
		if (fn == FN_IF && node_is(a = map_val(v, 0), N_SEQ) && a->len == 3 &&
		    node_str(seq_at(a, 0))) {
			for (i = 1; i <= 2; i++) {
				struct assume *as = arena_alloc(&t->d->arena, sizeof(*as));
				as->cond = seq_at(a, 0)->u.str;
				as->truth = i == 1;
				as->up = it.as;
				st[n].n = seq_at(a, i);
				st[n++].as = as;
			}
			continue;
		}
		for (i = kids; i-- > 0;) {
			st[n].n = &v->u.kids[i];
			st[n++].as = it.as;
		}
	}
	free(st);
}

static void check_conditional_refs(struct tctx *t)
{
	const struct node *sec[2] = { t->res, map_get(t->d->root, "Outputs") };
	uint32_t i, k, j;

	if (!node_is(t->conds, N_MAP))
		return;
	for (k = 0; k < 2; k++)
		for (i = 0; node_is(sec[k], N_MAP) && i < sec[k]->len; i++) {
			const struct node *r = map_val(sec[k], i), *dep;
			const char *c = node_str(map_get(r, "Condition"));
			const char *from = arena_printf(&t->d->arena, "%s %s",
							k ? "output" : "resource",
							node_str(map_key(sec[k], i)));
			struct assume *as = NULL;
			if (!node_is(r, N_MAP))
				continue;
			if (c) {
				as = arena_alloc(&t->d->arena, sizeof(*as));
				as->cond = c;
				as->truth = 1;
				as->up = NULL;
			}
			for (j = 0; j < r->len; j++) {
				const char *key = node_str(map_key(r, j));
				if (key && (strcmp(key, "Properties") == 0 ||
					    strcmp(key, "Value") == 0))
					refs_under(t, from, map_val(r, j), as);
			}
			dep = map_get(r, "DependsOn");
			if (node_str(dep))
				conditional_ref(t, from, dep, (size_t)-1, 0, dep->u.str,
						"DependsOn", as);
			for (j = 0; node_is(dep, N_SEQ) && j < dep->len; j++)
				if (node_str(seq_at(dep, j)))
					conditional_ref(t, from, seq_at(dep, j), (size_t)-1, 0,
							seq_at(dep, j)->u.str, "DependsOn", as);
		}
}

/* Resource attributes that name other parts of the template. */
static void check_resources(struct tctx *t)
{
	uint32_t i, j;
	if (!node_is(t->res, N_MAP))
		return;
	for (i = 0; i < t->res->len; i++) {
		const struct node *r = map_val(t->res, i);
		const struct node *c = map_get(r, "Condition"), *dep = map_get(r, "DependsOn");
		if (node_str(c) && !map_get(t->conds, c->u.str))
			undefined(t, c, (size_t)-1, 0, "condition", c->u.str, t->conds,
				  NULL);
		if (node_str(dep) && !map_get(t->res, dep->u.str))
			undefined(t, dep, (size_t)-1, 0, "DependsOn resource",
				  dep->u.str, t->res, NULL);
		if (node_is(dep, N_SEQ))
			for (j = 0; j < dep->len; j++) {
				const struct node *x = seq_at(dep, j);
				if (node_str(x) && !map_get(t->res, x->u.str))
					undefined(t, x, (size_t)-1, 0,
						  "DependsOn resource", x->u.str,
						  t->res, NULL);
			}
	}
}

void template_check_doc(struct doc *d)
{
	struct tctx t;
	int cfn = d->kind == DOC_CFN;
	memset(&t, 0, sizeof(t));
	t.d = d;
	if (cfn) {
		/* a template with a Transform (SAM, macros) is rewritten before
		 * CloudFormation reads it: names may come from the macro */
		if (map_get(d->root, "Transform"))
			cfn = 0;
		const char *b = d->file->src.buf;
		size_t k = 0;
		while (k < d->file->src.len && strchr(" \t\r\n", b[k]))
			k++;
		t.yaml = !(k < d->file->src.len && b[k] == '{');
		t.params = map_get(d->root, "Parameters");
		t.res = map_get(d->root, "Resources");
		t.conds = map_get(d->root, "Conditions");
		t.maps = map_get(d->root, "Mappings");
	}
	/* outside templates the walk only looks for YAML tags (the source
	 * is not searched for a '!': a big file's pages are given back by
	 * now, source.h) */
	if (cfn || d->tagged)
		walk(&t, d->root, cfn);
	if (cfn) {
		check_resources(&t);
		check_conditional_refs(&t);
	}
}
