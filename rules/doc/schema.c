/* schema.c - documentation of the schema rules (BKP1xx: document shapes):
 * what each checks and why, and complete Bad and Good documents, which
 * testdata/rules/check-examples.sh runs through the binary. */
#include "doc.h"

const char bkp101_doc[] =
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
	"beside Rules instead of inside each rule) is named with where it goes.\n"
	"In Terraform (.tf and .tf.json) every argument and nested block of the\n"
	"aws_backup_* resources is checked against the AWS provider's schema, with\n"
	"a fix for a misspelt name; the meta-arguments (count, for_each,\n"
	"depends_on, provider, lifecycle, dynamic blocks) are valid everywhere.\n\n"
	"Why: the AWS CLI, CloudFormation and Terraform reject unknown members\n"
	"outright (\"Unknown parameter in BackupPlan.Rules[0]\", \"extraneous key\",\n"
	"\"Unsupported argument\"), and a key that some tool silently drops is a\n"
	"setting that never takes effect.\n";

const struct rule_example bkp101_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"daily\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"daily\",\n"
	"        \"TargetBackupVault\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 ? * * *)\",\n"
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
	"        \"Lifecycle\": {\"DeleteAfterDays\": 35}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	{ .kind = EXAMPLE_BAD, .file = "main.tf", .text =
	"resource \"aws_backup_plan\" \"daily\" {\n"
	"  name = \"daily\"\n"
	"  rule {\n"
	"    rule_name         = \"daily\"\n"
	"    target_vault_name = \"Default\"\n"
	"    schedule          = \"cron(0 5 ? * * *)\"\n"
	"    lifecycle {\n"
	"      delete_afer = 35\n"
	"    }\n"
	"  }\n"
	"}\n" },
	{ .kind = EXAMPLE_GOOD, .file = "main.tf", .text =
	"resource \"aws_backup_plan\" \"daily\" {\n"
	"  name = \"daily\"\n"
	"  rule {\n"
	"    rule_name         = \"daily\"\n"
	"    target_vault_name = \"Default\"\n"
	"    schedule          = \"cron(0 5 ? * * *)\"\n"
	"    lifecycle {\n"
	"      delete_after = 35\n"
	"    }\n"
	"  }\n"
	"}\n" },
	EXAMPLES_END
};

const char bkp102_doc[] =
	"What it checks: each value has the type of its member: strings, integers\n"
	"(long), booleans, lists, mappings. In an API document the scalar's style\n"
	"counts: \"60\" in quotes is a string and AWS rejects it where an integer is\n"
	"expected, and 60.0 is not an integer either. In a CloudFormation template\n"
	"CloudFormation converts digit strings to numbers and numbers to strings,\n"
	"so those are accepted; intrinsic functions (Ref, Fn::GetAtt, Fn::If...)\n"
	"stand for values unknown at lint time and are never type errors. Terraform\n"
	"converts too (\"120\" is the number 120, \"true\" the bool true), so in a\n"
	"Terraform file only what no conversion makes right is reported, and also\n"
	"a block written as an argument (rule = [...]) or an argument written as a\n"
	"block (tags { ... }, with a fix); references and function calls are\n"
	"unknown and never type errors.\n\n"
	"Why: the AWS CLI refuses the whole request (\"Invalid type for parameter\n"
	"StartWindowMinutes, value: 60, type: <class 'str'>, valid types: <class\n"
	"'int'>\"), so nothing in the plan is created.\n";

const struct rule_example bkp102_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"daily\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"daily\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 ? * * *)\",\n"
	"        \"StartWindowMinutes\": \"60\",\n"
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

const char bkp103_doc[] =
	"What it checks: every member the AWS model marks as required is present:\n"
	"BackupPlanName and Rules in a plan, RuleName and TargetBackupVaultName in a\n"
	"rule, DestinationBackupVaultArn in a copy action, SelectionName and\n"
	"IamRoleArn in a selection, the four members of a StartCopyJob request, the\n"
	"three of a ListOfTags condition; in CloudFormation the required properties\n"
	"of each AWS::Backup resource and a resource's Type. The finding points at\n"
	"the key that holds the incomplete object (for a list item or the document\n"
	"itself, at the object). A required member already reported as misspelt or\n"
	"renamed (BKP101) is not reported again. In Terraform: the required\n"
	"arguments and blocks of the provider's schema (rule in aws_backup_plan,\n"
	"iam_role_arn in aws_backup_selection...), at the block or the resource's\n"
	"name; a dynamic block counts as present.\n\n"
	"Why: AWS rejects the request or the stack fails to create\n"
	"(\"Missing required parameter in BackupPlan.Rules[0]\").\n";

const struct rule_example bkp103_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"daily\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"daily\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 ? * * *)\",\n"
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
	"        \"Lifecycle\": {\"DeleteAfterDays\": 35}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	EXAMPLES_END
};

const char bkp104_doc[] =
	"What it checks: documented numeric limits that belong to a member's shape:\n"
	"StartWindowMinutes and CompletionWindowMinutes at most 52,560,000 (100\n"
	"years); vault lock MinRetentionDays and MaxRetentionDays 1 to 36,500 and\n"
	"ChangeableForDays 3 to 36,500 (the 72-hour cooling-off period); logically\n"
	"air-gapped vault retention at least 7 days; numbers too big for 64 bits;\n"
	"a template Description of at most 1024 bytes. Retention and window rules\n"
	"that depend on other members are checked by the lifecycle and schedule\n"
	"rules (BKP5xx, BKP6xx).\n\n"
	"Why: AWS rejects values outside these limits when the plan or vault is\n"
	"created, often only at deployment time.\n";

const struct rule_example bkp104_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "template.yaml", .text =
	"Resources:\n"
	"  Vault:\n"
	"    Type: AWS::Backup::BackupVault\n"
	"    Properties:\n"
	"      BackupVaultName: records\n"
	"      LockConfiguration:\n"
	"        MinRetentionDays: 7\n"
	"        ChangeableForDays: 1\n" },
	{ .kind = EXAMPLE_GOOD, .file = "template.yaml", .text =
	"Resources:\n"
	"  Vault:\n"
	"    Type: AWS::Backup::BackupVault\n"
	"    Properties:\n"
	"      BackupVaultName: records\n"
	"      LockConfiguration:\n"
	"        MinRetentionDays: 7\n"
	"        ChangeableForDays: 3\n" },
	EXAMPLES_END
};

const char bkp105_doc[] =
	"What it checks: RuleName and SelectionName (letters, digits, '-', '_', '.',\n"
	"1 to 50 characters), backup vault names (letters, digits, '-', '_', 2 to 50;\n"
	"no '.'), BackupPlanName (letters, digits, '-', '_', '.', up to 200 through\n"
	"the API), CreatorRequestId, resource type names, tag keys (1 to 128\n"
	"characters) and CloudFormation logical IDs (letters and digits) match\n"
	"their patterns. The message names the first character that is not allowed\n"
	"and its column. In Fn::Sub and Fn::Join strings the literal characters are\n"
	"checked.\n\n"
	"Why: AWS validates these patterns and rejects the whole request; a space in\n"
	"a rule name is the most common cause.\n";

const struct rule_example bkp105_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"daily\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"daily backup\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 ? * * *)\",\n"
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
	"        \"RuleName\": \"daily-backup\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 ? * * *)\",\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 35}\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	EXAMPLES_END
};

const char bkp106_doc[] =
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
	"ARN with a Region never matches anything.\n";

const struct rule_example bkp106_examples[] = {
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
	"        \"CopyActions\": [\n"
	"          {\"DestinationBackupVaultArn\": \"arn:aws:backup:us-west-2:111122223333:vault:dr\"}\n"
	"        ]\n"
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

const char bkp107_doc[] =
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
	"spelling differs from the IAM-style StringEquals used elsewhere.\n";

const struct rule_example bkp107_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "selection.json", .text =
	"{\n"
	"  \"BackupPlanId\": \"8F81F553-3A74-4A3F-B93D-B3360DC80C50\",\n"
	"  \"BackupSelection\": {\n"
	"    \"SelectionName\": \"tagged\",\n"
	"    \"IamRoleArn\": \"arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole\",\n"
	"    \"ListOfTags\": [\n"
	"      {\"ConditionType\": \"StringEquals\", \"ConditionKey\": \"backup\", \"ConditionValue\": \"daily\"}\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	{ .kind = EXAMPLE_GOOD, .file = "selection.json", .text =
	"{\n"
	"  \"BackupPlanId\": \"8F81F553-3A74-4A3F-B93D-B3360DC80C50\",\n"
	"  \"BackupSelection\": {\n"
	"    \"SelectionName\": \"tagged\",\n"
	"    \"IamRoleArn\": \"arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole\",\n"
	"    \"ListOfTags\": [\n"
	"      {\"ConditionType\": \"STRINGEQUALS\", \"ConditionKey\": \"backup\", \"ConditionValue\": \"daily\"}\n"
	"    ]\n"
	"  }\n"
	"}\n" },
	EXAMPLES_END
};

const char bkp108_doc[] =
	"What it checks: the RuleName of each rule in a plan (Rules in the API,\n"
	"BackupPlanRule in CloudFormation) is unique within that plan. Both\n"
	"places are named.\n\n"
	"Why: AWS Backup identifies rules by name within a plan and rejects a plan\n"
	"whose rules share one; copying a rule to make a second schedule and\n"
	"forgetting to rename it is the usual cause.\n";

const struct rule_example bkp108_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.json", .text =
	"{\n"
	"  \"BackupPlan\": {\n"
	"    \"BackupPlanName\": \"records\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"daily\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 ? * * *)\",\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 35}\n"
	"      },\n"
	"      {\n"
	"        \"RuleName\": \"daily\",\n"
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
	"    \"BackupPlanName\": \"records\",\n"
	"    \"Rules\": [\n"
	"      {\n"
	"        \"RuleName\": \"daily\",\n"
	"        \"TargetBackupVaultName\": \"Default\",\n"
	"        \"ScheduleExpression\": \"cron(0 5 ? * * *)\",\n"
	"        \"Lifecycle\": {\"DeleteAfterDays\": 35}\n"
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
	EXAMPLES_END
};

const char bkp109_doc[] =
	"What it checks: the limits AWS enforces on these documents: a selection's\n"
	"Resources or NotResources hold at most 500 ARNs, or at most 30 when any\n"
	"has a wildcard; a wildcard '*' may only end an ARN (a prefix pattern:\n"
	"arn:aws:s3:::my-bucket-* but not arn:aws:s3:::*-logs), while '*' alone\n"
	"selects everything; a backup rule has at most one IndexAction, with one\n"
	"resource type; a plan, rule or vault carries at most 50 tags; GetBackupPlan\n"
	"returns at most 10 scheduled runs. The finding points at the first entry\n"
	"over the limit.\n\n"
	"Why: AWS rejects the request; a mid-string wildcard is not a pattern AWS\n"
	"Backup evaluates.\n";

const struct rule_example bkp109_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "selection.json", .text =
	"{\n"
	"  \"BackupPlanId\": \"8F81F553-3A74-4A3F-B93D-B3360DC80C50\",\n"
	"  \"BackupSelection\": {\n"
	"    \"SelectionName\": \"logs\",\n"
	"    \"IamRoleArn\": \"arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole\",\n"
	"    \"Resources\": [\"arn:aws:s3:::*-logs\"]\n"
	"  }\n"
	"}\n" },
	{ .kind = EXAMPLE_GOOD, .file = "selection.json", .text =
	"{\n"
	"  \"BackupPlanId\": \"8F81F553-3A74-4A3F-B93D-B3360DC80C50\",\n"
	"  \"BackupSelection\": {\n"
	"    \"SelectionName\": \"logs\",\n"
	"    \"IamRoleArn\": \"arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole\",\n"
	"    \"Resources\": [\"arn:aws:s3:::logs-*\"]\n"
	"  }\n"
	"}\n" },
	EXAMPLES_END
};
