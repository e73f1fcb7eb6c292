/* tf_json.c - a .tf.json file read with Terraform's JSON mapping into the
 * tree of a .tf file (tf_json.h). Which properties of a body are nested
 * blocks is the resource schema's to say (schemas/shapes-tf.json): in
 * `"rule": {"lifecycle": {...}}` lifecycle is a block, in `"tags": {...}`
 * the object is a map value. Resources of other types keep every property
 * as an argument but for the meta blocks. */
#include "tf_json.h"

#include <stdlib.h>
#include <string.h>

#include "../linter/hcl.h"
#include "shapes.h"

struct conv {
	struct doc *d;
	struct load_ctx lc;
	const struct db *db;
};

/* Pairs of a body being built (key, value, ...). */
struct pairs {
	struct node *v;
	size_t n, cap;
};

static void push(struct pairs *p, const struct node *k, const struct node *v)
{
	if (p->n + 2 > p->cap) {
		p->cap = p->cap ? 2 * p->cap : 16;
		p->v = xrealloc(p->v, p->cap * sizeof(*p->v));
	}
	p->v[p->n++] = *k;
	p->v[p->n++] = *v;
}

/* A map of the pairs (freed), spanning [start, end). */
static struct node *make_map(struct conv *cv, struct pairs *p, unsigned flags,
			     uint32_t start, uint32_t end)
{
	struct node *m = arena_zalloc(&cv->d->arena, sizeof(*m));
	m->kind = N_MAP;
	m->flags = (uint16_t)flags;
	m->start = start;
	m->end = end;
	m->len = (uint32_t)(p->n / 2);
	if (p->n) {
		m->u.kids = arena_alloc(&cv->d->arena,
					load_kids_size((uint32_t)p->n, 1));
		memcpy(m->u.kids, p->v, p->n * sizeof(*p->v));
		load_index_map(&cv->lc, m, 0);
	}
	free(p->v);
	memset(p, 0, sizeof(*p));
	return m;
}

static int has_template(const struct node *v)
{
	return v->len >= 2 && (strstr(v->u.str, "${") || strstr(v->u.str, "%{"));
}

/* An expression value: strings with ${ or %{ as templates (unwrapped when
 * one interpolation is all), containers converted inside. */
static struct node *expr(struct conv *cv, const struct node *v)
{
	const char *b = cv->d->file->src.buf;
	struct node *n;
	uint32_t i;

	if (v->kind == N_STR && has_template(v)) {
		n = NULL;
		if (v->start < v->end && b[v->start] == '"')
			n = hcl_parse_quoted_at(&cv->lc, b, cv->d->file->src.len,
						v->start, v->end);
		if (!n) {
			/* not a template HCL reads (a JSON-only escape): an
			 * expression all the same, its value unknown */
			n = arena_zalloc(&cv->d->arena, sizeof(*n));
			n->kind = N_EXPR;
			n->style = EXPR_TEMPLATE;
			n->start = v->start;
			n->end = v->end;
			n->len = 1;
			n->u.kids = arena_alloc(&cv->d->arena, sizeof(*v));
			n->u.kids[0] = *v;
			return n;
		}
		if (n->kind == N_EXPR && n->style == EXPR_TEMPLATE && n->len == 1 &&
		    !(seq_at(n, 0)->kind == N_STR && seq_at(n, 0)->style == S_PLAIN) &&
		    !(seq_at(n, 0)->kind == N_EXPR &&
		      (seq_at(n, 0)->style == EXPR_TEMPLATE_IF ||
		       seq_at(n, 0)->style == EXPR_TEMPLATE_FOR)))
			return seq_at(n, 0);
		return n;
	}
	if (v->kind != N_MAP && v->kind != N_SEQ)
		return (struct node *)v;
	n = arena_alloc(&cv->d->arena, sizeof(*n));
	*n = *v;
	if (v->kind == N_SEQ) {
		n->u.kids = arena_alloc(&cv->d->arena, v->len * sizeof(*v) + 1);
		for (i = 0; i < v->len; i++)
			n->u.kids[i] = *expr(cv, seq_at(v, i));
		return n;
	}
	n->u.kids = arena_alloc(&cv->d->arena, load_kids_size(2 * v->len, 1));
	memcpy(n->u.kids, v->u.kids, load_kids_size(2 * v->len, 1));
	for (i = 0; i < v->len; i++)
		*map_val(n, i) = *expr(cv, map_val(v, i));
	return n;
}

/* "aws.west": the traversal aws.west, as HCL writes a resource's provider. */
static struct node *reference(struct conv *cv, const struct node *v)
{
	struct node *n, *kids;
	const char *s = v->u.str, *dot;
	size_t k = 0, parts = 1;
	uint32_t off;

	if (!node_verbatim(v) || !v->len)
		return expr(cv, v);
	for (dot = s; (dot = strchr(dot, '.')); dot++)
		parts++;
	kids = arena_zalloc(&cv->d->arena, parts * sizeof(*kids));
	off = node_text_start(v);
	while (k < parts) {
		size_t l = strcspn(s, ".");
		kids[k].kind = N_STR;
		kids[k].u.str = arena_strndup(&cv->d->arena, s, l);
		kids[k].len = (uint32_t)l;
		kids[k].start = off;
		kids[k].end = off + (uint32_t)l;
		off += (uint32_t)l + 1;
		s += l + 1;
		k++;
	}
	n = arena_zalloc(&cv->d->arena, sizeof(*n));
	n->kind = N_EXPR;
	n->style = EXPR_TRAVERSAL;
	n->start = v->start;
	n->end = v->end;
	n->len = (uint32_t)parts;
	n->u.kids = kids;
	return n;
}

enum ctx { C_TOP, C_RESOURCE, C_BODY, C_DYNAMIC };

static struct node *body(struct conv *cv, const struct node *v,
			 const struct shape *s, enum ctx ctx);

/* Block `key` with `need` more labels from v (an object of labels, or an
 * array of them), its body shape s, pushed as pairs onto out. */
static void blocks(struct conv *cv, const struct node *key, const struct node *v,
		   const struct node **labels, size_t nl, size_t need,
		   const struct shape *s, enum ctx ctx, struct pairs *out)
{
	struct node k = *key, *val;
	uint32_t i;
	size_t j;

	if (v->kind == N_SEQ) {
		for (i = 0; i < v->len; i++)
			blocks(cv, key, seq_at(v, i), labels, nl, need, s, ctx, out);
		return;
	}
	if (v->kind != N_MAP)
		return;
	if (need) {
		for (i = 0; i < v->len && nl < 4; i++) {
			const struct node *lk = map_key(v, i), *lv = map_val(v, i);
			const struct shape *rs = s;
			labels[nl] = lk;
			/* a resource's type says its shape */
			if (ctx == C_RESOURCE && nl == 0 && cv->db)
				rs = node_str(lk) ? doc_shape(cv->db, node_str(lk)) : NULL;
			blocks(cv, key, lv, labels, nl + 1, need - 1, rs, ctx, out);
		}
		return;
	}
	val = body(cv, v, s, ctx);
	for (j = nl; j-- > 0;) {
		struct pairs p = { 0 };
		push(&p, labels[j], val);
		val = make_map(cv, &p, NF_LABEL, labels[j]->start, v->end);
	}
	k.flags |= NF_BLOCK | NF_KEY;
	/* the JSON key too: a repeated block type is no duplicate key */
	((struct node *)key)->flags |= NF_REPEATS;
	push(out, &k, val);
}

static int meta_block(const char *n)
{
	return !strcmp(n, "lifecycle") || !strcmp(n, "connection");
}

static struct node *body(struct conv *cv, const struct node *v,
			 const struct shape *s, enum ctx ctx)
{
	const struct node *labels[4];
	struct pairs out = { 0 };
	uint32_t i;

	for (i = 0; i < v->len; i++) {
		const struct node *k = map_key(v, i), *val = map_val(v, i);
		const char *name = node_str(k);
		const struct member *m = s && name ? member_find(s, name) : NULL;
		const struct shape *bs;
		if (name && strcmp(name, "//") == 0)
			((struct node *)k)->flags |= NF_REPEATS; /* a comment */
		if (!name || strcmp(name, "//") == 0)
			continue;
		if (ctx == C_DYNAMIC && strcmp(name, "content") == 0) {
			blocks(cv, k, val, labels, 0, 0, s, C_BODY, &out);
		} else if (m && (m->shape->kind == SK_STRUCT ||
				 (m->shape->kind == SK_LIST && m->shape->item &&
				  m->shape->item->kind == SK_STRUCT)) &&
			   node_is(val, val->kind == N_SEQ ? N_SEQ : N_MAP)) {
			bs = m->shape->kind == SK_STRUCT ? m->shape : m->shape->item;
			blocks(cv, k, val, labels, 0, 0, bs, C_BODY, &out);
		} else if (ctx != C_TOP && strcmp(name, "dynamic") == 0 &&
			   val->kind == N_MAP) {
			/* dynamic "NAME": content has NAME's shape */
			uint32_t j;
			for (j = 0; j < val->len; j++) {
				const char *dn = node_str(map_key(val, j));
				const struct member *dm = s && dn ? member_find(s, dn) : NULL;
				const struct shape *ds = NULL;
				if (dm && dm->shape->kind == SK_STRUCT)
					ds = dm->shape;
				else if (dm && dm->shape->kind == SK_LIST)
					ds = dm->shape->item;
				labels[0] = map_key(val, j);
				blocks(cv, k, map_val(val, j), labels, 1, 0, ds,
				       C_DYNAMIC, &out);
			}
		} else if (ctx == C_RESOURCE && (meta_block(name) ||
						 strcmp(name, "provisioner") == 0)) {
			blocks(cv, k, val, labels, 0,
			       strcmp(name, "provisioner") == 0, NULL, C_BODY, &out);
		} else if (ctx == C_RESOURCE && strcmp(name, "provider") == 0 &&
			   val->kind == N_STR) {
			push(&out, k, reference(cv, val));
		} else {
			push(&out, k, expr(cv, val));
		}
	}
	return make_map(cv, &out, NF_BODY, v->start, v->end);
}

/* Labels of each top-level block type. */
static size_t top_labels(const char *n)
{
	static const struct { const char *name; size_t labels; } t[] = {
		{ "resource", 2 }, { "data", 2 }, { "ephemeral", 2 },
		{ "module", 1 }, { "provider", 1 }, { "variable", 1 },
		{ "output", 1 }, { "check", 1 },
	};
	size_t i;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (strcmp(t[i].name, n) == 0)
			return t[i].labels;
	return 0;
}

int tf_json_file(const struct doc *d)
{
	const char *n = d->file->src.name;
	size_t l = strlen(n);
	return l > 8 && strcmp(n + l - 8, ".tf.json") == 0 &&
	       node_is(d->root, N_MAP) && !(d->root->flags & NF_BODY);
}

void tf_json_convert(struct doc *d)
{
	const struct node *root = d->root, *labels[4];
	struct conv cv;
	struct pairs out = { 0 };
	uint32_t i;

	memset(&cv, 0, sizeof(cv));
	cv.d = d;
	cv.lc.a = &d->arena;
	cv.lc.max_depth = 512;
	cv.db = shapes_tf();
	for (i = 0; i < root->len; i++) {
		const struct node *k = map_key(root, i), *v = map_val(root, i);
		const char *name = node_str(k);
		int res;
		if (name && strcmp(name, "//") == 0)
			((struct node *)k)->flags |= NF_REPEATS; /* a comment */
		if (!name || strcmp(name, "//") == 0)
			continue;
		res = strcmp(name, "resource") == 0;
		blocks(&cv, k, v, labels, 0, top_labels(name), NULL,
		       res ? C_RESOURCE : C_TOP, &out);
	}
	d->root = make_map(&cv, &out, NF_BODY, root->start, root->end);
}
