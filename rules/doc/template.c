/* template.c - documentation of the CloudFormation template rules (BKP8xx):
 * what each checks and why, and complete Bad and Good documents, which
 * testdata/rules/check-examples.sh runs through the binary. */
#include "doc.h"

const char bkp801_doc[] =
	"What it checks: CloudFormation intrinsic functions have the arguments\n"
	"CloudFormation requires: Fn::If [condition, then, else], Fn::Join\n"
	"[delimiter, list], Fn::Select [index, list], Fn::Split [delimiter, string],\n"
	"Fn::FindInMap [map, key, key], Fn::Equals [a, b], Fn::And/Fn::Or 2 to 10\n"
	"conditions, Fn::Not [condition], Fn::Cidr [block, count, bits], Ref a name,\n"
	"Fn::GetAtt Resource.Attribute, Fn::Sub a string or [string, {vars}]; and\n"
	"that every YAML tag is one CloudFormation (or YAML) knows.\n\n"
	"Why: every other rule reads an intrinsic as \"a value known at deploy\n"
	"time\" and stays quiet about it, so a malformed one would pass until\n"
	"CloudFormation rejects the stack with \"Template error\".\n";

const struct rule_example bkp801_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "template.yaml", .text =
	"Parameters:\n"
	"  Environment:\n"
	"    Type: String\n"
	"    AllowedValues: [prod, test]\n"
	"Conditions:\n"
	"  IsProd: !Equals [!Ref Environment, prod]\n"
	"Resources:\n"
	"  Vault:\n"
	"    Type: AWS::Backup::BackupVault\n"
	"    Properties:\n"
	"      BackupVaultName: main\n"
	"  Plan:\n"
	"    Type: AWS::Backup::BackupPlan\n"
	"    Properties:\n"
	"      BackupPlan:\n"
	"        BackupPlanName: daily\n"
	"        BackupPlanRule:\n"
	"          - RuleName: daily\n"
	"            TargetBackupVault: !GetAtt Vault\n"
	"            ScheduleExpression: cron(0 5 ? * * *)\n"
	"            Lifecycle:\n"
	"              DeleteAfterDays: !If [IsProd, 35]\n" },
	{ .kind = EXAMPLE_GOOD, .file = "template.yaml", .text =
	"Parameters:\n"
	"  Environment:\n"
	"    Type: String\n"
	"    AllowedValues: [prod, test]\n"
	"Conditions:\n"
	"  IsProd: !Equals [!Ref Environment, prod]\n"
	"Resources:\n"
	"  Vault:\n"
	"    Type: AWS::Backup::BackupVault\n"
	"    Properties:\n"
	"      BackupVaultName: main\n"
	"  Plan:\n"
	"    Type: AWS::Backup::BackupPlan\n"
	"    Properties:\n"
	"      BackupPlan:\n"
	"        BackupPlanName: daily\n"
	"        BackupPlanRule:\n"
	"          - RuleName: daily\n"
	"            TargetBackupVault: !GetAtt Vault.BackupVaultName\n"
	"            ScheduleExpression: cron(0 5 ? * * *)\n"
	"            Lifecycle:\n"
	"              DeleteAfterDays: !If [IsProd, 35, 7]\n" },
	EXAMPLES_END
};

const char bkp802_doc[] =
	"What it checks: the names used by Ref, Fn::GetAtt, the ${Name} and\n"
	"${Resource.Attribute} variables of Fn::Sub, Fn::If and Condition, Fn::FindInMap\n"
	"and DependsOn exist in the template's Parameters, Resources, Conditions or\n"
	"Mappings (or are pseudo parameters such as AWS::Region), with a did-you-mean.\n"
	"Templates with a Transform are skipped: a macro may define the names.\n\n"
	"Why: a misspelt logical id fails the whole deployment (\"Unresolved resource\n"
	"dependencies\"), after the change has been reviewed and merged.\n";

const struct rule_example bkp802_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "template.yaml", .text =
	"Resources:\n"
	"  BackupVault:\n"
	"    Type: AWS::Backup::BackupVault\n"
	"    Properties:\n"
	"      BackupVaultName: main\n"
	"  Plan:\n"
	"    Type: AWS::Backup::BackupPlan\n"
	"    Properties:\n"
	"      BackupPlan:\n"
	"        BackupPlanName: daily\n"
	"        BackupPlanRule:\n"
	"          - RuleName: daily\n"
	"            TargetBackupVault: !Ref BackupVualt\n"
	"            ScheduleExpression: cron(0 5 ? * * *)\n"
	"            Lifecycle:\n"
	"              DeleteAfterDays: 35\n" },
	{ .kind = EXAMPLE_GOOD, .file = "template.yaml", .text =
	"Resources:\n"
	"  BackupVault:\n"
	"    Type: AWS::Backup::BackupVault\n"
	"    Properties:\n"
	"      BackupVaultName: main\n"
	"  Plan:\n"
	"    Type: AWS::Backup::BackupPlan\n"
	"    Properties:\n"
	"      BackupPlan:\n"
	"        BackupPlanName: daily\n"
	"        BackupPlanRule:\n"
	"          - RuleName: daily\n"
	"            TargetBackupVault: !Ref BackupVault\n"
	"            ScheduleExpression: cron(0 5 ? * * *)\n"
	"            Lifecycle:\n"
	"              DeleteAfterDays: 35\n" },
	EXAMPLES_END
};
