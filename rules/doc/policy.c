/* policy.c - documentation of the policy controls (BKP9xx): what each
 * checks and why, and complete Bad and Good documents with the
 * configuration that turns the control on, which
 * testdata/rules/check-examples.sh runs through the binary. */
#include "doc.h"

const char bkp901_doc[] =
	"What it checks: Audit Manager's BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK,\n"
	"before deploy: at least one rule of each plan fires at least every\n"
	"requiredFrequencyValue requiredFrequencyUnit (hours or days; default 1 day)\n"
	"and keeps its recovery points at least requiredRetentionDays (default 35).\n"
	"The frequency is the longest gap between two consecutive firings of the\n"
	"rule's cron expression over its whole calendar cycle (weekends, short months,\n"
	"leap years), in its own time zone's wall-clock time (no daylight-saving\n"
	"shifts); a rule without a schedule fires at AWS's default, daily at 05:00\n"
	"UTC. The retention is the rule's DeleteAfterDays; none means never deleted.\n"
	"The message names the rule, the longest gap and where it falls.\n"
	"\n"
	"Why: AWS evaluates the control only after deploy, by which time a plan that\n"
	"misses it has been running. A rule named \"hourly\" that fires 05:00-23:00 is\n"
	"6 hours apart overnight.\n"
	"\n"
	"Off unless a control of this name is in the policy section of a\n"
	"configuration. A schedule or lifecycle known only at deploy time never fails\n"
	"the control: when no known rule decides it, an info says why it cannot be\n"
	"decided.\n";

const struct rule_example bkp901_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.json",
	  .config =
	"policy:\n"
	"  controls:\n"
	"    - name: BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK\n"
	"      parameters: {requiredFrequencyUnit: hours, requiredFrequencyValue: 1, requiredRetentionDays: 35}\n",
	  .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"orders\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"hourly\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5/1 ? * * *)\",\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 35}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.json",
	  .config =
	"policy:\n"
	"  controls:\n"
	"    - name: BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK\n"
	"      parameters: {requiredFrequencyUnit: hours, requiredFrequencyValue: 1, requiredRetentionDays: 35}\n",
	  .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"orders\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"hourly\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 * ? * * *)\",\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 35}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	EXAMPLES_END
};

const char bkp902_doc[] =
	"What it checks: Audit Manager's BACKUP_RECOVERY_POINT_MINIMUM_RETENTION_CHECK,\n"
	"for the recovery points a plan will make: every rule's DeleteAfterDays, and\n"
	"every copy action's own DeleteAfterDays (a copy without a Lifecycle keeps the\n"
	"rule's), is at least requiredRetentionDays (default 35); none means never\n"
	"deleted. A continuous backup rule keeps points at most 35 days, so a higher\n"
	"requirement fails it.\n"
	"\n"
	"Why: one short-lived rule makes recovery points that fail the control every\n"
	"day after deploy.\n"
	"\n"
	"Off unless configured; retention known only at deploy time is never a\n"
	"failure (an info says the control cannot be decided).\n";

const struct rule_example bkp902_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.json",
	  .config =
	"policy:\n"
	"  controls:\n"
	"    - name: BACKUP_RECOVERY_POINT_MINIMUM_RETENTION_CHECK\n"
	"      parameters: {requiredRetentionDays: \"35\"}\n",
	  .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"orders\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"daily\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 ? * * *)\",\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 35}\n"
	"      },\n"
	"      {\n"
	"        \"RuleName\": \"hourly\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 * ? * * *)\",\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 7}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.json",
	  .config =
	"policy:\n"
	"  controls:\n"
	"    - name: BACKUP_RECOVERY_POINT_MINIMUM_RETENTION_CHECK\n"
	"      parameters: {requiredRetentionDays: \"35\"}\n",
	  .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"orders\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"daily\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 ? * * *)\",\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 35}\n"
	"      },\n"
	"      {\n"
	"        \"RuleName\": \"hourly\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 * ? * * *)\",\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 35}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	EXAMPLES_END
};

const char bkp903_doc[] =
	"What it checks: Audit Manager's BACKUP_RESOURCES_PROTECTED_BY_CROSS_REGION:\n"
	"some rule of the plan copies its recovery points to another Region, one of\n"
	"crossRegionList when it is given (comma-separated, as in Audit Manager, or a\n"
	"list). The plan's own Region comes from the document (BackupPlanArn, the\n"
	"selected ARNs, a template's stack) or --region / region in the\n"
	"configuration.\n"
	"\n"
	"Why: a copy in another Region is what survives a Regional outage; the\n"
	"control checks it only after deploy.\n"
	"\n"
	"Off unless configured. A copy whose Region, or a plan whose own Region, is\n"
	"known only at deploy time gives an info instead of a failure.\n";

const struct rule_example bkp903_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.json",
	  .config =
	"region: us-east-1\n"
	"policy:\n"
	"  controls:\n"
	"    - name: BACKUP_RESOURCES_PROTECTED_BY_CROSS_REGION\n"
	"      parameters: {crossRegionList: \"us-west-2, eu-west-1\"}\n",
	  .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"orders\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"daily\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 ? * * *)\",\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 35},\n"
	"        \"CopyActions\": [\n"
	"          {\"DestinationBackupVaultArn\": \"arn:aws:backup:us-east-1:111122223333:backup-vault:local\"}\n"
	"        ]\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.json",
	  .config =
	"region: us-east-1\n"
	"policy:\n"
	"  controls:\n"
	"    - name: BACKUP_RESOURCES_PROTECTED_BY_CROSS_REGION\n"
	"      parameters: {crossRegionList: \"us-west-2, eu-west-1\"}\n",
	  .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"orders\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"daily\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 ? * * *)\",\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 35},\n"
	"        \"CopyActions\": [\n"
	"          {\"DestinationBackupVaultArn\": \"arn:aws:backup:us-west-2:111122223333:backup-vault:dr\"}\n"
	"        ]\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	EXAMPLES_END
};

const char bkp904_doc[] =
	"What it checks: Audit Manager's BACKUP_RESOURCES_PROTECTED_BY_CROSS_ACCOUNT:\n"
	"some rule of the plan copies its recovery points to another account, one of\n"
	"crossAccountList (up to 5, comma-separated) when it is given. The plan's own\n"
	"account comes from the document or --account / account in the\n"
	"configuration.\n"
	"\n"
	"Why: a copy in another account survives the loss or compromise of the\n"
	"source account.\n"
	"\n"
	"Off unless configured. A copy whose account, or a plan whose own account, is\n"
	"known only at deploy time gives an info instead of a failure.\n";

const struct rule_example bkp904_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.json",
	  .config =
	"account: \"111122223333\"\n"
	"policy:\n"
	"  controls:\n"
	"    - name: BACKUP_RESOURCES_PROTECTED_BY_CROSS_ACCOUNT\n"
	"      parameters: {crossAccountList: \"444455556666\"}\n",
	  .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"orders\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"daily\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 ? * * *)\",\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 35},\n"
	"        \"CopyActions\": [\n"
	"          {\"DestinationBackupVaultArn\": \"arn:aws:backup:us-east-1:111122223333:backup-vault:other\"}\n"
	"        ]\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.json",
	  .config =
	"account: \"111122223333\"\n"
	"policy:\n"
	"  controls:\n"
	"    - name: BACKUP_RESOURCES_PROTECTED_BY_CROSS_ACCOUNT\n"
	"      parameters: {crossAccountList: \"444455556666\"}\n",
	  .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"orders\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"daily\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 ? * * *)\",\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 35},\n"
	"        \"CopyActions\": [\n"
	"          {\"DestinationBackupVaultArn\": \"arn:aws:backup:us-east-1:444455556666:backup-vault:vault\"}\n"
	"        ]\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	EXAMPLES_END
};

const char bkp905_doc[] =
	"What it checks: Audit Manager's BACKUP_RESOURCES_PROTECTED_BY_BACKUP_VAULT_LOCK:\n"
	"the vault every rule of the plan backs up to, and every vault it copies to,\n"
	"has a vault lock (a vault's LockConfiguration, or a\n"
	"PutBackupVaultLockConfiguration document in the run); with minRetentionDays,\n"
	"the lock's MinRetentionDays is at least that; with maxRetentionDays, its\n"
	"MaxRetentionDays is at most that. A logically air-gapped vault counts as\n"
	"locked, with its own bounds.\n"
	"\n"
	"Why: without a lock, anyone with the permission can delete recovery points\n"
	"or shorten their retention, the threat the control exists for.\n"
	"\n"
	"Off unless configured. A vault that is not defined in the documents of the\n"
	"run (the Default vault, a vault of another stack) gives an info: the control\n"
	"cannot be decided.\n";

const struct rule_example bkp905_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "template.yaml",
	  .config =
	"policy:\n"
	"  controls:\n"
	"    - name: BACKUP_RESOURCES_PROTECTED_BY_BACKUP_VAULT_LOCK\n"
	"      parameters: {minRetentionDays: \"7\"}\n",
	  .text =
	"Resources:\n"
	"  Vault:\n"
	"    Type: AWS::Backup::BackupVault\n"
	"    Properties:\n"
	"      BackupVaultName: orders\n"
	"  Plan:\n"
	"    Type: AWS::Backup::BackupPlan\n"
	"    Properties:\n"
	"      BackupPlan:\n"
	"        BackupPlanName: orders\n"
	"        BackupPlanRule:\n"
	"          - RuleName: daily\n"
	"            TargetBackupVault: !Ref Vault\n"
	"            ScheduleExpression: cron(0 5 ? * * *)\n"
	"            Lifecycle:\n"
	"              DeleteAfterDays: 35\n" },
	{ .kind = EXAMPLE_GOOD, .file = "template.yaml",
	  .config =
	"policy:\n"
	"  controls:\n"
	"    - name: BACKUP_RESOURCES_PROTECTED_BY_BACKUP_VAULT_LOCK\n"
	"      parameters: {minRetentionDays: \"7\"}\n",
	  .text =
	"Resources:\n"
	"  Vault:\n"
	"    Type: AWS::Backup::BackupVault\n"
	"    Properties:\n"
	"      BackupVaultName: orders\n"
	"      LockConfiguration:\n"
	"        MinRetentionDays: 7\n"
	"        MaxRetentionDays: 365\n"
	"  Plan:\n"
	"    Type: AWS::Backup::BackupPlan\n"
	"    Properties:\n"
	"      BackupPlan:\n"
	"        BackupPlanName: orders\n"
	"        BackupPlanRule:\n"
	"          - RuleName: daily\n"
	"            TargetBackupVault: !Ref Vault\n"
	"            ScheduleExpression: cron(0 5 ? * * *)\n"
	"            Lifecycle:\n"
	"              DeleteAfterDays: 35\n" },
	EXAMPLES_END
};

const char bkp906_doc[] =
	"What it checks: Audit Manager's BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED:\n"
	"a vault's access policy (a template's AccessPolicy, or a\n"
	"PutBackupVaultAccessPolicy document in the run) has Deny statements for\n"
	"Principal \"*\" (or a NotPrincipal of only the principals in principalArnList)\n"
	"that together cover backup:DeleteRecoveryPoint,\n"
	"backup:UpdateRecoveryPointLifecycle and backup:PutBackupVaultAccessPolicy\n"
	"(wildcards such as backup:* count). A template's vault without an\n"
	"AccessPolicy fails.\n"
	"\n"
	"Why: without such a policy, anyone the account's IAM policies allow can\n"
	"delete recovery points by hand.\n"
	"\n"
	"Off unless configured. A policy written as an intrinsic, or a Deny statement\n"
	"with a Condition or NotAction, gives an info: the control cannot be decided.\n";

const struct rule_example bkp906_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "template.yaml",
	  .config =
	"policy:\n"
	"  controls:\n"
	"    - name: BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED\n",
	  .text =
	"Resources:\n"
	"  Vault:\n"
	"    Type: AWS::Backup::BackupVault\n"
	"    Properties:\n"
	"      BackupVaultName: orders\n"
	"      AccessPolicy:\n"
	"        Version: \"2012-10-17\"\n"
	"        Statement:\n"
	"          - Effect: Deny\n"
	"            Principal: \"*\"\n"
	"            Action: backup:DeleteRecoveryPoint\n"
	"            Resource: \"*\"\n" },
	{ .kind = EXAMPLE_GOOD, .file = "template.yaml",
	  .config =
	"policy:\n"
	"  controls:\n"
	"    - name: BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED\n",
	  .text =
	"Resources:\n"
	"  Vault:\n"
	"    Type: AWS::Backup::BackupVault\n"
	"    Properties:\n"
	"      BackupVaultName: orders\n"
	"      AccessPolicy:\n"
	"        Version: \"2012-10-17\"\n"
	"        Statement:\n"
	"          - Effect: Deny\n"
	"            Principal: \"*\"\n"
	"            Action:\n"
	"              - backup:DeleteRecoveryPoint\n"
	"              - backup:UpdateRecoveryPointLifecycle\n"
	"              - backup:PutBackupVaultAccessPolicy\n"
	"            Resource: \"*\"\n" },
	EXAMPLES_END
};

const char bkp907_doc[] =
	"What it checks: Audit Manager's BACKUP_RECOVERY_POINT_ENCRYPTED, as far as a\n"
	"document decides it: each vault the documents define (a template's\n"
	"AWS::Backup::BackupVault, a CreateBackupVault document) names a customer\n"
	"managed KMS key in EncryptionKeyArn; a literal alias/aws/... key is the AWS\n"
	"managed one. A key given by an intrinsic (a Ref to an AWS::KMS::Key) counts\n"
	"as the team's.\n"
	"\n"
	"Why: without a key of its own, a vault encrypts recovery points of fully\n"
	"managed resource types with the AWS managed key, and the others only as their\n"
	"source is encrypted (an unencrypted EBS volume gives an unencrypted\n"
	"snapshot); the control then fails after deploy.\n"
	"\n"
	"Off unless configured.\n";

const struct rule_example bkp907_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "template.yaml",
	  .config =
	"policy:\n"
	"  controls:\n"
	"    - name: BACKUP_RECOVERY_POINT_ENCRYPTED\n",
	  .text =
	"Resources:\n"
	"  Vault:\n"
	"    Type: AWS::Backup::BackupVault\n"
	"    Properties:\n"
	"      BackupVaultName: orders\n" },
	{ .kind = EXAMPLE_GOOD, .file = "template.yaml",
	  .config =
	"policy:\n"
	"  controls:\n"
	"    - name: BACKUP_RECOVERY_POINT_ENCRYPTED\n",
	  .text =
	"Resources:\n"
	"  Vault:\n"
	"    Type: AWS::Backup::BackupVault\n"
	"    Properties:\n"
	"      BackupVaultName: orders\n"
	"      EncryptionKeyArn: arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\n" },
	EXAMPLES_END
};
