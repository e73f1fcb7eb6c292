/* registry.c - the one table of rules, and the families that check them.
 *
 * Each row: id, name, default severity, flags, a one-line summary, the long
 * documentation shown by --explain (what it checks, why it matters, a bad
 * and a good example) and the AWS source it rests on. docs/rules.md is
 * generated from this table (make docs). */
#include "registry.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../linter/diag.h"
#include "cfn.h"
#include "facts.h"
#include "families.h"
#include "kinds.h"

#define E SEV_ERROR
#define W SEV_WARNING
#define I SEV_INFO

const struct rule rules[RULE_COUNT] = {
/* ---- input (BKP0xx): loading and encoding, reported by linter/ ---- */
[BKP001] = {
	.id = "BKP001", .name = "syntax-error", .severity = E,
	.summary = "The file is not valid JSON or YAML.",
	.doc =
	"What it checks: the document parses. JSON is read as strictly as the AWS CLI\n"
	"reads it: no comments, no trailing commas, no single-quoted strings, no\n"
	"unquoted keys, nothing after the top-level value. YAML follows YAML 1.1 as\n"
	"libyaml reads it.\n\n"
	"Why: AWS rejects a document it cannot parse; nothing else in the file can be\n"
	"checked until it parses.\n\n"
	"Bad:\n  {\"BackupPlanName\": \"daily\", \"Rules\": [],}\n"
	"Good:\n  {\"BackupPlanName\": \"daily\", \"Rules\": []}\n",
	.source = "RFC 8259; YAML 1.1; AWS CLI file:// parameters",
},
[BKP002] = {
	.id = "BKP002", .name = "duplicate-key", .severity = E,
	.summary = "A mapping has the same key twice; only the last one counts.",
	.doc =
	"What it checks: no key appears twice in one mapping (JSON object or YAML\n"
	"mapping). Both places are named.\n\n"
	"Why: JSON parsers, the AWS CLI's included, silently keep the last value, so\n"
	"the first setting is lost without a word; YAML forbids duplicates outright.\n\n"
	"Bad:\n  {\"DeleteAfterDays\": 35, \"DeleteAfterDays\": 3650}\n"
	"Good:\n  {\"DeleteAfterDays\": 3650}\n",
	.source = "RFC 8259 section 4 (names SHOULD be unique); YAML 1.2 section 3.2.1.1",
},
[BKP003] = {
	.id = "BKP003", .name = "unrecognized-document", .severity = I,
	.summary = "The document is not a backup plan, selection, copy job or CloudFormation template.",
	.doc =
	"What it checks: a file named on the command line is one of the documents\n"
	"backuplint knows: CreateBackupPlan/UpdateBackupPlan input, GetBackupPlan\n"
	"output, a bare plan (--backup-plan file://), a backup selection, a\n"
	"StartCopyJob request, or a CloudFormation template. Files found by walking a\n"
	"directory are skipped silently instead.\n\n"
	"Why: a misspelt top-level key (\"BackupPlann\") makes the whole file\n"
	"invisible to every other rule.\n\n"
	"Bad:\n  {\"Plan\": {\"BackupPlanName\": \"daily\"}}\n"
	"Good:\n  {\"BackupPlan\": {\"BackupPlanName\": \"daily\", \"Rules\": [...]}}\n",
	.source = "AWS Backup API reference: CreateBackupPlan, GetBackupPlan, CreateBackupSelection, StartCopyJob",
},
[BKP004] = {
	.id = "BKP004", .name = "invalid-encoding", .severity = E,
	.summary = "The file is not valid UTF-8 text (bad bytes, NUL, UTF-16 or UTF-32).",
	.doc =
	"What it checks: the file is UTF-8 (a byte-order mark is accepted) with no\n"
	"invalid or overlong sequences, no encoded surrogates, no NUL bytes, and that\n"
	"JSON \\u escapes do not leave a lone surrogate.\n\n"
	"Why: the AWS CLI and CloudFormation read documents as UTF-8; anything else is\n"
	"rejected or silently mangled (a name with a bad byte is not the name you\n"
	"typed).\n\n"
	"Bad: a file saved as UTF-16 by an editor or by PowerShell's Out-File.\n"
	"Good: the same file converted: iconv -f UTF-16 -t UTF-8 plan.json\n",
	.source = "RFC 8259 section 8.1 (JSON text exchanged between systems MUST be UTF-8)",
},
[BKP005] = {
	.id = "BKP005", .name = "input-limits", .severity = E,
	.summary = "The file exceeds a safety limit (size, nesting depth, alias expansion).",
	.doc =
	"What it checks: the file is at most --max-file-size bytes (default 256 MiB),\n"
	"nests containers at most --max-depth deep (default 512), and YAML aliases\n"
	"expand to at most --max-alias-nodes nodes (default 1,000,000). A file over a\n"
	"limit is not linted further.\n\n"
	"Why: a hostile or broken file (a \"billion laughs\" alias bomb, 100,000\n"
	"nested brackets) must not exhaust memory or stack in a pre-commit hook. No\n"
	"real backup plan comes near these limits; AWS's own request limits are far\n"
	"smaller.\n\n"
	"Bad:\n  a: &a [x, x, x, x, x, x, x, x, x]\n  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n  ... nine levels deep\n"
	"Good: a plan without recursive alias expansion.\n",
	.source = "backuplint limits (README, Limits)",
},

/* ---- schema (BKP1xx): rules/schema.c ---- */
[BKP101] = {
	.id = "BKP101", .name = "unknown-key", .severity = E,
	.summary = "A key that the document's AWS shape does not have (misspelt, or from the other dialect).",
	.doc =
	"What it checks: every key of an API document (CreateBackupPlan,\n"
	"UpdateBackupPlan, GetBackupPlan, CreateBackupSelection, GetBackupSelection,\n"
	"StartCopyJob, bare plans and selections) and of a CloudFormation template\n"
	"(top level, resource attributes, and the properties of the AWS::Backup\n"
	"resources) is a member of its shape in the current AWS model. The finding\n"
	"points at the key and suggests the closest member; a CloudFormation name in\n"
	"an API document (TargetBackupVault, BackupPlanRule) or an API name in a\n"
	"template (TargetBackupVaultName, Rules) is named as such, and read-only\n"
	"attributes (RuleId, BackupPlanArn, DeleteAfterEvent in an input) are\n"
	"explained, and a member written one level too high (ScheduleExpression\n"
	"beside Rules instead of inside each rule) is named with where it goes.\n\n"
	"Why: the AWS CLI and CloudFormation reject unknown members outright\n"
	"(\"Unknown parameter in BackupPlan.Rules[0]\", \"extraneous key\"), and a\n"
	"key that some tool silently drops is a setting that never takes effect.\n\n"
	"Bad:\n  {\"RuleName\": \"daily\", \"TargetBackupVault\": \"Default\"}\n"
	"Good:\n  {\"RuleName\": \"daily\", \"TargetBackupVaultName\": \"Default\"}\n",
	.source = "AWS Backup API reference, BackupRuleInput and related shapes "
		  "(botocore backup 2018-11-15 model); CloudFormation AWS::Backup resource schemas",
},
[BKP102] = {
	.id = "BKP102", .name = "wrong-type", .severity = E,
	.summary = "A value of the wrong type: a string where AWS expects a number, a list where it expects a mapping...",
	.doc =
	"What it checks: each value has the type of its member: strings, integers\n"
	"(long), booleans, lists, mappings. In an API document the scalar's style\n"
	"counts: \"60\" in quotes is a string and AWS rejects it where an integer is\n"
	"expected, and 60.0 is not an integer either. In a CloudFormation template\n"
	"CloudFormation converts digit strings to numbers and numbers to strings,\n"
	"so those are accepted; intrinsic functions (Ref, Fn::GetAtt, Fn::If...)\n"
	"stand for values unknown at lint time and are never type errors.\n\n"
	"Why: the AWS CLI refuses the whole request (\"Invalid type for parameter\n"
	"StartWindowMinutes, value: 60, type: <class 'str'>, valid types: <class\n"
	"'int'>\"), so nothing in the plan is created.\n\n"
	"Bad:\n  {\"RuleName\": \"daily\", \"TargetBackupVaultName\": \"Default\",\n"
	"   \"StartWindowMinutes\": \"60\"}\n"
	"Good:\n  {\"RuleName\": \"daily\", \"TargetBackupVaultName\": \"Default\",\n"
	"   \"StartWindowMinutes\": 60}\n",
	.source = "AWS Backup API reference (member types); botocore parameter validation; "
		  "CloudFormation template anatomy (property value conversion)",
},
[BKP103] = {
	.id = "BKP103", .name = "missing-required", .severity = E,
	.summary = "A member that AWS requires is absent (RuleName, TargetBackupVaultName, IamRoleArn...).",
	.doc =
	"What it checks: every member the AWS model marks as required is present:\n"
	"BackupPlanName and Rules in a plan, RuleName and TargetBackupVaultName in a\n"
	"rule, DestinationBackupVaultArn in a copy action, SelectionName and\n"
	"IamRoleArn in a selection, the four members of a StartCopyJob request, the\n"
	"three of a ListOfTags condition; in CloudFormation the required properties\n"
	"of each AWS::Backup resource and a resource's Type. The finding points at\n"
	"the key that holds the incomplete object (for a list item or the document\n"
	"itself, at the object). A required member already reported as misspelt or\n"
	"renamed (BKP101) is not reported again.\n\n"
	"Why: AWS rejects the request or the stack fails to create\n"
	"(\"Missing required parameter in BackupPlan.Rules[0]\").\n\n"
	"Bad:\n  {\"BackupPlan\": {\"BackupPlanName\": \"daily\",\n"
	"   \"Rules\": [{\"RuleName\": \"daily\"}]}}\n"
	"Good:\n  {\"BackupPlan\": {\"BackupPlanName\": \"daily\",\n"
	"   \"Rules\": [{\"RuleName\": \"daily\", \"TargetBackupVaultName\": \"Default\"}]}}\n",
	.source = "AWS Backup API reference (required members); CloudFormation AWS::Backup resource schemas (required)",
},
[BKP104] = {
	.id = "BKP104", .name = "out-of-range", .severity = E,
	.summary = "A number or length outside what AWS accepts (window minutes, vault lock days, template description).",
	.doc =
	"What it checks: documented numeric limits that belong to a member's shape:\n"
	"StartWindowMinutes and CompletionWindowMinutes at most 52,560,000 (100\n"
	"years); vault lock MinRetentionDays and MaxRetentionDays 1 to 36,500 and\n"
	"ChangeableForDays 3 to 36,500 (the 72-hour cooling-off period); logically\n"
	"air-gapped vault retention at least 7 days; numbers too big for 64 bits;\n"
	"a template Description of at most 1024 bytes. Retention and window rules\n"
	"that depend on other members are checked by the lifecycle and schedule\n"
	"rules (BKP5xx, BKP6xx).\n\n"
	"Why: AWS rejects values outside these limits when the plan or vault is\n"
	"created, often only at deployment time.\n\n"
	"Bad:\n  LockConfiguration:\n    MinRetentionDays: 7\n    ChangeableForDays: 1\n"
	"Good:\n  LockConfiguration:\n    MinRetentionDays: 7\n    ChangeableForDays: 3\n",
	.source = "AWS Backup API reference: BackupRuleInput.StartWindowMinutes, "
		  "PutBackupVaultLockConfiguration, CreateLogicallyAirGappedBackupVault; "
		  "CloudFormation quotas (template description)",
},
[BKP105] = {
	.id = "BKP105", .name = "invalid-name", .severity = E,
	.summary = "A name that does not match AWS's pattern (rule, selection, vault, plan names, tag keys, logical IDs).",
	.doc =
	"What it checks: RuleName and SelectionName (letters, digits, '-', '_', '.',\n"
	"1 to 50 characters), backup vault names (letters, digits, '-', '_', 2 to 50;\n"
	"no '.'), BackupPlanName (letters, digits, '-', '_', '.', up to 200 through\n"
	"the API), CreatorRequestId, resource type names, tag keys (1 to 128\n"
	"characters) and CloudFormation logical IDs (letters and digits) match\n"
	"their patterns. The message names the first character that is not allowed\n"
	"and its column. In Fn::Sub and Fn::Join strings the literal characters are\n"
	"checked.\n\n"
	"Why: AWS validates these patterns and rejects the whole request; a space in\n"
	"a rule name is the most common cause.\n\n"
	"Bad:\n  {\"RuleName\": \"daily backup\", \"TargetBackupVaultName\": \"Default\"}\n"
	"Good:\n  {\"RuleName\": \"daily-backup\", \"TargetBackupVaultName\": \"Default\"}\n",
	.source = "AWS Backup API reference: BackupRuleName, BackupSelectionName, "
		  "BackupVaultName patterns; BackupPlanInput.BackupPlanName; AWS tagging limits; "
		  "CloudFormation resources section (logical IDs)",
},
[BKP106] = {
	.id = "BKP106", .name = "invalid-arn", .severity = E,
	.summary = "An ARN that is malformed for its use: partition, service, Region, 12-digit account, resource type.",
	.doc =
	"What it checks: ARNs have the form arn:partition:service:region:account:\n"
	"resource, and each member gets the ARN it needs: a backup vault\n"
	"(arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME, not the old ':vault:'\n"
	"form shown in early documentation), an IAM role (arn:aws:iam::ACCOUNT:\n"
	"role/NAME, with an empty Region field), a KMS key (key/ID, not an alias),\n"
	"an SNS topic, a recovery point (backup recovery-point, or the EBS/EC2\n"
	"snapshot and image, RDS snapshot, DynamoDB backup... forms), and the\n"
	"resource ARNs of a selection ('*' alone selects everything). The message\n"
	"names the part that is wrong. In Fn::Sub and Fn::Join strings only the\n"
	"literal parts are checked (${AWS::Region}, ${AWS::AccountId} and\n"
	"${AWS::Partition} are the stack's own).\n\n"
	"Why: AWS rejects a malformed ARN, and a vault ARN with ':vault:' or a role\n"
	"ARN with a Region never matches anything.\n\n"
	"Bad:\n  \"DestinationBackupVaultArn\": \"arn:aws:backup:us-west-2:123456789012:vault:Main\"\n"
	"Good:\n  \"DestinationBackupVaultArn\": \"arn:aws:backup:us-west-2:123456789012:backup-vault:Main\"\n",
	.source = "AWS Backup developer guide, access control (resource ARN formats); "
		  "Service Authorization Reference for AWS Backup, IAM, KMS; "
		  "AWS Backup API reference, CopyAction.DestinationBackupVaultArn",
},
[BKP107] = {
	.id = "BKP107", .name = "invalid-enum", .severity = E,
	.summary = "A value not among those AWS allows (ConditionType, ScanMode, backup options, vault events...).",
	.doc =
	"What it checks: members with a fixed set of values hold one of them:\n"
	"ConditionType (STRINGEQUALS), MalwareScanner (GUARDDUTY), ScanMode\n"
	"(FULL_SCAN, INCREMENTAL_SCAN), IndexActions resource types (EBS, S3),\n"
	"AdvancedBackupSettings ResourceType (EC2, S3) and its BackupOptions\n"
	"(WindowsVSS, BackupACLs, BackupObjectTags set to enabled or disabled),\n"
	"backup vault notification events, and in templates DeletionPolicy,\n"
	"UpdateReplacePolicy and AWSTemplateFormatVersion. Values are\n"
	"case-sensitive; the message lists the allowed values and suggests the\n"
	"closest.\n\n"
	"Why: AWS rejects the request (InvalidParameterValueException); the API's\n"
	"spelling differs from the IAM-style StringEquals used elsewhere.\n\n"
	"Bad:\n  {\"ConditionType\": \"StringEquals\", \"ConditionKey\": \"backup\", \"ConditionValue\": \"daily\"}\n"
	"Good:\n  {\"ConditionType\": \"STRINGEQUALS\", \"ConditionKey\": \"backup\", \"ConditionValue\": \"daily\"}\n",
	.source = "AWS Backup API reference: Condition, ScanAction, IndexAction, AdvancedBackupSetting, "
		  "BackupVaultEvent; CloudFormation resource attributes",
},
[BKP108] = {
	.id = "BKP108", .name = "duplicate-rule-name", .severity = E,
	.summary = "Two rules of one backup plan have the same RuleName.",
	.doc =
	"What it checks: the RuleName of each rule in a plan (Rules in the API,\n"
	"BackupPlanRule in CloudFormation) is unique within that plan. Both\n"
	"places are named.\n\n"
	"Why: AWS Backup identifies rules by name within a plan and rejects a plan\n"
	"whose rules share one; copying a rule to make a second schedule and\n"
	"forgetting to rename it is the usual cause.\n\n"
	"Bad:\n  \"Rules\": [{\"RuleName\": \"daily\", ...}, {\"RuleName\": \"daily\", ...}]\n"
	"Good:\n  \"Rules\": [{\"RuleName\": \"daily\", ...}, {\"RuleName\": \"monthly\", ...}]\n",
	.source = "AWS Backup developer guide, creating a backup plan (rule names); "
		  "AWS Backup API reference, BackupRuleInput.RuleName",
},
[BKP109] = {
	.id = "BKP109", .name = "quota", .severity = E,
	.summary = "A documented AWS limit is exceeded (ARNs in a selection, wildcards, IndexActions per rule, tags).",
	.doc =
	"What it checks: the limits AWS enforces on these documents: a selection's\n"
	"Resources or NotResources hold at most 500 ARNs, or at most 30 when any\n"
	"has a wildcard; a wildcard '*' may only end an ARN (a prefix pattern:\n"
	"arn:aws:s3:::my-bucket-* but not arn:aws:s3:::*-logs), while '*' alone\n"
	"selects everything; a backup rule has at most one IndexAction, with one\n"
	"resource type; a plan, rule or vault carries at most 50 tags; GetBackupPlan\n"
	"returns at most 10 scheduled runs. The finding points at the first entry\n"
	"over the limit.\n\n"
	"Why: AWS rejects the request; a mid-string wildcard is not a pattern AWS\n"
	"Backup evaluates.\n\n"
	"Bad:\n  \"Resources\": [\"arn:aws:s3:::*-logs\"]\n"
	"Good:\n  \"Resources\": [\"arn:aws:s3:::logs-*\"]\n",
	.source = "AWS Backup API reference: BackupSelection.Resources and NotResources, "
		  "BackupRuleInput.IndexActions; AWS Backup quotas (metadata tags per backup); "
		  "AWS tagging limits",
},

/* ---- regions (BKP2xx): rules/region.c ---- */
[BKP201] = {
	.id = "BKP201", .name = "unknown-region", .severity = E,
	.summary = "A Region in an ARN is not a Region of any AWS partition.",
	.doc =
	"What it checks: the Region field of BackupPlanArn, RecoveryPointArn and\n"
	"every DestinationBackupVaultArn is a Region of some AWS partition (aws,\n"
	"aws-cn, aws-us-gov, the ISO partitions, aws-eusc), with a suggestion for\n"
	"near misses.\n\n"
	"Why: a misspelt Region makes the copy fail at run time, when the backup\n"
	"you were counting on is already missing from the other Region.\n\n"
	"Bad:\n  \"DestinationBackupVaultArn\": \"arn:aws:backup:us-est-1:111122223333:backup-vault:dr\"\n"
	"Good:\n  \"DestinationBackupVaultArn\": \"arn:aws:backup:us-east-1:111122223333:backup-vault:dr\"\n",
	.source = "botocore endpoints.json/partitions.json (schemas/regions.json)",
},
[BKP202] = {
	.id = "BKP202", .name = "backup-not-offered", .severity = E, .flags = RF_FACTS,
	.summary = "AWS Backup is not offered in the Region (per the facts dataset).",
	.doc =
	"What it checks: the Regions of BackupPlanArn, RecoveryPointArn and each\n"
	"DestinationBackupVaultArn offer AWS Backup in the selected dataset. spec:\n"
	"the Regions of botocore 1.29.27 (Dec 2022), contemporary with the copy\n"
	"guide; current: botocore 1.43.67 (every Region but eu-isoe-west-1).\n\n"
	"Why: there is no vault to copy to in a Region without AWS Backup.\n\n"
	"Bad (spec):\n  \"DestinationBackupVaultArn\": \"arn:aws:backup:eu-central-2:111122223333:backup-vault:dr\"\n"
	"Good:\n  \"DestinationBackupVaultArn\": \"arn:aws:backup:eu-central-1:111122223333:backup-vault:dr\"\n",
	.source = "botocore endpoints.json services.backup (1.29.27 for spec, 1.43.67 for current)",
},
[BKP203] = {
	.id = "BKP203", .name = "cross-region-copy-unavailable", .severity = E, .flags = RF_FACTS,
	.summary = "A cross-Region copy from or to a Region without cross-Region copy.",
	.doc =
	"What it checks: a copy whose destination Region differs from the source\n"
	"Region (from BackupPlanArn or RecoveryPointArn, else --region) neither\n"
	"starts nor ends in a Region where the dataset says cross-Region copy is\n"
	"not offered. spec: Asia Pacific (Hong Kong), Middle East (Bahrain),\n"
	"Europe (Milan) and Africa (Cape Town). current: none (the by-Region table\n"
	"now lists cross-Region copy in all four).\n\n"
	"Why: AWS Backup rejects or fails such copies, leaving no copy at all.\n\n"
	"Bad (spec, --region eu-south-1):\n  \"DestinationBackupVaultArn\": \"arn:aws:backup:eu-west-1:111122223333:backup-vault:dr\"\n"
	"Good:\n  back up in a Region that offers cross-Region copy, or copy within eu-south-1.\n",
	.source = "AWS Backup Developer Guide, cross-Region backup (spec); Feature availability by AWS Region (current)",
},
[BKP204] = {
	.id = "BKP204", .name = "cross-partition-copy", .severity = E,
	.summary = "A copy between partitions (aws, aws-cn, aws-us-gov, ...), or an ARN whose partition does not match its Region.",
	.doc =
	"What it checks: a copy's destination vault is in the same partition as its\n"
	"source, and the partition field of DestinationBackupVaultArn is the\n"
	"partition of its Region. China and GovCloud Regions copy only among\n"
	"themselves.\n\n"
	"Why: partitions are separate clouds with separate accounts; AWS Backup\n"
	"cannot copy between them.\n\n"
	"Bad (--region us-east-1):\n  \"DestinationBackupVaultArn\": \"arn:aws-cn:backup:cn-north-1:111122223333:backup-vault:dr\"\n"
	"Good:\n  \"DestinationBackupVaultArn\": \"arn:aws:backup:us-west-2:111122223333:backup-vault:dr\"\n",
	.source = "AWS Backup Developer Guide, Feature availability by AWS Region; botocore partitions.json",
},
[BKP205] = {
	.id = "BKP205", .name = "copy-to-source-vault", .severity = W,
	.summary = "A copy action copies into the vault the backup is already in.",
	.doc =
	"What it checks: a copy action (or StartCopyJob) whose destination vault is\n"
	"the rule's own target vault (SourceBackupVaultName for a copy job) in the\n"
	"same Region and account. In CloudFormation, a destination written as\n"
	"!GetAtt Vault.BackupVaultArn or with ${AWS::Region} is the stack's own.\n\n"
	"Why: the copy adds nothing to recovery (same vault, same Region, same\n"
	"account) and doubles storage cost; it usually means the wrong vault ARN\n"
	"was pasted.\n\n"
	"Bad:\n  \"TargetBackupVaultName\": \"main\",\n  \"CopyActions\": [{\"DestinationBackupVaultArn\": \"arn:aws:backup:us-east-1:111122223333:backup-vault:main\"}]\n"
	"Good:\n  \"CopyActions\": [{\"DestinationBackupVaultArn\": \"arn:aws:backup:us-west-2:111122223333:backup-vault:dr\"}]\n",
	.source = "AWS Backup Developer Guide, Creating backup copies (copy to another Region or account)",
},
[BKP206] = {
	.id = "BKP206", .name = "cross-account-copy-unavailable", .severity = E, .flags = RF_FACTS,
	.summary = "A cross-account copy from or to a Region without cross-account copy.",
	.doc =
	"What it checks: a copy to another account (accounts from the ARNs, else\n"
	"--account) neither starts nor ends in a Region where the dataset says\n"
	"cross-account copy is not offered. current: China (Beijing) and China\n"
	"(Ningxia). spec: none.\n\n"
	"Why: the copy job fails; the backup never reaches the other account.\n\n"
	"Bad (current, --region cn-north-1 --account 111122223333):\n  \"DestinationBackupVaultArn\": \"arn:aws-cn:backup:cn-north-1:444455556666:backup-vault:dr\"\n"
	"Good:\n  copy within the account, to cn-northwest-1.\n",
	.source = "AWS Backup Developer Guide, Feature availability by AWS Region",
},

[BKP207] = {
	.id = "BKP207", .name = "resource-in-other-region", .severity = E,
	.summary = "A selection names a resource in another Region than its plan's.",
	.doc =
	"What it checks: every ARN in the Resources of a selection linked to a plan\n"
	"(same template, same BackupPlanId, or the run's only plan) is in the plan's\n"
	"Region (from BackupPlanArn, else --region). In CloudFormation,\n"
	"${AWS::Region} is the stack's own Region.\n\n"
	"Why: a backup plan protects only resources in its own Region; a resource\n"
	"of another Region is silently skipped and never backed up.\n\n"
	"Bad (plan in us-east-1):\n  Resources: [arn:aws:dynamodb:us-west-2:111122223333:table/Orders]\n"
	"Good:\n  the table selected by a plan in us-west-2.\n",
	.source = "AWS Backup Developer Guide, Assigning resources to a backup plan (resources in the plan's Region)",
},

/* ---- resource types (BKP3xx): rules/restype.c ---- */
[BKP301] = {
	.id = "BKP301", .name = "dynamodb-cross-region-copy", .severity = E, .flags = RF_FACTS,
	.summary = "A plan protecting DynamoDB tables (or a copy job of a DynamoDB backup) copies across Regions.",
	.doc =
	"What it checks: a plan whose selections include DynamoDB tables has no copy\n"
	"action to another Region, and a StartCopyJob of a DynamoDB backup stays in\n"
	"its Region. Selections are linked to plans in a CloudFormation template\n"
	"(BackupPlanId !Ref/!GetAtt), across the documents of a run (BackupPlanId),\n"
	"or as the run's only plan. Known tables give an error; Resources \"*\" or\n"
	"tag-based selections, which may include tables, a warning. spec: never\n"
	"(\"DynamoDB does not support cross-Region backup\"). current: only with AWS\n"
	"Backup advanced features for DynamoDB enabled (one severity lower).\n\n"
	"Why: the copy job fails for every table, every day, and the disaster\n"
	"recovery copy you planned on does not exist.\n\n"
	"Bad:\n  Resources: [arn:aws:dynamodb:us-east-1:111122223333:table/Orders]\n  CopyActions: [{DestinationBackupVaultArn: arn:aws:backup:us-west-2:111122223333:backup-vault:dr}]\n"
	"Good:\n  a separate plan for the tables, without the cross-Region copy.\n",
	.source = "AWS Backup Developer Guide, cross-Region backup (spec); Feature availability by resource, advanced DynamoDB backup (current)",
},
[BKP302] = {
	.id = "BKP302", .name = "cold-storage-ignored", .severity = W, .flags = RF_FACTS,
	.summary = "MoveToColdStorageAfterDays on a plan whose resource types cannot go to cold storage.",
	.doc =
	"What it checks: a Lifecycle (of a rule or a copy action) with\n"
	"MoveToColdStorageAfterDays in a plan whose selections include resource\n"
	"types that do not transition to cold storage; the message names them.\n"
	"spec: only EFS goes to cold storage. current: EFS, EBS and DynamoDB with\n"
	"advanced features; not RDS, Aurora, S3, EC2, FSx, DocumentDB, Neptune,\n"
	"Storage Gateway, Redshift, EKS.\n\n"
	"Why: AWS silently ignores the setting for those types, so the cost savings\n"
	"(and the retention arithmetic) you planned on do not happen.\n\n"
	"Bad:\n  Resources: [arn:aws:rds:us-east-1:111122223333:db:orders]\n  Lifecycle: {MoveToColdStorageAfterDays: 30, DeleteAfterDays: 365}\n"
	"Good:\n  Lifecycle: {DeleteAfterDays: 365}\n",
	.source = "AWS Backup Developer Guide, cross-Region backup, Lifecycle (spec); Feature availability by resource (current)",
},
[BKP303] = {
	.id = "BKP303", .name = "unsupported-resource-type", .severity = E, .flags = RF_FACTS,
	.summary = "A selected ARN names a resource AWS Backup does not protect.",
	.doc =
	"What it checks: each ARN in a selection's Resources is of a service and\n"
	"resource type AWS Backup protects (schemas/resource-types.json: EC2\n"
	"instances, EBS volumes, EFS and FSx file systems, RDS instances, Aurora,\n"
	"DocumentDB and Neptune clusters, DynamoDB tables, S3 buckets, ...), and\n"
	"that the dataset lists the type as protected (spec: the resource types of\n"
	"botocore 1.29.27, without Redshift, Timestream, CloudFormation, SAP HANA,\n"
	"EKS).\n\n"
	"Why: AWS Backup skips resources it cannot protect without failing the\n"
	"plan, so nothing tells you the resource has no backup.\n\n"
	"Bad:\n  Resources: [arn:aws:ec2:us-east-1:111122223333:snapshot/snap-0abc]\n"
	"Good:\n  Resources: [arn:aws:ec2:us-east-1:111122223333:volume/vol-0abc]\n",
	.source = "AWS Service Authorization Reference (ARN formats); AWS Backup Developer Guide, Feature availability by resource",
},
[BKP304] = {
	.id = "BKP304", .name = "rds-option-groups-not-copied", .severity = I,
	.summary = "RDS instances are copied across Regions: custom option groups are not copied.",
	.doc =
	"What it checks: a plan whose selections include Amazon RDS DB instances\n"
	"and that copies to another Region.\n\n"
	"Why: AWS Backup copies the snapshot but not the instance's custom option\n"
	"group; a restore in the other Region needs the option group created there\n"
	"first, which is easy to discover only during an outage.\n\n"
	"Bad (if nobody knows):\n  an RDS plan with a copy to us-west-2 and no option group in us-west-2.\n"
	"Good:\n  the same plan, with the option group created in us-west-2 (or disable the rule).\n",
	.source = "AWS Backup Developer Guide, cross-Region backup (copying RDS custom option groups across Regions is not supported)",
},
[BKP305] = {
	.id = "BKP305", .name = "continuous-backup-unsupported-type", .severity = W, .flags = RF_FACTS,
	.summary = "EnableContinuousBackup on a plan with resource types that fall back to snapshots.",
	.doc =
	"What it checks: a rule with EnableContinuousBackup: true in a plan whose\n"
	"selections include types without continuous backup (point-in-time\n"
	"recovery); only S3, RDS, Aurora and SAP HANA on EC2 support it.\n\n"
	"Why: AWS Backup falls back to snapshots for the other types, so the\n"
	"point-in-time recovery you planned on does not exist for them.\n\n"
	"Bad:\n  Resources: [arn:aws:elasticfilesystem:us-east-1:111122223333:file-system/fs-0abc]\n  EnableContinuousBackup: true\n"
	"Good:\n  EnableContinuousBackup only in a plan of S3 buckets or RDS/Aurora databases.\n",
	.source = "AWS Backup Developer Guide, Continuous backups and point-in-time recovery",
},
[BKP306] = {
	.id = "BKP306", .name = "copy-unsupported-type", .severity = E, .flags = RF_FACTS,
	.summary = "A plan copies cross-Region or cross-account resource types that cannot be copied that way.",
	.doc =
	"What it checks: the resource types of a plan (other than DynamoDB across\n"
	"Regions, which is BKP301) support each kind of copy the plan makes.\n"
	"current: Redshift is never copied; in opt-in Regions DocumentDB copies\n"
	"neither way, FSx not across Regions, Neptune, CloudFormation and\n"
	"Timestream not across accounts. spec: no such limits.\n\n"
	"Why: the copy jobs of those resources fail.\n\n"
	"Bad (current):\n  Resources: [arn:aws:redshift:us-east-1:111122223333:cluster:dw] with a copy to us-west-2\n"
	"Good:\n  the Redshift cluster in a plan without copy actions.\n",
	.source = "AWS Backup Developer Guide, Feature availability by resource and by AWS Region",
},

[BKP307] = {
	.id = "BKP307", .name = "continuous-copy-is-snapshot", .severity = I, .flags = RF_FACTS,
	.summary = "A continuous backup rule copies to another Region or account: the copy is a snapshot.",
	.doc =
	"What it checks: a rule with EnableContinuousBackup: true, in a plan that\n"
	"may protect a type with continuous backup (S3, RDS, Aurora, SAP HANA),\n"
	"with a copy action to another Region or account. current: the copy is a\n"
	"snapshot, without point-in-time restore. spec: the guide does not say;\n"
	"silent.\n\n"
	"Why: a disaster-recovery plan that counts on restoring to any second in\n"
	"the other Region can only restore to the copy's snapshot time.\n\n"
	"Bad (if nobody knows):\n  EnableContinuousBackup: true\n  CopyActions: [{DestinationBackupVaultArn: arn:aws:backup:us-west-2:111122223333:backup-vault:dr}]\n"
	"Good:\n  the same rule, with the copy's recovery point objective set by the\n  rule's schedule.\n",
	.source = "AWS Backup Developer Guide, Copy a backup; Continuous backups and point-in-time recovery",
},

/* ---- copy modes (BKP4xx): rules/copymode.c ---- */
[BKP401] = {
	.id = "BKP401", .name = "rds-cross-region-and-cross-account", .severity = E, .flags = RF_FACTS,
	.summary = "A plan that may protect RDS or Aurora copies both cross-Region and cross-account.",
	.doc =
	"What it checks: a plan whose selections include Amazon RDS or Aurora\n"
	"(current: also DocumentDB and Neptune) has copies to another Region and to\n"
	"another account, in one copy action or across its rules. spec: not\n"
	"supported in one plan (error). current: the matrix allows both in one\n"
	"action while \"Copy a backup\" still says only one is automated: a warning.\n\n"
	"Why: RDS and Aurora snapshots are encrypted with Region- and\n"
	"account-specific keys; AWS Backup automates only one of the two copies.\n\n"
	"Bad (RDS instances in us-east-1, account 111122223333):\n  CopyActions: [{DestinationBackupVaultArn: arn:aws:backup:us-west-2:444455556666:backup-vault:dr}]\n"
	"Good:\n  two plans, one copying to us-west-2 in the same account, one copying to\n  account 444455556666 in the same Region; or an EventBridge rule on\n  the copy job's completion that starts a second copy (StartCopyJob).\n",
	.source = "AWS Backup Developer Guide, cross-Region backup (spec); Copy a backup, Feature availability by resource footnote 3 (current)",
},
[BKP402] = {
	.id = "BKP402", .name = "efs-copy-plan-wide", .severity = W, .flags = RF_FACTS,
	.summary = "EFS file systems assigned through several selections while the plan's rules copy differently.",
	.doc =
	"What it checks: a plan that assigns EFS file systems through more than one\n"
	"selection while its rules copy to different destinations (or some rules\n"
	"copy and others do not).\n\n"
	"Why: EFS cross-Region copy is set at the plan level: every file system\n"
	"of the plan is copied by every rule. A second selection meant to get a\n"
	"different copy rule gets all of them.\n\n"
	"Bad:\n  one plan, selections 'prod-fs' and 'scratch-fs', rule 'daily' copying to\n  us-west-2 and rule 'hourly' not copying.\n"
	"Good:\n  a separate plan for the scratch file systems.\n",
	.source = "AWS Backup Developer Guide, cross-Region backup (Amazon EFS supports cross-Region copy at the plan level)",
},

/* ---- lifecycle (BKP5xx): rules/lifecycle.c ---- */
[BKP501] = {
	.id = "BKP501", .name = "cold-storage-minimum", .severity = E,
	.summary = "DeleteAfterDays is less than MoveToColdStorageAfterDays + 90.",
	.doc =
	"What it checks: in every Lifecycle (a backup rule's, each copy action's,\n"
	"and a StartCopyJob request's), when both MoveToColdStorageAfterDays and\n"
	"DeleteAfterDays are set, DeleteAfterDays is at least\n"
	"MoveToColdStorageAfterDays + 90. A value of -1 (never move, never delete)\n"
	"sets no minimum. Deleting on or before the cold transition day is called\n"
	"out as such.\n\n"
	"Why: recovery points in cold storage are kept there for at least 90 days;\n"
	"AWS rejects the plan at deploy time (CloudFormation fails the stack update),\n"
	"long after the change was reviewed.\n\n"
	"Bad:\n  \"Lifecycle\": {\"MoveToColdStorageAfterDays\": 30, \"DeleteAfterDays\": 100}\n"
	"Good:\n  \"Lifecycle\": {\"MoveToColdStorageAfterDays\": 30, \"DeleteAfterDays\": 120}\n",
	.source = "AWS Backup API reference, Lifecycle (DeleteAfterDays: at least 90 days after MoveToColdStorageAfterDays)",
},
[BKP502] = {
	.id = "BKP502", .name = "retention-range", .severity = E,
	.summary = "A lifecycle day count is not a whole number from 1 to 36500 (or -1).",
	.doc =
	"What it checks: MoveToColdStorageAfterDays and DeleteAfterDays are whole\n"
	"numbers from 1 to 36500 (100 years), or -1, which AWS reads as \"never\"\n"
	"(keep indefinitely, never move to cold storage). Zero, other negative\n"
	"numbers, fractions and values over 100 years are reported.\n\n"
	"Why: AWS rejects them (\"DeleteAfterDays cannot be less than 1 or more than\n"
	"36500 days\"); a 0 meant as \"keep forever\" is the usual mistake: omit the\n"
	"key instead.\n\n"
	"Bad:\n  \"Lifecycle\": {\"DeleteAfterDays\": 0}\n"
	"Good:\n  \"Lifecycle\": {\"DeleteAfterDays\": 35}\n",
	.source = "AWS Backup API reference, Lifecycle and BackupRule (maximum 100 years, 36,500 days)",
},
[BKP503] = {
	.id = "BKP503", .name = "continuous-retention", .severity = E,
	.summary = "A continuous-backup rule keeps recovery points longer than 35 days, or has no retention.",
	.doc =
	"What it checks: a rule with EnableContinuousBackup true sets a Lifecycle\n"
	"DeleteAfterDays of at most 35.\n\n"
	"Why: continuous backups (point-in-time recovery) can be retained 1 to 35\n"
	"days; a longer or missing retention is rejected or not what you get. Keep\n"
	"long-lived snapshots in a second rule without EnableContinuousBackup.\n\n"
	"Bad:\n  {\"RuleName\": \"pitr\", \"EnableContinuousBackup\": true,\n"
	"   \"Lifecycle\": {\"DeleteAfterDays\": 365}, ...}\n"
	"Good:\n  {\"RuleName\": \"pitr\", \"EnableContinuousBackup\": true,\n"
	"   \"Lifecycle\": {\"DeleteAfterDays\": 35}, ...}\n",
	.source = "AWS Backup Developer Guide, Continuous backups and point-in-time recovery (retention period 1 to 35 days)",
},
[BKP504] = {
	.id = "BKP504", .name = "continuous-cold-storage", .severity = E,
	.summary = "A continuous-backup rule sets MoveToColdStorageAfterDays.",
	.doc =
	"What it checks: a rule with EnableContinuousBackup true has no\n"
	"MoveToColdStorageAfterDays in its Lifecycle (-1, never, is accepted).\n\n"
	"Why: continuous backups cannot move to cold storage: cold storage needs at\n"
	"least 90 days and continuous backups live at most 35.\n\n"
	"Bad:\n  \"EnableContinuousBackup\": true,\n"
	"  \"Lifecycle\": {\"MoveToColdStorageAfterDays\": 7, \"DeleteAfterDays\": 35}\n"
	"Good:\n  \"EnableContinuousBackup\": true,\n"
	"  \"Lifecycle\": {\"DeleteAfterDays\": 35}\n",
	.source = "AWS Backup Developer Guide, Continuous backups and point-in-time recovery",
},
[BKP505] = {
	.id = "BKP505", .name = "archive-without-cold", .severity = W,
	.summary = "OptInToArchiveForSupportedResources is true but nothing moves to cold storage.",
	.doc =
	"What it checks: a Lifecycle with OptInToArchiveForSupportedResources true\n"
	"also sets MoveToColdStorageAfterDays (other than -1).\n\n"
	"Why: the opt-in moves supported resources (such as EBS snapshots) to the\n"
	"archive tier when the lifecycle transitions them to cold storage; without\n"
	"a cold transition it does nothing, which is rarely what was meant.\n\n"
	"Bad:\n  \"Lifecycle\": {\"DeleteAfterDays\": 365,\n"
	"                \"OptInToArchiveForSupportedResources\": true}\n"
	"Good:\n  \"Lifecycle\": {\"MoveToColdStorageAfterDays\": 30, \"DeleteAfterDays\": 365,\n"
	"                \"OptInToArchiveForSupportedResources\": true}\n",
	.source = "AWS Backup API reference, Lifecycle (OptInToArchiveForSupportedResources)",
},

/* ---- schedule and windows (BKP6xx): rules/schedule.c ---- */
[BKP601] = {
	.id = "BKP601", .name = "invalid-schedule", .severity = E,
	.summary = "ScheduleExpression is not a cron(...) expression AWS Backup accepts.",
	.doc =
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
	"stack deployed.\n\n"
	"Bad:\n  \"ScheduleExpression\": \"cron(0 5 * * *)\"\n"
	"Good:\n  \"ScheduleExpression\": \"cron(0 5 * * ? *)\"\n",
	.source = "Amazon EventBridge User Guide, Cron expressions; AWS Backup API reference, BackupRule ScheduleExpression",
},
[BKP602] = {
	.id = "BKP602", .name = "schedule-too-frequent", .severity = E,
	.summary = "The schedule fires more than once an hour.",
	.doc =
	"What it checks: the Minutes field of ScheduleExpression names a single\n"
	"minute, so that the rule fires at most once an hour.\n\n"
	"Why: AWS Backup takes scheduled snapshot backups at most hourly; a schedule\n"
	"such as every 30 minutes is rejected.\n\n"
	"Bad:\n  \"ScheduleExpression\": \"cron(0/30 * ? * * *)\"\n"
	"Good:\n  \"ScheduleExpression\": \"cron(0 * ? * * *)\"\n",
	.source = "AWS Backup Developer Guide, Backup plan options and configuration (backup frequency: as frequently as hourly)",
},
[BKP603] = {
	.id = "BKP603", .name = "schedule-never-fires", .severity = E,
	.summary = "The schedule matches no date from today on.",
	.doc =
	"What it checks: ScheduleExpression matches at least one date from today\n"
	"(UTC) until the end of its Year field: not February 30 or 31, not 31 in a\n"
	"month with 30 days, not a fifth weekday in a month and years that have\n"
	"none, not a year range in the past. The environment variable\n"
	"BACKUPLINT_NOW=YYYY-MM-DD fixes \"today\" for reproducible runs.\n\n"
	"Why: AWS accepts such a plan and then never backs anything up.\n\n"
	"Bad:\n  \"ScheduleExpression\": \"cron(0 5 31 2 ? *)\"\n"
	"Good:\n  \"ScheduleExpression\": \"cron(0 5 L 2 ? *)\"\n",
	.source = "Amazon EventBridge User Guide, Cron expressions",
},
[BKP604] = {
	.id = "BKP604", .name = "start-window-too-short", .severity = E,
	.summary = "StartWindowMinutes is under 60.",
	.doc =
	"What it checks: StartWindowMinutes, when given, is at least 60.\n\n"
	"Why: AWS Backup rejects a shorter start window (\"If this value is included,\n"
	"it must be at least 60 minutes to avoid errors\"). Omitted, it is 8 hours.\n\n"
	"Bad:\n  \"StartWindowMinutes\": 30\n"
	"Good:\n  \"StartWindowMinutes\": 60\n",
	.source = "AWS Backup API reference, BackupRule StartWindowMinutes",
},
[BKP605] = {
	.id = "BKP605", .name = "completion-window-too-short", .severity = W,
	.summary = "CompletionWindowMinutes is not greater than StartWindowMinutes.",
	.doc =
	"What it checks: CompletionWindowMinutes is greater than StartWindowMinutes.\n"
	"An omitted window takes AWS's default (start 480 minutes, completion 10080\n"
	"minutes), and the message says so.\n\n"
	"Why: the completion window counts from the scheduled time, not from when\n"
	"the job starts; a job that starts late in its start window can have no\n"
	"time left to finish and is cancelled.\n\n"
	"Bad:\n  \"StartWindowMinutes\": 480, \"CompletionWindowMinutes\": 120\n"
	"Good:\n  \"StartWindowMinutes\": 60, \"CompletionWindowMinutes\": 480\n",
	.source = "AWS Backup API reference, BackupRule CompletionWindowMinutes; Developer Guide, Backup plan options (defaults 8 hours and 7 days)",
},
[BKP606] = {
	.id = "BKP606", .name = "invalid-timezone", .severity = E,
	.summary = "ScheduleExpressionTimezone is not an IANA time zone name.",
	.doc =
	"What it checks: ScheduleExpressionTimezone is a name of the IANA time zone\n"
	"database (including backward-compatible links such as US/Eastern and\n"
	"Etc/UTC), spelled with its exact case; a near miss gets a suggestion.\n\n"
	"Why: AWS rejects other names; UTC offsets such as UTC+2 are not zone names\n"
	"(Etc/GMT-2 is, with the sign inverted).\n\n"
	"Bad:\n  \"ScheduleExpressionTimezone\": \"America/NewYork\"\n"
	"Good:\n  \"ScheduleExpressionTimezone\": \"America/New_York\"\n",
	.source = "AWS Backup API reference, BackupRule ScheduleExpressionTimezone; IANA tz database (schemas/timezones.txt)",
},
[BKP607] = {
	.id = "BKP607", .name = "overlapping-rules", .severity = W,
	.summary = "Rules with overlapping start windows: only the longer-kept backup is taken, dropping the other's copies or vault.",
	.doc =
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
	"Bad:\n  {\"RuleName\": \"daily\", \"ScheduleExpression\": \"cron(0 5 ? * * *)\",\n"
	"   \"Lifecycle\": {\"DeleteAfterDays\": 35}, \"CopyActions\": [{...dr vault...}]},\n"
	"  {\"RuleName\": \"monthly\", \"ScheduleExpression\": \"cron(0 5 1 * ? *)\",\n"
	"   \"Lifecycle\": {\"DeleteAfterDays\": 365}}\n"
	"Good: the same CopyActions on \"monthly\" too, or schedules further apart\n"
	"than the start windows.\n",
	.source = "AWS Backup Developer Guide, Backup plan options and configuration (overlapping rules: the backup with the longer retention is taken, the full start window considered)",
},
[BKP608] = {
	.id = "BKP608", .name = "retention-gap", .severity = W,
	.summary = "Recovery points expire before the next backup, and no rule of the plan fills the gap.",
	.doc =
	"What it checks: for every rule of a plan, that DeleteAfterDays is at least\n"
	"the longest time between two of the rule's backups (from its schedule,\n"
	"looked at over the next two years), unless some rule of the plan keeps\n"
	"its recovery points through its own interval (or indefinitely, or takes\n"
	"continuous backups). Unknown values make the check say nothing.\n\n"
	"Why: a monthly backup kept 7 days leaves three weeks of every month with\n"
	"nothing to restore; AWS accepts the plan without a word.\n\n"
	"Bad:\n  \"ScheduleExpression\": \"cron(0 5 1 * ? *)\",\n"
	"  \"Lifecycle\": {\"DeleteAfterDays\": 7}\n"
	"Good:\n  \"ScheduleExpression\": \"cron(0 5 1 * ? *)\",\n"
	"  \"Lifecycle\": {\"DeleteAfterDays\": 35}\n",
	.source = "AWS Backup Developer Guide, Backup plan options and configuration (backup frequency and retention period)",
},

/* ---- IAM (BKP7xx): rules/iam.c ---- */
[BKP701] = {
	.id = "BKP701", .name = "role-not-trusted-by-backup", .severity = E,
	.summary = "A CloudFormation IAM role used by a selection does not trust backup.amazonaws.com.",
	.doc =
	"What it checks: in a CloudFormation template, the AWS::IAM::Role that a\n"
	"BackupSelection's IamRoleArn names (!GetAtt Role.Arn, !Sub \"${Role.Arn}\",\n"
	"!Sub \"arn:...:role/${Role}\") has an AssumeRolePolicyDocument statement\n"
	"that allows sts:AssumeRole to the service principal backup.amazonaws.com.\n\n"
	"Why: AWS Backup must assume the role to back up the selected resources;\n"
	"without the trust every backup job of the selection fails.\n\n"
	"Bad:\n  Principal: {Service: ec2.amazonaws.com}\n"
	"Good:\n  Principal: {Service: backup.amazonaws.com}\n",
	.source = "AWS Backup Developer Guide, IAM service roles (the role must list AWS Backup as a trusted entity)",
},

/* ---- CloudFormation template structure (BKP8xx): rules/template.c ---- */
[BKP801] = {
	.id = "BKP801", .name = "invalid-intrinsic", .severity = E,
	.summary = "An intrinsic function or YAML tag of the wrong shape (!GetAtt without a dot, Fn::If with two items, !Foo).",
	.doc =
	"What it checks: CloudFormation intrinsic functions have the arguments\n"
	"CloudFormation requires: Fn::If [condition, then, else], Fn::Join\n"
	"[delimiter, list], Fn::Select [index, list], Fn::Split [delimiter, string],\n"
	"Fn::FindInMap [map, key, key], Fn::Equals [a, b], Fn::And/Fn::Or 2 to 10\n"
	"conditions, Fn::Not [condition], Fn::Cidr [block, count, bits], Ref a name,\n"
	"Fn::GetAtt Resource.Attribute, Fn::Sub a string or [string, {vars}]; and\n"
	"that every YAML tag is one CloudFormation (or YAML) knows.\n\n"
	"Why: every other rule reads an intrinsic as \"a value known at deploy\n"
	"time\" and stays quiet about it, so a malformed one would pass until\n"
	"CloudFormation rejects the stack with \"Template error\".\n\n"
	"Bad:\n  TargetBackupVault: !GetAtt BackupVault\n"
	"  DeleteAfterDays: !If [IsProd, 35]\n"
	"Good:\n  TargetBackupVault: !GetAtt BackupVault.BackupVaultName\n"
	"  DeleteAfterDays: !If [IsProd, 35, 7]\n",
	.source = "AWS CloudFormation User Guide, Intrinsic function reference",
},
[BKP802] = {
	.id = "BKP802", .name = "undefined-reference", .severity = E,
	.summary = "A Ref, Fn::GetAtt, ${} in Fn::Sub, condition, mapping or DependsOn names nothing in the template.",
	.doc =
	"What it checks: the names used by Ref, Fn::GetAtt, the ${Name} and\n"
	"${Resource.Attribute} variables of Fn::Sub, Fn::If and Condition, Fn::FindInMap\n"
	"and DependsOn exist in the template's Parameters, Resources, Conditions or\n"
	"Mappings (or are pseudo parameters such as AWS::Region), with a did-you-mean.\n"
	"Templates with a Transform are skipped: a macro may define the names.\n\n"
	"Why: a misspelt logical id fails the whole deployment (\"Unresolved resource\n"
	"dependencies\"), after the change has been reviewed and merged.\n\n"
	"Bad:\n  Resources:\n    BackupVault: {Type: AWS::Backup::BackupVault, ...}\n"
	"    Plan: ... TargetBackupVault: !Ref BackupVualt\n"
	"Good:\n    Plan: ... TargetBackupVault: !Ref BackupVault\n",
	.source = "AWS CloudFormation User Guide, Ref and Fn::GetAtt; template anatomy",
},
};

/* Families run in this order on each document; schema first so that the
 * policy rules can rely on shapes having been reported. */
static const struct family families[] = {
	{ .name = "schema", .check_doc = schema_check_doc },
	{ .name = "lifecycle", .check_doc = lifecycle_check_doc },
	{ .name = "schedule", .check_doc = schedule_check_doc },
	{ .name = "region", .check_doc = region_check_doc, .check_run = region_check_run },
	{ .name = "restype", .check_doc = restype_check_doc, .check_run = restype_check_run },
	{ .name = "copymode", .check_doc = copymode_check_doc, .check_run = copymode_check_run },
	{ .name = "iam", .check_doc = iam_check_doc },
	{ .name = "template", .check_doc = template_check_doc },
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
	if (ar)
		free(ar->sels);
	free(r->state);
	r->state = NULL;
}

const struct checker backuplint = {
	.rules = { rules, RULE_COUNT },
	.input_rule = {
		[IN_SYNTAX] = BKP001,
		[IN_DUPLICATE_KEY] = BKP002,
		[IN_UNRECOGNIZED] = BKP003,
		[IN_ENCODING] = BKP004,
		[IN_LIMITS] = BKP005,
	},
	.families = families,
	.nfamilies = sizeof(families) / sizeof(families[0]),
	.documents = "a backup plan, selection, copy job or CloudFormation template",
	.keys = "a top-level BackupPlan, BackupPlanName, BackupSelection, "
		"RecoveryPointArn or Resources key",
	.relevant = kinds_relevant,
	.classify = kinds_classify,
	.yaml_tag = cfn_yaml_tag,
	.session_init = aws_session_init,
	.session_release = aws_session_release,
	.run_init = aws_run_init,
	.run_release = aws_run_release,
};


