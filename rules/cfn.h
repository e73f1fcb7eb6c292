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

enum cfn_known {
	CFN_LITERAL,  /* a plain value: the node itself */
	CFN_ASSUMED,  /* Ref to a Parameter with a Default: that Default (not
		       * for SSM and list parameter types, whose Default is not
		       * the value) */
	CFN_UNKNOWN,  /* an intrinsic whose value is not known at lint time */
};
/* What a value is known to be. Returns the node standing for its value
 * (for CFN_UNKNOWN the intrinsic map itself) and sets *how. In a document
 * that is not a template every value is CFN_LITERAL. */
const struct node *cfn_value(struct doc *d, const struct node *v, enum cfn_known *how);

#endif
