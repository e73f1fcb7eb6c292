/* policy_framework.c - documentation of BKP908: frameworks found in the
 * documents, with complete Bad and Good documents that
 * testdata/rules/check-examples.sh runs through the binary. */
#include "doc.h"

const char bkp908_doc[] =
	"What it checks: an AWS Backup Audit Manager framework in the documents: a\n"
	"CreateFramework or UpdateFramework request, a template's\n"
	"AWS::Backup::Framework, a Terraform aws_backup_framework. Control names are\n"
	"Audit Manager's (a misspelt one has a did-you-mean); each parameter is one\n"
	"the control takes, given once, with a value in its range\n"
	"(requiredFrequencyValue 1-24 hours or 1-31 days, recoveryPointAgeValue 1-744\n"
	"hours or 1-31 days, crossAccountList at most 5 accounts, Regions that exist);\n"
	"the scope is one Audit Manager offers for the control (no tags for\n"
	"RESOURCES_IN_LOGICALLY_AIR_GAPPED_VAULT, no resource types for the frequency\n"
	"control), with at most one tag; FrameworkName is a letter followed by\n"
	"letters, digits and underscores. Audit Manager's adjustable quotas are\n"
	"warnings (they may have been raised): at most 50 controls and 15 frameworks\n"
	"an account and Region, counted in each document (a template or request\n"
	"deploys to one), the same control in two frameworks counting twice.\n"
	"\n"
	"Why: Audit Manager rejects these at deploy (InvalidParameterValueException),\n"
	"or, for a misspelt parameter, silently uses the default.\n"
	"\n"
	"With `policy: {frameworks: apply}` in the configuration, or the option\n"
	"--apply-frameworks, the valid controls of every framework in the run are\n"
	"also applied to the plans, as if they were in the configuration\n"
	"(BKP901-BKP907, at error).\n";

const struct rule_example bkp908_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "template.yaml", .text =
	"Resources:\n"
	"  Framework:\n"
	"    Type: AWS::Backup::Framework\n"
	"    Properties:\n"
	"      FrameworkName: production_backups\n"
	"      FrameworkControls:\n"
	"        - ControlName: BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK\n"
	"          ControlInputParameters:\n"
	"            - ParameterName: requiredFrequencyUnit\n"
	"              ParameterValue: hours\n"
	"            - ParameterName: requiredFrequencyValue\n"
	"              ParameterValue: \"48\"\n" },
	{ .kind = EXAMPLE_GOOD, .file = "template.yaml", .text =
	"Resources:\n"
	"  Framework:\n"
	"    Type: AWS::Backup::Framework\n"
	"    Properties:\n"
	"      FrameworkName: production_backups\n"
	"      FrameworkControls:\n"
	"        - ControlName: BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK\n"
	"          ControlInputParameters:\n"
	"            - ParameterName: requiredFrequencyUnit\n"
	"              ParameterValue: hours\n"
	"            - ParameterName: requiredFrequencyValue\n"
	"              ParameterValue: \"24\"\n" },
	EXAMPLES_END
};
