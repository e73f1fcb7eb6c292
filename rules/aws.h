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

#endif
