/* tf_eval.h - what a Terraform expression is before `terraform plan`: the
 * values of a module's variables (their defaults, overridden by
 * terraform.tfvars and *.auto.tfvars of its folder: assumed, and said so),
 * its locals, the common pure functions, templates, operators, index and
 * attribute access, `for` expressions (tf_eval.c, tf_func.c); `dynamic`
 * blocks and a resource's count/for_each instances over a known collection
 * (tf_blocks.c); the trust policy of a referenced aws_iam_role (tf_iam.c).
 * Everything else (resource attributes, data sources, module outputs,
 * unknown functions) is unknown, never guessed.
 *
 * A module is the Terraform files of one folder in the run (tf_module_cmp);
 * a Terraform file is therefore checked at the run phase (tf_defer_doc),
 * when all of them are loaded.
 *
 * Values are trees of tree.h nodes in the evaluated document's arena, each
 * flagged NF_DERIVED and spanning the expression it was computed for (so a
 * value that comes from another file is reported where it is used);
 * NF_ASSUMED marks a value (or part of one) that rests on a variable's
 * default or a tfvars value, whose reason tf_assumed_note() gives. An
 * unknown part of a known list or object is an N_EXPR flagged NF_DERIVED
 * (a copy of the expression it came from, whose kids are the original's).
 *
 * Limits: nesting of evaluation (64), nodes built per document (200,000)
 * and string length (1 MiB); past them a value is unknown. A local that
 * depends on itself is unknown. Nothing here reports diagnostics. */
#ifndef BACKUPLINT_TF_EVAL_H
#define BACKUPLINT_TF_EVAL_H

#include <stddef.h>

#include "../linter/lint.h"

enum tf_state {
	TF_KNOWN,
	TF_ASSUMED,   /* known through a variable's default or a tfvars value */
	TF_UNKNOWN,
	TF_NULL,      /* null: the argument is not set */
};

struct tf_val {
	const struct node *node; /* the value; NULL when unknown or null */
	enum tf_state state;
	const char *note;        /* assumed: "assumed from the default of
				  * variable days" */
};

/* The Terraform documents of d's module in the run phase (d among them):
 * *first[0..n); sorted once per run. 0 before the run phase. */
size_t tf_module_docs(struct doc *d, struct doc ***first);

/* The checker's defer_doc hook: 1 for a Terraform file. */
int tf_defer_doc(struct doc *d);
/* The run's Terraform documents indexed by module, before the modules are
 * checked in parallel (checker.h defer_prepare; tf_module_cmp orders
 * them). */
void tf_defer_prepare(struct run *r);

/* Expression e of document d (an N_EXPR of its tree). */
void tf_eval(struct doc *d, const struct node *e, struct tf_val *out);

/* 1 when v is null, "", [] or {}: what a module's default means by "the
 * caller says", so not a value to assume (a list Parameter's Default is
 * not assumed either): an assumed one is unknown. */
int tf_placeholder(const struct node *v);

/* Why node n (flagged NF_ASSUMED) is assumed, or a generic reason. */
const char *tf_assumed_note(struct doc *d, const struct node *n);

/* The key of the first `dynamic "name"` block of body m, or NULL. */
const struct node *tf_has_dynamic(const struct node *m, const char *name);

/* The blocks `dynamic "name"` blocks of body m generate, in order: their
 * bodies (evaluated, NF_BODY maps) into a new array *out (in d's arena) of
 * *n; -1 when the collection of one of them is not known. */
int tf_dynamic(struct doc *d, const struct node *m, const char *name,
	       const struct node ***out, size_t *n);

/* The instances of the resource of body `body` with a known `count` or
 * `for_each`: their bodies (evaluated with count.index, each.key and
 * each.value) and keys ("[0]", "[\"a\"]") into new arrays, *n of them
 * (0: none exists); -1 when it is one resource as written: no count or
 * for_each, not known, more than 32 instances, or none on a variable's
 * default. */
int tf_instances(struct doc *d, const struct node *body,
		 const struct node ***bodies, const char ***keys, size_t *n);

/* The inner value of a label map (a block's `"NAME" ...` under its keyword
 * or an outer label), with the label's key node in *key (a string); NULL
 * when v is no label map. */
const struct node *tf_label(const struct node *v, const struct node **key);

/* A reference to an attribute of a resource or data source:
 * [data.]TYPE.NAME[INDEX].ATTR. */
struct tf_ref {
	int data;                 /* data.TYPE... */
	const char *type, *name, *attr;
	const struct node *index; /* the [INDEX] of one instance, or NULL */
};
/* 1 and *r when traversal e is one, else 0. */
int tf_ref_parse(const struct node *e, struct tf_ref *r);

/* For a reference to the `arn` attribute of a resource or data source
 * (aws_dynamodb_table.t.arn, data.aws_s3_bucket.b.arn, aws_instance.i[0].arn)
 * its type, with the reference as text in *text (d's arena); else NULL. */
const char *tf_arn_ref(struct doc *d, const struct node *v, const char **text);

/* The trust policy (a JSON policy's tree: {Statement: [...]}) of the
 * aws_iam_role that iam_role_arn value `arn` references
 * (aws_iam_role.NAME.arn), from its assume_role_policy: jsonencode({...}),
 * a JSON string or heredoc, or an aws_iam_policy_document data source
 * (tf_iam.c). NULL when there is no such role in the module or its policy
 * is not known. *role: NAME (or NULL); *in: the document whose tree holds
 * the policy's nodes; *key: the assume_role_policy key, or NULL. */
const struct node *tf_role_trust(struct doc *d, const struct node *arn,
				 const char **role, struct doc **in,
				 const struct node **key);

#endif
