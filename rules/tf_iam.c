/* tf_iam.c - the trust policy of the aws_iam_role a Terraform selection's
 * iam_role_arn references, as the tree of its JSON document (tf_eval.h):
 * from jsonencode({...}), a JSON string or heredoc, or an
 * aws_iam_policy_document data source. */
#include <string.h>

#include "../linter/load.h"
#include "kinds.h"
#include "model.h"
#include "tf_eval.h"

/* The block in d or another file of its module; *in: the document. */
static const struct node *module_block(struct doc *d, int data,
				       const char *type, const char *name,
				       struct doc **in)
{
	const struct node *b;
	struct doc **mod;
	size_t i, n;

	*in = d;
	if ((b = data ? tf_find_data(d, type, name) : tf_find_resource(d, type, name)))
		return b;
	n = tf_module_docs(d, &mod);
	for (i = 0; i < n; i++)
		if (mod[i] != d &&
		    (b = data ? tf_find_data(mod[i], type, name)
			      : tf_find_resource(mod[i], type, name))) {
			*in = mod[i];
			return b;
		}
	return NULL;
}

/* `TYPE.NAME.ATTR` (or TYPE.NAME[i].ATTR; data.TYPE.NAME.ATTR with
 * data): NAME, else NULL. */
static const char *ref_name(const struct node *e, int data, const char *type,
			    const char *attr)
{
	struct tf_ref r;
	if (!tf_ref_parse(e, &r) || r.data != data || strcmp(r.type, type) != 0 ||
	    strcmp(r.attr, attr) != 0)
		return NULL;
	return r.name;
}

/* Move every span of tree n by off, or (off < 0) onto [s, e). */
static void respan(struct node *n, long off, uint32_t s, uint32_t e)
{
	uint32_t i, kids;
	if (off >= 0) {
		n->start += (uint32_t)off;
		n->end += (uint32_t)off;
	} else {
		n->start = s;
		n->end = e;
	}
	n->flags &= (uint16_t)~NF_VERBATIM;
	if (n->kind != N_MAP && n->kind != N_SEQ)
		return;
	kids = n->kind == N_MAP ? 2 * n->len : n->len;
	for (i = 0; i < kids; i++)
		respan(&n->u.kids[i], off, s, e);
}

static void no_dup(void *ud, const struct node *a, const struct node *b)
{
	(void)ud;
	(void)a;
	(void)b;
}

/* The JSON text of string node v (as written at `at`), parsed. */
static const struct node *json_doc(struct doc *d, const struct node *v,
				   const struct node *at)
{
	struct load_ctx c;
	struct node *root;

	memset(&c, 0, sizeof(c));
	c.a = &d->arena;
	c.max_depth = d->file->run->s->opt.max_depth;
	c.on_dup = no_dup;
	if (!(root = json_parse(&c, v->u.str, v->len)))
		return NULL; /* not JSON: IAM says so when it is applied */
	/* a heredoc that stands in the source as it is: its own places */
	if (node_verbatim(v) && v == at && v->style == S_BLOCK)
		respan(root, (long)node_text_start(v), 0, 0);
	else
		respan(root, -1, at->start, at->end);
	return root;
}

static struct node *mk(struct doc *d, int kind, const struct node *span)
{
	struct node *n = arena_zalloc(&d->arena, sizeof(*n));
	n->kind = (uint8_t)kind;
	n->start = span->start;
	n->end = span->end;
	n->flags = NF_DERIVED;
	return n;
}

static struct node *mk_str(struct doc *d, const char *s, const struct node *span)
{
	struct node *n = mk(d, N_STR, span);
	n->u.str = s;
	n->len = (uint32_t)strlen(s);
	n->style = S_QUOTED;
	return n;
}

/* A map of n pairs, filled by the caller. */
static struct node *mk_map(struct doc *d, uint32_t n, const struct node *span)
{
	struct node *m = mk(d, N_MAP, span);
	m->u.kids = arena_zalloc(&d->arena, (2 * n + 1) * sizeof(*m));
	return m;
}

static void put(struct node *m, struct node *k, const struct node *v)
{
	k->flags |= NF_KEY;
	m->u.kids[2 * m->len] = *k;
	m->u.kids[2 * m->len + 1] = *v;
	m->len++;
}

/* principals / not_principals blocks of statement s as a Principal map
 * {TYPE: identifiers}; NULL when a type is not a literal. */
static const struct node *principals(struct doc *d, const struct node *s,
				     const char *name, const struct node **key)
{
	struct node *m = NULL;
	uint32_t i, n = 0;

	for (i = 0; i < s->len; i++)
		n += (map_key(s, i)->flags & NF_BLOCK) && node_streq(map_key(s, i), name);
	*key = NULL;
	for (i = 0; i < s->len; i++) {
		const struct node *k = map_key(s, i), *b = map_val(s, i);
		const char *type = node_str(map_get(b, "type"));
		if (!(k->flags & NF_BLOCK) || !node_streq(k, name))
			continue;
		if (!type || !map_get(b, "identifiers") ||
		    (m && map_get(m, type)))
			return NULL;
		if (!m) {
			m = mk_map(d, n, b);
			*key = k;
		}
		put(m, mk_str(d, type, map_get(b, "type")), map_get(b, "identifiers"));
	}
	return m;
}

/* data "aws_iam_policy_document": its statement blocks as a policy; NULL
 * when it merges other documents or has a statement we cannot read. */
static const struct node *policy_document(struct doc *d, const struct node *b)
{
	static const char *const names[][2] = {
		{ "actions", "Action" }, { "not_actions", "NotAction" },
	};
	struct node *pol, *st;
	uint32_t i, n = 0, k;

	if (map_get(b, "source_policy_documents") ||
	    map_get(b, "override_policy_documents") ||
	    map_get(b, "source_json") || map_get(b, "override_json") ||
	    tf_has_dynamic(b, "statement"))
		return NULL;
	for (i = 0; i < b->len; i++)
		n += (map_key(b, i)->flags & NF_BLOCK) && node_streq(map_key(b, i), "statement");
	pol = mk_map(d, 1, b);
	st = mk(d, N_SEQ, b);
	st->u.kids = arena_zalloc(&d->arena, (n + 1) * sizeof(*st));
	for (i = 0; i < b->len; i++) {
		const struct node *s = map_val(b, i), *eff, *pr, *pk;
		struct node *sm;
		if (!(map_key(b, i)->flags & NF_BLOCK) ||
		    !node_streq(map_key(b, i), "statement"))
			continue;
		if (!node_is(s, N_MAP) || tf_has_dynamic(s, "principals"))
			return NULL;
		sm = mk_map(d, 4, s);
		eff = map_get(s, "effect");
		put(sm, mk_str(d, "Effect", eff ? map_get_key(s, "effect") : map_key(b, i)),
		    eff ? eff : mk_str(d, "Allow", map_key(b, i)));
		for (k = 0; k < 2; k++)
			if (map_get(s, names[k][0]))
				put(sm, mk_str(d, names[k][1], map_get_key(s, names[k][0])),
				    map_get(s, names[k][0]));
		if ((pr = principals(d, s, "principals", &pk)))
			put(sm, mk_str(d, "Principal", pk), pr);
		else if (pk || tf_has_dynamic(s, "principals"))
			return NULL;
		if ((pr = principals(d, s, "not_principals", &pk)))
			put(sm, mk_str(d, "NotPrincipal", pk), pr);
		else if (pk)
			return NULL;
		st->u.kids[st->len++] = *sm;
	}
	put(pol, mk_str(d, "Statement", b), st); /* a copy: once it is full */
	return pol;
}

/* 1 when tree n holds no expression. */
static int literal(const struct node *n, int depth)
{
	uint32_t i, kids;
	if (n->kind == N_EXPR || depth > 64)
		return 0;
	if (n->kind != N_MAP && n->kind != N_SEQ)
		return 1;
	kids = n->kind == N_MAP ? 2 * n->len : n->len;
	for (i = 0; i < kids; i++)
		if (!literal(&n->u.kids[i], depth + 1))
			return 0;
	return 1;
}

const struct node *tf_role_trust(struct doc *d, const struct node *arn,
				 const char **role, struct doc **in,
				 const struct node **key)
{
	const char *name = ref_name(arn, 0, "aws_iam_role", "arn"), *dn;
	const struct node *body, *v, *b;
	struct doc *rd, *dd;
	struct tf_val tv;

	*role = name ? arena_printf(&d->arena, "aws_iam_role.%s", name) : NULL;
	if (!name || !(body = module_block(d, 0, "aws_iam_role", name, &rd)))
		return NULL;
	*in = rd;
	*key = map_get_key(body, "assume_role_policy");
	if (!(v = map_get(body, "assume_role_policy")))
		return NULL;
	if (node_is(v, N_STR))
		return json_doc(rd, v, v);
	if ((dn = ref_name(v, 1, "aws_iam_policy_document", "json"))) {
		if (!(b = module_block(rd, 1, "aws_iam_policy_document", dn, &dd)))
			return NULL;
		*in = dd;
		return policy_document(dd, b);
	}
	if (node_is(v, N_EXPR) && v->style == EXPR_CALL && v->len == 2 &&
	    node_streq(seq_at(v, 0), "jsonencode") && !(v->flags & NF_EXPAND)) {
		/* the object itself: as written when it is all literal */
		if (literal(seq_at(v, 1), 0))
			return seq_at(v, 1);
		tf_eval(rd, seq_at(v, 1), &tv);
		return tv.state == TF_KNOWN || tv.state == TF_ASSUMED ? tv.node : NULL;
	}
	tf_eval(rd, v, &tv);
	if ((tv.state == TF_KNOWN || tv.state == TF_ASSUMED) && node_is(tv.node, N_STR))
		return json_doc(rd, tv.node, v);
	return NULL;
}
