/* orgpolicy_embed.c - Organizations backup policies inside a
 * CloudFormation template (AWS::Organizations::Policy, Type BACKUP_POLICY,
 * Content) and, for orgpolicy_tf.c, the one way to lint a policy that
 * another document holds: a mapping where it stands, a string parsed as
 * JSON with its positions mapped back into the file. */
#include "orgpolicy.h"

#include <stdlib.h>
#include <string.h>

#include "../linter/data.h"
#include "../linter/load.h"
#include "cfn.h"
#include "kinds.h"
#include "registry.h"

const char *org_embedded_name(const char *key)
{
	return node_str(map_get(map_get(data_tree("org-policy.json"), "embedded"), key));
}

/* Where the lines of a string's text stand in the file: text line k
 * starts at text offset t[k] and at file offset s[k]. */
struct linemap {
	uint32_t *t, *s;
	size_t n;
	uint32_t base;  /* one line: the text starts at this file offset */
};

static uint32_t map_off(const struct linemap *m, uint32_t off)
{
	size_t lo = 0, hi = m->n;
	if (!m->n)
		return m->base + off;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (m->t[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return m->s[lo] + (off - m->t[lo]);
}

/* The text of block string v (a YAML literal block, a heredoc) line by
 * line in the file: each of its lines ends a line of the file, the lines
 * after the one where v starts, in order. 0, or -1 when they do not. */
static int block_lines(const struct source *src, const struct node *v,
		       struct linemap *m)
{
	const char *s = v->u.str, *b = src->buf;
	size_t pos = v->start, k = 0, nl = 1, i;

	for (i = 0; i < v->len; i++)
		nl += s[i] == '\n';
	m->t = xcalloc(nl, sizeof(*m->t));
	m->s = xcalloc(nl, sizeof(*m->s));
	while (pos < src->len && b[pos] != '\n')
		pos++; /* the line holding `|` or `<<EOT` */
	for (i = 0; i <= v->len && k < nl; k++) {
		size_t e = i, fe, fl;
		while (e < v->len && s[e] != '\n')
			e++;
		if (pos >= src->len)
			return e == i ? 0 : -1;
		pos++;
		for (fe = pos; fe < src->len && b[fe] != '\n' && b[fe] != '\r'; fe++)
			;
		fl = fe - pos;
		if (fl < e - i || memcmp(b + fe - (e - i), s + i, e - i) != 0)
			return e == i ? 0 : -1;
		m->t[k] = (uint32_t)i;
		m->s[k] = (uint32_t)(fe - (e - i));
		m->n = k + 1;
		pos = fe < src->len && b[fe] == '\r' ? fe + 1 : fe;
		if (pos < src->len && b[pos] != '\n')
			pos--; /* a lone CR ended the line */
		i = e + 1;
	}
	return 0;
}

static void remap(struct node *n, const struct linemap *m, int depth)
{
	uint32_t i, kids = 0;
	if (depth > 10000)
		return;
	if (n->end > n->start) {
		uint32_t last = map_off(m, n->end - 1);
		n->start = map_off(m, n->start);
		n->end = last + 1;
	} else {
		n->start = n->end = map_off(m, n->start);
	}
	if (n->kind == N_MAP)
		kids = 2 * n->len;
	else if (n->kind == N_SEQ)
		kids = n->len;
	for (i = 0; i < kids; i++)
		remap(&n->u.kids[i], m, depth + 1);
}

struct dups {
	const struct node **v;
	size_t n, cap;
};

static void on_dup(void *ud, const struct node *first, const struct node *dup)
{
	struct dups *x = ud;
	if (x->n + 2 > x->cap) {
		x->cap = x->cap ? 2 * x->cap : 8;
		x->v = xrealloc(x->v, x->cap * sizeof(*x->v));
	}
	x->v[x->n++] = first;
	x->v[x->n++] = dup;
}

/* A policy written as a JSON string whose text stands in the file. */
static int embed_text(struct doc *d, const struct node *v)
{
	const struct source *src = &d->file->src;
	struct linemap m = { 0 };
	struct load_ctx c;
	struct dups dups = { 0 };
	struct doc *e;
	struct node *root;
	size_t i;

	if (node_verbatim(v)) {
		m.base = node_text_start(v);
	} else if (v->style != S_BLOCK || block_lines(src, v, &m) < 0) {
		free(m.t);
		free(m.s);
		return -1;
	}
	e = doc_embedded(d, v->len * 4);
	memset(&c, 0, sizeof(c));
	c.a = &e->arena;
	c.max_depth = d->file->run->s->opt.max_depth;
	c.max_alias_nodes = d->file->run->s->opt.max_alias_nodes;
	c.on_dup = on_dup;
	c.ud = &dups;
	root = json_parse(&c, v->u.str, v->len);
	if (!root) {
		/* not JSON: AWS refuses it (MalformedPolicyDocumentException) */
		uint32_t at = map_off(&m, (uint32_t)(c.err.off < v->len ? c.err.off : v->len ? v->len - 1 : 0));
		report_at(d->file, d->index,
			  backuplint.input_rule[c.err.kind < IN_COUNT ? c.err.kind : IN_SYNTAX],
			  at, at + (v->len ? 1 : 0), "",
			  c.err.kind == IN_SYNTAX ? "the backup policy is not JSON: %s"
						  : "the backup policy: %s", c.err.msg);
		lint_embedded(d, e); /* frees it */
	} else {
		remap(root, &m, 0);
		e->root = root;
		if (root->kind == N_MAP)
			e->kind = DOC_ORG_POLICY; /* what its Type says */
		for (i = 0; i + 1 < dups.n; i += 2) {
			struct pos fp = source_pos(&d->file->src, dups.v[i]->start);
			report(e, BKP002, dups.v[i + 1],
			       "duplicate key \"%s\": already defined at line %u, "
			       "column %u; AWS Organizations refuses the policy",
			       node_str(dups.v[i + 1]), fp.line, fp.col);
		}
		lint_embedded(d, e);
	}
	free(dups.v);
	free(m.t);
	free(m.s);
	return 0;
}

int org_embed(struct doc *d, const struct node *content)
{
	struct doc *e;
	if (node_is(content, N_STR))
		return embed_text(d, content);
	if (!node_is(content, N_MAP) || node_intrinsic(content) != FN_NONE)
		return -1;
	e = doc_embedded(d, 0);
	e->root = (struct node *)content; /* d's tree: d is kept with e */
	e->kind = DOC_ORG_POLICY;
	lint_embedded(d, e);
	return 0;
}

void orgpolicy_embed_check_doc(struct doc *d)
{
	const struct node *res, *content;
	const char *type, *tprop, *cprop, *ptype;
	uint32_t i;

	if (d->kind == DOC_TF) {
		org_tf_policies(d);
		return;
	}
	/* the names only for a template with resources */
	if (d->kind != DOC_CFN || !node_is(res = map_get(d->root, "Resources"), N_MAP))
		return;
	type = org_embedded_name("cfn_type");
	tprop = org_embedded_name("cfn_type_property");
	cprop = org_embedded_name("cfn_content_property");
	ptype = org_embedded_name("policy_type");
	for (i = 0; i < res->len; i++) {
		const struct node *props = map_get(map_val(res, i), "Properties");
		if (!node_streq(map_get(map_val(res, i), "Type"), type) ||
		    !node_streq(map_get(props, tprop), ptype))
			continue;
		content = map_get(props, cprop);
		/* the AWS::LanguageExtensions transform's JSON of a mapping */
		if (node_is(content, N_MAP) && content->len == 1 &&
		    node_streq(map_key(content, 0), "Fn::ToJsonString") &&
		    node_is(map_val(content, 0), N_MAP))
			content = map_val(content, 0);
		org_embed(d, content);
	}
}
