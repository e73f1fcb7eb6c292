/* tf_schema.c - BKP101-BKP109 on Terraform: the arguments and nested
 * blocks of the AWS Backup resources of a .tf or .tf.json file against
 * schemas/shapes-tf.json, with Terraform's own reading of values.
 *
 * How the shapes read as Terraform: a member whose shape is a structure is
 * a nested block written at most once, a member whose shape is a list of
 * structures is a repeatable block, every other member is an argument.
 * Terraform converts a configuration's values to the schema's types before
 * the provider sees them, so "120" is the number 120, 30 the string "30"
 * and "true" the bool true; only what no conversion makes right is a type
 * error. Expressions (references, function calls, templates with ${}) are
 * unknown and never judged; null is "not set". The meta-arguments (count,
 * for_each, depends_on, provider, and the lifecycle, provisioner and
 * connection blocks) are valid on every resource, and `dynamic "x"` stands
 * for any number of x blocks, its content checked as one.
 *
 * A resource type one slip from one of these is BKP806.
 *
 * Positions: an unknown or misplaced argument or block at its name (for a
 * dynamic block, at its label); a misspelt resource type at its label; wrong values at the value; a missing
 * argument at the block that lacks it (a resource at its name label); a
 * second block where one is allowed at the second. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../linter/strbuf.h"
#include "../linter/suggest.h"
#include "../linter/utf8.h"
#include "families.h"
#include "schema_check.h"
#include "tf_eval.h"

/* The Terraform kinds of a literal, as Terraform's messages say them. */
static const char *tf_kind(const struct node *n)
{
	switch (n->kind) {
	case N_NULL: return "null";
	case N_BOOL: return "a bool";
	case N_INT: case N_FLOAT: return "a number";
	case N_STR: return "a string";
	case N_MAP: return "an object";
	case N_SEQ: return "a list";
	}
	return "an expression";
}

static const char *tf_want(const struct shape *s)
{
	switch (s->kind) {
	case SK_LONG: case SK_INTEGER: return "a whole number";
	case SK_NUMBER: return "a number";
	case SK_BOOL: return "a bool (true or false)";
	case SK_MAP: return "a map";
	case SK_LIST: return "a list";
	default: return "a string";
	}
}

static int is_block(const struct shape *s)
{
	return s->kind == SK_STRUCT ||
	       (s->kind == SK_LIST && s->item && s->item->kind == SK_STRUCT);
}

static const struct shape *block_shape(const struct shape *s)
{
	return s->kind == SK_STRUCT ? s : s->item;
}

static void wrong(struct vctx *c, const struct shape *s, const struct node *v,
		  const char *label)
{
	if (v->kind == N_MAP || v->kind == N_SEQ)
		rep(c, BKP102, v, "%s is %s but must be %s", label, tf_kind(v),
		    tf_want(s));
	else
		rep(c, BKP102, v, "%s is %s (%s) but must be %s", label,
		    tf_kind(v), show(c, v), tf_want(s));
}

/* A string as Terraform reads a number: decimal, no spaces, no hex. */
static int tf_number_text(const char *s, double *out)
{
	char *end;
	if (!*s || strspn(s, "0123456789+-.eE") != strlen(s))
		return 0;
	*out = strtod(s, &end);
	return *end == '\0' && isfinite(*out);
}

static void check_number(struct vctx *c, const struct shape *s,
			 const struct node *v, const char *label)
{
	double x;
	if (v->flags & NF_BIG) {
		rep(c, BKP104, v, "%s is %s, which does not fit a 64-bit number",
		    label, show(c, v));
		return;
	}
	if (v->kind == N_INT)
		x = (double)v->u.i;
	else if (v->kind == N_FLOAT)
		x = v->u.f;
	else if (v->kind != N_STR || !tf_number_text(v->u.str, &x)) {
		wrong(c, s, v, label);
		return;
	}
	if ((s->kind == SK_LONG || s->kind == SK_INTEGER) && x != floor(x)) {
		rep(c, BKP102, v, "%s is %s but must be a whole number", label,
		    show(c, v));
		return;
	}
	if (x == 0 && s->zero_unset)
		return; /* the provider does not send it */
	check_range(c, s, v, label, x, NULL);
}

static void check_arg(struct vctx *c, const struct shape *s,
		      const struct node *v, const char *label);

/* BKP109: a selection's resources: 500 ARNs, or 30 once any has a
 * wildcard; an item that is an expression is one ARN all the same. */
static void check_arn_quota(struct vctx *c, const struct shape *s,
			    const struct node *v, const char *label)
{
	long long wild = 0, max;
	uint32_t i;
	for (i = 0; i < v->len; i++)
		if (seq_at(v, i)->kind == N_STR &&
		    memchr(seq_at(v, i)->u.str, '*', seq_at(v, i)->len))
			wild++;
	max = wild ? s->arn_max_wild : s->arn_max;
	if ((long long)v->len <= max)
		return;
	if (wild)
		rep(c, BKP109, seq_at(v, (uint32_t)max), "%s has %u ARNs, %lld of "
		    "them with wildcards; with any wildcard at most %lld are "
		    "allowed (%lld without)", label, v->len, wild,
		    s->arn_max_wild, s->arn_max);
	else
		rep(c, BKP109, seq_at(v, (uint32_t)max), "%s has %u ARNs; at "
		    "most %lld are allowed (%lld when any has a wildcard)",
		    label, v->len, s->arn_max, s->arn_max_wild);
}

static void check_items(struct vctx *c, const struct shape *s,
			const struct node *v, const char *label)
{
	char *sub;
	uint32_t i;
	if (v->kind == N_SEQ) {
		for (i = 0; i < v->len; i++) {
			sub = arena_printf(&c->d->arena, "%s[%u]", label, i);
			check_arg(c, s->item, seq_at(v, i), sub);
		}
		if (s->has_max_items && (long long)v->len > s->max_items)
			rep(c, BKP109, seq_at(v, (uint32_t)s->max_items),
			    "%s has %u entries but at most %lld are allowed",
			    label, v->len, s->max_items);
		if (s->arn_quota)
			check_arn_quota(c, s, v, label);
		return;
	}
	for (i = 0; i < v->len; i++) {
		const struct node *k = map_key(v, i);
		if (k->kind == N_STR && s->key)
			check_arg(c, s->key, k, s->key->what ? s->key->what
							     : "key");
		check_arg(c, s->value, map_val(v, i), k->kind == N_STR ?
			  arena_printf(&c->d->arena, "%s[\"%s\"]", label, k->u.str)
			  : label);
	}
	if (s->has_max_items && (long long)v->len > s->max_items)
		rep(c, BKP109, map_key(v, (uint32_t)s->max_items),
		    "%s has %u entries but at most %lld are allowed%s%s%s",
		    label, v->len, s->max_items, s->max_why ? " (" : "",
		    s->max_why ? s->max_why : "", s->max_why ? ")" : "");
}

/* A template ("daily-${var.env}") where a string is wanted: its literal
 * text is known, what the interpolations give is not. The text is checked
 * with a placeholder for each of them, as CloudFormation's Fn::Sub is. */
static void check_template(struct vctx *c, const struct shape *s,
			   const struct node *v, const char *label)
{
	struct strbuf b = { NULL, 0, 0, &c->d->arena };
	const char *src = c->d->file->src.buf, ph = PH_ANY;
	size_t lit = 0, holes = 0;
	uint32_t i;

	if (!s->pattern && !s->arn)
		return;
	for (i = 0; i < v->len; i++) {
		const struct node *part = seq_at(v, i);
		if (part->kind == N_STR && part->style == S_PLAIN) {
			strbuf_add(&b, part->u.str, part->len);
			lit += utf8_count(part->u.str, part->len);
		} else {
			strbuf_add(&b, &ph, 1);
			holes++;
		}
	}
	if (holes && lit && b.s && !memchr(b.s, '\0', b.n)) {
		c->partial_min = lit;
		c->partial_note = "its literal text";
		check_string_text(c, s, b.s, b.n, v, label, 1,
				  quote(c, src + v->start + 1,
					v->end - v->start >= 2 ?
					v->end - v->start - 2 : 0));
		c->partial_min = 0;
		c->partial_note = NULL;
	}
}

/* An argument's value: literals, and the literal text of templates. */
static void check_arg(struct vctx *c, const struct shape *s,
		      const struct node *v, const char *label)
{
	const char *t;
	if (v && v->kind == N_EXPR && v->style == EXPR_TEMPLATE &&
	    s->kind == SK_STRING && v->end > v->start &&
	    c->d->file->src.buf[v->start] == '"') {
		check_template(c, s, v, label);
		return;
	}
	if (!v || v->kind == N_EXPR || v->kind == N_NULL || s->kind == SK_ANY)
		return;
	switch (s->kind) {
	case SK_STRING:
		if (v->kind == N_STR) {
			if (v->len == 0 && s->empty_unset)
				return;
			check_string_text(c, s, v->u.str, v->len, v, label, 0, NULL);
		} else if (v->kind == N_INT || v->kind == N_FLOAT ||
			   v->kind == N_BOOL) {
			/* Terraform converts it to its text */
			if (v->flags & NF_BIG)
				return;
			t = show(c, v);
			check_string_text(c, s, t, strlen(t), v, label, 0, t);
		} else {
			wrong(c, s, v, label);
		}
		return;
	case SK_LONG: case SK_INTEGER: case SK_NUMBER:
		check_number(c, s, v, label);
		return;
	case SK_BOOL:
		/* cty converts "true" and "1", "false" and "0" */
		if (v->kind == N_BOOL ||
		    (v->kind == N_STR && (strcmp(v->u.str, "true") == 0 ||
					  strcmp(v->u.str, "false") == 0 ||
					  strcmp(v->u.str, "1") == 0 ||
					  strcmp(v->u.str, "0") == 0)))
			return;
		wrong(c, s, v, label);
		return;
	case SK_MAP:
		if (v->kind != N_MAP)
			wrong(c, s, v, label);
		else
			check_items(c, s, v, label);
		return;
	case SK_LIST:
		if (v->kind != N_SEQ)
			wrong(c, s, v, label);
		else
			check_items(c, s, v, label);
		return;
	default:
		return;
	}
}

/* ---- bodies ---- */

/* Rename key k to `to`: its bytes stand in the source when it is an HCL
 * name or a JSON key without escapes. */
static void rename_fix(struct vctx *c, struct diag *dg, const struct node *k,
		       const char *to, int safe)
{
	struct fix *fx;
	unsigned q;
	if (!dg)
		return;
	if (node_verbatim(k)) {
		diag_fix_sub(c->d->file, dg, safe, k, 0, k->len, to,
			     "rename %s to %s", k->u.str, to);
		return;
	}
	/* an HCL name, or a quoted label ("dynamic" blocks) without escapes */
	q = k->style == S_QUOTED;
	if ((k->style != S_PLAIN && !q) || k->end - k->start != k->len + 2 * q ||
	    memcmp(c->d->file->src.buf + k->start + q, k->u.str, k->len) != 0)
		return;
	fx = diag_fix(c->d->file, dg, safe, "rename %s to %s", k->u.str, to);
	fix_edit(c->d->file, fx, k->start + q, k->end - q, to);
}

static int meta_attr(const char *n)
{
	return !strcmp(n, "count") || !strcmp(n, "for_each") ||
	       !strcmp(n, "depends_on") || !strcmp(n, "provider");
}

static int meta_block(const char *n)
{
	return !strcmp(n, "lifecycle") || !strcmp(n, "provisioner") ||
	       !strcmp(n, "connection");
}

/* BKP101 for name k in body shape s at `where`. Returns the member the
 * message names as the right spelling (so that it is not also reported
 * missing), or NULL. A rename is a safe fix unless `safe` says otherwise
 * (a dynamic block's label also names its iterator). */
static const struct member *unknown(struct vctx *c, const struct shape *s,
		    const unsigned char *present, const struct node *k,
		    const char *what, const char *where, int safe)
{
	const char *name = k->u.str, *why, *mean;
	const char **cand;
	struct diag *dg;
	size_t i, n;

	if ((why = note_find(s->readonly, s->nreadonly, name))) {
		rep(c, BKP101, k, "%s", why);
		return NULL;
	}
	mean = note_find(c->db->other_names, c->db->nother, name);
	if (mean && member_find(s, mean)) {
		dg = rep(c, BKP101, k, "unknown %s %s in %s; the provider calls "
			 "it %s", what, name, where, mean);
		if (dg)
			diag_hint(c->d->file, dg, "rename %s to %s", name, mean);
		rename_fix(c, dg, k, mean, safe);
		return member_find(s, mean);
	}
	/* a member of a nested block written one level too high */
	for (i = 0; i < s->nmembers; i++) {
		const struct shape *bs = s->members[i].shape;
		const char *as;
		if (!is_block(bs))
			continue;
		bs = block_shape(bs);
		as = member_find(bs, name) ? name :
		     mean && member_find(bs, mean) ? mean : NULL;
		if (!as)
			continue;
		dg = rep(c, BKP101, k, "unknown %s %s in %s; %s%s is an argument "
			 "of the %s block", what, name, where, as == name ? "" :
			 "the provider's ", as, s->members[i].name);
		if (dg)
			diag_hint(c->d->file, dg, "move it inside %s { ... }%s%s",
				  s->members[i].name, as == name ? "" : " as ",
				  as == name ? "" : as);
		return NULL;
	}
	cand = arena_alloc(&c->d->arena, (s->nmembers + 1) * sizeof(*cand));
	for (i = n = 0; i < s->nmembers; i++)
		if (!present[i] || is_block(s->members[i].shape))
			cand[n++] = s->members[i].name;
	mean = did_you_mean(name, cand, n);
	if (mean) {
		dg = rep(c, BKP101, k, "unknown %s %s in %s; did you mean "
			 "\"%s\"?%s", what, name, where, mean,
			 strcasecmp(mean, name) == 0 ?
			 " (names are case-sensitive)" : "");
		if (dg)
			diag_hint(c->d->file, dg, "rename it to %s", mean);
		if (did_you_mean_only(name, cand, n) == mean)
			rename_fix(c, dg, k, mean, safe);
		return member_find(s, mean);
	}
	dg = rep(c, BKP101, k, "unknown %s %s in %s", what, name, where);
	for (i = 0; i < s->nmembers; i++)
		cand[i] = s->members[i].name;
	if (dg)
		diag_hint(c->d->file, dg, "%s takes: %s", where,
			  join_list(c, cand, s->nmembers, ""));
	return NULL;
}

static void check_body(struct vctx *c, const struct shape *s,
		       const struct node *body, const struct node *at,
		       const char *path, int top);

/* The body of block value v (labels are not expected: NULL then). */
static const struct node *body_of(const struct node *v)
{
	return node_is(v, N_MAP) && (v->flags & NF_BODY) ? v : NULL;
}

/* dynamic "NAME" { for_each = ..., content { ... } } in body shape s. */
static void check_dynamic(struct vctx *c, const struct shape *s,
			  const struct node *v, unsigned char *present,
			  const char *path, const char *where)
{
	const struct node *lab, *b, *content;
	const struct member *m;
	const char *name;
	uint32_t i;

	if (!(v = tf_label(v, &lab)) || !(b = body_of(v)))
		return;
	name = node_str(lab);
	m = member_find(s, name);
	if (!m) {
		/* content refers to the label unless an iterator is named */
		if ((m = unknown(c, s, present, lab, "block", where,
				 map_get(b, "iterator") != NULL)))
			present[m - s->members] = 2;
		return;
	}
	if (!is_block(m->shape)) {
		rep(c, BKP102, lab, "dynamic \"%s\" makes blocks, but %s is an "
		    "argument of %s: set it with %s = ...", name, name, where,
		    name);
		return;
	}
	present[m - s->members] = 2; /* any number of blocks */
	for (i = 0; i < b->len; i++) {
		const struct node *k = map_key(b, i);
		if ((k->flags & NF_BLOCK) && node_streq(k, "content") &&
		    (content = body_of(map_val(b, i))))
			check_body(c, block_shape(m->shape), content, k,
				   arena_printf(&c->d->arena, "%s%s%s", path,
						*path ? "." : "", name), 0);
	}
}

/* BKP108: the blocks `name` of body must differ in their literal
 * argument `by` (rule_name in a plan's rule blocks). */
static void check_unique(struct vctx *c, const struct node *body,
			 const char *name, const char *by, const char *where)
{
	const struct node **seen = arena_alloc(&c->d->arena,
					       (body->len + 1) * sizeof(*seen));
	size_t n = 0, j;
	uint32_t k;

	for (k = 0; k < body->len; k++) {
		const struct node *kn = map_key(body, k), *b, *v;
		struct diag *dg;
		if (!(kn->flags & NF_BLOCK) || !node_streq(kn, name) ||
		    !(b = body_of(map_val(body, k))) ||
		    !node_is(v = map_get(b, by), N_STR))
			continue;
		for (j = 0; j < n; j++)
			if (strcmp(seen[j]->u.str, v->u.str) == 0)
				break;
		if (j == n) {
			seen[n++] = v;
			continue;
		}
		dg = rep(c, BKP108, v, "%s %s is used by two %s blocks of %s; "
			 "%s values must be unique within a plan", by, show(c, v),
			 name, where, by);
		if (dg)
			diag_related(c->d->file, dg, seen[j]->start, "first used here");
	}
}

static void check_body(struct vctx *c, const struct shape *s,
		       const struct node *body, const struct node *at,
		       const char *path, int top)
{
	unsigned char *present = arena_zalloc(&c->d->arena, s->nmembers + 1);
	const struct node **second = arena_zalloc(&c->d->arena,
					(s->nmembers + 1) * sizeof(*second));
	const char *where = top ? path : arena_printf(&c->d->arena, "block %s",
						      path);
	const char *pre = top ? "" : path, *dot = top ? "" : ".";
	const struct member *m;
	size_t i, fl = strlen(c->d->file->src.name);
	uint32_t k;
	/* Terraform's JSON syntax (tf_json.c): blocks are objects there */
	int json = fl > 8 && strcmp(c->d->file->src.name + fl - 8, ".tf.json") == 0;

	for (k = 0; k < body->len; k++) {
		const struct node *kn = map_key(body, k);
		if (kn->kind == N_STR && (m = member_find(s, kn->u.str)) &&
		    !((kn->flags & NF_BLOCK) && !is_block(m->shape))) {
			if (present[m - s->members] == 1 && !second[m - s->members])
				second[m - s->members] = kn;
			present[m - s->members] = 1;
		}
	}
	for (k = 0; k < body->len; k++) {
		const struct node *kn = map_key(body, k), *v = map_val(body, k), *b;
		const char *name = node_str(kn), *sub;
		if (!name)
			continue;
		sub = arena_printf(&c->d->arena, "%s%s%s", pre, dot, name);
		m = member_find(s, name);
		if (kn->flags & NF_BLOCK) {
			if (strcmp(name, "dynamic") == 0) {
				check_dynamic(c, s, v, present, pre, where);
				continue;
			}
			if (top && meta_block(name))
				continue;
			if (!m) {
				if ((m = unknown(c, s, present, kn, "block", where, 1)))
					present[m - s->members] = 2;
				continue;
			}
			if (!is_block(m->shape)) {
				struct diag *dg = rep(c, BKP102, kn, "%s is an "
						      "argument of %s, not a block: "
						      "write %s = ...", name, where,
						      name);
				if (dg && m->shape->kind == SK_MAP && body_of(v)) {
					struct fix *fx = diag_fix(c->d->file, dg, 1,
								  "write %s = { ... }",
								  name);
					fix_edit(c->d->file, fx, kn->end, kn->end, " =");
				}
				continue;
			}
			if ((b = body_of(v)))
				check_body(c, block_shape(m->shape), b, kn, sub, 0);
			else if (node_is(v, N_MAP) && (v->flags & NF_LABEL))
				rep(c, BKP102, map_key(v, 0), "%s blocks take no "
				    "label: write %s { ... }", name, name);
			continue;
		}
		if (top && meta_attr(name))
			continue;
		if (!m) {
			if ((m = unknown(c, s, present, kn, "argument", where, 1)))
				present[m - s->members] = 2;
			continue;
		}
		if (is_block(m->shape) && json) {
			rep(c, BKP102, v, "%s is a block of %s: it must be an object%s, "
			    "not %s", name, where, m->shape->kind == SK_LIST ?
			    " or an array of objects" : "", tf_kind(v));
			continue;
		}
		if (is_block(m->shape)) {
			rep(c, BKP102, kn, "%s is a block of %s, not an argument: "
			    "write %s { ... }%s", name, where, name,
			    m->shape->kind == SK_LIST ? ", once per item" : "");
			continue;
		}
		check_arg(c, m->shape, v, sub);
	}
	for (i = 0; i < s->nmembers; i++)
		if (s->members[i].shape->unique_by)
			check_unique(c, body, s->members[i].name,
				     s->members[i].shape->unique_by, where);
	for (i = 0; i < s->nmembers; i++)
		if (second[i] && s->members[i].shape->kind == SK_STRUCT)
			rep(c, BKP109, second[i], "%s has a second %s block; "
			    "at most one is allowed", where, s->members[i].name);
	for (i = 0; i < s->nrequired; i++) {
		const struct member *r = member_find(s, s->required[i]);
		if (present[r - s->members])
			continue;
		rep(c, BKP103, at, "%s has no %s%s, which it requires", where,
		    s->required[i], is_block(r->shape) ? " block" : "");
	}
}

/* ---- resources ---- */

/* BKP806: resource type t (an "aws_" one that is not of ours) one or two
 * slips from one of the AWS Backup resource types. A longer name made of
 * ours and more words (aws_backup_vault_x) may be a type of a newer
 * provider, and is left alone. */
static void unknown_type(struct vctx *c, const struct node *t)
{
	const char *ty = t->u.str, *best = NULL;
	unsigned bd = 3, dist;
	struct diag *dg;
	size_t i, l;

	if (strncmp(ty, "aws_", 4) != 0)
		return;
	for (i = 0; i < c->db->ndocuments; i++) {
		const char *k = c->db->documents[i].name;
		l = strlen(k);
		if (strncmp(ty, k, l) == 0 && ty[l] == '_')
			continue;
		dist = edit_distance(ty, strlen(ty), k, l, 0);
		if (dist < bd) {
			bd = dist;
			best = k;
		}
	}
	if (!best)
		return;
	dg = rep(c, BKP806, t, "%s is not a resource type of the AWS provider; "
		 "did you mean %s?", ty, best);
	rename_fix(c, dg, t, best, 1);
}

void tf_schema_check(struct doc *d)
{
	const struct node *root = d->root;
	struct vctx c;
	uint32_t i;

	if (!node_is(root, N_MAP))
		return;
	memset(&c, 0, sizeof(c));
	c.d = d;
	c.db = shapes_tf();
	c.root = root;
	for (i = 0; i < root->len; i++) {
		const struct node *k = map_key(root, i), *t, *n, *v, *body;
		const struct shape *s;
		if (!(k->flags & NF_BLOCK) || !node_streq(k, "resource"))
			continue;
		v = tf_label(map_val(root, i), &t);
		v = v ? tf_label(v, &n) : NULL;
		if (!(body = body_of(v)))
			continue;
		if (!(s = doc_shape(c.db, t->u.str))) {
			unknown_type(&c, t);
			continue;
		}
		check_body(&c, s, body, n, arena_printf(&d->arena, "%s.%s",
							t->u.str, n->u.str), 1);
	}
}
