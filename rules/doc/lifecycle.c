/* lifecycle.c - documentation of the lifecycle rules (BKP5xx): what each
 * checks and why, and complete Bad and Good documents, which
 * testdata/rules/check-examples.sh runs through the binary. */
#include "doc.h"

const char bkp501_doc[] =
	"What it checks: in every Lifecycle (a backup rule's, each copy action's,\n"
	"and a StartCopyJob request's), when both MoveToColdStorageAfterDays and\n"
	"DeleteAfterDays are set, DeleteAfterDays is at least\n"
	"MoveToColdStorageAfterDays + 90. A value of -1 (never move, never delete)\n"
	"sets no minimum. Deleting on or before the cold transition day is called\n"
	"out as such.\n\n"
	"Why: recovery points in cold storage are kept there for at least 90 days;\n"
	"AWS rejects the plan at deploy time (CloudFormation fails the stack update),\n"
	"long after the change was reviewed.\n";

const struct rule_example bkp501_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"files\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"monthly\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 1 * ? *)\",\n"
	"        \"Lifecycle\": {\"MoveToColdStorageAfterDays\": 30, \"DeleteAfterDays\": 100}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"files\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"monthly\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 1 * ? *)\",\n"
	"        \"Lifecycle\": {\"MoveToColdStorageAfterDays\": 30, \"DeleteAfterDays\": 120}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	EXAMPLES_END
};

const char bkp502_doc[] =
	"What it checks: MoveToColdStorageAfterDays and DeleteAfterDays are whole\n"
	"numbers from 1 to 36500 (100 years), or -1, which AWS reads as \"never\"\n"
	"(keep indefinitely, never move to cold storage). Zero, other negative\n"
	"numbers, fractions and values over 100 years are reported.\n\n"
	"Why: AWS rejects them (\"DeleteAfterDays cannot be less than 1 or more than\n"
	"36500 days\"); a 0 meant as \"keep forever\" is the usual mistake: omit the\n"
	"key instead.\n";

const struct rule_example bkp502_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"records\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"monthly\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 1 * ? *)\",\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 0}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"records\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"monthly\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 1 * ? *)\"\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	EXAMPLES_END
};

const char bkp503_doc[] =
	"What it checks: a rule with EnableContinuousBackup true sets a Lifecycle\n"
	"DeleteAfterDays of at most 35.\n\n"
	"Why: continuous backups (point-in-time recovery) can be retained 1 to 35\n"
	"days; a longer or missing retention is rejected or not what you get. Keep\n"
	"long-lived snapshots in a second rule without EnableContinuousBackup.\n";

const struct rule_example bkp503_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"orders\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"pitr\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"EnableContinuousBackup\": true,\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 365}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"orders\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"pitr\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"EnableContinuousBackup\": true,\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 35}\n"
	"      },\n"
	"      {\n"
	"        \"RuleName\": \"daily\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 ? * * *)\",\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 365}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	EXAMPLES_END
};

const char bkp504_doc[] =
	"What it checks: a rule with EnableContinuousBackup true has no\n"
	"MoveToColdStorageAfterDays in its Lifecycle (-1, never, is accepted).\n\n"
	"Why: continuous backups cannot move to cold storage: cold storage needs at\n"
	"least 90 days and continuous backups live at most 35.\n";

const struct rule_example bkp504_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"orders\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"pitr\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"EnableContinuousBackup\": true,\n"
	"        \"Lifecycle\": {\"MoveToColdStorageAfterDays\": 7, \"DeleteAfterDays\": 35}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"orders\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"pitr\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"EnableContinuousBackup\": true,\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 35}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	EXAMPLES_END
};

const char bkp505_doc[] =
	"What it checks: a Lifecycle with OptInToArchiveForSupportedResources true\n"
	"also sets MoveToColdStorageAfterDays (other than -1).\n\n"
	"Why: the opt-in moves supported resources (such as EBS snapshots) to the\n"
	"archive tier when the lifecycle transitions them to cold storage; without\n"
	"a cold transition it does nothing, which is rarely what was meant.\n";

const struct rule_example bkp505_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"volumes\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"monthly\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 1 * ? *)\",\n"
	"        \"Lifecycle\": {\n"
	"          \"DeleteAfterDays\": 365,\n"
	"          \"OptInToArchiveForSupportedResources\": true\n"
	"        }\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"volumes\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"monthly\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 1 * ? *)\",\n"
	"        \"Lifecycle\": {\n"
	"          \"MoveToColdStorageAfterDays\": 30,\n"
	"          \"DeleteAfterDays\": 365,\n"
	"          \"OptInToArchiveForSupportedResources\": true\n"
	"        }\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	EXAMPLES_END
};

const char bkp506_doc[] =
	"What it checks: how long a rule or copy action keeps its recovery points\n"
	"(DeleteAfterDays; a copy without a Lifecycle keeps the rule's; none at all\n"
	"is forever) against the vault they land in, where the vault and the plan\n"
	"meet in one template or run: a vault's LockConfiguration (CloudFormation),\n"
	"a PutBackupVaultLockConfiguration document, a logically air-gapped vault's\n"
	"MinRetentionDays and MaxRetentionDays. A copy meets a template's vault of\n"
	"the same name only when it stays in the stack's account and Region, or\n"
	"when it names the vault resource (!GetAtt Vault.BackupVaultArn).\n"
	"\n"
	"Why: a vault lock refuses recovery points whose retention is outside its\n"
	"bounds, so every backup or copy job of the rule fails, and with a\n"
	"compliance lock the bounds cannot be changed any more.\n";

const struct rule_example bkp506_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "template.yaml", .text =
	"Resources:\n"
	"  Vault:\n"
	"    Type: AWS::Backup::BackupVault\n"
	"    Properties:\n"
	"      BackupVaultName: compliance\n"
	"      LockConfiguration:\n"
	"        MinRetentionDays: 365\n"
	"  Plan:\n"
	"    Type: AWS::Backup::BackupPlan\n"
	"    Properties:\n"
	"      BackupPlan:\n"
	"        BackupPlanName: daily\n"
	"        BackupPlanRule:\n"
	"          - RuleName: daily\n"
	"            TargetBackupVault: !Ref Vault\n"
	"            ScheduleExpression: cron(0 5 ? * * *)\n"
	"            Lifecycle:\n"
	"              DeleteAfterDays: 35\n" },
	{ .kind = EXAMPLE_GOOD, .file = "template.yaml", .text =
	"Resources:\n"
	"  Vault:\n"
	"    Type: AWS::Backup::BackupVault\n"
	"    Properties:\n"
	"      BackupVaultName: compliance\n"
	"      LockConfiguration:\n"
	"        MinRetentionDays: 365\n"
	"  Plan:\n"
	"    Type: AWS::Backup::BackupPlan\n"
	"    Properties:\n"
	"      BackupPlan:\n"
	"        BackupPlanName: daily\n"
	"        BackupPlanRule:\n"
	"          - RuleName: daily\n"
	"            TargetBackupVault: !Ref Vault\n"
	"            ScheduleExpression: cron(0 5 ? * * *)\n"
	"            Lifecycle:\n"
	"              DeleteAfterDays: 400\n" },
	EXAMPLES_END
};

const char bkp507_doc[] =
	"What it checks: a rule (not a continuous one: BKP503) whose Lifecycle is\n"
	"absent or sets no DeleteAfterDays. DeleteAfterDays: -1 says \"forever\" on\n"
	"purpose and is not reported.\n"
	"\n"
	"Why: without a retention, recovery points are kept until someone deletes\n"
	"them, and each is billed every month in the meantime; the storage of a\n"
	"daily rule grows without end. An info: keeping everything can be the\n"
	"intent.\n";

const struct rule_example bkp507_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.yaml", .text =
	"BackupPlan:\n"
	"  BackupPlanName: daily\n"
	"  Rules:\n"
	"    - RuleName: daily\n"
	"      TargetBackupVaultName: Default\n"
	"      ScheduleExpression: cron(0 5 ? * * *)\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.yaml", .text =
	"BackupPlan:\n"
	"  BackupPlanName: daily\n"
	"  Rules:\n"
	"    - RuleName: daily\n"
	"      TargetBackupVaultName: Default\n"
	"      ScheduleExpression: cron(0 5 ? * * *)\n"
	"      Lifecycle:\n"
	"        DeleteAfterDays: 35\n" },
	EXAMPLES_END
};

const char bkp508_doc[] =
	"What it checks: a copy action to another Region or account without a\n"
	"Lifecycle of its own, in a rule that keeps its backups 1 to 7 days.\n"
	"\n"
	"Why: a copy action without a Lifecycle takes the source's, so the\n"
	"disaster-recovery copy is deleted with the short-lived local backup, often\n"
	"before anyone notices it is needed.\n";

const struct rule_example bkp508_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.yaml",
	  .args = "--region us-east-1", .text =
	"BackupPlan:\n"
	"  BackupPlanName: hourly\n"
	"  Rules:\n"
	"    - RuleName: hourly\n"
	"      TargetBackupVaultName: Default\n"
	"      ScheduleExpression: cron(0 * ? * * *)\n"
	"      Lifecycle:\n"
	"        DeleteAfterDays: 2\n"
	"      CopyActions:\n"
	"        - DestinationBackupVaultArn: arn:aws:backup:us-west-2:111122223333:backup-vault:dr\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.yaml",
	  .args = "--region us-east-1", .text =
	"BackupPlan:\n"
	"  BackupPlanName: hourly\n"
	"  Rules:\n"
	"    - RuleName: hourly\n"
	"      TargetBackupVaultName: Default\n"
	"      ScheduleExpression: cron(0 * ? * * *)\n"
	"      Lifecycle:\n"
	"        DeleteAfterDays: 2\n"
	"      CopyActions:\n"
	"        - DestinationBackupVaultArn: arn:aws:backup:us-west-2:111122223333:backup-vault:dr\n"
	"          Lifecycle:\n"
	"            DeleteAfterDays: 35\n" },
	EXAMPLES_END
};
