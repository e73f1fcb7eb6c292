/* schema_check.h - what the schema family's files share: the validation
 * context, the report helpers and the checks each file offers the others.
 * schema.c walks values against shapes; schema_text.c checks strings (enums,
 * names, lengths) and ARNs; schema_cfn.c checks what is known of values made
 * by CloudFormation intrinsics; tf_schema.c reads Terraform's blocks and
 * arguments. Internal to rules/schema*.c. */
#ifndef BACKUPLINT_SCHEMA_CHECK_H
#define BACKUPLINT_SCHEMA_CHECK_H

#include <stddef.h>

#include "cfn.h"
#include "registry.h"
#include "shapes.h"

/* What a message adds when the value checked is not the one written (a
 * Parameter's Default, one branch of a condition): a chain of notes on the
 * C stack of the checks, made into text by assumed_text() only when a
 * message is written. */
enum anote_kind {
	AN_TEXT,          /* a: the words */
	AN_COND_DEFAULTS, /* condition a is flag with the Parameters' Defaults */
	AN_COND_BRANCH,   /* when condition a (NULL: its condition) is flag */
	AN_PAREN,         /* (a) */
	AN_REF_NOTE,      /* (a: shown) */
	AN_REF_DEFAULT,   /* assuming parameter a's default shown */
};
struct anote {
	const struct anote *up;   /* the notes before it */
	enum anote_kind kind;
	int flag;
	const char *a;
	const struct node *shown;
};

struct vctx {
	struct doc *d;
	const struct db *db;
	int cfn;
	/* While checking a parameter's Default in place of a Ref: where to
	 * report (the Ref) and what to add to the message. */
	const struct node *at;
	const struct anote *assumed;
	const struct node *root;  /* the document's top mapping */
	/* a partly known string (the Fn::Sub or Fn::Join node being checked,
	 * or NULL): its shortest length in characters; partial_why() and
	 * show_value() word it when a message needs them */
	const struct node *partial;
	size_t partial_min;
	const char *partial_note; /* partial_why() of a string that is no
				   * intrinsic (a Terraform template) */
};

/* Placeholders in partially known strings (Fn::Sub, Fn::Join). */
#define PH_SAFE  '\001' /* a value without ':' (AWS::Region, AWS::AccountId...) */
#define PH_ANY   '\002' /* anything */

/* How a value is printed in a message, computed only when a message is
 * written: callers pass NULL for "the value itself, as show() prints it". */
#define SHOWN (shown_in ? shown_in : show_value(c, v))

/* Report at n (at the Ref when checking an assumed Default). */
struct diag *rep(struct vctx *c, enum rule_id r, const struct node *n,
		 const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Like rep(), at bytes [off, off+len) of string n when its text is
 * verbatim in the source, so the caret lands under the part that is wrong. */
struct diag *rep_part(struct vctx *c, enum rule_id r, const struct node *n,
		      size_t off, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* A value for a message: strings quoted (control characters escaped, long
 * ones shortened), other scalars as written. */
const char *quote(struct vctx *c, const char *s, size_t len);
const char *show(struct vctx *c, const struct node *n);
/* show(), or for the partly known string c->partial its text with ${...}
 * holes (Fn::Join) or as written (Fn::Sub). */
const char *show_value(struct vctx *c, const struct node *n);
/* The words c->assumed adds to a message ("" when none). */
const char *assumed_text(struct vctx *c);
/* Which placeholders make c->partial at least partial_min characters long
 * ("AWS::AccountId is 12 characters"), or NULL. */
const char *partial_why(struct vctx *c);
/* "an integer", "a string"; "a mapping", "a boolean (true or false)". */
const char *a_kind(const struct node *n);
const char *a_shape(const struct shape *s);

void check_value(struct vctx *c, const struct shape *s, const struct node *v,
		 const struct node *key, const char *label);
/* A value of the wrong kind for shape s (`want` words it, NULL: s's kind). */
void wrong_type(struct vctx *c, const struct shape *s, const struct node *v,
		const char *label, const char *want);
/* BKP104 when x is outside s's min and max (`shown_in`: how to print the
 * value, NULL for show(c, v)). */
void check_range(struct vctx *c, const struct shape *s, const struct node *v,
		 const char *label, double x, const char *shown_in);
/* 1 when shape s accepts v without a finding (for unions). */
int accepts(const struct vctx *c, const struct shape *s, const struct node *v);

/* schema_text.c */
/* A string known in full (partial = 0) or with placeholders (partial = 1;
 * `shown_in` is how to print it, NULL for show(c, v)). */
void check_string_text(struct vctx *c, const struct shape *s, const char *str,
		       size_t len, const struct node *v, const char *label,
		       int partial, const char *shown_in);
void check_arn(struct vctx *c, const struct arn_kind *k, const char *s,
	       size_t len, const struct node *v, const char *label,
	       const char *shown_in);
int str_in(const char *s, size_t len, const char *const *v, size_t n);
/* v[0..n) joined by ", ", each between q and q ("\"", or ""). */
const char *join_list(struct vctx *c, const char *const *v, size_t n, const char *q);

/* tf_schema.c: the arguments and blocks of a Terraform file's AWS Backup
 * resources against schemas/shapes-tf.json. */
void tf_schema_check(struct doc *d);

/* schema_cfn.c */
int is_scalar_shape(const struct shape *s);
/* v is an intrinsic: check what is known of its value against s. */
void check_intrinsic(struct vctx *c, const struct shape *s, const struct node *v,
		     enum cfn_fn fn, const struct node *key, const char *label);

#endif
