/* aws.h - AWS Backup's limits and defaults that no facts dataset changes,
 * and the CloudFormation names the rules look for, from schemas/aws.json.
 *
 * Ownership: read once (thread-safe), for the life of the process. Failure:
 * a value missing from the file is a build defect and aborts. */
#ifndef BACKUPLINT_AWS_H
#define BACKUPLINT_AWS_H

#include <stddef.h>

struct aws_consts {
	/* lifecycle, in days */
	long long cold_min_days;      /* in cold storage at least this long */
	long long max_days;           /* DeleteAfterDays and cold storage at most */
	long long continuous_max_days;
	/* windows, in minutes */
	long long start_min, start_default, completion_default;
	const char *default_schedule; /* when a rule has none */
	const char *backup_principal; /* the service an IAM role must trust */
	/* CloudFormation resource types */
	const char *cfn_plan, *cfn_selection, *cfn_vault, *cfn_air_gapped_vault,
		*cfn_role;
	/* the properties holding the plan and the selection */
	const char *cfn_plan_property, *cfn_selection_property;
	const char *const *pseudo;    /* CloudFormation pseudo parameters */
	size_t npseudo;
};

const struct aws_consts *aws(void);

/* 1 when name is a CloudFormation pseudo parameter ("AWS::Region"). */
int aws_is_pseudo(const char *name);

/* What CloudFormation's Ref (attr NULL) or Fn::GetAtt attr of a resource of
 * type `type` returns, as a kind of schemas/cfn-types.json
 * ("backup-vault-arn"); NULL when not known. *status: 0 known; 1 the
 * type's attribute list is complete and attr is not in it (an error);
 * 2 the type or the attribute is not listed. */
const char *aws_cfn_returns(const char *type, const char *attr, int *status);
/* The attributes listed for type (for did-you-mean): up to max into out. */
size_t aws_cfn_attributes(const char *type, const char **out, size_t max);
/* The attribute of type that returns kind ("" when Ref does), or NULL. */
const char *aws_cfn_attr_for(const char *type, const char *kind);
/* "!Sub arn:...${@}": how to write the ARN of a resource of a type that
 * has no ARN attribute (@ for its logical id), or NULL. */
const char *aws_cfn_arn_sub(const char *type);
/* "a backup vault's ARN" for a kind. */
const char *aws_cfn_kind_words(const char *kind);
/* Whether the member of field id `field` ("destination", the ids of
 * schemas/dialects.json) takes a value of kind: 1, 0, or -1 when the field
 * has no rule. aws_cfn_field_kind: the first kind it takes, or NULL. */
int aws_cfn_field_accepts(const char *field, const char *kind);
const char *aws_cfn_field_kind(const char *field);
/* Every resource type of the namespaces cfn-types.json lists in full
 * ("AWS::Backup::BackupPlan", ...). */
const char *const *aws_cfn_namespace_types(size_t *n);

#endif
