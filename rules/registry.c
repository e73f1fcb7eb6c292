/* registry.c - the one table of rules, and the families that check them.
 *
 * Each row: id, name, default severity, flags, a one-line summary, the AWS
 * source it rests on, and its documentation for --explain: the prose (what
 * it checks, why it matters) and complete Bad and Good documents, kept in
 * rules/doc/ with one file a family. docs/rules.md is generated from this
 * table (make docs). */
#include "registry.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../linter/diag.h"
#include "cfn.h"
#include "doc/doc.h"
#include "facts.h"
#include "families.h"
#include "kinds.h"
#include "model.h"
#include "policy.h"
#include "orgpolicy.h"
#include "shapes.h"
#include "tf_eval.h"

#define E SEV_ERROR
#define W SEV_WARNING
#define I SEV_INFO
/* The prose and the examples of a rule, from rules/doc/. */
#define DOC(id) .doc = id##_doc, .examples = id##_examples

const struct rule rules[RULE_COUNT] = {
/* ---- input (BKP0xx): loading and encoding, reported by linter/ ---- */
[BKP001] = {
	.id = "BKP001", .name = "syntax-error", .severity = E,
	.summary = "The file is not valid JSON or YAML.",
	DOC(bkp001),
	.source = "RFC 8259; YAML 1.1; AWS CLI file:// parameters",
},
[BKP002] = {
	.id = "BKP002", .name = "duplicate-key", .severity = E,
	.summary = "A mapping has the same key twice; only the last one counts.",
	DOC(bkp002),
	.source = "RFC 8259 section 4 (names SHOULD be unique); YAML 1.2 section 3.2.1.1",
},
[BKP003] = {
	.id = "BKP003", .name = "unrecognized-document", .severity = I,
	.summary = "The document is not a backup plan, selection, copy job or CloudFormation template.",
	DOC(bkp003),
	.source = "AWS Backup API reference: CreateBackupPlan, GetBackupPlan, CreateBackupSelection, StartCopyJob",
},
[BKP004] = {
	.id = "BKP004", .name = "invalid-encoding", .severity = E,
	.summary = "The file is not valid UTF-8 text (bad bytes, NUL, UTF-16 or UTF-32).",
	DOC(bkp004),
	.source = "RFC 8259 section 8.1 (JSON text exchanged between systems MUST be UTF-8)",
},
[BKP005] = {
	.id = "BKP005", .name = "input-limits", .severity = E,
	.summary = "The file exceeds a safety limit (size, nesting depth, alias expansion).",
	DOC(bkp005),
	.source = "backuplint limits (README, Limits)",
},

[BKP006] = {
	.id = "BKP006", .name = "invalid-config", .severity = E,
	.summary = "The configuration file cannot be used: an unknown key, a wrong type, an unknown rule, an invalid glob.",
	DOC(bkp006),
	.source = "backuplint configuration (README, Configure)",
},
[BKP007] = {
	.id = "BKP007", .name = "unused-suppression", .severity = W,
	.summary = "A suppression comment or Metadata entry silences no finding.",
	DOC(bkp007),
	.source = "backuplint suppressions (README, Configure)",
},
[BKP008] = {
	.id = "BKP008", .name = "invalid-suppression", .severity = W,
	.summary = "A suppression names no rule of backuplint, or is not a directive.",
	DOC(bkp008),
	.source = "backuplint suppressions (README, Configure)",
},

/* ---- schema (BKP1xx): rules/schema.c ---- */
[BKP101] = {
	.id = "BKP101", .name = "unknown-key", .severity = E,
	.summary = "A key that the document's AWS shape does not have (misspelt, or from the other dialect).",
	DOC(bkp101),
	.source = "AWS Backup API reference, BackupRuleInput and related shapes "
		  "(botocore backup 2018-11-15 model); CloudFormation AWS::Backup resource schemas; "
		  "terraform-provider-aws v6.58.0 AWS Backup resource schemas",
},
[BKP102] = {
	.id = "BKP102", .name = "wrong-type", .severity = E,
	.summary = "A value of the wrong type: a string where AWS expects a number, a list where it expects a mapping...",
	DOC(bkp102),
	.source = "AWS Backup API reference (member types); botocore parameter validation; "
		  "CloudFormation template anatomy (property value conversion); "
		  "Terraform type conversion (cty) and terraform-provider-aws v6.58.0 schemas",
},
[BKP103] = {
	.id = "BKP103", .name = "missing-required", .severity = E,
	.summary = "A member that AWS requires is absent (RuleName, TargetBackupVaultName, IamRoleArn...).",
	DOC(bkp103),
	.source = "AWS Backup API reference (required members); CloudFormation AWS::Backup resource schemas (required); "
		  "terraform-provider-aws v6.58.0 AWS Backup resource schemas (Required)",
},
[BKP104] = {
	.id = "BKP104", .name = "out-of-range", .severity = E,
	.summary = "A number or length outside what AWS accepts (window minutes, vault lock days, template description).",
	DOC(bkp104),
	.source = "AWS Backup API reference: BackupRuleInput.StartWindowMinutes, "
		  "PutBackupVaultLockConfiguration, CreateLogicallyAirGappedBackupVault; "
		  "CloudFormation quotas (template description)",
},
[BKP105] = {
	.id = "BKP105", .name = "invalid-name", .severity = E,
	.summary = "A name that does not match AWS's pattern (rule, selection, vault, plan names, tag keys, logical IDs).",
	DOC(bkp105),
	.source = "AWS Backup API reference: BackupRuleName, BackupSelectionName, "
		  "BackupVaultName patterns; BackupPlanInput.BackupPlanName; AWS tagging limits; "
		  "CloudFormation resources section (logical IDs)",
},
[BKP106] = {
	.id = "BKP106", .name = "invalid-arn", .severity = E,
	.summary = "An ARN that is malformed for its use: partition, service, Region, 12-digit account, resource type.",
	DOC(bkp106),
	.source = "AWS Backup developer guide, access control (resource ARN formats); "
		  "Service Authorization Reference for AWS Backup, IAM, KMS; "
		  "AWS Backup API reference, CopyAction.DestinationBackupVaultArn",
},
[BKP107] = {
	.id = "BKP107", .name = "invalid-enum", .severity = E,
	.summary = "A value not among those AWS allows (ConditionType, ScanMode, backup options, vault events...).",
	DOC(bkp107),
	.source = "AWS Backup API reference: Condition, ScanAction, IndexAction, AdvancedBackupSetting, "
		  "BackupVaultEvent; CloudFormation resource attributes",
},
[BKP108] = {
	.id = "BKP108", .name = "duplicate-rule-name", .severity = E,
	.summary = "Two rules of one backup plan have the same RuleName.",
	DOC(bkp108),
	.source = "AWS Backup developer guide, creating a backup plan (rule names); "
		  "AWS Backup API reference, BackupRuleInput.RuleName",
},
[BKP109] = {
	.id = "BKP109", .name = "quota", .severity = E,
	.summary = "A documented AWS limit is exceeded (ARNs in a selection, wildcards, IndexActions per rule, tags).",
	DOC(bkp109),
	.source = "AWS Backup API reference: BackupSelection.Resources and NotResources, "
		  "BackupRuleInput.IndexActions; AWS Backup quotas (metadata tags per backup); "
		  "AWS tagging limits",
},

/* ---- Organizations backup policies (BKP110-BKP112): rules/orgpolicy_check.c ---- */
[BKP110] = {
	.id = "BKP110", .name = "policy-operator", .severity = E,
	.summary = "A backup policy operator where it may not stand (@@assign on a container, @@append on a single value, a setting without one) or with a value it may not take.",
	DOC(bkp110),
	.source = "AWS Organizations User Guide, Policy syntax and inheritance for management policy types; Backup policy syntax",
},
[BKP111] = {
	.id = "BKP111", .name = "copy-action-key", .severity = W,
	.summary = "A backup policy's copy action whose key is not its target_backup_vault_arn, or has capitals and no target.",
	DOC(bkp111),
	.source = "AWS Organizations User Guide, Backup policy syntax (copy_actions: the key is the destination vault ARN; keys are lower-cased)",
},
[BKP112] = {
	.id = "BKP112", .name = "policy-too-large", .severity = E,
	.summary = "A backup policy longer than the 10,000 characters AWS Organizations takes.",
	DOC(bkp112),
	.source = "AWS Organizations User Guide, Quotas (maximum size of a backup policy document); CreatePolicy ConstraintViolationException POLICY_CONTENT_LIMIT_EXCEEDED",
},

/* ---- regions (BKP2xx): rules/region.c ---- */
[BKP201] = {
	.id = "BKP201", .name = "unknown-region", .severity = E,
	.summary = "A Region in an ARN is not a Region of any AWS partition.",
	DOC(bkp201),
	.source = "botocore endpoints.json/partitions.json (schemas/regions.json)",
},
[BKP202] = {
	.id = "BKP202", .name = "backup-not-offered", .severity = E, .flags = RF_FACTS,
	.summary = "AWS Backup is not offered in the Region (per the facts dataset).",
	DOC(bkp202),
	.source = "botocore endpoints.json services.backup (1.29.27 for spec, 1.43.67 for current)",
},
[BKP203] = {
	.id = "BKP203", .name = "cross-region-copy-unavailable", .severity = E, .flags = RF_FACTS,
	.summary = "A cross-Region copy from or to a Region without cross-Region copy.",
	DOC(bkp203),
	.source = "AWS Backup Developer Guide, cross-Region backup (spec); Feature availability by AWS Region (current)",
},
[BKP204] = {
	.id = "BKP204", .name = "cross-partition-copy", .severity = E,
	.summary = "A copy between partitions (aws, aws-cn, aws-us-gov, ...), or an ARN whose partition does not match its Region.",
	DOC(bkp204),
	.source = "AWS Backup Developer Guide, Feature availability by AWS Region; botocore partitions.json",
},
[BKP205] = {
	.id = "BKP205", .name = "copy-to-source-vault", .severity = W,
	.summary = "A copy action copies into the vault the backup is already in.",
	DOC(bkp205),
	.source = "AWS Backup Developer Guide, Creating backup copies (copy to another Region or account)",
},
[BKP206] = {
	.id = "BKP206", .name = "cross-account-copy-unavailable", .severity = E, .flags = RF_FACTS,
	.summary = "A cross-account copy from or to a Region without cross-account copy.",
	DOC(bkp206),
	.source = "AWS Backup Developer Guide, Feature availability by AWS Region",
},

[BKP207] = {
	.id = "BKP207", .name = "resource-in-other-region", .severity = E,
	.summary = "A selection names a resource in another Region than its plan's.",
	DOC(bkp207),
	.source = "AWS Backup Developer Guide, Assigning resources to a backup plan (resources in the plan's Region)",
},
[BKP208] = {
	.id = "BKP208", .name = "air-gapped-vault-elsewhere", .severity = E,
	.summary = "A rule's TargetLogicallyAirGappedBackupVaultArn names a vault in another account or Region than the plan's.",
	DOC(bkp208),
	.source = "AWS Backup API reference, BackupRuleInput TargetLogicallyAirGappedBackupVaultArn; Developer Guide, logically air-gapped vaults",
},

/* ---- resource types (BKP3xx): rules/restype.c ---- */
[BKP301] = {
	.id = "BKP301", .name = "dynamodb-cross-region-copy", .severity = E, .flags = RF_FACTS,
	.summary = "A plan protecting DynamoDB tables (or a copy job of a DynamoDB backup) copies across Regions.",
	DOC(bkp301),
	.source = "AWS Backup Developer Guide, cross-Region backup (spec); Feature availability by resource, advanced DynamoDB backup (current)",
},
[BKP302] = {
	.id = "BKP302", .name = "cold-storage-ignored", .severity = W, .flags = RF_FACTS,
	.summary = "MoveToColdStorageAfterDays on a plan whose resource types cannot go to cold storage.",
	DOC(bkp302),
	.source = "AWS Backup Developer Guide, cross-Region backup, Lifecycle (spec); Feature availability by resource (current)",
},
[BKP303] = {
	.id = "BKP303", .name = "unsupported-resource-type", .severity = E, .flags = RF_FACTS,
	.summary = "A selected ARN names a resource AWS Backup does not protect.",
	DOC(bkp303),
	.source = "AWS Service Authorization Reference (ARN formats); AWS Backup Developer Guide, Feature availability by resource",
},
[BKP304] = {
	.id = "BKP304", .name = "rds-option-groups-not-copied", .severity = I,
	.summary = "RDS instances are copied across Regions: custom option groups are not copied.",
	DOC(bkp304),
	.source = "AWS Backup Developer Guide, cross-Region backup (copying RDS custom option groups across Regions is not supported)",
},
[BKP305] = {
	.id = "BKP305", .name = "continuous-backup-unsupported-type", .severity = W, .flags = RF_FACTS,
	.summary = "EnableContinuousBackup on a plan with resource types that fall back to snapshots.",
	DOC(bkp305),
	.source = "AWS Backup Developer Guide, Continuous backups and point-in-time recovery",
},
[BKP306] = {
	.id = "BKP306", .name = "copy-unsupported-type", .severity = E, .flags = RF_FACTS,
	.summary = "A plan copies cross-Region or cross-account resource types that cannot be copied that way.",
	DOC(bkp306),
	.source = "AWS Backup Developer Guide, Feature availability by resource and by AWS Region",
},

[BKP307] = {
	.id = "BKP307", .name = "continuous-copy-is-snapshot", .severity = I, .flags = RF_FACTS,
	.summary = "A continuous backup rule copies to another Region or account: the copy is a snapshot.",
	DOC(bkp307),
	.source = "AWS Backup Developer Guide, Copy a backup; Continuous backups and point-in-time recovery",
},

/* ---- selections: rules/selection.c ---- */
[BKP308] = {
	.id = "BKP308", .name = "empty-selection", .severity = W,
	.summary = "A selection with neither Resources nor ListOfTags: rejected, or (with nothing at all) every opted-in resource.",
	DOC(bkp308),
	.source = "AWS Backup API reference, BackupSelection (with no conditions, tags or resources AWS Backup selects all supported and opted-in resources); InvalidParameterValueException \"Either 'ListOfTags' or 'Resources' section must be non-empty\" (terraform-provider-aws #24235, #25436; 2022-2023)",
},
[BKP309] = {
	.id = "BKP309", .name = "tag-key-not-resource-tag", .severity = E,
	.summary = "A selection's ConditionKey starts with aws: but is not aws:ResourceTag/...: it matches no tag.",
	DOC(bkp309),
	.source = "AWS Backup API reference, BackupSelection Conditions and ConditionParameter (aws:ResourceTag/key)",
},
[BKP310] = {
	.id = "BKP310", .name = "duplicate-selection-name", .severity = W,
	.summary = "Two selections of one plan have the same SelectionName.",
	DOC(bkp310),
	.source = "AWS Backup API reference, BackupSelection SelectionName (the display name of a resource selection)",
},

/* ---- copy modes (BKP4xx): rules/copymode.c ---- */
[BKP401] = {
	.id = "BKP401", .name = "rds-cross-region-and-cross-account", .severity = E, .flags = RF_FACTS,
	.summary = "A plan that may protect RDS or Aurora copies both cross-Region and cross-account.",
	DOC(bkp401),
	.source = "AWS Backup Developer Guide, cross-Region backup (spec); Copy a backup, Feature availability by resource footnote 3 (current)",
},
[BKP402] = {
	.id = "BKP402", .name = "efs-copy-plan-wide", .severity = W, .flags = RF_FACTS,
	.summary = "EFS file systems assigned through several selections while the plan's rules copy differently.",
	DOC(bkp402),
	.source = "AWS Backup Developer Guide, cross-Region backup (Amazon EFS supports cross-Region copy at the plan level)",
},

/* ---- lifecycle (BKP5xx): rules/lifecycle.c ---- */
[BKP501] = {
	.id = "BKP501", .name = "cold-storage-minimum", .severity = E,
	.summary = "DeleteAfterDays is less than MoveToColdStorageAfterDays + 90.",
	DOC(bkp501),
	.source = "AWS Backup API reference, Lifecycle (DeleteAfterDays: at least 90 days after MoveToColdStorageAfterDays)",
},
[BKP502] = {
	.id = "BKP502", .name = "retention-range", .severity = E,
	.summary = "A lifecycle day count is not a whole number from 1 to 36500 (or -1).",
	DOC(bkp502),
	.source = "AWS Backup API reference, Lifecycle and BackupRule (maximum 100 years, 36,500 days)",
},
[BKP503] = {
	.id = "BKP503", .name = "continuous-retention", .severity = E,
	.summary = "A continuous-backup rule keeps recovery points longer than 35 days, or has no retention.",
	DOC(bkp503),
	.source = "AWS Backup Developer Guide, Continuous backups and point-in-time recovery (retention period 1 to 35 days)",
},
[BKP504] = {
	.id = "BKP504", .name = "continuous-cold-storage", .severity = E,
	.summary = "A continuous-backup rule sets MoveToColdStorageAfterDays.",
	DOC(bkp504),
	.source = "AWS Backup Developer Guide, Continuous backups and point-in-time recovery",
},
[BKP505] = {
	.id = "BKP505", .name = "archive-without-cold", .severity = W,
	.summary = "OptInToArchiveForSupportedResources is true but nothing moves to cold storage.",
	DOC(bkp505),
	.source = "AWS Backup API reference, Lifecycle (OptInToArchiveForSupportedResources)",
},

/* ---- retention against vaults and copies: rules/retention.c ---- */
[BKP506] = {
	.id = "BKP506", .name = "vault-retention-bounds", .severity = E,
	.summary = "A rule or copy keeps recovery points shorter than the destination vault's MinRetentionDays or longer than its MaxRetentionDays.",
	DOC(bkp506),
	.source = "AWS Backup API reference, PutBackupVaultLockConfiguration and CreateLogicallyAirGappedBackupVault (MinRetentionDays, MaxRetentionDays); Developer Guide, AWS Backup Vault Lock",
},
[BKP507] = {
	.id = "BKP507", .name = "retention-unset", .severity = I,
	.summary = "A rule sets no DeleteAfterDays: its recovery points are kept, and billed, until deleted.",
	DOC(bkp507),
	.source = "AWS Backup API reference, Lifecycle (DeleteAfterDays: omitted, recovery points are kept indefinitely); AWS Backup pricing",
},
[BKP508] = {
	.id = "BKP508", .name = "copy-expires-early", .severity = W,
	.summary = "A cross-Region or cross-account copy without a Lifecycle of its own, under a rule that keeps backups 1 to 7 days.",
	DOC(bkp508),
	.source = "AWS Backup API reference, CopyAction Lifecycle (without one the source's lifecycle applies)",
},

/* ---- schedule and windows (BKP6xx): rules/schedule.c ---- */
[BKP601] = {
	.id = "BKP601", .name = "invalid-schedule", .severity = E,
	.summary = "ScheduleExpression is not a cron(...) expression AWS Backup accepts.",
	DOC(bkp601),
	.source = "Amazon EventBridge User Guide, Cron expressions; AWS Backup API reference, BackupRule ScheduleExpression",
},
[BKP602] = {
	.id = "BKP602", .name = "schedule-too-frequent", .severity = E,
	.summary = "The schedule fires more than once an hour.",
	DOC(bkp602),
	.source = "AWS Backup Developer Guide, Backup plan options and configuration (backup frequency: as frequently as hourly)",
},
[BKP603] = {
	.id = "BKP603", .name = "schedule-never-fires", .severity = E,
	.summary = "The schedule matches no date from today on.",
	DOC(bkp603),
	.source = "Amazon EventBridge User Guide, Cron expressions",
},
[BKP604] = {
	.id = "BKP604", .name = "start-window-too-short", .severity = E,
	.summary = "StartWindowMinutes is under 60.",
	DOC(bkp604),
	.source = "AWS Backup API reference, BackupRule StartWindowMinutes",
},
[BKP605] = {
	.id = "BKP605", .name = "completion-window-too-short", .severity = W,
	.summary = "CompletionWindowMinutes is not greater than StartWindowMinutes.",
	DOC(bkp605),
	.source = "AWS Backup API reference, BackupRule CompletionWindowMinutes; Developer Guide, Backup plan options (defaults 8 hours and 7 days)",
},
[BKP606] = {
	.id = "BKP606", .name = "invalid-timezone", .severity = E,
	.summary = "ScheduleExpressionTimezone is not an IANA time zone name.",
	DOC(bkp606),
	.source = "AWS Backup API reference, BackupRule ScheduleExpressionTimezone; IANA tz database (schemas/timezones.txt)",
},
[BKP607] = {
	.id = "BKP607", .name = "overlapping-rules", .severity = W,
	.summary = "Rules with overlapping start windows: only the longer-kept backup is taken, dropping the other's copies or vault.",
	DOC(bkp607),
	.source = "AWS Backup Developer Guide, Backup plan options and configuration (overlapping rules: the backup with the longer retention is taken, the full start window considered)",
},
[BKP608] = {
	.id = "BKP608", .name = "retention-gap", .severity = W,
	.summary = "Recovery points expire before the next backup, and no rule of the plan fills the gap.",
	DOC(bkp608),
	.source = "AWS Backup Developer Guide, Backup plan options and configuration (backup frequency and retention period)",
},

/* ---- IAM (BKP7xx): rules/iam.c ---- */
[BKP701] = {
	.id = "BKP701", .name = "role-not-trusted-by-backup", .severity = E,
	.summary = "A CloudFormation IAM role used by a selection does not trust backup.amazonaws.com.",
	DOC(bkp701),
	.source = "AWS Backup Developer Guide, IAM service roles (the role must list AWS Backup as a trusted entity)",
},
[BKP702] = {
	.id = "BKP702", .name = "trust-not-principal", .severity = E,
	.summary = "A role a selection uses trusts with Effect Allow and NotPrincipal: every principal but the ones named.",
	DOC(bkp702),
	.source = "IAM User Guide, IAM JSON policy elements: NotPrincipal (do not use NotPrincipal with Effect Allow)",
},

/* ---- CloudFormation template structure (BKP8xx): rules/template.c ---- */
[BKP801] = {
	.id = "BKP801", .name = "invalid-intrinsic", .severity = E,
	.summary = "An intrinsic function or YAML tag of the wrong shape (!GetAtt without a dot, Fn::If with two items, !Foo).",
	DOC(bkp801),
	.source = "AWS CloudFormation User Guide, Intrinsic function reference",
},
[BKP802] = {
	.id = "BKP802", .name = "undefined-reference", .severity = E,
	.summary = "A Ref, Fn::GetAtt, ${} in Fn::Sub, condition, mapping or DependsOn names nothing in the template.",
	DOC(bkp802),
	.source = "AWS CloudFormation User Guide, Ref and Fn::GetAtt; template anatomy",
},
[BKP803] = {
	.id = "BKP803", .name = "yaml-unsupported-feature", .severity = W,
	.summary = "A YAML alias or merge key in a template: CloudFormation does not read them.",
	DOC(bkp803),
	.source = "AWS CloudFormation User Guide, Template format (YAML: features CloudFormation does not support)",
},
[BKP804] = {
	.id = "BKP804", .name = "wrong-reference-kind", .severity = E,
	.summary = "A Ref or Fn::GetAtt gives another kind of value than the member needs (a vault's name where its ARN is needed...).",
	DOC(bkp804),
	.source = "CloudFormation Template Reference, Return values of AWS::Backup::*, AWS::IAM::Role and the protected resource types (schemas/cfn-types.json)",
},
[BKP805] = {
	.id = "BKP805", .name = "unknown-attribute", .severity = E,
	.summary = "Fn::GetAtt or ${Resource.Attribute} names an attribute the resource type does not have.",
	DOC(bkp805),
	.source = "CloudFormation Template Reference, Return values (Fn::GetAtt) of AWS::Backup::* and AWS::IAM::Role",
},
[BKP806] = {
	.id = "BKP806", .name = "unknown-resource-type", .severity = E,
	.summary = "A resource Type one slip away from a type of the AWS::Backup namespace (in Terraform, from an aws_backup_* resource type).",
	DOC(bkp806),
	.source = "CloudFormation Template Reference, AWS Backup resource types",
},
[BKP807] = {
	.id = "BKP807", .name = "conditional-reference", .severity = E,
	.summary = "A resource or output refers to a resource that exists only under a condition its own does not imply.",
	DOC(bkp807),
	.source = "AWS CloudFormation User Guide, Conditions (resources associated with a false condition are not created; references to them fail)",
},
[BKP808] = {
	.id = "BKP808", .name = "duplicate-vault-name", .severity = E,
	.summary = "Two vaults of one template have the same BackupVaultName.",
	DOC(bkp808),
	.source = "AWS Backup API reference, CreateBackupVault (AlreadyExistsException: vault names are unique in an account and Region)",
},
[BKP908] = {
	.id = "BKP908", .name = "invalid-framework", .severity = E,
	.summary = "An AWS Backup Audit Manager framework in a document names an unknown control, a parameter the control does not take, a value out of its range, a scope it does not offer, or breaks a quota.",
	DOC(bkp908),
	.source = "AWS Backup Developer Guide, Choosing your controls; Creating frameworks using the AWS Backup API; AWS Backup quotas (Audit Manager)",
},
/* ---- policy controls (BKP9xx): Audit Manager controls before deploy,
 * off unless the policy section of a configuration names them ---- */
[BKP901] = {
	.id = "BKP901", .name = "min-frequency-and-retention", .severity = SEV_NONE,
	.summary = "At least one rule of a plan fires as often and keeps recovery points as long as the policy's BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK asks.",
	DOC(bkp901),
	.source = "AWS Backup Developer Guide, Choosing your controls; AWS Config rule backup-plan-min-frequency-and-min-retention-check",
},
[BKP902] = {
	.id = "BKP902", .name = "min-recovery-point-retention", .severity = SEV_NONE,
	.summary = "Every rule and copy keeps recovery points at least requiredRetentionDays (BACKUP_RECOVERY_POINT_MINIMUM_RETENTION_CHECK).",
	DOC(bkp902),
	.source = "AWS Backup Developer Guide, Choosing your controls; AWS Config rule backup-recovery-point-minimum-retention-check",
},
[BKP903] = {
	.id = "BKP903", .name = "cross-region-copy-required", .severity = SEV_NONE,
	.summary = "Some rule of a plan copies to another Region, one of crossRegionList (BACKUP_RESOURCES_PROTECTED_BY_CROSS_REGION).",
	DOC(bkp903),
	.source = "AWS Backup Developer Guide, Choosing your controls (cross-Region backup copy is scheduled)",
},
[BKP904] = {
	.id = "BKP904", .name = "cross-account-copy-required", .severity = SEV_NONE,
	.summary = "Some rule of a plan copies to another account, one of crossAccountList (BACKUP_RESOURCES_PROTECTED_BY_CROSS_ACCOUNT).",
	DOC(bkp904),
	.source = "AWS Backup Developer Guide, Choosing your controls (cross-account backup copy is scheduled)",
},
[BKP905] = {
	.id = "BKP905", .name = "vault-lock-required", .severity = SEV_NONE,
	.summary = "The vaults a plan backs up and copies to have a vault lock within minRetentionDays and maxRetentionDays (BACKUP_RESOURCES_PROTECTED_BY_BACKUP_VAULT_LOCK).",
	DOC(bkp905),
	.source = "AWS Backup Developer Guide, Choosing your controls; AWS Backup Vault Lock",
},
[BKP906] = {
	.id = "BKP906", .name = "manual-deletion-not-denied", .severity = SEV_NONE,
	.summary = "A vault's access policy does not deny deleting recovery points to everyone but principalArnList (BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED).",
	DOC(bkp906),
	.source = "AWS Config rule backup-recovery-point-manual-deletion-disabled; AWS Backup Developer Guide, Vault access policies",
},
[BKP907] = {
	.id = "BKP907", .name = "vault-key-required", .severity = SEV_NONE,
	.summary = "A vault has no customer managed KMS key (BACKUP_RECOVERY_POINT_ENCRYPTED, as far as documents decide it).",
	DOC(bkp907),
	.source = "AWS Config rule backup-recovery-point-encrypted; AWS Backup Developer Guide, Encryption for backups in AWS Backup",
},
};

/* Families run in this order on each document; schema first so that the
 * policy rules can rely on shapes having been reported. */
static const struct family families[] = {
	{ .name = "kinds", .check_doc = kinds_check_doc },
	{ .name = "schema", .check_doc = schema_check_doc },
	{ .name = "lifecycle", .check_doc = lifecycle_check_doc },
	{ .name = "schedule", .check_doc = schedule_check_doc },
	{ .name = "region", .check_doc = region_check_doc, .check_run = region_check_run },
	{ .name = "restype", .check_doc = restype_check_doc, .check_run = restype_check_run },
	{ .name = "copymode", .check_doc = copymode_check_doc, .check_run = copymode_check_run },
	{ .name = "selection", .check_doc = selection_check_doc, .check_run = selection_check_run },
	{ .name = "retention", .check_doc = retention_check_doc, .check_run = retention_check_run },
	{ .name = "iam", .check_doc = iam_check_doc },
	{ .name = "template", .check_doc = template_check_doc },
	{ .name = "refs", .check_doc = refs_check_doc },
	{ .name = "policy", .check_doc = framework_check_doc,
	  .check_run = policy_check_run },
	{ .name = "orgpolicy", .check_doc = orgpolicy_check_doc },
	/* last: the policies a template holds, each a document of its own */
	{ .name = "orgpolicy-embedded", .check_doc = orgpolicy_embed_check_doc },
};

static int aws_session_init(struct session *s, char *err, size_t errlen)
{
	struct aws_session *a;
	const struct facts *f = facts_get(s->opt.facts);
	if (!f) {
		const char *const *names = facts_names();
		size_t i, o = 0;
		o += (size_t)snprintf(err, errlen, "unknown --facts '%.40s' (", s->opt.facts);
		for (i = 0; names[i] && o < errlen; i++)
			o += (size_t)snprintf(err + o, errlen - o, "%s%s", i ? ", " : "",
					      names[i]);
		if (o < errlen)
			snprintf(err + o, errlen - o, ")");
		return -1;
	}
	a = xcalloc(1, sizeof(*a));
	a->facts = f;
	s->state = a;
	policy_session_flags(s);
	return 0;
}

static void aws_session_release(struct session *s)
{
	free(s->state);
	s->state = NULL;
}

static void aws_run_init(struct run *r)
{
	r->state = xcalloc(1, sizeof(struct aws_run));
}

static void aws_run_release(struct run *r)
{
	struct aws_run *ar = r->state;
	if (ar) {
		free(ar->sels);
		free(ar->tf);
	}
	free(r->state);
	r->state = NULL;
}

/* Options the rules give meaning to, from the command line or a
 * configuration file. */
static int aws_check_option(const char *name, const char *value, char *why,
			    size_t n)
{
	size_t i;
	if (strcmp(name, "facts") == 0) {
		const char *const *names = facts_names();
		size_t o;
		if (facts_valid(value))
			return 0;
		o = (size_t)snprintf(why, n, "facts '%.40s' is not a dataset (", value);
		for (i = 0; names[i] && o < n; i++)
			o += (size_t)snprintf(why + o, n - o, "%s%s", i ? ", " : "", names[i]);
		if (o < n)
			snprintf(why + o, n - o, ")");
		return -1;
	}
	if (strcmp(name, "region") == 0) {
		const char *s;
		if (facts_region(value))
			return 0;
		s = facts_region_suggest(value);
		snprintf(why, n, "region '%.40s' is not a Region of any AWS partition%s%s%s",
			 value, s ? " (did you mean " : "", s ? s : "", s ? "?)" : "");
		return -1;
	}
	if (strcmp(name, "account") == 0) {
		/* the account field of an ARN, as the shapes' data says */
		if (shape_match(&shapes_arns()->account, value, strlen(value)))
			return 0;
		snprintf(why, n, "account '%.40s' is not an AWS account id (12 digits)",
			 value);
		return -1;
	}
	return 0;
}

/* A document read only to link others: its model, kept. */
static void aws_context_doc(struct doc *d)
{
	model_of(d);
}

static const char *const item_names[] = {
	"RuleName", "SelectionName", "BackupPlanName", "BackupVaultName",
	"ConditionKey", NULL,
};

const struct checker backuplint = {
	.rules = { rules, RULE_COUNT },
	.input_rule = {
		[IN_SYNTAX] = BKP001,
		[IN_DUPLICATE_KEY] = BKP002,
		[IN_UNRECOGNIZED] = BKP003,
		[IN_ENCODING] = BKP004,
		[IN_LIMITS] = BKP005,
		[IN_CONFIG] = BKP006,
		[IN_UNUSED_SUPPRESSION] = BKP007,
		[IN_BAD_SUPPRESSION] = BKP008,
	},
	.families = families,
	.nfamilies = sizeof(families) / sizeof(families[0]),
	.documents = "a backup plan, selection, copy job, CloudFormation template "
		     "or Organizations backup policy",
	.keys = "a top-level BackupPlan, BackupPlanName, BackupSelection, "
		"RecoveryPointArn, Resources or plans key",
	.item_names = item_names,
	.relevant = kinds_relevant,
	.doc_suppressions = cfn_suppressions,
	.context_doc = aws_context_doc,
	.release_doc = model_release_doc,
	.run_isolated = model_run_isolated,
	.run_forget = model_run_forget,
	.defer_doc = tf_defer_doc,
	.defer_cmp = tf_module_cmp,
	.defer_prepare = tf_defer_prepare,
	.check_option = aws_check_option,
	.hover = aws_hover,
	.config_section = "policy",
	.check_config = policy_check_config,
	.classify = kinds_classify,
	.yaml_tag = cfn_yaml_tag,
	.session_init = aws_session_init,
	.session_release = aws_session_release,
	.run_init = aws_run_init,
	.run_release = aws_run_release,
};


