/* tf_impl.h - private to tf_eval.c (the module, its references, values),
 * tf_func.c (functions, operators, templates, `for`) and tf_blocks.c
 * (dynamic blocks, count and for_each): one evaluation's context and the
 * result of one expression. */
#ifndef BACKUPLINT_TF_IMPL_H
#define BACKUPLINT_TF_IMPL_H

#include "tf_eval.h"

#define TF_MAX_DEPTH 64
#define TF_MAX_NODES 200000
#define TF_MAX_STR   (1u << 20)

enum ev_state {
	EV_KNOWN,
	EV_UNKNOWN,  /* known when Terraform plans */
	EV_ERROR,    /* Terraform would fail (what try() and can() catch) */
};

struct ev {
	const struct node *n; /* EV_KNOWN: the value; EV_UNKNOWN: a marker */
	int st;
	const char *note;     /* rests on an assumption: its reason */
};

/* A name a `for` expression, a dynamic block or a resource's for_each
 * binds: `name` itself (direct), or name.key and name.value. */
struct tf_scope {
	const char *name;
	const struct node *key, *val;
	const char *note;
	int direct;
	const struct tf_scope *up;
};

struct tf_env;

struct ectx {
	struct doc *d;
	struct tf_env *env;
	uint32_t start, end;  /* the span values get */
	int depth;
	const struct tf_scope *sc;
};

/* An evaluation of document d for the expression at `at` (its span). */
void tf_ectx_init(struct ectx *c, struct doc *d, const struct node *at);
/* Evaluate n (any node of a module file) in c. */
struct ev tf_ev(struct ectx *c, const struct node *n);

/* Builders: nodes in c->d's arena with c's span, NF_DERIVED (and
 * NF_ASSUMED with a note); NULL when the node budget is spent. */
struct node *tf_mk(struct ectx *c, int kind, const char *note);
struct node *tf_mk_str(struct ectx *c, const char *s, size_t len,
		       const char *note);
/* Why node n is assumed (NF_ASSUMED), or NULL. */
const char *tf_note_of(struct ectx *c, const struct node *n);
/* *dst = *src, where dst is where the node stays (a container's kids):
 * an assumed one keeps its reason (or takes note, when not NULL). */
void tf_place(struct ectx *c, struct node *dst, const struct node *src,
	      const char *note);
/* A deep copy of value v with c's span (and NF_ASSUMED under note). */
const struct node *tf_copy(struct ectx *c, const struct node *v,
			   const char *note);
/* An unknown value standing for expression e (NULL: none). */
struct ev tf_unknown(struct ectx *c, const struct node *e);
struct ev tf_error(void);
/* The first of two notes. */
static inline const char *tf_note2(const char *a, const char *b)
{
	return a ? a : b;
}
/* 1 when v is a value's unknown part. */
static inline int tf_is_unknown(const struct node *v)
{
	return !v || v->kind == N_EXPR;
}
/* Register why node v's span is assumed (tf_assumed_note). */
void tf_note_span(struct ectx *c, const char *note);
/* 1 when c may build more (depth and budget). */
int tf_budget(struct ectx *c, size_t nodes);

/* tf_func.c: a call, an operator, a template, a `for` expression. */
struct ev tf_call(struct ectx *c, const struct node *e);
struct ev tf_binary(struct ectx *c, const struct node *e);
struct ev tf_unary(struct ectx *c, const struct node *e);
struct ev tf_template(struct ectx *c, const struct node *e);
struct ev tf_for(struct ectx *c, const struct node *e);
/* A known scalar as Terraform converts it to a string (into the arena),
 * or NULL (null, a collection). */
const char *tf_tostring(struct ectx *c, const struct node *v);
/* A known value as a bool: 1, 0, or -1 when it is not one. */
int tf_tobool(const struct node *v);

#endif
