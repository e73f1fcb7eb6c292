/* tf_func.c - Terraform's common pure functions, operators, templates and
 * `for` expressions on known values (tf_eval.h). A function not listed
 * here, or one given an unknown argument, gives an unknown value. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../linter/strbuf.h"
#include "../linter/utf8.h"
#include "tf_impl.h"

#define MAX_ARGS 16

/* ---- conversions ---- */

int tf_tobool(const struct node *v)
{
	if (node_is(v, N_BOOL))
		return v->u.b != 0;
	if (node_is(v, N_STR) && strcmp(v->u.str, "true") == 0)
		return 1;
	if (node_is(v, N_STR) && strcmp(v->u.str, "false") == 0)
		return 0;
	return -1;
}

/* A number: 1 integer (*i), 2 fraction (*f), 0 not a number. Strings
 * convert, as Terraform converts them. */
static int tonum(const struct node *v, long long *i, double *f)
{
	char *end;
	if (node_is(v, N_INT) && !(v->flags & NF_BIG)) {
		*i = v->u.i;
		*f = (double)v->u.i;
		return 1;
	}
	if (node_is(v, N_FLOAT) && !(v->flags & NF_BIG)) {
		*f = v->u.f;
		if (*f >= -9e15 && *f <= 9e15 && *f == (double)(long long)*f) {
			*i = (long long)*f;
			return 1;
		}
		return 2;
	}
	if (node_is(v, N_STR) && v->len && v->len < 32 &&
	    strspn(v->u.str, "0123456789.eE+-") == v->len &&
	    (isdigit((unsigned char)v->u.str[0]) ||
	     (v->u.str[0] == '-' && isdigit((unsigned char)v->u.str[1])))) {
		/* decimal only: no "nan", "inf" or hexadecimal */
		errno = 0;
		*i = strtoll(v->u.str, &end, 10);
		if (*end == '\0' && !errno && v->u.str[0] != '+' &&
		    v->u.str[0] != ' ') {
			*f = (double)*i;
			return 1;
		}
		*f = strtod(v->u.str, &end);
		if (*end == '\0' && v->u.str[0] != ' ')
			return 2;
	}
	return 0;
}

const char *tf_tostring(struct ectx *c, const struct node *v)
{
	if (node_is(v, N_STR))
		return v->u.str;
	if (node_is(v, N_BOOL))
		return v->u.b ? "true" : "false";
	if (node_is(v, N_INT) && !(v->flags & NF_BIG))
		return arena_printf(&c->d->arena, "%lld", v->u.i);
	if (node_is(v, N_FLOAT) && !(v->flags & NF_BIG))
		return arena_printf(&c->d->arena, "%.15g", v->u.f);
	return NULL;
}

static struct ev val(const struct node *n, const char *note)
{
	struct ev r = { n, n ? EV_KNOWN : EV_UNKNOWN, note };
	return r;
}

static struct ev num(struct ectx *c, int kind, long long i, double f,
		     const char *note)
{
	struct node *n = tf_mk(c, kind == 1 ? N_INT : N_FLOAT, note);
	if (n && kind == 1)
		n->u.i = i;
	else if (n)
		n->u.f = f;
	return val(n, note);
}

static struct ev boolean(struct ectx *c, int b, const char *note)
{
	struct node *n = tf_mk(c, N_BOOL, note);
	if (n)
		n->u.b = b;
	return val(n, note);
}

static struct ev str(struct ectx *c, const char *s, size_t len,
		     const char *note)
{
	return val(tf_mk_str(c, s, len, note), note);
}

/* ---- jsonencode ---- */

static const struct node *sort_map;

static int by_key(const void *a, const void *b)
{
	return strcmp(map_key(sort_map, *(const uint32_t *)a)->u.str,
		      map_key(sort_map, *(const uint32_t *)b)->u.str);
}

static void json_str(struct strbuf *b, const char *s, size_t n)
{
	size_t i;
	strbuf_add(b, "\"", 1);
	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == '"' || ch == '\\') {
			strbuf_add(b, "\\", 1);
			strbuf_add(b, s + i, 1);
		} else if (ch == '\n') {
			strbuf_add(b, "\\n", 2);
		} else if (ch == '\r') {
			strbuf_add(b, "\\r", 2);
		} else if (ch == '\t') {
			strbuf_add(b, "\\t", 2);
		} else if (ch < 0x20 || ch == '<' || ch == '>' || ch == '&') {
			/* Go's encoder, which Terraform uses, escapes HTML too */
			strbuf_printf(b, "\\u%04x", ch);
		} else if (ch == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
			   ((unsigned char)s[i + 2] == 0xA8 ||
			    (unsigned char)s[i + 2] == 0xA9)) {
			strbuf_printf(b, "\\u%04x", 0x2000 + (unsigned char)s[i + 2] - 0x80);
			i += 2;
		} else {
			strbuf_add(b, s + i, 1);
		}
	}
	strbuf_add(b, "\"", 1);
}

/* 0, or -1 when v has an unknown part or is too big. */
static int json_enc(struct ectx *c, struct strbuf *b, const struct node *v,
		    int depth)
{
	uint32_t i, *ord;
	if (tf_is_unknown(v) || depth > TF_MAX_DEPTH || b->n > TF_MAX_STR)
		return -1;
	switch (v->kind) {
	case N_NULL:
		strbuf_puts(b, "null");
		return 0;
	case N_BOOL:
	case N_INT:
	case N_FLOAT:
		strbuf_puts(b, tf_tostring(c, v));
		return 0;
	case N_STR:
		json_str(b, v->u.str, v->len);
		return 0;
	case N_SEQ:
		strbuf_add(b, "[", 1);
		for (i = 0; i < v->len; i++) {
			if (i)
				strbuf_add(b, ",", 1);
			if (json_enc(c, b, seq_at(v, i), depth + 1) < 0)
				return -1;
		}
		strbuf_add(b, "]", 1);
		return 0;
	case N_MAP:
		/* an object's attributes, in lexical order */
		ord = arena_alloc(&c->d->arena, (v->len + 1) * sizeof(*ord));
		for (i = 0; i < v->len; i++)
			ord[i] = i;
		sort_map = v;
		qsort(ord, v->len, sizeof(*ord), by_key);
		strbuf_add(b, "{", 1);
		for (i = 0; i < v->len; i++) {
			const struct node *k = map_key(v, ord[i]);
			if (i)
				strbuf_add(b, ",", 1);
			json_str(b, k->u.str, k->len);
			strbuf_add(b, ":", 1);
			if (json_enc(c, b, map_val(v, ord[i]), depth + 1) < 0)
				return -1;
		}
		strbuf_add(b, "}", 1);
		return 0;
	default:
		return -1;
	}
}

/* ---- functions ---- */

static struct ev f_format(struct ectx *c, const struct ev *a, size_t n,
			  const char *note)
{
	struct strbuf b = { .a = &c->d->arena };
	const char *f = node_str(a[0].n), *s;
	size_t k = 1;

	if (!f)
		return tf_error();
	strbuf_add(&b, "", 0);
	for (; *f; f++) {
		if (*f != '%') {
			strbuf_add(&b, f, 1);
			continue;
		}
		f++;
		if (*f == '%') {
			strbuf_add(&b, "%", 1);
			continue;
		}
		if ((*f != 's' && *f != 'd' && *f != 'v') || k >= n)
			return tf_unknown(c, NULL); /* widths, %q, %#v... */
		if (*f == 'd') {
			long long i;
			double x;
			if (tonum(a[k].n, &i, &x) != 1)
				return tf_error();
		}
		if (!(s = tf_tostring(c, a[k].n)))
			return tf_unknown(c, NULL);
		strbuf_puts(&b, s);
		k++;
	}
	return str(c, b.s, b.n, note);
}

static struct ev f_minmax(struct ectx *c, const struct ev *a, size_t n,
			  int max, const char *note)
{
	long long bi = 0, i;
	double bf = 0, f;
	int kind = 1, k;
	size_t j;

	if (!n)
		return tf_error();
	for (j = 0; j < n; j++) {
		if (!(k = tonum(a[j].n, &i, &f)))
			return tf_error();
		if (k == 2)
			kind = 2;
		if (!j || (max ? f > bf : f < bf)) {
			bf = f;
			bi = i;
		}
	}
	return num(c, kind, bi, bf, note);
}

static struct ev f_merge_concat(struct ectx *c, const struct ev *a, size_t n,
				int is_map, const char *note)
{
	struct node *out;
	size_t j, total = 0;
	uint32_t i, m, w = 0, per = is_map ? 2 : 1;

	for (j = 0; j < n; j++) {
		if (node_is(a[j].n, N_NULL) && is_map)
			continue;
		if (!node_is(a[j].n, is_map ? N_MAP : N_SEQ))
			return tf_error();
		total += a[j].n->len;
	}
	if (total > TF_MAX_NODES || !(out = tf_mk(c, is_map ? N_MAP : N_SEQ, note)) ||
	    !tf_budget(c, total * per))
		return tf_unknown(c, NULL);
	out->style = S_FLOW;
	out->u.kids = arena_alloc(&c->d->arena, (total * per + 1) * sizeof(*out));
	for (j = 0; j < n; j++) {
		const struct node *v = a[j].n;
		for (i = 0; v->kind != N_NULL && i < v->len; i++) {
			if (!is_map) {
				tf_place(c, &out->u.kids[w++], seq_at(v, i), NULL);
				continue;
			}
			/* a later map's key replaces an earlier one's value */
			for (m = 0; m < w / 2; m++)
				if (strcmp(out->u.kids[2 * m].u.str,
					   map_key(v, i)->u.str) == 0)
					break;
			tf_place(c, &out->u.kids[2 * m], map_key(v, i), NULL);
			tf_place(c, &out->u.kids[2 * m + 1], map_val(v, i), NULL);
			if (m == w / 2)
				w += 2;
		}
	}
	out->len = w / per;
	return val(out, note);
}

static int same(const struct node *x, const struct node *y)
{
	long long i, j;
	double f, g;
	if (x->kind != y->kind)
		return 0;
	if (x->kind == N_STR)
		return strcmp(x->u.str, y->u.str) == 0;
	if (x->kind == N_BOOL)
		return (x->u.b != 0) == (y->u.b != 0);
	if (x->kind == N_NULL)
		return 1;
	if (tonum(x, &i, &f) && tonum(y, &j, &g))
		return f == g;
	return 0;
}

static struct ev f_toset(struct ectx *c, const struct node *v, const char *note)
{
	struct node *out;
	uint32_t i, j, w = 0;
	if (!node_is(v, N_SEQ))
		return tf_error();
	if (!(out = tf_mk(c, N_SEQ, note)) || !tf_budget(c, v->len))
		return tf_unknown(c, NULL);
	out->style = S_FLOW;
	out->u.kids = arena_alloc(&c->d->arena, (v->len + 1) * sizeof(*out));
	for (i = 0; i < v->len; i++) {
		const struct node *x = seq_at(v, i);
		if (tf_is_unknown(x))
			return tf_unknown(c, NULL); /* may equal another */
		for (j = 0; j < w && !same(&out->u.kids[j], x); j++)
			;
		if (j == w)
			tf_place(c, &out->u.kids[w++], x, NULL);
	}
	out->len = w;
	return val(out, note);
}

/* try(), can(): the first argument that does not fail. */
static struct ev f_try(struct ectx *c, const struct node *e, int can)
{
	const char *why = NULL; /* what the failures rested on */
	uint32_t i;
	for (i = 1; i < e->len; i++) {
		struct ev r = tf_ev(c, seq_at(e, i));
		if (r.st == EV_UNKNOWN)
			return r;
		if (can)
			return boolean(c, r.st == EV_KNOWN, r.note);
		if (r.st == EV_KNOWN) {
			r.note = tf_note2(r.note, why);
			return r;
		}
		why = tf_note2(why, r.note);
	}
	return tf_error();
}

struct ev tf_call(struct ectx *c, const struct node *e)
{
	const char *name = node_str(seq_at(e, 0)), *note = NULL, *s;
	struct ev a[MAX_ARGS];
	size_t n = e->len - 1, j;
	long long i;
	double f;

	if (!name || (e->flags & NF_EXPAND) || n > MAX_ARGS)
		return tf_unknown(c, e);
	if (strcmp(name, "try") == 0 || strcmp(name, "can") == 0)
		return f_try(c, e, name[0] == 'c');
	for (j = 0; j < n; j++) {
		a[j] = tf_ev(c, seq_at(e, (uint32_t)j + 1));
		if (a[j].st == EV_ERROR)
			return a[j];
		if (strcmp(name, "coalesce") == 0 && a[j].st == EV_KNOWN &&
		    !node_is(a[j].n, N_NULL) && !node_streq(a[j].n, ""))
			return a[j];
		if (a[j].st != EV_KNOWN)
			return tf_unknown(c, e);
		note = tf_note2(note, a[j].note);
	}
	if (strcmp(name, "coalesce") == 0)
		return tf_error();
	if (strcmp(name, "merge") == 0 || strcmp(name, "concat") == 0)
		return f_merge_concat(c, a, n, name[0] == 'm', note);
	if (strcmp(name, "format") == 0 && n >= 1)
		return f_format(c, a, n, note);
	if (strcmp(name, "max") == 0 || strcmp(name, "min") == 0)
		return f_minmax(c, a, n, name[1] == 'a', note);
	if (n == 1 && strcmp(name, "length") == 0) {
		if (node_is(a[0].n, N_SEQ) || node_is(a[0].n, N_MAP))
			return num(c, 1, a[0].n->len, 0, note);
		if (node_is(a[0].n, N_STR))
			return num(c, 1, (long long)utf8_count(a[0].n->u.str,
								  a[0].n->len),
				   0, note);
		return tf_error();
	}
	if (n == 1 && strcmp(name, "toset") == 0)
		return f_toset(c, a[0].n, note);
	if (n == 1 && strcmp(name, "tolist") == 0)
		return node_is(a[0].n, N_SEQ) ? a[0] : tf_error();
	if (n == 1 && strcmp(name, "tomap") == 0)
		return node_is(a[0].n, N_MAP) ? a[0] : tf_error();
	if (n == 1 && (strcmp(name, "lower") == 0 || strcmp(name, "upper") == 0)) {
		/* ASCII text only; other text is unknown here */
		char *t;
		size_t k;
		if (!node_is(a[0].n, N_STR))
			return tf_error();
		t = arena_strndup(&c->d->arena, a[0].n->u.str, a[0].n->len);
		for (k = 0; k < a[0].n->len; k++)
			if ((unsigned char)t[k] >= 0x80)
				return tf_unknown(c, e); /* Unicode case rules */
			else if (name[0] == 'l' && t[k] >= 'A' && t[k] <= 'Z')
				t[k] = (char)(t[k] - 'A' + 'a');
			else if (name[0] == 'u' && t[k] >= 'a' && t[k] <= 'z')
				t[k] = (char)(t[k] - 'a' + 'A');
		return str(c, t, a[0].n->len, note);
	}
	if (n == 1 && strcmp(name, "tostring") == 0)
		return (s = tf_tostring(c, a[0].n)) ? str(c, s, strlen(s), note)
						    : tf_error();
	if (n == 1 && strcmp(name, "tonumber") == 0) {
		int k = tonum(a[0].n, &i, &f);
		return k ? num(c, k, i, f, note) : tf_error();
	}
	if (n == 1 && strcmp(name, "jsonencode") == 0) {
		struct strbuf b = { .a = &c->d->arena };
		strbuf_add(&b, "", 0);
		if (json_enc(c, &b, a[0].n, 0) < 0)
			return tf_unknown(c, e);
		return str(c, b.s, b.n, note);
	}
	if ((n == 2 || n == 3) && strcmp(name, "lookup") == 0) {
		const struct node *v;
		if (!node_is(a[0].n, N_MAP) || !(s = tf_tostring(c, a[1].n)))
			return tf_error();
		if ((v = map_get(a[0].n, s)))
			return tf_is_unknown(v) ? tf_unknown(c, e) : val(v, note);
		return n == 3 ? a[2] : tf_error();
	}
	return tf_unknown(c, e); /* not a function evaluated here */
}

/* ---- operators ---- */

struct ev tf_unary(struct ectx *c, const struct node *e)
{
	const char *op = node_str(seq_at(e, 0));
	struct ev v = tf_ev(c, seq_at(e, 1));
	long long i;
	double f;
	int k;

	if (v.st != EV_KNOWN || !op)
		return v;
	if (op[0] == '!')
		return (k = tf_tobool(v.n)) >= 0 ? boolean(c, !k, v.note) : tf_error();
	if (!(k = tonum(v.n, &i, &f)))
		return tf_error();
	if (k == 1 && i == (-9223372036854775807LL - 1))
		k = 2; /* its negation is beyond int64 */
	return num(c, k, k == 1 ? -i : 0, -f, v.note);
}

struct ev tf_binary(struct ectx *c, const struct node *e)
{
	const char *op = node_str(seq_at(e, 1)), *note;
	struct ev x = tf_ev(c, seq_at(e, 0)), y;
	long long i, j;
	double f, g;
	int kx, ky, b;

	if (!op || x.st == EV_ERROR)
		return x.st == EV_ERROR ? x : tf_unknown(c, e);
	/* && and || need both sides known, as in Terraform */
	y = tf_ev(c, seq_at(e, 2));
	if (y.st == EV_ERROR)
		return y;
	if (x.st != EV_KNOWN || y.st != EV_KNOWN)
		return tf_unknown(c, e);
	note = tf_note2(x.note, y.note);
	if (strcmp(op, "&&") == 0 || strcmp(op, "||") == 0) {
		kx = tf_tobool(x.n);
		ky = tf_tobool(y.n);
		if (kx < 0 || ky < 0)
			return tf_error();
		return boolean(c, op[0] == '&' ? kx && ky : kx || ky, note);
	}
	if (strcmp(op, "==") == 0 || strcmp(op, "!=") == 0) {
		if (x.n->kind == N_MAP || x.n->kind == N_SEQ ||
		    y.n->kind == N_MAP || y.n->kind == N_SEQ)
			return tf_unknown(c, e);
		b = same(x.n, y.n);
		return boolean(c, op[0] == '=' ? b : !b, note);
	}
	kx = tonum(x.n, &i, &f);
	ky = tonum(y.n, &j, &g);
	if (!kx || !ky)
		return tf_error();
	switch (op[0]) {
	case '<':
		return boolean(c, op[1] ? f <= g : f < g, note);
	case '>':
		return boolean(c, op[1] ? f >= g : f > g, note);
	case '+':
	case '-':
	case '*':
		if (kx == 1 && ky == 1 && i > -(1LL << 31) && i < (1LL << 31) &&
		    j > -(1LL << 31) && j < (1LL << 31))
			return num(c, 1, op[0] == '+' ? i + j : op[0] == '-' ? i - j : i * j,
				   0, note);
		f = op[0] == '+' ? f + g : op[0] == '-' ? f - g : f * g;
		return num(c, 2, 0, f, note);
	case '/':
		if (g == 0)
			return tf_error();
		f /= g;
		if (f >= -9e15 && f <= 9e15 && f == (double)(long long)f)
			return num(c, 1, (long long)f, f, note);
		return num(c, 2, 0, f, note);
	case '%':
		if (kx != 1 || ky != 1 || j == 0)
			return tf_unknown(c, e);
		return num(c, 1, i % j, 0, note);
	default:
		return tf_unknown(c, e);
	}
}

/* ---- templates ---- */

struct ev tf_template(struct ectx *c, const struct node *e)
{
	struct strbuf b = { .a = &c->d->arena };
	const char *note = NULL, *s;
	uint32_t i;

	if (e->len == 1 && !(node_is(seq_at(e, 0), N_STR) &&
			     seq_at(e, 0)->style == S_PLAIN) &&
	    !(node_is(seq_at(e, 0), N_EXPR) &&
	      (seq_at(e, 0)->style == EXPR_TEMPLATE_IF ||
	       seq_at(e, 0)->style == EXPR_TEMPLATE_FOR)))
		return tf_ev(c, seq_at(e, 0)); /* "${x}": x, unconverted */
	strbuf_add(&b, "", 0);
	for (i = 0; i < e->len; i++) {
		const struct node *p = seq_at(e, i);
		struct ev v;
		if (node_is(p, N_STR) && p->style == S_PLAIN) {
			strbuf_add(&b, p->u.str, p->len);
			continue;
		}
		if (node_is(p, N_EXPR) && p->style == EXPR_TEMPLATE_IF) {
			struct ev k = tf_ev(c, seq_at(p, 0));
			int t = k.st == EV_KNOWN ? tf_tobool(k.n) : -1;
			if (k.st != EV_KNOWN)
				return k.st == EV_ERROR ? k : tf_unknown(c, e);
			if (t < 0)
				return tf_error();
			note = tf_note2(note, k.note);
			p = seq_at(p, t ? 1 : 2);
			if (node_is(p, N_NULL))
				continue;
		} else if (node_is(p, N_EXPR) && p->style == EXPR_TEMPLATE_FOR) {
			return tf_unknown(c, e);
		}
		v = tf_ev(c, p);
		if (v.st != EV_KNOWN)
			return v.st == EV_ERROR ? v : tf_unknown(c, e);
		if (!(s = tf_tostring(c, v.n)))
			return tf_error();
		note = tf_note2(note, v.note);
		strbuf_puts(&b, s);
		if (b.n > TF_MAX_STR)
			return tf_unknown(c, e);
	}
	return str(c, b.s, b.n, note);
}

/* ---- for expressions ---- */

struct ev tf_for(struct ectx *c, const struct node *e)
{
	int obj = e->style == EXPR_FOR_OBJECT;
	const struct node *kv = seq_at(e, 0), *vv = seq_at(e, 1),
			  *cond = seq_at(e, obj ? 5 : 4);
	struct ev coll = tf_ev(c, seq_at(e, 2));
	struct tf_scope ks = { 0 }, vs = { 0 };
	const struct tf_scope *saved = c->sc;
	struct node *out;
	const char *note;
	uint32_t i, w = 0, per = obj ? 2 : 1;

	if (coll.st != EV_KNOWN)
		return coll.st == EV_ERROR ? coll : tf_unknown(c, e);
	if ((obj && (e->flags & NF_EXPAND)) ||
	    !(node_is(coll.n, N_SEQ) || node_is(coll.n, N_MAP)))
		return tf_unknown(c, e);
	note = coll.note;
	if (!(out = tf_mk(c, obj ? N_MAP : N_SEQ, NULL)) ||
	    !tf_budget(c, coll.n->len * per))
		return tf_unknown(c, e);
	out->style = S_FLOW;
	out->u.kids = arena_alloc(&c->d->arena,
				  (coll.n->len * per + 1) * sizeof(*out));
	ks.direct = vs.direct = 1;
	ks.note = vs.note = coll.note;
	vs.name = node_str(vv);
	ks.name = node_str(kv);
	vs.up = saved;
	ks.up = &vs;
	for (i = 0; i < coll.n->len; i++) {
		struct ev k = { 0 }, v, t;
		struct node *idx = NULL;
		if (coll.n->kind == N_MAP) {
			ks.val = map_key(coll.n, i);
			vs.val = map_val(coll.n, i);
		} else {
			if (!(idx = tf_mk(c, N_INT, NULL)))
				break;
			idx->u.i = i;
			ks.val = idx;
			vs.val = seq_at(coll.n, i);
		}
		c->sc = ks.name ? &ks : &vs;
		if (!node_is(cond, N_NULL)) {
			int b;
			t = tf_ev(c, cond);
			b = t.st == EV_KNOWN ? tf_tobool(t.n) : -1;
			if (b < 0) {
				c->sc = saved;
				return t.st == EV_UNKNOWN ? tf_unknown(c, e) : tf_error();
			}
			note = tf_note2(note, t.note);
			if (!b)
				continue;
		}
		if (obj) {
			const char *s;
			k = tf_ev(c, seq_at(e, 3));
			if (k.st != EV_KNOWN || !(s = tf_tostring(c, k.n))) {
				c->sc = saved;
				return k.st == EV_UNKNOWN ? tf_unknown(c, e) : tf_error();
			}
			note = tf_note2(note, k.note);
			k.n = tf_mk_str(c, s, strlen(s), NULL);
		}
		v = tf_ev(c, seq_at(e, obj ? 4 : 3));
		if (v.st == EV_ERROR || !v.n || (obj && !k.n)) {
			c->sc = saved;
			return v.st == EV_ERROR ? v : tf_unknown(c, e);
		}
		note = tf_note2(note, v.note);
		if (obj) {
			uint32_t m;
			for (m = 0; m < w / 2; m++)
				if (strcmp(out->u.kids[2 * m].u.str, k.n->u.str) == 0) {
					c->sc = saved;
					return tf_error(); /* a duplicate key */
				}
			tf_place(c, &out->u.kids[w], k.n, NULL);
			out->u.kids[w++].flags |= NF_KEY;
		}
		tf_place(c, &out->u.kids[w++], v.n, NULL);
	}
	c->sc = saved;
	out->len = w / per;
	return val(out, note);
}
