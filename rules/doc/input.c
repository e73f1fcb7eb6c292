/* input.c - documentation of the input rules (BKP0xx: loading and
 * encoding): what each checks and why, and complete Bad and Good documents,
 * which testdata/rules/check-examples.sh runs through the binary. */
#include "doc.h"

const char bkp001_doc[] =
	"What it checks: the document parses. JSON is read as strictly as the AWS CLI\n"
	"reads it: no comments, no trailing commas, no single-quoted strings, no\n"
	"unquoted keys, nothing after the top-level value. YAML follows YAML 1.1 as\n"
	"libyaml reads it.\n\n"
	"Why: AWS rejects a document it cannot parse; nothing else in the file can be\n"
	"checked until it parses.\n";

const struct rule_example bkp001_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"daily\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"daily\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 ? * * *)\",\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 35},\n"
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
	"        \"Lifecycle\": {\"DeleteAfterDays\": 35}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	EXAMPLES_END
};

const char bkp002_doc[] =
	"What it checks: no key appears twice in one mapping (JSON object or YAML\n"
	"mapping). Both places are named.\n\n"
	"Why: JSON parsers, the AWS CLI's included, silently keep the last value, so\n"
	"the first setting is lost without a word; YAML forbids duplicates outright.\n";

const struct rule_example bkp002_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"daily\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"daily\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 ? * * *)\",\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 35, \"DeleteAfterDays\": 3650}\n"
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
	"        \"Lifecycle\": {\"DeleteAfterDays\": 3650}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	EXAMPLES_END
};

const char bkp003_doc[] =
	"What it checks: a file named on the command line is one of the documents\n"
	"backuplint knows: CreateBackupPlan/UpdateBackupPlan input, GetBackupPlan\n"
	"output, a bare plan (--backup-plan file://), a backup selection, a\n"
	"StartCopyJob request, or a CloudFormation template with AWS::Backup\n"
	"resources. Another request or response of the AWS Backup API (a\n"
	"StartRestoreJob or StartBackupJob input, describe-recovery-point output:\n"
	"schemas/api-documents.json) and a template without AWS::Backup resources\n"
	"are named as what they are. Files found by walking a directory are\n"
	"skipped silently instead. A top-level key one slip away from ours\n"
	"(\"BackupPlann\") makes the file ours, and BKP101 names the slip.\n\n"
	"Why: a file you expect to be checked and that is not should say so; one\n"
	"you do not expect to be checked should not fail the run.\n";

const struct rule_example bkp003_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "restore.json", .text =
	"{\n"
	"  \"RecoveryPointArn\": \"arn:aws:backup:us-east-1:111122223333:recovery-point:4e2b6c1f-8a3d-4c5e-9f70-1a2b3c4d5e6f\",\n"
	"  \"IamRoleArn\": \"arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole\",\n"
	"  \"Metadata\": {\"volumeId\": \"vol-0abc1234def567890\", \"availabilityZone\": \"us-east-1a\"},\n"
	"  \"ResourceType\": \"EBS\"\n"
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
	"        \"Lifecycle\": {\"DeleteAfterDays\": 35}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	EXAMPLES_END
};

const char bkp004_doc[] =
	"What it checks: the file is UTF-8 (a byte-order mark is accepted) with no\n"
	"invalid or overlong sequences, no encoded surrogates, no NUL bytes, and that\n"
	"JSON \\u escapes do not leave a lone surrogate.\n\n"
	"Why: the AWS CLI and CloudFormation read documents as UTF-8; anything else is\n"
	"rejected or silently mangled (a name with a bad byte is not the name you\n"
	"typed).\n\n"
	"Note: a file saved as UTF-16 (by some editors, or by PowerShell 5's\n"
	"Out-File and '>') starts with the bytes FF FE and has a NUL byte beside\n"
	"every ASCII character; the message names the encoding. The Bad example\n"
	"shows the other usual case, a file saved as Latin-1 or Windows-1252,\n"
	"where 'u' with an umlaut is the single byte FC.\n\n"
	"Fix: convert the file to UTF-8, for example:\n"
	"  iconv -f UTF-16 -t UTF-8 plan.json > plan-utf8.json\n"
	"  iconv -f WINDOWS-1252 -t UTF-8 plan.json > plan-utf8.json\n";

const struct rule_example bkp004_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"daily\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"daily\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 ? * * *)\",\n"
	"        \"RecoveryPointTags\": {\"owner\": \"J\xfcrgen\"}\n"
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
	"        \"RecoveryPointTags\": {\"owner\": \"J\xc3\xbcrgen\"}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	EXAMPLES_END
};

const char bkp005_doc[] =
	"What it checks: the file is at most --max-file-size bytes (default 256 MiB),\n"
	"nests containers at most --max-depth deep (default 512), and YAML aliases\n"
	"expand to at most --max-alias-nodes nodes (default 1,000,000). A file over a\n"
	"limit is not linted further.\n\n"
	"Why: a hostile or broken file (a \"billion laughs\" alias bomb, 100,000\n"
	"nested brackets) must not exhaust memory or stack in a pre-commit hook. No\n"
	"real backup plan comes near these limits; AWS's own request limits are far\n"
	"smaller.\n\n"
	"Note: the Bad example is such a bomb (seven levels of ten aliases expand to\n"
	"ten million nodes); the Good one uses an anchor the way plans do, to share\n"
	"one lifecycle between rules.\n";

const struct rule_example bkp005_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.yaml", .text =
	"a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	"b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
	"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
	"d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
	"e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
	"f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
	"g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.yaml", .text =
	"BackupPlan:\n"
	"  BackupPlanName: files\n"
	"  Rules:\n"
	"    - RuleName: daily\n"
	"      TargetBackupVaultName: Default\n"
	"      ScheduleExpression: cron(0 5 ? * * *)\n"
	"      Lifecycle: &keep\n"
	"        DeleteAfterDays: 35\n"
	"    - RuleName: weekly\n"
	"      TargetBackupVaultName: Default\n"
	"      ScheduleExpression: cron(0 5 ? * SUN *)\n"
	"      Lifecycle: *keep\n" },
	EXAMPLES_END
};

const char bkp006_doc[] =
	"What it checks: the configuration file (.backuplint.yaml, .yml or .json,\n"
	"the nearest above each linted file, or --config) is one backuplint can use:\n"
	"every key is one it knows (a misspelt one gets a did-you-mean), every value\n"
	"has the type its key takes, every rule it names exists, every glob is well\n"
	"formed.\n\n"
	"Why: a configuration that is half read is worse than none: a misspelt\n"
	"\"exclude\" or a rule id with a typo would silently lint with defaults and\n"
	"pass or fail the wrong files. A broken configuration stops the run (exit 2)\n"
	"before anything is linted.\n";

const struct rule_example bkp006_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = ".backuplint.yaml", .text =
	"facts: current\n"
	"rules:\n"
	"  BKP3O2: off\n"
	"exlude:\n"
	"  - \"sandbox/**\"\n" },
	{ .kind = EXAMPLE_GOOD, .file = ".backuplint.yaml", .text =
	"facts: current\n"
	"rules:\n"
	"  BKP302: off\n"
	"exclude:\n"
	"  - \"sandbox/**\"\n" },
	EXAMPLES_END
};

const char bkp007_doc[] =
	"What it checks: every suppression (a \"# backuplint: disable=ID -- reason\"\n"
	"comment, a CloudFormation Metadata backuplint disable entry) silences at\n"
	"least one finding: a comment on the line of the finding, or alone on the\n"
	"line before it; disable-file anywhere in the file.\n\n"
	"Why: a suppression that silences nothing was left behind when the finding\n"
	"was fixed or moved, or sits on the wrong line; the next real finding there\n"
	"would be hidden without anyone deciding it.\n";

const struct rule_example bkp007_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.yaml", .text =
	"BackupPlan:\n"
	"  BackupPlanName: daily\n"
	"  Rules:\n"
	"    # backuplint: disable=BKP501 -- was too short once\n"
	"    - RuleName: daily\n"
	"      TargetBackupVaultName: Default\n"
	"      ScheduleExpression: cron(0 5 ? * * *)\n"
	"      Lifecycle: {MoveToColdStorageAfterDays: 30, DeleteAfterDays: 120}\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.yaml", .text =
	"BackupPlan:\n"
	"  BackupPlanName: daily\n"
	"  Rules:\n"
	"    - RuleName: daily\n"
	"      TargetBackupVaultName: Default\n"
	"      ScheduleExpression: cron(0 5 ? * * *)\n"
	"      Lifecycle: {MoveToColdStorageAfterDays: 30, DeleteAfterDays: 120}\n" },
	EXAMPLES_END
};

const char bkp008_doc[] =
	"What it checks: a suppression names rules by their id (BKP302) or name\n"
	"(cold-storage-ignored), and a \"backuplint:\" comment is a directive\n"
	"(disable= or disable-file=). An unknown name gets a did-you-mean.\n\n"
	"Why: a suppression with a typo silences nothing, so the finding it was\n"
	"meant for keeps failing the run, or worse, one day it matches another\n"
	"rule.\n";

const struct rule_example bkp008_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.yaml", .text =
	"BackupPlan:\n"
	"  BackupPlanName: daily\n"
	"  Rules:\n"
	"    - RuleName: daily\n"
	"      TargetBackupVaultName: Default\n"
	"      ScheduleExpression: cron(0 5 ? * * *)\n"
	"      Lifecycle: {DeleteAfterDays: 35} # backuplint: disable=BKP5O1\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.yaml", .text =
	"BackupPlan:\n"
	"  BackupPlanName: daily\n"
	"  Rules:\n"
	"    - RuleName: daily\n"
	"      TargetBackupVaultName: Default\n"
	"      ScheduleExpression: cron(0 5 ? * * *)\n"
	"      Lifecycle: {DeleteAfterDays: 35}\n" },
	EXAMPLES_END
};
