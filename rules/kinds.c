/* kinds.c - the document kinds table and its detection. */
#include "kinds.h"

#include <string.h>

static int has(const struct node *r, const char *k)
{
	return map_get(r, k) != NULL;
}

static int is_template(const struct node *r)
{
	return has(r, "AWSTemplateFormatVersion") ||
	       node_is(map_get(r, "Resources"), N_MAP);
}

static int plan_output(const struct node *r)
{
	return has(r, "BackupPlan") &&
	       (has(r, "BackupPlanArn") || has(r, "VersionId") ||
		has(r, "CreationDate") || has(r, "LastExecutionDate") ||
		has(r, "DeletionDate"));
}

static int plan_update(const struct node *r)
{
	return has(r, "BackupPlan") && has(r, "BackupPlanId");
}

static int plan_create(const struct node *r)
{
	return has(r, "BackupPlan");
}

static int selection_output(const struct node *r)
{
	return has(r, "BackupSelection") &&
	       (has(r, "SelectionId") || has(r, "CreationDate"));
}

static int selection_input(const struct node *r)
{
	return has(r, "BackupSelection");
}

static int copy_job(const struct node *r)
{
	return has(r, "RecoveryPointArn") ||
	       (has(r, "SourceBackupVaultName") &&
		has(r, "DestinationBackupVaultArn"));
}

static int plan_bare(const struct node *r)
{
	return has(r, "BackupPlanName") || has(r, "Rules");
}

static int selection_bare(const struct node *r)
{
	return has(r, "SelectionName") || has(r, "IamRoleArn");
}

/* Only the HCL loader flags a document's root as a body. */
static int is_hcl(const struct node *r)
{
	return (r->flags & NF_BODY) != 0;
}

const struct kind doc_kinds[DOC_KIND_COUNT] = {
	[DOC_CFN] = { "CloudFormation template", "template", DIALECT_CFN,
		      ROLE_TEMPLATE, NULL, is_template },
	[DOC_PLAN_OUTPUT] = { "GetBackupPlan output", "plan-output", DIALECT_API,
			      ROLE_PLAN, "BackupPlan", plan_output },
	[DOC_PLAN_UPDATE] = { "UpdateBackupPlan input", "plan-update", DIALECT_API,
			      ROLE_PLAN, "BackupPlan", plan_update },
	[DOC_PLAN_CREATE] = { "CreateBackupPlan input", "plan-create", DIALECT_API,
			      ROLE_PLAN, "BackupPlan", plan_create },
	[DOC_SELECTION_OUTPUT] = { "GetBackupSelection output", "selection-output",
				   DIALECT_API, ROLE_SELECTION, "BackupSelection",
				   selection_output },
	[DOC_SELECTION_INPUT] = { "CreateBackupSelection input", "selection-input",
				  DIALECT_API, ROLE_SELECTION, "BackupSelection",
				  selection_input },
	[DOC_COPY_JOB] = { "StartCopyJob input", "copy-job", DIALECT_API,
			   ROLE_COPY_JOB, NULL, copy_job },
	[DOC_PLAN_BARE] = { "backup plan", "plan-bare", DIALECT_API, ROLE_PLAN,
			    NULL, plan_bare },
	[DOC_SELECTION_BARE] = { "backup selection", "selection-bare", DIALECT_API,
				 ROLE_SELECTION, NULL, selection_bare },
	[DOC_TF] = { "Terraform file", NULL, DIALECT_TF, ROLE_MODULE, NULL,
		     is_hcl },
};

int kinds_classify(struct doc *d)
{
	int k;
	if (!node_is(d->root, N_MAP))
		return -1;
	if (is_hcl(d->root))
		return DOC_TF;
	for (k = 0; k < DOC_KIND_COUNT; k++)
		if (doc_kinds[k].match(d->root))
			return k;
	return -1;
}

/* Words one of our documents must contain somewhere. */
int kinds_relevant(const char *buf, size_t len)
{
	static const char *const marks[] = {
		"BackupPlan", "BackupSelection", "AWS::Backup::", "RecoveryPointArn",
		"BackupVault", "SelectionName", "aws_backup_",
		"provider \"aws\"", /* a module's Region, for its other files */
	};
	size_t i;
	for (i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
		if (memmem(buf, len, marks[i], strlen(marks[i])))
			return 1;
	return 0;
}
