/* cfn.h - CloudFormation as a language: intrinsic functions, the YAML
 * short forms, resources of a template, and what a value is known to be
 * before the stack is deployed.
 *
 * Ownership: nothing here allocates except the tag hook (in the document's
 * arena). Nothing here reports diagnostics. */
#ifndef BACKUPLINT_CFN_H
#define BACKUPLINT_CFN_H

#include <stddef.h>

#include "../linter/lint.h"

/* CloudFormation intrinsic functions. */
enum cfn_fn {
	FN_NONE,
	FN_REF,
	FN_GETATT,
	FN_SUB,
	FN_JOIN,
	FN_IF,
	FN_SELECT,
	FN_FINDINMAP,
	FN_IMPORTVALUE,
	FN_SPLIT,
	FN_BASE64,
	FN_GETAZS,
	FN_CIDR,
	FN_CONDITION,
	FN_EQUALS,
	FN_AND,
	FN_OR,
	FN_NOT,
	FN_TRANSFORM,
	FN_LENGTH,
	FN_TOJSONSTRING,
	FN_FOREACH,
	/* functions of a template's Rules section */
	FN_CONTAINS,
	FN_EACHMEMBEREQUALS,
	FN_EACHMEMBERIN,
	FN_REFALL,
	FN_VALUEOF,
	FN_VALUEOFALL,
};

/* Which intrinsic a one-pair map is ({"Ref": x}, {"Fn::If": [...]}), or
 * FN_NONE. */
enum cfn_fn node_intrinsic(const struct node *n);
/* Map a function name ("Ref", "Fn::GetAtt", "GetAtt" for a short tag
 * without the "Fn::" prefix when `short_form`) to its enum. */
enum cfn_fn cfn_fn_lookup(const char *name, size_t len, int short_form);
/* Long-form key for an intrinsic: "Ref", "Condition", "Fn::GetAtt", ... */
const char *cfn_fn_name(enum cfn_fn fn);

/* The YAML loader's tag hook (load.h): a short form (!Ref X, !GetAtt A.b,
 * !Sub ...) becomes the one-pair map of its long form, flagged
 * NF_SHORT_TAG; !GetAtt A.b becomes [A, b]. Returns 0 for other tags. */
int cfn_yaml_tag(struct load_ctx *c, struct node *n, const char *tag,
		 const char *buf, size_t len);

/* The resource map of logical id `id` in template d, or NULL. */
struct node *cfn_resource(struct doc *d, const char *id);
/* Resource type string of a resource map ("AWS::Backup::BackupPlan"), or NULL. */
const char *cfn_resource_type(const struct node *res);
/* For a value {Ref: X} or {Fn::GetAtt: [X, Attr]}, the logical id X it
 * names, or NULL. */
const char *cfn_ref_target(const struct node *v);
/* For {Fn::GetAtt: [X, Attr]} (or "X.Attr"), Attr; NULL otherwise. */
const char *cfn_getatt_attr(const struct node *v);

enum cfn_known {
	CFN_LITERAL,  /* a plain value: the node itself, or what a decided
		       * Fn::If or Fn::FindInMap yields without assumptions */
	CFN_ASSUMED,  /* known through an assumption: a Ref to a Parameter
		       * with a Default (not for SSM and list parameter types,
		       * whose Default is not the value) or a single
		       * AllowedValue, a Fn::If decided by the Defaults, ... */
	CFN_UNKNOWN,  /* an intrinsic whose value is not known at lint time */
	CFN_ABSENT,   /* AWS::NoValue: the member is not there */
};
/* What a value is known to be. Returns the node standing for its value
 * (for CFN_UNKNOWN the intrinsic map itself, for CFN_ABSENT NULL) and sets
 * *how. In a document that is not a template every value is CFN_LITERAL. */
const struct node *cfn_value(struct doc *d, const struct node *v, enum cfn_known *how);

/* The same with what the assumption was (rules/cfn_eval.c). A value is
 * evaluated in its place: the Condition of its resource and the Fn::If
 * branches around it hold; Conditions are evaluated with Fn::Equals, Not,
 * And, Or and Condition, Refs to Parameters with a single AllowedValue or
 * (unless the assumptions around the value contradict them) a Default;
 * pseudo parameters are unknown. */
struct cfn_val {
	const struct node *node; /* what it stands for (see cfn_value) */
	enum cfn_known how;
	const char *param;       /* v is a Ref to this Parameter, assumed */
	const char *note;        /* assumed, beyond a plain Default: "condition
				  * HasLock is false with the Parameters'
				  * Defaults"; or NULL */
};
void cfn_eval(struct doc *d, const struct node *v, struct cfn_val *out);

/* The value of Parameter `name` where node `at` is: its only AllowedValue,
 * or its Default (*from_default 1) unless the assumptions there contradict
 * the Defaults; NULL when neither. */
const struct node *cfn_param(struct doc *d, const struct node *at,
			     const char *name, int *from_default);

/* Condition `name` where node `at` is: 1 true, 0 false, -1 unknown;
 * *assumed (may be NULL) is 1 when a Parameter's Default decided it. */
int cfn_condition(struct doc *d, const struct node *at, const char *name,
		  int *assumed);

/* The values an undecided Fn::If (a condition on a pseudo parameter, on a
 * Parameter without a Default) or Fn::FindInMap (a key from such a
 * Parameter) may take, nested ones flattened: up to max of them into out,
 * with their labels ("when condition IsProd is true"). 0 when v has no
 * undecided choice (cfn_eval says what it is). */
#define CFN_BRANCH_KEYS 4
struct cfn_branch {
	const struct node *node;
	const char *label;
	/* what the branch assumes: condition or Parameter -> value */
	const char *key[CFN_BRANCH_KEYS], *val[CFN_BRANCH_KEYS];
	size_t nkeys;
};
size_t cfn_branches(struct doc *d, const struct node *v, struct cfn_branch *out,
		    size_t max);
/* 0 when branches a and b assume different values of one condition or
 * Parameter (they never hold together), else 1. */
int cfn_branches_agree(const struct cfn_branch *a, const struct cfn_branch *b);

/* Where the evaluation keeps what it learnt of template d (implemented by
 * the model, which owns the per-document state). */
struct cfn_info;
struct cfn_info **cfn_slot(struct doc *d);

/* The checker's doc_suppressions hook: Metadata {backuplint: {disable:
 * [BKP302, ...], reason: ...}} at the template's top (the whole document)
 * and on a resource (findings inside it), like cfn-lint's Metadata. */
void cfn_suppressions(struct doc *d);

#endif
