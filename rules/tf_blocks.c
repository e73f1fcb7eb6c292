/* tf_blocks.c - Terraform blocks made from a collection: `dynamic` blocks
 * expanded over a known for_each, a resource's instances for a known count
 * or for_each (tf_eval.h); and which resource an `arn` reference names. */
#include <string.h>

#include "tf_impl.h"

const struct node *tf_label(const struct node *v, const struct node **key)
{
	if (!node_is(v, N_MAP) || !(v->flags & NF_LABEL) || v->len != 1 ||
	    !node_str(map_key(v, 0)))
		return NULL;
	*key = map_key(v, 0);
	return map_val(v, 0);
}

/* ---- dynamic blocks ---- */

/* The `dynamic "name"` block at pair i of body m: its body, or NULL. */
static const struct node *dynamic_at(const struct node *m, uint32_t i,
				     const char **name)
{
	const struct node *k = map_key(m, i), *v = map_val(m, i), *lab;
	if (!(k->flags & NF_BLOCK) || !node_streq(k, "dynamic") ||
	    !(v = tf_label(v, &lab)))
		return NULL;
	*name = node_str(lab);
	return node_is(v, N_MAP) && (v->flags & NF_BODY) ? v : NULL;
}

const struct node *tf_has_dynamic(const struct node *m, const char *name)
{
	const char *n;
	uint32_t i;
	for (i = 0; node_is(m, N_MAP) && i < m->len; i++)
		if (dynamic_at(m, i, &n) && strcmp(n, name) == 0)
			return map_key(m, i);
	return NULL;
}

/* A body's pairs as they are made; the reasons of assumed values are
 * given to their final places at the end (pairs_done). */
struct pairs {
	struct node *kv;
	const char **why;
	size_t n, cap;
};

static void pair_add(struct ectx *c, struct pairs *p, const struct node *k,
		     const struct node *v, const char *note)
{
	if (p->n == p->cap) {
		struct node *q;
		const char **w;
		p->cap = p->cap ? p->cap * 2 : 8;
		q = arena_alloc(&c->d->arena, 2 * p->cap * sizeof(*q));
		w = arena_alloc(&c->d->arena, p->cap * sizeof(*w));
		if (p->n) {
			memcpy(q, p->kv, 2 * p->n * sizeof(*q));
			memcpy(w, p->why, p->n * sizeof(*w));
		}
		p->kv = q;
		p->why = w;
	}
	p->why[p->n] = tf_note_of(c, v) ? tf_note_of(c, v) : note;
	p->kv[2 * p->n] = *k;
	p->kv[2 * p->n + 1] = *v;
	p->n++;
}

static void pairs_done(struct ectx *c, struct pairs *p)
{
	size_t i;
	for (i = 0; i < p->n; i++)
		if (p->why[i])
			tf_place(c, &p->kv[2 * i + 1], &p->kv[2 * i + 1], p->why[i]);
}

static int expand(struct ectx *c, const struct node *dyn, const char *name,
		  const struct node *key, struct pairs *out);

/* The key of a block `name` a dynamic block makes (at its label `key`). */
static struct node *block_key(struct ectx *c, const struct node *key,
			      const char *name)
{
	struct node *bk = arena_zalloc(&c->d->arena, sizeof(*bk));
	*bk = *key;
	bk->kind = N_STR;
	bk->style = S_PLAIN;
	bk->flags = NF_BLOCK | NF_KEY | NF_DERIVED;
	bk->u.str = name;
	bk->len = (uint32_t)strlen(name);
	return bk;
}

/* Body b in scope c->sc: arguments evaluated (an unknown one stays an
 * unknown part), nested blocks likewise, dynamic ones expanded (one
 * unknown block for those whose collection is unknown); NULL past the
 * limits. */
static const struct node *body_in(struct ectx *c, const struct node *b)
{
	struct pairs p = { 0 };
	struct node *out;
	const char *name;
	uint32_t i;

	if (!tf_budget(c, b->len * 2 + 1))
		return NULL;
	for (i = 0; i < b->len; i++) {
		const struct node *k = map_key(b, i), *v = map_val(b, i), *dyn;
		struct ectx vc = *c;
		struct ev r;
		if ((dyn = dynamic_at(b, i, &name))) {
			const struct node *lk = map_key(map_val(b, i), 0);
			size_t before = p.n;
			struct node *bk;
			struct ev u;
			if (expand(c, dyn, name, lk, &p) == 0)
				continue;
			p.n = before; /* none of what it made so far */
			/* blocks known when Terraform plans: one unknown block
			 * stands for them (a rule, a lifecycle of unknown
			 * content), and the rest of the body is still known */
			vc.start = dyn->start;
			vc.end = dyn->end;
			u = tf_unknown(&vc, NULL);
			bk = block_key(c, lk, name);
			if (!u.n || !bk)
				return NULL;
			pair_add(c, &p, bk, u.n, NULL);
			continue;
		}
		if (k->flags & NF_BLOCK) {
			const struct node *nb;
			if (!node_is(v, N_MAP) || !(v->flags & NF_BODY))
				continue; /* a labelled block: none in a backup
					   * resource's arguments */
			c->depth++;
			nb = body_in(c, v);
			c->depth--;
			if (!nb)
				return NULL;
			pair_add(c, &p, k, nb, NULL);
			continue;
		}
		vc.start = v->start;
		vc.end = v->end;
		r = tf_ev(&vc, v);
		if (r.st == EV_ERROR || !r.n)
			r = tf_unknown(&vc, v);
		if (r.n->kind == N_NULL && r.note)
			r = tf_unknown(&vc, v); /* a default's null: the caller's */
		else if (r.n->kind == N_NULL)
			continue; /* null: not set */
		pair_add(c, &p, k, r.n, r.note);
	}
	pairs_done(c, &p);
	out = arena_zalloc(&c->d->arena, sizeof(*out));
	*out = *b;
	out->flags = (uint16_t)((b->flags & ~NF_INDEXED) | NF_DERIVED);
	out->len = (uint32_t)p.n;
	out->u.kids = p.kv;
	return out;
}

/* The blocks dynamic block body `dyn` (labelled by node `key`) makes, as
 * pairs `name` = body into out; -1 when its collection is unknown. */
static int expand(struct ectx *c, const struct node *dyn, const char *name,
		  const struct node *key, struct pairs *out)
{
	const struct node *fe = map_get(dyn, "for_each"),
			  *it = map_get(dyn, "iterator"),
			  *content = map_get(dyn, "content");
	struct tf_scope s = { 0 };
	struct node *bk;
	struct ectx ic = *c;
	struct ev coll;
	uint32_t i;

	if (!fe || !node_is(content, N_MAP) || !(content->flags & NF_BODY))
		return -1;
	ic.start = fe->start;
	ic.end = fe->end;
	coll = tf_ev(&ic, fe);
	if (coll.st != EV_KNOWN ||
	    !(node_is(coll.n, N_SEQ) || node_is(coll.n, N_MAP)) ||
	    (coll.note && tf_placeholder(coll.n)))
		return -1;
	s.name = name;
	if (node_is(it, N_EXPR) && it->style == EXPR_TRAVERSAL && it->len == 1 &&
	    node_str(seq_at(it, 0)))
		s.name = node_str(seq_at(it, 0));
	s.note = coll.note;
	s.up = c->sc;
	bk = block_key(c, key, name);
	for (i = 0; i < coll.n->len; i++) {
		struct ectx bc = *c;
		const struct node *body;
		struct node *idx = NULL;
		if (coll.n->kind == N_MAP) {
			s.key = map_key(coll.n, i);
			s.val = map_val(coll.n, i);
		} else {
			if (!(idx = tf_mk(c, N_INT, NULL)))
				return -1;
			idx->u.i = i;
			s.key = idx;
			s.val = seq_at(coll.n, i);
		}
		bc.sc = &s;
		bc.depth++;
		if (!(body = body_in(&bc, content)))
			return -1;
		pair_add(c, out, bk, body, NULL);
	}
	return 0;
}

int tf_dynamic(struct doc *d, const struct node *m, const char *name,
	       const struct node ***out, size_t *n)
{
	struct pairs p = { 0 };
	struct ectx c;
	const char *dn;
	uint32_t i;
	size_t k;

	*out = NULL;
	*n = 0;
	for (i = 0; node_is(m, N_MAP) && i < m->len; i++) {
		const struct node *dyn = dynamic_at(m, i, &dn);
		if (!dyn || strcmp(dn, name) != 0)
			continue;
		tf_ectx_init(&c, d, dyn);
		if (expand(&c, dyn, name, map_key(map_val(m, i), 0), &p) < 0)
			return -1;
	}
	*out = arena_alloc(&d->arena, (p.n ? p.n : 1) * sizeof(**out));
	for (k = 0; k < p.n; k++)
		(*out)[k] = &p.kv[2 * k + 1];
	*n = p.n;
	return 0;
}

/* ---- count and for_each ---- */

#define MAX_INSTANCES 32

int tf_instances(struct doc *d, const struct node *body,
		 const struct node ***bodies, const char ***keys, size_t *n)
{
	const struct node *cnt = map_get(body, "count"),
			  *fe = map_get(body, "for_each");
	struct tf_scope s = { 0 };
	struct ectx c;
	struct ev coll;
	long long k = 0, i;

	*n = 0;
	if (!cnt == !fe)
		return -1; /* neither (one resource), or both (an error) */
	tf_ectx_init(&c, d, cnt ? cnt : fe);
	coll = tf_ev(&c, cnt ? cnt : fe);
	if (coll.st != EV_KNOWN)
		return -1;
	if (cnt ? !node_int(coll.n, &k, 1) || k < 0
		: !(node_is(coll.n, N_MAP) || node_is(coll.n, N_SEQ)))
		return -1;
	if (!cnt)
		k = coll.n->len;
	/* none of it, on a variable's default: what the caller may turn on
	 * is still checked as written */
	if (k > MAX_INSTANCES || (k == 0 && coll.note))
		return -1;
	*bodies = arena_alloc(&d->arena, ((size_t)k + 1) * sizeof(**bodies));
	*keys = arena_alloc(&d->arena, ((size_t)k + 1) * sizeof(**keys));
	s.name = cnt ? "count" : "each";
	s.note = coll.note;
	for (i = 0; i < k; i++) {
		struct ectx bc = c;
		const char *ks;
		if (cnt || node_is(coll.n, N_SEQ)) {
			struct node *idx = cnt ? tf_mk(&c, N_INT, NULL) : NULL;
			if (cnt && !idx)
				return -1;
			if (idx)
				idx->u.i = i;
			s.key = s.val = cnt ? idx : seq_at(coll.n, (uint32_t)i);
		} else {
			s.key = map_key(coll.n, (uint32_t)i);
			s.val = map_val(coll.n, (uint32_t)i);
		}
		if (!(ks = tf_tostring(&c, s.key)))
			return -1;
		(*keys)[i] = cnt ? arena_printf(&d->arena, "[%s]", ks)
				 : arena_printf(&d->arena, "[\"%s\"]", ks);
		bc.sc = &s;
		bc.depth++;
		if (!((*bodies)[i] = body_in(&bc, body)))
			return -1;
	}
	*n = (size_t)k;
	return 0;
}

/* ---- references to resources ---- */

int tf_ref_parse(const struct node *e, struct tf_ref *r)
{
	uint32_t n = node_is(e, N_EXPR) && e->style == EXPR_TRAVERSAL ? e->len : 0;
	uint32_t o;
	memset(r, 0, sizeof(*r));
	r->data = n > 0 && node_streq(seq_at(e, 0), "data");
	o = r->data ? 1 : 0;
	if (n < o + 3 || n > o + 4)
		return 0;
	if (n == o + 4) {
		r->index = seq_at(e, o + 2);
		if (!node_is(r->index, N_EXPR) || r->index->style != EXPR_INDEX)
			return 0;
	}
	r->type = node_str(seq_at(e, o));
	r->name = node_str(seq_at(e, o + 1));
	r->attr = node_str(seq_at(e, n - 1));
	return r->type && r->name && r->attr;
}

const char *tf_arn_ref(struct doc *d, const struct node *v, const char **text)
{
	struct tf_ref r;
	if (!tf_ref_parse(v, &r) || strcmp(r.attr, "arn") != 0 ||
	    strncmp(r.type, "aws_", 4) != 0)
		return NULL;
	*text = arena_printf(&d->arena, "%s%s.%s%s.arn", r.data ? "data." : "",
			     r.type, r.name, r.index ? "[...]" : "");
	return r.type;
}
