/* orgpolicy.h - Organizations backup policies inside other documents: the
 * Content of a CloudFormation AWS::Organizations::Policy of Type
 * BACKUP_POLICY and the content of a Terraform aws_organizations_policy of
 * type "BACKUP_POLICY", each linted as a document of its own (kind
 * DOC_ORG_POLICY, lint_embedded) with its findings at their place in the
 * file.
 *
 * A policy written as a mapping (YAML, a JSON object, HCL jsonencode({...}))
 * is linted where it stands. A policy written as a string is parsed as JSON
 * when its text stands in the file line for line (a plain JSON string
 * without escapes, a YAML literal block, a Terraform heredoc), so that each
 * position maps back into the file; any other string (escaped JSON, a
 * folded block, an intrinsic, an interpolated template) is unknown and not
 * linted. Nothing here is kept: the embedded document is. */
#ifndef BACKUPLINT_ORGPOLICY_H
#define BACKUPLINT_ORGPOLICY_H

#include "../linter/lint.h"

/* The names of the embedding resources (schemas/org-policy.json
 * "embedded"): "AWS::Organizations::Policy", "BACKUP_POLICY"... */
const char *org_embedded_name(const char *key);

/* Lint the policy `content` of document d: a mapping, or a string as said
 * above. 0 when it was linted, -1 when it is unknown. */
int org_embed(struct doc *d, const struct node *content);

/* The family hook: the backup policies of a CloudFormation template or a
 * Terraform file. */
void orgpolicy_embed_check_doc(struct doc *d);

/* Terraform (orgpolicy_tf.c): the aws_organizations_policy resources of a
 * Terraform file whose type is "BACKUP_POLICY". */
void org_tf_policies(struct doc *d);

#endif
