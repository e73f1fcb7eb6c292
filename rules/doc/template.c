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

const char bkp803_doc[] =
	"What it checks: a YAML CloudFormation template uses neither aliases\n"
	"(*name) nor merge keys (<<). (The binary, omap, pairs, set and timestamp\n"
	"tags, which CloudFormation does not read either, are BKP801's.)\n"
	"\n"
	"Why: CloudFormation reads YAML 1.1 without these features, and rejects a\n"
	"template that has them. A warning: a tool that writes the template out\n"
	"again first (aws cloudformation package, rain, the CDK) resolves them.\n";

const struct rule_example bkp803_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "template.yaml", .text =
	"Resources:\n"
	"  Plan:\n"
	"    Type: AWS::Backup::BackupPlan\n"
	"    Properties:\n"
	"      BackupPlan:\n"
	"        BackupPlanName: daily\n"
	"        BackupPlanRule:\n"
	"          - RuleName: daily\n"
	"            TargetBackupVault: Default\n"
	"            ScheduleExpression: cron(0 5 ? * * *)\n"
	"            Lifecycle: &retention\n"
	"              DeleteAfterDays: 35\n"
	"          - RuleName: weekly\n"
	"            TargetBackupVault: Default\n"
	"            ScheduleExpression: cron(0 6 ? * SUN *)\n"
	"            Lifecycle: *retention\n" },
	{ .kind = EXAMPLE_GOOD, .file = "template.yaml", .text =
	"Resources:\n"
	"  Plan:\n"
	"    Type: AWS::Backup::BackupPlan\n"
	"    Properties:\n"
	"      BackupPlan:\n"
	"        BackupPlanName: daily\n"
	"        BackupPlanRule:\n"
	"          - RuleName: daily\n"
	"            TargetBackupVault: Default\n"
	"            ScheduleExpression: cron(0 5 ? * * *)\n"
	"            Lifecycle:\n"
	"              DeleteAfterDays: 35\n"
	"          - RuleName: weekly\n"
	"            TargetBackupVault: Default\n"
	"            ScheduleExpression: cron(0 6 ? * SUN *)\n"
	"            Lifecycle:\n"
	"              DeleteAfterDays: 35\n" },
	EXAMPLES_END
};

const char bkp804_doc[] =
	"What it checks: a whole Ref or Fn::GetAtt (or Fn::Sub \"${Name}\",\n"
	"\"${Name.Attribute}\") of a resource of the template gives the kind of value\n"
	"its member needs: TargetBackupVault a vault's name, DestinationBackupVaultArn\n"
	"a vault's ARN, TargetLogicallyAirGappedBackupVaultArn a logically\n"
	"air-gapped vault's ARN, BackupPlanId a plan's id, IamRoleArn a role's ARN,\n"
	"Resources and NotResources a resource's ARN. What Ref and each attribute\n"
	"give is data (schemas/cfn-types.json): Ref of a vault is its name, Ref of a\n"
	"role its name, !GetAtt Plan.BackupPlanArn an ARN.\n"
	"\n"
	"Why: CloudFormation does not check kinds: the stack fails at deployment\n"
	"with a validation error of AWS Backup, or the selection names nothing.\n";

const struct rule_example bkp804_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "template.yaml", .text =
	"Resources:\n"
	"  Vault:\n"
	"    Type: AWS::Backup::BackupVault\n"
	"    Properties:\n"
	"      BackupVaultName: main\n"
	"  DrVault:\n"
	"    Type: AWS::Backup::BackupVault\n"
	"    Properties:\n"
	"      BackupVaultName: main-copy\n"
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
	"              DeleteAfterDays: 35\n"
	"            CopyActions:\n"
	"              - DestinationBackupVaultArn: !Ref DrVault\n" },
	{ .kind = EXAMPLE_GOOD, .file = "template.yaml", .text =
	"Resources:\n"
	"  Vault:\n"
	"    Type: AWS::Backup::BackupVault\n"
	"    Properties:\n"
	"      BackupVaultName: main\n"
	"  DrVault:\n"
	"    Type: AWS::Backup::BackupVault\n"
	"    Properties:\n"
	"      BackupVaultName: main-copy\n"
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
	"              DeleteAfterDays: 35\n"
	"            CopyActions:\n"
	"              - DestinationBackupVaultArn: !GetAtt DrVault.BackupVaultArn\n" },
	EXAMPLES_END
};

const char bkp805_doc[] =
	"What it checks: Fn::GetAtt and ${Resource.Attribute} in Fn::Sub name an\n"
	"attribute that the resource's type returns, for the types whose attributes\n"
	"are known in full (AWS::Backup::BackupPlan, BackupSelection, BackupVault,\n"
	"LogicallyAirGappedBackupVault, AWS::IAM::Role), with a did-you-mean.\n"
	"\n"
	"Why: CloudFormation rejects the template (\"Template error: resource Vault\n"
	"does not support attribute type Arn\"), after review and merge.\n";

const struct rule_example bkp805_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "template.yaml", .text =
	"Resources:\n"
	"  Vault:\n"
	"    Type: AWS::Backup::BackupVault\n"
	"    Properties:\n"
	"      BackupVaultName: main\n"
	"  DrVault:\n"
	"    Type: AWS::Backup::BackupVault\n"
	"    Properties:\n"
	"      BackupVaultName: main-copy\n"
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
	"              DeleteAfterDays: 35\n"
	"            CopyActions:\n"
	"              - DestinationBackupVaultArn: !GetAtt DrVault.Arn\n" },
	{ .kind = EXAMPLE_GOOD, .file = "template.yaml", .text =
	"Resources:\n"
	"  Vault:\n"
	"    Type: AWS::Backup::BackupVault\n"
	"    Properties:\n"
	"      BackupVaultName: main\n"
	"  DrVault:\n"
	"    Type: AWS::Backup::BackupVault\n"
	"    Properties:\n"
	"      BackupVaultName: main-copy\n"
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
	"              DeleteAfterDays: 35\n"
	"            CopyActions:\n"
	"              - DestinationBackupVaultArn: !GetAtt DrVault.BackupVaultArn\n" },
	EXAMPLES_END
};

const char bkp806_doc[] =
	"What it checks: a resource Type that is not one of the AWS::Backup\n"
	"namespace's but one or two slips away from one (AWS::Backup::BackupVualt),\n"
	"with the type it most likely means. In Terraform: a resource type one or\n"
	"two slips from an aws_backup_* type of the AWS provider (aws_backup_plans),\n"
	"with a fix.\n"
	"\n"
	"Why: CloudFormation and Terraform reject an unknown type, and every other\n"
	"rule skips the resource, so nothing about it is checked until the\n"
	"deployment fails.\n";

const struct rule_example bkp806_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "template.yaml", .text =
	"Resources:\n"
	"  Vault:\n"
	"    Type: AWS::Backup::BackupVualt\n"
	"    Properties:\n"
	"      BackupVaultName: main\n" },
	{ .kind = EXAMPLE_GOOD, .file = "template.yaml", .text =
	"Resources:\n"
	"  Vault:\n"
	"    Type: AWS::Backup::BackupVault\n"
	"    Properties:\n"
	"      BackupVaultName: main\n" },
	EXAMPLES_END
};

const char bkp807_doc[] =
	"What it checks: a Ref, Fn::GetAtt, ${Name} of Fn::Sub or DependsOn of a\n"
	"resource or output names a resource that has a Condition, where the\n"
	"referring side does not hold under it: no Condition that implies it\n"
	"(the same one, or an Fn::And that includes it) and no Fn::If on it around\n"
	"the reference. An error when the referring side has no condition at all,\n"
	"a warning when its own condition may still imply the other.\n"
	"\n"
	"Why: when the condition is false the resource does not exist, and the stack\n"
	"fails with an unresolved resource dependency.\n";

const struct rule_example bkp807_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "template.yaml", .text =
	"Parameters:\n"
	"  CopyToDr:\n"
	"    Type: String\n"
	"    AllowedValues: [\"true\", \"false\"]\n"
	"Conditions:\n"
	"  HasDr: !Equals [!Ref CopyToDr, \"true\"]\n"
	"Resources:\n"
	"  DrVault:\n"
	"    Type: AWS::Backup::BackupVault\n"
	"    Condition: HasDr\n"
	"    Properties:\n"
	"      BackupVaultName: main-copy\n"
	"  Plan:\n"
	"    Type: AWS::Backup::BackupPlan\n"
	"    Properties:\n"
	"      BackupPlan:\n"
	"        BackupPlanName: daily\n"
	"        BackupPlanRule:\n"
	"          - RuleName: daily\n"
	"            TargetBackupVault: Default\n"
	"            ScheduleExpression: cron(0 5 ? * * *)\n"
	"            Lifecycle:\n"
	"              DeleteAfterDays: 35\n"
	"            CopyActions:\n"
	"              - DestinationBackupVaultArn: !GetAtt DrVault.BackupVaultArn\n" },
	{ .kind = EXAMPLE_GOOD, .file = "template.yaml", .text =
	"Parameters:\n"
	"  CopyToDr:\n"
	"    Type: String\n"
	"    AllowedValues: [\"true\", \"false\"]\n"
	"Conditions:\n"
	"  HasDr: !Equals [!Ref CopyToDr, \"true\"]\n"
	"Resources:\n"
	"  DrVault:\n"
	"    Type: AWS::Backup::BackupVault\n"
	"    Condition: HasDr\n"
	"    Properties:\n"
	"      BackupVaultName: main-copy\n"
	"  Plan:\n"
	"    Type: AWS::Backup::BackupPlan\n"
	"    Properties:\n"
	"      BackupPlan:\n"
	"        BackupPlanName: daily\n"
	"        BackupPlanRule:\n"
	"          - RuleName: daily\n"
	"            TargetBackupVault: Default\n"
	"            ScheduleExpression: cron(0 5 ? * * *)\n"
	"            Lifecycle:\n"
	"              DeleteAfterDays: 35\n"
	"            CopyActions: !If\n"
	"              - HasDr\n"
	"              - - DestinationBackupVaultArn: !GetAtt DrVault.BackupVaultArn\n"
	"              - !Ref AWS::NoValue\n" },
	EXAMPLES_END
};

const char bkp808_doc[] =
	"What it checks: the vaults of one template (AWS::Backup::BackupVault and\n"
	"LogicallyAirGappedBackupVault) have different BackupVaultNames.\n"
	"\n"
	"Why: a vault name is unique in an account and Region: the stack fails to\n"
	"create the second vault (AlreadyExistsException).\n";

const struct rule_example bkp808_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "template.yaml", .text =
	"Resources:\n"
	"  Vault:\n"
	"    Type: AWS::Backup::BackupVault\n"
	"    Properties:\n"
	"      BackupVaultName: main\n"
	"  ComplianceVault:\n"
	"    Type: AWS::Backup::BackupVault\n"
	"    Properties:\n"
	"      BackupVaultName: main\n"
	"      LockConfiguration:\n"
	"        MinRetentionDays: 365\n" },
	{ .kind = EXAMPLE_GOOD, .file = "template.yaml", .text =
	"Resources:\n"
	"  Vault:\n"
	"    Type: AWS::Backup::BackupVault\n"
	"    Properties:\n"
	"      BackupVaultName: main\n"
	"  ComplianceVault:\n"
	"    Type: AWS::Backup::BackupVault\n"
	"    Properties:\n"
	"      BackupVaultName: compliance\n"
	"      LockConfiguration:\n"
	"        MinRetentionDays: 365\n" },
	EXAMPLES_END
};
