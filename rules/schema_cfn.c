/* schema_cfn.c - what is known of values made by CloudFormation
 * intrinsics: both branches of Fn::If, a Parameter's Default for a Ref (the
 * message says it is assumed), the literal parts of Fn::Sub and Fn::Join
 * strings with placeholders for the rest. */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../linter/strbuf.h"
#include "../linter/suggest.h"
#include "../linter/utf8.h"
#include "arn.h"
#include "cfn.h"
#include "families.h"
#include "kinds.h"
#include "schema.h"
#include "schema_check.h"

int is_scalar_shape(const struct shape *s)
{
	return s->kind == SK_STRING || s->kind == SK_LONG ||
	       s->kind == SK_INTEGER || s->kind == SK_NUMBER ||
	       s->kind == SK_BOOL || s->kind == SK_TIMESTAMP;
}

/* A partly known string: its text, with a placeholder byte for each part
 * known only at deploy time, and its shortest length once deployed. */
struct sbuf {
	struct strbuf b;  /* in the document's arena */
	int ph;           /* placeholders added */
	size_t nph;       /* how many */
	size_t min;       /* the literal characters and each placeholder's
			   * shortest value */
	int want_why;     /* fill why (only for a message) */
	struct strbuf why; /* "AWS::AccountId is 12 characters, ..." */
};

static void sb_add(struct vctx *c, struct sbuf *b, const char *s, size_t n)
{
	b->b.a = &c->d->arena;
	strbuf_add(&b->b, s, n);
	b->min += utf8_count(s, n);
}

/* The shortest value a ${name} takes: a pseudo parameter's, a
 * Parameter's MinLength or shortest AllowedValue; 0 when unknown. */
static size_t ph_min(struct vctx *c, const char *name, size_t n)
{
	char key[128];
	const char *m;
	const struct node *p, *av;
	size_t best = 0;
	uint32_t i;
	long long ml;

	if (n >= sizeof(key))
		return 0;
	memcpy(key, name, n);
	key[n] = '\0';
	if ((m = note_find(shapes_arns()->pseudo_min, shapes_arns()->npseudo_min, key)))
		return (size_t)atoi(m);
	p = map_get(map_get(c->d->root, "Parameters"), key);
	if (node_int(map_get(p, "MinLength"), &ml, 1) && ml > 0)
		best = (size_t)ml;
	av = map_get(p, "AllowedValues");
	for (i = 0; node_is(av, N_SEQ) && i < av->len; i++) {
		const struct node *x = seq_at(av, i);
		size_t l = node_is(x, N_STR) ? utf8_count(x->u.str, x->len) : 0;
		if (!node_is(x, N_STR))
			return best;
		if (i == 0 || l < best)
			best = l;
	}
	return best;
}

static void sb_ph(struct vctx *c, struct sbuf *b, const char *name, size_t n)
{
	/* Pseudo parameters that never contain ':' keep later ARN fields in
	 * place; anything else may hold colons. */
	char ph = str_in(name, n, shapes_arns()->colon_free, shapes_arns()->ncolon_free) ? PH_SAFE : PH_ANY;
	size_t min = ph_min(c, name, n);
	sb_add(c, b, &ph, 1);
	b->ph = 1;
	b->nph++;
	b->min += min;
	if (min && b->want_why) {
		const char *w = arena_printf(&c->d->arena, "%s%.*s %s %zu",
					     b->why.n ? ", " : "", (int)n, name,
					     str_in(name, n, (const char *const[]){ "AWS::AccountId" }, 1)
						     ? "is" : "is at least",
					     min);
		b->why.a = &c->d->arena;
		strbuf_add(&b->why, w, strlen(w));
	}
}

/* The text of Fn::Sub's template with ${...} as placeholders ("${!x}" is a
 * literal "${x}"). Returns 0, or -1 when the template is not a string. */
static int sub_text(struct vctx *c, const struct node *arg, struct sbuf *b)
{
	const struct node *t = node_is(arg, N_SEQ) && arg->len ?
			       seq_at(arg, 0) : arg;
	const struct node *vars = node_is(arg, N_SEQ) && arg->len > 1 ?
				  seq_at(arg, 1) : NULL, *var;
	const char *s = node_str(t), *e;
	if (!s)
		return -1;
	while (*s) {
		if (s[0] == '$' && s[1] == '{' && (e = strchr(s, '}'))) {
			char name[128];
			var = NULL;
			if (vars) {
				snprintf(name, sizeof(name), "%.*s",
					 (int)(e - s - 2 < 127 ? e - s - 2 : 127),
					 s + 2);
				var = map_get(vars, name);
			}
			if (s[2] == '!') {
				sb_add(c, b, "${", 2);
				sb_add(c, b, s + 3, (size_t)(e - s - 2));
			} else if (node_is(var, N_STR) && e - s - 2 < 127) {
				/* a variable given literally in Fn::Sub's map */
				sb_add(c, b, var->u.str, var->len);
			} else
				sb_ph(c, b, s + 2, (size_t)(e - s - 2));
			s = e + 1;
			continue;
		}
		/* the literal run up to the next '$', at once */
		e = strchrnul(s + 1, '$');
		sb_add(c, b, s, (size_t)(e - s));
		s = e;
	}
	return 0;
}

/* Fn::Join [delim, [parts]]: literal parts as they are, the rest as
 * placeholders. Returns -1 when the list itself is not known. */
static int join_text(struct vctx *c, const struct node *arg, struct sbuf *b)
{
	const struct node *parts;
	const char *delim;
	uint32_t i;
	if (!node_is(arg, N_SEQ) || arg->len != 2)
		return -1;
	delim = node_str(seq_at(arg, 0));
	parts = seq_at(arg, 1);
	if (!delim || !node_is(parts, N_SEQ))
		return -1;
	for (i = 0; i < parts->len; i++) {
		const struct node *p = seq_at(parts, i);
		if (i)
			sb_add(c, b, delim, strlen(delim));
		if (p->kind == N_STR)
			sb_add(c, b, p->u.str, p->len);
		else if (p->kind == N_INT || p->kind == N_FLOAT)
			sb_add(c, b, c->d->file->src.buf + p->start,
			       p->end - p->start);
		else if (node_intrinsic(p) == FN_REF && node_str(map_val(p, 0)))
			sb_ph(c, b, node_str(map_val(p, 0)),
			      strlen(node_str(map_val(p, 0))));
		else
			sb_ph(c, b, "", 0);
	}
	return 0;
}

/* How a partial string reads in a message: placeholders as ${...}. */
static const char *show_partial(struct vctx *c, const struct sbuf *b)
{
	struct strbuf o = { .a = &c->d->arena };
	size_t i;
	strbuf_add(&o, "\"", 1);
	for (i = 0; i < b->b.n && o.n < 90; i++) {
		if (b->b.s[i] == PH_SAFE || b->b.s[i] == PH_ANY)
			strbuf_add(&o, "${...}", 6);
		else
			strbuf_add(&o, b->b.s + i, 1);
	}
	if (i < b->b.n)
		strbuf_add(&o, "...", 3);
	strbuf_add(&o, "\"", 1);
	return o.s;
}

/* The text of the Fn::Sub or Fn::Join v (fn), with placeholders. */
static int partial_text(struct vctx *c, const struct node *v, struct sbuf *b)
{
	const struct node *arg = map_val(v, 0);
	return node_intrinsic(v) == FN_SUB ? sub_text(c, arg, b)
					   : join_text(c, arg, b);
}

const char *show_value(struct vctx *c, const struct node *n)
{
	const struct node *arg;
	struct sbuf b = { 0 };
	if (!n || n != c->partial)
		return show(c, n);
	arg = map_val(n, 0);
	/* Fn::Sub is shown as written, Fn::Join with ${...} holes. */
	if (node_intrinsic(n) == FN_SUB)
		return show(c, node_is(arg, N_SEQ) ? seq_at(arg, 0) : arg);
	partial_text(c, n, &b);
	return show_partial(c, &b);
}

const char *partial_why(struct vctx *c)
{
	struct sbuf b = { .want_why = 1 };
	if (c->partial_note)
		return c->partial_note;
	if (!c->partial || partial_text(c, c->partial, &b) < 0 || !b.why.n)
		return NULL;
	return arena_printf(&c->d->arena, "%s characters", b.why.s);
}

const char *assumed_text(struct vctx *c)
{
	const struct anote *nt, *chain[32];
	struct strbuf o = { .a = &c->d->arena };
	size_t n = 0;
	const char *t;

	for (nt = c->assumed; nt && n < 32; nt = nt->up)
		chain[n++] = nt;
	if (!n)
		return "";
	while (n--) {
		nt = chain[n];
		switch (nt->kind) {
		case AN_COND_DEFAULTS:
			t = arena_printf(&c->d->arena, " (condition %s is %s with "
					 "the Parameters' Defaults)", nt->a,
					 nt->flag ? "true" : "false");
			break;
		case AN_COND_BRANCH:
			t = nt->a ? arena_printf(&c->d->arena,
						 " (when condition %s is %s)", nt->a,
						 nt->flag ? "true" : "false")
				  : nt->flag ? " (when its condition is true)"
					     : " (when its condition is false)";
			break;
		case AN_PAREN:
			t = arena_printf(&c->d->arena, " (%s)", nt->a);
			break;
		case AN_REF_NOTE:
			t = arena_printf(&c->d->arena, " (%s: %s)", nt->a,
					 show(c, nt->shown));
			break;
		case AN_REF_DEFAULT:
			t = arena_printf(&c->d->arena,
					 " (assuming parameter %s's default %s)",
					 nt->a, show(c, nt->shown));
			break;
		default:
			t = nt->a;
			break;
		}
		strbuf_add(&o, t, strlen(t));
	}
	return o.s;
}

/* Check v against s with note `nt` (its `up` filled here) added to what
 * the messages say. */
static void check_noted(struct vctx *c, const struct shape *s,
			const struct node *v, const struct node *key,
			const char *label, const struct node *at,
			struct anote *nt)
{
	const struct node *old_at = c->at;
	const struct anote *old = c->assumed;
	if (at && !c->at)
		c->at = at;
	nt->up = old;
	c->assumed = nt;
	check_value(c, s, v, key, label);
	c->at = old_at;
	c->assumed = old;
}

void check_intrinsic(struct vctx *c, const struct shape *s,
			    const struct node *v, enum cfn_fn fn,
			    const struct node *key, const char *label)
{
	const struct node *arg = map_val(v, 0), *def;
	struct cfn_val cv;
	struct cfn_branch br[8];
	struct sbuf b = { 0 };
	struct anote nt = { 0 };
	size_t i, n;
	int cond, assumed;

	switch (fn) {
	case FN_IF:
		/* [condition, value if true, value if false]: the branch the
		 * condition takes (with the Parameters' Defaults), else both. */
		if (!node_is(arg, N_SEQ) || arg->len != 3)
			return;
		cond = cfn_condition(c->d, v, node_str(seq_at(arg, 0)), &assumed);
		if (cond >= 0) {
			nt.kind = AN_COND_DEFAULTS;
			nt.a = node_str(seq_at(arg, 0));
			nt.flag = cond;
			if (assumed)
				check_noted(c, s, seq_at(arg, cond ? 1 : 2), key,
					    label, NULL, &nt);
			else
				check_value(c, s, seq_at(arg, cond ? 1 : 2), key, label);
			return;
		}
		for (i = 1; i <= 2; i++) {
			nt.kind = AN_COND_BRANCH;
			nt.a = node_str(seq_at(arg, 0));
			nt.flag = i == 1;
			check_noted(c, s, seq_at(arg, (uint32_t)i), key, label,
				    NULL, &nt);
		}
		return;
	case FN_FINDINMAP:
		/* an entry of a known mapping, reported at the Fn::FindInMap */
		if (c->at)
			return;
		cfn_eval(c->d, v, &cv);
		if ((cv.how == CFN_LITERAL || cv.how == CFN_ASSUMED) && cv.node) {
			nt.kind = cv.note ? AN_PAREN : AN_TEXT;
			nt.a = cv.note ? cv.note : " (from Mappings)";
			check_noted(c, s, cv.node, key, label, v, &nt);
			return;
		}
		n = cfn_branches(c->d, v, br, 8);
		for (i = 0; i < n; i++) {
			nt.kind = AN_PAREN;
			nt.a = br[i].label;
			check_noted(c, s, br[i].node, key, label, v, &nt);
		}
		return;
	case FN_REF:
		if (!is_scalar_shape(s) || c->at)
			return;
		cfn_eval(c->d, v, &cv);
		def = cv.node;
		if (cv.how != CFN_ASSUMED || !def)
			return;
		c->at = v;
		nt.kind = cv.note ? AN_REF_NOTE : AN_REF_DEFAULT;
		nt.a = cv.note ? cv.note : node_str(arg);
		nt.shown = def;
		nt.up = NULL;
		c->assumed = &nt;
		check_value(c, s, def, key, label);
		c->at = NULL;
		c->assumed = NULL;
		return;
	case FN_SUB:
	case FN_JOIN:
		if (s->kind != SK_STRING)
			return;
		if ((fn == FN_SUB ? sub_text(c, arg, &b) : join_text(c, arg, &b)) < 0)
			return;
		c->partial_min = b.min - b.nph; /* not the placeholder bytes */
		c->partial = v;
		check_string_text(c, s, b.b.s ? b.b.s : "", b.b.n, v, label, b.ph,
				  NULL);
		c->partial = NULL;
		return;
	default:
		/* Fn::GetAtt, Fn::Select, Fn::FindInMap, Fn::ImportValue...:
		 * unknown until the stack is deployed. */
		return;
	}
}
