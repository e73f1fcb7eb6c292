/* selection.c - documentation of the selection rules (BKP308-BKP310): what
 * each checks and why, and complete Bad and Good documents, which
 * testdata/rules/check-examples.sh runs through the binary. */
#include "doc.h"

const char bkp308_doc[] =
	"What it checks: a selection has a non-empty Resources or ListOfTags.\n"
	"Conditions alone narrow what Resources selects and select nothing on their\n"
	"own (Resources: [\"*\"] with Conditions selects by the conditions); a\n"
	"selection of no Resources, ListOfTags or Conditions at all is reported\n"
	"too.\n"
	"\n"
	"Why: the API has rejected such selections (\"Invalid backup selection.\n"
	"Either 'ListOfTags' or 'Resources' section must be non-empty\", reported by\n"
	"Terraform users in 2022 and 2023), and the API reference now says a\n"
	"selection of no conditions, tags or resources selects every supported and\n"
	"opted-in resource of the account. Either way the plan does not protect\n"
	"what was meant: a warning, as AWS's behaviour has changed over time.\n";

const struct rule_example bkp308_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "selection.yaml", .text =
	"SelectionName: production\n"
	"IamRoleArn: arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole\n"
	"Conditions:\n"
	"  StringEquals:\n"
	"    - ConditionKey: aws:ResourceTag/environment\n"
	"      ConditionValue: production\n" },
	{ .kind = EXAMPLE_GOOD, .file = "template.yaml", .text =
	"SelectionName: production\n"
	"IamRoleArn: arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole\n"
	"Resources:\n"
	"  - \"*\"\n"
	"Conditions:\n"
	"  StringEquals:\n"
	"    - ConditionKey: aws:ResourceTag/environment\n"
	"      ConditionValue: production\n" },
	EXAMPLES_END
};

const char bkp309_doc[] =
	"What it checks: the ConditionKey of ListOfTags and Conditions entries. AWS\n"
	"Backup matches a resource's tags as aws:ResourceTag/KEY (or, in\n"
	"ListOfTags, the bare KEY); a key such as aws:tag/KEY or aws:RequestTag/KEY\n"
	"names no tag of a resource.\n"
	"\n"
	"Why: the selection is accepted but selects nothing through that condition,\n"
	"so the resources meant to be protected silently get no backup.\n";

const struct rule_example bkp309_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "template.yaml", .text =
	"SelectionName: production\n"
	"IamRoleArn: arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole\n"
	"Resources:\n"
	"  - \"*\"\n"
	"Conditions:\n"
	"  StringEquals:\n"
	"    - ConditionKey: aws:tag/environment\n"
	"      ConditionValue: production\n" },
	{ .kind = EXAMPLE_GOOD, .file = "template.yaml", .text =
	"SelectionName: production\n"
	"IamRoleArn: arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole\n"
	"Resources:\n"
	"  - \"*\"\n"
	"Conditions:\n"
	"  StringEquals:\n"
	"    - ConditionKey: aws:ResourceTag/environment\n"
	"      ConditionValue: production\n" },
	EXAMPLES_END
};

const char bkp310_doc[] =
	"What it checks: the selections linked to one plan (in a template, across\n"
	"the documents of a run) have different SelectionNames.\n"
	"\n"
	"Why: the console, the backup jobs and the reports name a plan's selections\n"
	"by their names, so two of one name cannot be told apart; when both are\n"
	"meant, one of them is usually a copy-paste that was not renamed.\n";

const struct rule_example bkp310_examples[] = {
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
	"            Lifecycle:\n"
	"              DeleteAfterDays: 35\n"
	"  Databases:\n"
	"    Type: AWS::Backup::BackupSelection\n"
	"    Properties:\n"
	"      BackupPlanId: !Ref Plan\n"
	"      BackupSelection:\n"
	"        SelectionName: production\n"
	"        IamRoleArn: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/service-role/AWSBackupDefaultServiceRole\n"
	"        Resources:\n"
	"          - !Sub arn:${AWS::Partition}:rds:${AWS::Region}:${AWS::AccountId}:db:orders\n"
	"  Volumes:\n"
	"    Type: AWS::Backup::BackupSelection\n"
	"    Properties:\n"
	"      BackupPlanId: !Ref Plan\n"
	"      BackupSelection:\n"
	"        SelectionName: production\n"
	"        IamRoleArn: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/service-role/AWSBackupDefaultServiceRole\n"
	"        Resources:\n"
	"          - !Sub arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:volume/vol-0abc1234def567890\n" },
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
	"  Databases:\n"
	"    Type: AWS::Backup::BackupSelection\n"
	"    Properties:\n"
	"      BackupPlanId: !Ref Plan\n"
	"      BackupSelection:\n"
	"        SelectionName: production-databases\n"
	"        IamRoleArn: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/service-role/AWSBackupDefaultServiceRole\n"
	"        Resources:\n"
	"          - !Sub arn:${AWS::Partition}:rds:${AWS::Region}:${AWS::AccountId}:db:orders\n"
	"  Volumes:\n"
	"    Type: AWS::Backup::BackupSelection\n"
	"    Properties:\n"
	"      BackupPlanId: !Ref Plan\n"
	"      BackupSelection:\n"
	"        SelectionName: production-volumes\n"
	"        IamRoleArn: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/service-role/AWSBackupDefaultServiceRole\n"
	"        Resources:\n"
	"          - !Sub arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:volume/vol-0abc1234def567890\n" },
	EXAMPLES_END
};
