/* schedule.c - documentation of the schedule and window rules (BKP6xx):
 * what each checks and why, and complete Bad and Good documents, which
 * testdata/rules/check-examples.sh runs through the binary. */
#include "doc.h"

const char bkp601_doc[] =
	"What it checks: ScheduleExpression is cron(Minutes Hours Day-of-month Month\n"
	"Day-of-week Year) with six fields as AWS defines them: minutes 0-59, hours\n"
	"0-23, day-of-month 1-31, month 1-12 or JAN-DEC, day-of-week 1-7 or SUN-SAT\n"
	"(1 is Sunday), year 1970-2199; lists, ranges and /steps; '?' in exactly one\n"
	"of the two day fields; L, LW and nW in day-of-month; L, nL and n#k in\n"
	"day-of-week. rate(...) is reported too: AWS Backup does not accept it. The\n"
	"diagnostic points at the wrong field inside the string, and suggests a\n"
	"corrected expression for the usual slips (a Unix five-field cron, '*' in\n"
	"both day fields, a missing cron(...) wrapper).\n\n"
	"Why: AWS validates the expression only when the plan is created or the\n"
	"stack deployed.\n";

const struct rule_example bkp601_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"daily\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"daily\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 * * *)\",\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 35}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"daily\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"daily\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 * * ? *)\",\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 35}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	EXAMPLES_END
};

const char bkp602_doc[] =
	"What it checks: the Minutes field of ScheduleExpression names a single\n"
	"minute, so that the rule fires at most once an hour.\n\n"
	"Why: AWS Backup takes scheduled snapshot backups at most hourly; a schedule\n"
	"such as every 30 minutes is rejected.\n";

const struct rule_example bkp602_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"frequent\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"half-hourly\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0/30 * ? * * *)\",\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 2}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"frequent\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"hourly\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 * ? * * *)\",\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 2}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	EXAMPLES_END
};

const char bkp603_doc[] =
	"What it checks: ScheduleExpression matches at least one date from today\n"
	"(UTC) until the end of its Year field: not February 30 or 31, not 31 in a\n"
	"month with 30 days, not a fifth weekday (2#5) of a month in years where\n"
	"that month has none, not a year range in the past. The environment\n"
	"variable BACKUPLINT_NOW=YYYY-MM-DD fixes \"today\" for reproducible runs.\n\n"
	"Why: AWS accepts such a plan and then never backs anything up.\n";

const struct rule_example bkp603_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"yearly\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"end-of-february\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 31 2 ? *)\",\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 3650}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"yearly\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"end-of-february\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 L 2 ? *)\",\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 3650}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	EXAMPLES_END
};

const char bkp604_doc[] =
	"What it checks: StartWindowMinutes, when given, is at least 60.\n\n"
	"Why: AWS Backup rejects a shorter start window (\"If this value is included,\n"
	"it must be at least 60 minutes to avoid errors\"). Omitted, it is 8 hours.\n";

const struct rule_example bkp604_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"daily\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"daily\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 ? * * *)\",\n"
	"        \"StartWindowMinutes\": 30,\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 35}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"daily\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"daily\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 ? * * *)\",\n"
	"        \"StartWindowMinutes\": 60,\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 35}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	EXAMPLES_END
};

const char bkp605_doc[] =
	"What it checks: CompletionWindowMinutes is greater than StartWindowMinutes.\n"
	"An omitted window takes AWS's default (start 480 minutes, completion 10080\n"
	"minutes), and the message says so.\n\n"
	"Why: the completion window counts from the scheduled time, not from when\n"
	"the job starts; a job that starts late in its start window can have no\n"
	"time left to finish and is cancelled.\n";

const struct rule_example bkp605_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"nightly\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"nightly\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 1 ? * * *)\",\n"
	"        \"StartWindowMinutes\": 480,\n"
	"        \"CompletionWindowMinutes\": 120,\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 35}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"nightly\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"nightly\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 1 ? * * *)\",\n"
	"        \"StartWindowMinutes\": 60,\n"
	"        \"CompletionWindowMinutes\": 180,\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 35}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	EXAMPLES_END
};

const char bkp606_doc[] =
	"What it checks: ScheduleExpressionTimezone is a name of the IANA time zone\n"
	"database (including backward-compatible links such as US/Eastern and\n"
	"Etc/UTC), spelled with its exact case; a near miss gets a suggestion.\n\n"
	"Why: AWS rejects other names; UTC offsets such as UTC+2 are not zone names\n"
	"(Etc/GMT-2 is, with the sign inverted).\n";

const struct rule_example bkp606_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"daily\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"daily\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 ? * * *)\",\n"
	"        \"ScheduleExpressionTimezone\": \"America/NewYork\",\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 35}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"daily\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"daily\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 ? * * *)\",\n"
	"        \"ScheduleExpressionTimezone\": \"America/New_York\",\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 35}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	EXAMPLES_END
};

const char bkp607_doc[] =
	"What it checks: for two rules of one plan in the same time zone whose\n"
	"schedules fire on a common day with start windows that overlap (each\n"
	"StartWindowMinutes counted, 480 when omitted), and whose retention differs,\n"
	"that the rule kept for a shorter time does not copy somewhere the other rule\n"
	"does not, and does not back up into a different vault.\n\n"
	"Why: when the windows of two rules overlap, AWS Backup takes one backup, for\n"
	"the rule with the longer retention. On those days the shorter rule's copy\n"
	"actions do not run and nothing goes to its vault: a daily rule with a\n"
	"cross-Region copy and a monthly rule without one leave the first of every\n"
	"month without a copy in the other Region.\n\n"
	"Fix: the same CopyActions (and vault) on both rules, as in the Good\n"
	"example, or schedules further apart than their start windows.\n";

const struct rule_example bkp607_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"files\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"daily\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 ? * * *)\",\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 35},\n"
	"        \"CopyActions\": [\n"
	"          {\"DestinationBackupVaultArn\": \"arn:aws:backup:us-west-2:111122223333:backup-vault:dr\"}\n"
	"        ]\n"
	"      },\n"
	"      {\n"
	"        \"RuleName\": \"monthly\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 1 * ? *)\",\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 365}\n"
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
	"        \"RuleName\": \"daily\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 ? * * *)\",\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 35},\n"
	"        \"CopyActions\": [\n"
	"          {\"DestinationBackupVaultArn\": \"arn:aws:backup:us-west-2:111122223333:backup-vault:dr\"}\n"
	"        ]\n"
	"      },\n"
	"      {\n"
	"        \"RuleName\": \"monthly\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 1 * ? *)\",\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 365},\n"
	"        \"CopyActions\": [\n"
	"          {\"DestinationBackupVaultArn\": \"arn:aws:backup:us-west-2:111122223333:backup-vault:dr\"}\n"
	"        ]\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	EXAMPLES_END
};

const char bkp608_doc[] =
	"What it checks: for every rule of a plan, that DeleteAfterDays is at least\n"
	"the longest time between two of the rule's backups (from its schedule,\n"
	"looked at over the next two years), unless some rule of the plan keeps\n"
	"its recovery points through its own interval (or indefinitely, or takes\n"
	"continuous backups). Unknown values make the check say nothing.\n\n"
	"Why: a monthly backup kept 7 days leaves three weeks of every month with\n"
	"nothing to restore; AWS accepts the plan without a word.\n";

const struct rule_example bkp608_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"monthly\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"monthly\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 1 * ? *)\",\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 7}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"monthly\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"monthly\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 1 * ? *)\",\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 35}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	EXAMPLES_END
};
