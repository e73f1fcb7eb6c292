/* tf_eval.c - a Terraform module's variables, locals and references,
 * evaluated where they are known (tf_eval.h); the functions and operators
 * are in tf_func.c, dynamic blocks and instances in tf_blocks.c. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "../linter/hcl.h"
#include "../linter/nameix.h"
#include "../linter/session.h"
#include "../linter/source.h"
#include "kinds.h"
#include "model.h"
#include "registry.h"
#include "tf_impl.h"

struct tf_var {
	const char *name;
	const struct node *val;  /* default or tfvars value; NULL: none */
	const char *note;
};

struct tf_local {
	const char *name;
	const struct node *expr;
	int state;               /* 0 not evaluated, 1 evaluating, 2 done */
	struct ev memo;
};

struct tf_span_note {
	uint32_t start, end;
	const char *note;
};

/* Why an assumed node is assumed, by its address (an open hash table). */
struct tf_ptr_note {
	const struct node *n;
	const char *note;
};

struct tf_env {
	struct tf_var *vars;
	size_t nvars, vcap;
	struct tf_local *locals;
	size_t nlocals, lcap;
	struct name_ix vix, lix;
	struct tf_span_note *notes; /* by span: the first one */
	size_t nnotes, ncap;
	struct tf_ptr_note *pn;     /* by address: exact */
	size_t npn, pncap;
	size_t nodes;            /* built so far */
};

int tf_defer_doc(struct doc *d)
{
	return d->kind == DOC_TF;
}

/* ---- the module ---- */

static void *grow(struct doc *d, void *p, size_t n, size_t *cap, size_t sz)
{
	void *q;
	if (n < *cap)
		return p;
	*cap = *cap ? *cap * 2 : 16;
	q = arena_alloc(&d->arena, *cap * sz);
	if (n)
		memcpy(q, p, n * sz);
	return q;
}

static struct tf_var *var_slot(struct doc *d, struct tf_env *env,
			       const char *name)
{
	struct tf_var *tv = name_ix_find(&env->vix, env->vars, sizeof(*env->vars), name);
	if (tv)
		return tv;
	env->vars = grow(d, env->vars, env->nvars, &env->vcap, sizeof(*env->vars));
	memset(&env->vars[env->nvars], 0, sizeof(*env->vars));
	env->vars[env->nvars].name = name;
	name_ix_add(&env->vix, &d->arena, env->vars, sizeof(*env->vars), ++env->nvars);
	return &env->vars[env->nvars - 1];
}

/* The variable and locals blocks of one file body. */
static void declare(struct doc *d, struct tf_env *env, const struct node *root)
{
	uint32_t i, j;
	for (i = 0; node_is(root, N_MAP) && i < root->len; i++) {
		const struct node *k = map_key(root, i), *v = map_val(root, i);
		if (!(k->flags & NF_BLOCK))
			continue;
		const struct node *lab, *body;
		if (node_streq(k, "variable") && (body = tf_label(v, &lab))) {
			const char *name = node_str(lab);
			const struct node *dflt = map_get(body, "default");
			struct tf_var *tv = var_slot(d, env, name);
			if (dflt && !tv->val) {
				tv->val = dflt;
				tv->note = arena_printf(&d->arena,
							"assumed from the default of "
							"variable %s", name);
			}
		} else if (node_streq(k, "locals") && node_is(v, N_MAP)) {
			for (j = 0; j < v->len; j++) {
				const struct node *lk = map_key(v, j);
				if (lk->flags & NF_BLOCK || !node_str(lk))
					continue;
				env->locals = grow(d, env->locals, env->nlocals,
						   &env->lcap, sizeof(*env->locals));
				memset(&env->locals[env->nlocals], 0,
				       sizeof(*env->locals));
				env->locals[env->nlocals].name = node_str(lk);
				env->locals[env->nlocals++].expr = map_val(v, j);
				name_ix_add(&env->lix, &d->arena, env->locals,
					    sizeof(*env->locals), env->nlocals);
			}
		}
	}
}

static void no_dup(void *ud, const struct node *a, const struct node *b)
{
	(void)ud;
	(void)a;
	(void)b;
}

/* Values of tfvars file `path` (shown as `name`) override the defaults of
 * the variables they set. Only literal values count: a tfvars file holds
 * no references. */
static void tfvars(struct doc *d, struct tf_env *env, const char *path,
		   const char *name)
{
	struct source src;
	struct load_ctx c;
	const struct node *root;
	char err[256];
	uint32_t i;

	memset(&src, 0, sizeof(src));
	if (source_read(&src, path, path, d->file->run->s->opt.max_bytes, 1, err,
			sizeof(err)) != 0) {
		source_free(&src);
		return;
	}
	memset(&c, 0, sizeof(c));
	c.a = &d->arena;
	c.max_depth = d->file->run->s->opt.max_depth;
	c.on_dup = no_dup;
	root = hcl_parse(&c, src.buf, src.len);
	for (i = 0; node_is(root, N_MAP) && i < root->len; i++) {
		const struct node *k = map_key(root, i);
		struct tf_var *tv;
		if (k->flags & NF_BLOCK || !node_str(k))
			continue;
		tv = var_slot(d, env, node_str(k));
		tv->val = map_val(root, i);
		tv->note = arena_printf(&d->arena, "assumed from the value of "
					"variable %s in %s", node_str(k), name);
	}
	source_free(&src);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* terraform.tfvars, then *.auto.tfvars in lexical order, as Terraform
 * reads them: later ones win. */
static void module_tfvars(struct doc *d, struct tf_env *env)
{
	const char *file = d->file->src.name, *slash;
	char *dir, *names[64];
	size_t n = 0, i, l;
	DIR *dh;
	struct dirent *e;

	if (!file || !d->file->arg || strcmp(d->file->arg, "-") == 0)
		return;
	slash = strrchr(file, '/');
	dir = slash ? arena_strndup(&d->arena, file, (size_t)(slash - file))
		    : arena_strdup(&d->arena, ".");
	if (!(dh = opendir(dir)))
		return;
	while ((e = readdir(dh)) && n < sizeof(names) / sizeof(names[0])) {
		l = strlen(e->d_name);
		if (l > 12 && strcmp(e->d_name + l - 12, ".auto.tfvars") == 0)
			names[n++] = arena_strdup(&d->arena, e->d_name);
	}
	closedir(dh);
	qsort(names, n, sizeof(names[0]), by_name);
	tfvars(d, env, arena_printf(&d->arena, "%s/terraform.tfvars", dir),
	       "terraform.tfvars");
	for (i = 0; i < n; i++)
		tfvars(d, env, arena_printf(&d->arena, "%s/%s", dir, names[i]),
		       names[i]);
}

static int by_module(const void *a, const void *b)
{
	const struct doc *x = *(struct doc *const *)a, *y = *(struct doc *const *)b;
	int c = tf_module_cmp(x, y);
	return c ? c : strcmp(x->file->src.name, y->file->src.name);
}

void tf_defer_prepare(struct run *r)
{
	struct aws_run *ar = r->state;
	size_t i, j, n = 0;
	if (ar->tf)
		return;
	/* once per run: its Terraform documents, module by module */
	for (i = 0; i < r->nfiles; i++)
		for (j = 0; j < r->files[i]->ndocs; j++)
			n += r->files[i]->docs[j]->kind == DOC_TF;
	ar->tf = xcalloc(n + 1, sizeof(*ar->tf));
	for (i = 0; i < r->nfiles; i++)
		for (j = 0; j < r->files[i]->ndocs; j++)
			if (r->files[i]->docs[j]->kind == DOC_TF &&
			    node_is(r->files[i]->docs[j]->root, N_MAP))
				ar->tf[ar->ntf++] = r->files[i]->docs[j];
	qsort(ar->tf, ar->ntf, sizeof(*ar->tf), by_module);
}

size_t tf_module_docs(struct doc *d, struct doc ***first)
{
	struct run *r = d->file->run;
	struct aws_run *ar = r ? r->state : NULL;
	size_t lo, hi;

	*first = NULL;
	if (!ar || !r->files)
		return 0;
	if (!ar->tf)
		tf_defer_prepare(r);
	/* the first of d's module, then its end */
	lo = 0;
	hi = ar->ntf;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (tf_module_cmp(ar->tf[mid], d) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (hi = lo; hi < ar->ntf && tf_module_cmp(ar->tf[hi], d) == 0; hi++)
		;
	*first = ar->tf + lo;
	return hi - lo;
}

static struct tf_env *env_of(struct doc *d)
{
	struct tf_env **slot = tf_slot(d), *env;
	struct doc **mod;
	size_t i, n;

	if (*slot)
		return *slot;
	env = arena_zalloc(&d->arena, sizeof(*env));
	*slot = env;
	declare(d, env, d->root);
	n = tf_module_docs(d, &mod);
	for (i = 0; i < n; i++)
		if (mod[i] != d)
			declare(d, env, mod[i]->root);
	module_tfvars(d, env);
	return env;
}

/* ---- builders ---- */

int tf_budget(struct ectx *c, size_t nodes)
{
	if (c->depth > TF_MAX_DEPTH || c->env->nodes + nodes > TF_MAX_NODES)
		return 0;
	c->env->nodes += nodes;
	return 1;
}

void tf_note_span(struct ectx *c, const char *note)
{
	struct tf_env *env = c->env;
	size_t i;
	for (i = 0; i < env->nnotes; i++)
		if (env->notes[i].start == c->start && env->notes[i].end == c->end)
			return;
	env->notes = grow(c->d, env->notes, env->nnotes, &env->ncap,
			  sizeof(*env->notes));
	env->notes[env->nnotes].start = c->start;
	env->notes[env->nnotes].end = c->end;
	env->notes[env->nnotes++].note = note;
}

static size_t ptr_slot(const struct tf_env *env, const struct node *n)
{
	size_t h = (size_t)(((uintptr_t)n >> 3) * 0x9E3779B97F4A7C15ULL);
	for (h &= env->pncap - 1; env->pn[h].n && env->pn[h].n != n;
	     h = (h + 1) & (env->pncap - 1))
		;
	return h;
}

static void ptr_set(struct doc *d, struct tf_env *env, const struct node *n,
		    const char *note)
{
	size_t i, h;
	if (2 * (env->npn + 1) > env->pncap) {
		struct tf_ptr_note *old = env->pn;
		size_t ocap = env->pncap;
		env->pncap = ocap ? 2 * ocap : 256;
		env->pn = arena_zalloc(&d->arena, env->pncap * sizeof(*env->pn));
		env->npn = 0;
		for (i = 0; i < ocap; i++)
			if (old[i].n) {
				h = ptr_slot(env, old[i].n);
				env->pn[h] = old[i];
				env->npn++;
			}
	}
	h = ptr_slot(env, n);
	env->npn += !env->pn[h].n;
	env->pn[h].n = n;
	env->pn[h].note = note;
}

static const char *note_of(struct doc *d, struct tf_env *env,
			   const struct node *n)
{
	size_t i;
	if (env->pncap && env->pn[ptr_slot(env, n)].n == n)
		return env->pn[ptr_slot(env, n)].note;
	for (i = 0; i < env->nnotes; i++)
		if (env->notes[i].start == n->start && env->notes[i].end == n->end)
			return env->notes[i].note;
	(void)d;
	return "assumed from the variables' defaults";
}

const char *tf_note_of(struct ectx *c, const struct node *n)
{
	return n->flags & NF_ASSUMED ? note_of(c->d, c->env, n) : NULL;
}

void tf_place(struct ectx *c, struct node *dst, const struct node *src,
	      const char *note)
{
	if (!note && (src->flags & NF_ASSUMED))
		note = note_of(c->d, c->env, src);
	*dst = *src;
	if (note) {
		dst->flags |= NF_ASSUMED;
		ptr_set(c->d, c->env, dst, note);
	}
}

struct node *tf_mk(struct ectx *c, int kind, const char *note)
{
	struct node *n;
	if (!tf_budget(c, 1))
		return NULL;
	n = arena_zalloc(&c->d->arena, sizeof(*n));
	n->kind = (uint8_t)kind;
	n->start = c->start;
	n->end = c->end;
	n->flags = NF_DERIVED;
	if (note) {
		n->flags |= NF_ASSUMED;
		tf_note_span(c, note);
		ptr_set(c->d, c->env, n, note);
	}
	return n;
}

struct node *tf_mk_str(struct ectx *c, const char *s, size_t len,
		       const char *note)
{
	struct node *n;
	if (len > TF_MAX_STR || !(n = tf_mk(c, N_STR, note)))
		return NULL;
	n->style = S_QUOTED;
	n->u.str = arena_strndup(&c->d->arena, s, len);
	n->len = (uint32_t)len;
	return n;
}

const struct node *tf_copy(struct ectx *c, const struct node *v,
			   const char *note)
{
	struct node *n;
	uint32_t i, kids;

	/* an assumed part keeps its own reason; `note` is for the others */
	const char *own = v && (v->flags & NF_ASSUMED) ? note_of(c->d, c->env, v)
						      : note;
	if (!v || !(n = tf_mk(c, v->kind, own)))
		return NULL;
	n->style = v->style;
	n->len = v->len;
	n->flags |= v->flags & (NF_BIG | NF_ASSUMED);
	if (v->kind != N_MAP && v->kind != N_SEQ) {
		n->u = v->u; /* scalars; an unknown part keeps its kids */
		return n;
	}
	kids = v->kind == N_MAP ? 2 * v->len : v->len;
	if (!tf_budget(c, kids))
		return NULL;
	n->u.kids = arena_alloc(&c->d->arena, (kids ? kids : 1) * sizeof(*n));
	c->depth++;
	for (i = 0; i < kids; i++) {
		const struct node *k = tf_copy(c, &v->u.kids[i], note);
		if (!k) {
			c->depth--;
			return NULL;
		}
		tf_place(c, &n->u.kids[i], k, NULL);
	}
	c->depth--;
	/* no key index: map_get scans a map without one */
	n->flags &= (uint16_t)~NF_INDEXED;
	return n;
}

struct ev tf_unknown(struct ectx *c, const struct node *e)
{
	struct ev r = { NULL, EV_UNKNOWN, NULL };
	struct node *n = tf_mk(c, N_EXPR, NULL);
	if (n && node_is(e, N_EXPR)) {
		n->style = e->style;
		n->len = e->len;
		n->u = e->u;
	} else if (n) {
		n->style = EXPR_PAREN;
	}
	r.n = n;
	return r;
}

struct ev tf_error(void)
{
	struct ev r = { NULL, EV_ERROR, NULL };
	return r;
}

static struct ev known(const struct node *n, const char *note)
{
	struct ev r = { n, n ? EV_KNOWN : EV_UNKNOWN, note };
	return r;
}

/* ---- references ---- */

static struct ev var_value(struct ectx *c, const char *name)
{
	const struct tf_var *v = name_ix_find(&c->env->vix, c->env->vars,
					 sizeof(*c->env->vars), name);
	struct ectx lc;
	struct ev r;
	if (!v || !v->val)
		return tf_unknown(c, NULL);
	/* a default or a tfvars value is a literal, in its own file:
	 * evaluated without scope, for this place */
	lc = *c;
	lc.sc = NULL;
	r = tf_ev(&lc, v->val);
	if (r.st == EV_KNOWN) {
		r.n = tf_copy(c, r.n, v->note);
		r.note = v->note;
		if (!r.n)
			r.st = EV_UNKNOWN;
	}
	return r;
}

static struct ev local_value(struct ectx *c, const char *name,
			     const struct node *e)
{
	struct tf_local *l = name_ix_find(&c->env->lix, c->env->locals,
				     sizeof(*c->env->locals), name);
	struct ectx lc;
	struct ev r;
	if (!l || l->state == 1)
		return tf_unknown(c, e); /* none, or it depends on itself */
	if (l->state == 0) {
		l->state = 1;
		lc = *c;
		lc.sc = NULL;
		lc.depth++;
		l->memo = tf_ev(&lc, l->expr);
		l->state = 2;
	}
	r = l->memo;
	if (r.st == EV_KNOWN || (r.st == EV_UNKNOWN && r.n)) {
		r.n = tf_copy(c, r.n, NULL);
		if (!r.n)
			r.st = EV_UNKNOWN;
	}
	return r;
}

/* A failure that rests on an assumption (what try() then gives does). */
static struct ev fails(const char *note)
{
	struct ev r = { NULL, EV_ERROR, note };
	return r;
}

/* Step s (an attribute name or an index) of value v. */
static struct ev step(struct ectx *c, struct ev v, const struct node *s)
{
	struct ev k;
	if (v.st != EV_KNOWN)
		return v;
	if (node_is(s, N_STR)) {
		if (!node_is(v.n, N_MAP))
			return fails(v.note);
		k = known(s, NULL);
	} else if (node_is(s, N_EXPR) && s->style == EXPR_INDEX && s->len == 1) {
		k = tf_ev(c, seq_at(s, 0));
		if (k.st != EV_KNOWN)
			return k;
	} else {
		return tf_unknown(c, NULL); /* a splat */
	}
	if (node_is(v.n, N_SEQ)) {
		long long i;
		if (!node_int(k.n, &i, 1) || i < 0 || i >= (long long)v.n->len)
			return fails(v.note);
		v.n = seq_at(v.n, (uint32_t)i);
	} else if (node_is(v.n, N_MAP)) {
		const char *key = tf_tostring(c, k.n);
		if (!key || !(v.n = map_get(v.n, key)))
			return fails(v.note);
	} else {
		return fails(v.note);
	}
	v.note = tf_note2(v.note, k.note);
	if (tf_is_unknown(v.n))
		v.st = EV_UNKNOWN;
	return v;
}

static struct ev traversal(struct ectx *c, const struct node *e)
{
	const struct node *root = seq_at(e, 0);
	const char *name = node_str(root), *attr;
	const struct tf_scope *s;
	struct ev v;
	uint32_t i = 1;

	attr = e->len > 1 ? node_str(seq_at(e, 1)) : NULL;
	if (!name) {
		v = tf_ev(c, root);
	} else {
		for (s = c->sc; s && strcmp(s->name, name) != 0; s = s->up)
			;
		if (s && s->direct) {
			v = known(tf_copy(c, s->val, s->note), s->note);
		} else if (s && attr && (strcmp(attr, "key") == 0 ||
					 strcmp(attr, "value") == 0 ||
					 (strcmp(attr, "index") == 0 &&
					  strcmp(name, "count") == 0))) {
			const struct node *x = attr[0] != 'v' ? s->key : s->val;
			v = known(tf_copy(c, x, s->note), s->note);
			i = 2;
		} else if (s) {
			return tf_error();
		} else if (strcmp(name, "var") == 0 && attr) {
			v = var_value(c, attr);
			i = 2;
		} else if (strcmp(name, "local") == 0 && attr) {
			v = local_value(c, attr, e);
			i = 2;
		} else {
			/* resources, data sources, modules, each, count, path,
			 * terraform, self: known when Terraform plans */
			return tf_unknown(c, e);
		}
	}
	if (v.st == EV_KNOWN && tf_is_unknown(v.n))
		v.st = EV_UNKNOWN;
	for (; i < e->len && v.st == EV_KNOWN; i++)
		v = step(c, v, seq_at(e, i));
	if (v.st == EV_UNKNOWN && i == e->len && node_is(v.n, N_EXPR) &&
	    v.n->len) {
		/* the whole of an unknown value, not a part of it: what it
		 * refers to (copy_action.value standing for
		 * aws_backup_vault.dr.arn), where it is used */
		v.n = tf_copy(c, v.n, NULL);
		return v.n ? v : tf_unknown(c, e);
	}
	if (v.st == EV_UNKNOWN)
		return tf_unknown(c, e);
	return v;
}

/* ---- values ---- */

static struct ev collection(struct ectx *c, const struct node *n)
{
	struct node *out;
	const char *note = NULL;
	uint32_t i, kids = n->kind == N_MAP ? 2 * n->len : n->len;

	if (!(out = tf_mk(c, n->kind, NULL)) || !tf_budget(c, kids))
		return tf_unknown(c, NULL);
	out->style = S_FLOW;
	out->len = n->len;
	out->u.kids = arena_alloc(&c->d->arena, (kids ? kids : 1) * sizeof(*out));
	c->depth++;
	for (i = 0; i < n->len; i++) {
		struct ev v;
		if (n->kind == N_MAP) {
			const struct node *k = map_key(n, i);
			const char *ks;
			struct ev kv = node_is(k, N_STR) ? known(k, NULL) : tf_ev(c, k);
			if (kv.st != EV_KNOWN) {
				c->depth--;
				return kv.st == EV_ERROR ? kv : tf_unknown(c, NULL);
			}
			ks = tf_tostring(c, kv.n);
			if (!ks || !(k = tf_mk_str(c, ks, strlen(ks), NULL))) {
				c->depth--;
				return tf_error();
			}
			tf_place(c, &out->u.kids[2 * i], k, NULL);
			out->u.kids[2 * i].flags |= NF_KEY;
		}
		v = tf_ev(c, n->kind == N_MAP ? map_val(n, i) : seq_at(n, i));
		if (v.st == EV_ERROR) {
			c->depth--;
			return v;
		}
		if (!v.n) {
			c->depth--;
			return tf_unknown(c, NULL);
		}
		note = tf_note2(note, v.note);
		tf_place(c, &out->u.kids[n->kind == N_MAP ? 2 * i + 1 : i], v.n,
			 NULL);
	}
	c->depth--;
	return known(out, note);
}

struct ev tf_ev(struct ectx *c, const struct node *n)
{
	struct ev r;

	if (!n)
		return tf_error();
	if (c->depth > TF_MAX_DEPTH)
		return tf_unknown(c, NULL);
	switch (n->kind) {
	case N_NULL:
	case N_BOOL:
	case N_INT:
	case N_FLOAT:
	case N_STR:
		return known(tf_copy(c, n, NULL), NULL);
	case N_SEQ:
	case N_MAP:
		if (n->flags & (NF_BODY | NF_LABEL))
			return tf_error(); /* a block is not a value */
		return collection(c, n);
	default:
		break;
	}
	if (n->flags & NF_DERIVED)
		return tf_unknown(c, n); /* an unknown part, already evaluated */
	c->depth++;
	switch (n->style) {
	case EXPR_TRAVERSAL:
		r = traversal(c, n);
		break;
	case EXPR_PAREN:
		r = tf_ev(c, seq_at(n, 0));
		break;
	case EXPR_COND: {
		struct ev k = tf_ev(c, seq_at(n, 0));
		int b = k.st == EV_KNOWN ? tf_tobool(k.n) : -1;
		if (k.st == EV_ERROR || (k.st == EV_KNOWN && b < 0)) {
			r = tf_error();
		} else if (b < 0) {
			r = tf_unknown(c, n);
		} else {
			r = tf_ev(c, seq_at(n, b ? 1 : 2));
			r.note = tf_note2(r.note, k.note);
		}
		break;
	}
	case EXPR_CALL:
		r = tf_call(c, n);
		break;
	case EXPR_BINARY:
		r = tf_binary(c, n);
		break;
	case EXPR_UNARY:
		r = tf_unary(c, n);
		break;
	case EXPR_TEMPLATE:
		r = tf_template(c, n);
		break;
	case EXPR_FOR_TUPLE:
	case EXPR_FOR_OBJECT:
		r = tf_for(c, n);
		break;
	default:
		r = tf_unknown(c, n);
		break;
	}
	c->depth--;
	if (r.st == EV_UNKNOWN && !r.n)
		r = tf_unknown(c, n);
	if (r.st == EV_KNOWN && !r.n)
		r = tf_unknown(c, n); /* the budget is spent */
	return r;
}

/* ---- the entry points ---- */

int tf_placeholder(const struct node *v)
{
	return v->kind == N_NULL || (v->kind == N_STR && v->len == 0) ||
	       ((v->kind == N_SEQ || v->kind == N_MAP) && v->len == 0);
}

void tf_ectx_init(struct ectx *c, struct doc *d, const struct node *at)
{
	memset(c, 0, sizeof(*c));
	c->d = d;
	c->env = env_of(d);
	c->start = at->start;
	c->end = at->end;
}

void tf_eval(struct doc *d, const struct node *e, struct tf_val *out)
{
	struct ectx c;
	struct ev r;

	memset(out, 0, sizeof(*out));
	out->state = TF_UNKNOWN;
	if (!e)
		return;
	tf_ectx_init(&c, d, e);
	r = tf_ev(&c, e);
	if (r.st != EV_KNOWN || !r.n || (r.note && tf_placeholder(r.n)))
		return;
	if (r.n->kind == N_NULL) {
		out->state = TF_NULL;
		return;
	}
	out->node = r.n;
	out->note = r.n->flags & NF_ASSUMED ? note_of(d, c.env, r.n) : r.note;
	out->state = out->note ? TF_ASSUMED : TF_KNOWN;
}

const char *tf_assumed_note(struct doc *d, const struct node *n)
{
	return note_of(d, env_of(d), n);
}
