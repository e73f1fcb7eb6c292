/* region.c - documentation of the Region rules (BKP2xx): what each checks
 * and why, and complete Bad and Good documents, which
 * testdata/rules/check-examples.sh runs through the binary. */
#include "doc.h"

const char bkp201_doc[] =
	"What it checks: the Region field of BackupPlanArn, RecoveryPointArn and\n"
	"every DestinationBackupVaultArn is a Region of some AWS partition (aws,\n"
	"aws-cn, aws-us-gov, the ISO partitions, aws-eusc), with a suggestion for\n"
	"near misses.\n\n"
	"Why: a misspelt Region makes the copy fail at run time, when the backup\n"
	"you were counting on is already missing from the other Region.\n";

const struct rule_example bkp201_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.yaml", .text =
	"BackupPlan:\n"
	"  BackupPlanName: daily\n"
	"  Rules:\n"
	"    - RuleName: daily\n"
	"      TargetBackupVaultName: Default\n"
	"      ScheduleExpression: cron(0 5 ? * * *)\n"
	"      Lifecycle:\n"
	"        DeleteAfterDays: 35\n"
	"      CopyActions:\n"
	"        - DestinationBackupVaultArn: arn:aws:backup:us-est-1:111122223333:backup-vault:dr\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.yaml", .text =
	"BackupPlan:\n"
	"  BackupPlanName: daily\n"
	"  Rules:\n"
	"    - RuleName: daily\n"
	"      TargetBackupVaultName: Default\n"
	"      ScheduleExpression: cron(0 5 ? * * *)\n"
	"      Lifecycle:\n"
	"        DeleteAfterDays: 35\n"
	"      CopyActions:\n"
	"        - DestinationBackupVaultArn: arn:aws:backup:us-east-1:111122223333:backup-vault:dr\n" },
	EXAMPLES_END
};

const char bkp202_doc[] =
	"What it checks: the Regions of BackupPlanArn, RecoveryPointArn and each\n"
	"DestinationBackupVaultArn offer AWS Backup: the Regions of botocore\n"
	"1.43.67 (every Region but eu-isoe-west-1). The cross-Region copy guide\n"
	"does not say where AWS Backup is offered, so --facts spec takes today's\n"
	"list too: a copy to Europe (Zurich) is no error under either dataset.\n\n"
	"Why: there is no vault to copy to in a Region without AWS Backup.\n";

const struct rule_example bkp202_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "copy-job.yaml", .text =
	"RecoveryPointArn: arn:aws-iso-e:backup:eu-isoe-west-1:111122223333:recovery-point:4e2b6c1f-8a3d-4c5e-9f70-1a2b3c4d5e6f\n"
	"SourceBackupVaultName: main\n"
	"DestinationBackupVaultArn: arn:aws-iso-e:backup:eu-isoe-west-1:111122223333:backup-vault:dr\n"
	"IamRoleArn: arn:aws-iso-e:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.yaml",
	  .args = "--facts spec --region eu-central-1", .text =
	"BackupPlan:\n"
	"  BackupPlanName: paris-dr\n"
	"  Rules:\n"
	"    - RuleName: daily\n"
	"      TargetBackupVaultName: Default\n"
	"      ScheduleExpression: cron(0 5 ? * * *)\n"
	"      Lifecycle:\n"
	"        DeleteAfterDays: 35\n"
	"      CopyActions:\n"
	"        - DestinationBackupVaultArn: arn:aws:backup:eu-west-3:111122223333:backup-vault:dr\n" },
	EXAMPLES_END
};

const char bkp203_doc[] =
	"What it checks: a copy whose destination Region differs from the source\n"
	"Region (from BackupPlanArn or RecoveryPointArn, else --region) neither\n"
	"starts nor ends in a Region where the dataset says cross-Region copy is\n"
	"not offered. spec: Asia Pacific (Hong Kong), Middle East (Bahrain),\n"
	"Europe (Milan) and Africa (Cape Town). current: none (the by-Region table\n"
	"now lists cross-Region copy in all four).\n\n"
	"Why: AWS Backup rejects or fails such copies, leaving no copy at all.\n\n"
	"Fix: copy within the Region (to another account, as in the Good example,\n"
	"or to another vault), or back up in a Region that offers cross-Region copy.\n";

const struct rule_example bkp203_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.yaml",
	  .args = "--facts spec --region eu-south-1", .text =
	"BackupPlan:\n"
	"  BackupPlanName: milan-dr\n"
	"  Rules:\n"
	"    - RuleName: daily\n"
	"      TargetBackupVaultName: Default\n"
	"      ScheduleExpression: cron(0 5 ? * * *)\n"
	"      Lifecycle:\n"
	"        DeleteAfterDays: 35\n"
	"      CopyActions:\n"
	"        - DestinationBackupVaultArn: arn:aws:backup:eu-west-1:111122223333:backup-vault:dr\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.yaml",
	  .args = "--facts spec --region eu-south-1", .text =
	"BackupPlan:\n"
	"  BackupPlanName: milan-dr\n"
	"  Rules:\n"
	"    - RuleName: daily\n"
	"      TargetBackupVaultName: Default\n"
	"      ScheduleExpression: cron(0 5 ? * * *)\n"
	"      Lifecycle:\n"
	"        DeleteAfterDays: 35\n"
	"      CopyActions:\n"
	"        - DestinationBackupVaultArn: arn:aws:backup:eu-south-1:444455556666:backup-vault:dr\n" },
	EXAMPLES_END
};

const char bkp204_doc[] =
	"What it checks: a copy's destination vault is in the same partition as its\n"
	"source, and the partition field of DestinationBackupVaultArn is the\n"
	"partition of its Region. China and GovCloud Regions copy only among\n"
	"themselves.\n\n"
	"Why: partitions are separate clouds with separate accounts; AWS Backup\n"
	"cannot copy between them.\n";

const struct rule_example bkp204_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.yaml",
	  .args = "--region us-east-1", .text =
	"BackupPlan:\n"
	"  BackupPlanName: daily\n"
	"  Rules:\n"
	"    - RuleName: daily\n"
	"      TargetBackupVaultName: Default\n"
	"      ScheduleExpression: cron(0 5 ? * * *)\n"
	"      Lifecycle:\n"
	"        DeleteAfterDays: 35\n"
	"      CopyActions:\n"
	"        - DestinationBackupVaultArn: arn:aws-cn:backup:cn-north-1:111122223333:backup-vault:dr\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.yaml",
	  .args = "--region us-east-1", .text =
	"BackupPlan:\n"
	"  BackupPlanName: daily\n"
	"  Rules:\n"
	"    - RuleName: daily\n"
	"      TargetBackupVaultName: Default\n"
	"      ScheduleExpression: cron(0 5 ? * * *)\n"
	"      Lifecycle:\n"
	"        DeleteAfterDays: 35\n"
	"      CopyActions:\n"
	"        - DestinationBackupVaultArn: arn:aws:backup:us-west-2:111122223333:backup-vault:dr\n" },
	EXAMPLES_END
};

const char bkp205_doc[] =
	"What it checks: a copy action (or StartCopyJob) whose destination vault is\n"
	"the rule's own target vault (SourceBackupVaultName for a copy job) in the\n"
	"same Region and account. In CloudFormation, a destination written as\n"
	"!GetAtt Vault.BackupVaultArn or with ${AWS::Region} is the stack's own.\n\n"
	"Why: the copy adds nothing to recovery (same vault, same Region, same\n"
	"account) and doubles storage cost; it usually means the wrong vault ARN\n"
	"was pasted.\n";

const struct rule_example bkp205_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.yaml",
	  .args = "--region us-east-1 --account 111122223333", .text =
	"BackupPlan:\n"
	"  BackupPlanName: daily\n"
	"  Rules:\n"
	"    - RuleName: daily\n"
	"      TargetBackupVaultName: main\n"
	"      ScheduleExpression: cron(0 5 ? * * *)\n"
	"      Lifecycle:\n"
	"        DeleteAfterDays: 35\n"
	"      CopyActions:\n"
	"        - DestinationBackupVaultArn: arn:aws:backup:us-east-1:111122223333:backup-vault:main\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.yaml",
	  .args = "--region us-east-1 --account 111122223333", .text =
	"BackupPlan:\n"
	"  BackupPlanName: daily\n"
	"  Rules:\n"
	"    - RuleName: daily\n"
	"      TargetBackupVaultName: main\n"
	"      ScheduleExpression: cron(0 5 ? * * *)\n"
	"      Lifecycle:\n"
	"        DeleteAfterDays: 35\n"
	"      CopyActions:\n"
	"        - DestinationBackupVaultArn: arn:aws:backup:us-west-2:111122223333:backup-vault:dr\n" },
	EXAMPLES_END
};

const char bkp206_doc[] =
	"What it checks: a copy to another account (accounts from the ARNs, else\n"
	"--account) neither starts nor ends in a Region where the dataset says\n"
	"cross-account copy is not offered. current: China (Beijing) and China\n"
	"(Ningxia). spec: the guide does not say, so the same, from current.\n\n"
	"Why: the copy job fails; the backup never reaches the other account.\n";

const struct rule_example bkp206_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.yaml",
	  .args = "--facts current --region cn-north-1 --account 111122223333", .text =
	"BackupPlan:\n"
	"  BackupPlanName: central-copy\n"
	"  Rules:\n"
	"    - RuleName: daily\n"
	"      TargetBackupVaultName: main\n"
	"      ScheduleExpression: cron(0 5 ? * * *)\n"
	"      Lifecycle:\n"
	"        DeleteAfterDays: 35\n"
	"      CopyActions:\n"
	"        - DestinationBackupVaultArn: arn:aws-cn:backup:cn-north-1:444455556666:backup-vault:central\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.yaml",
	  .args = "--facts current --region cn-north-1 --account 111122223333", .text =
	"BackupPlan:\n"
	"  BackupPlanName: central-copy\n"
	"  Rules:\n"
	"    - RuleName: daily\n"
	"      TargetBackupVaultName: main\n"
	"      ScheduleExpression: cron(0 5 ? * * *)\n"
	"      Lifecycle:\n"
	"        DeleteAfterDays: 35\n"
	"      CopyActions:\n"
	"        - DestinationBackupVaultArn: arn:aws-cn:backup:cn-northwest-1:111122223333:backup-vault:dr\n" },
	EXAMPLES_END
};

const char bkp207_doc[] =
	"What it checks: every ARN in the Resources of a selection linked to a plan\n"
	"(same template, same BackupPlanId, or the run's only plan) is in the plan's\n"
	"Region. The plan's Region is the document's (BackupPlanArn; in\n"
	"CloudFormation ${AWS::Region}, the stack's own), else the one Region\n"
	"every literal ARN of its selections agrees on, else --region. A --region\n"
	"its selections contradict gets one info, not an error per resource: the\n"
	"error is kept for a Region the document states, or selections that\n"
	"disagree among themselves.\n\n"
	"Why: a backup plan protects only resources in its own Region; a resource\n"
	"of another Region is silently skipped and never backed up.\n\n"
	"Fix: deploy the plan in the resource's Region, and in a template name the\n"
	"resource through the stack (!GetAtt, or ${AWS::Region} in Fn::Sub) so that\n"
	"it is always in the plan's Region.\n";

const struct rule_example bkp207_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "template.yaml",
	  .args = "--region us-east-1", .text =
	"Resources:\n"
	"  Plan:\n"
	"    Type: AWS::Backup::BackupPlan\n"
	"    Properties:\n"
	"      BackupPlan:\n"
	"        BackupPlanName: orders\n"
	"        BackupPlanRule:\n"
	"          - RuleName: daily\n"
	"            TargetBackupVault: Default\n"
	"            ScheduleExpression: cron(0 5 ? * * *)\n"
	"            Lifecycle:\n"
	"              DeleteAfterDays: 35\n"
	"  Selection:\n"
	"    Type: AWS::Backup::BackupSelection\n"
	"    Properties:\n"
	"      BackupPlanId: !Ref Plan\n"
	"      BackupSelection:\n"
	"        SelectionName: orders\n"
	"        IamRoleArn: !Sub \"arn:${AWS::Partition}:iam::${AWS::AccountId}:role/service-role/AWSBackupDefaultServiceRole\"\n"
	"        Resources:\n"
	"          - arn:aws:dynamodb:us-west-2:111122223333:table/Orders\n" },
	{ .kind = EXAMPLE_GOOD, .file = "template.yaml",
	  .args = "--region us-west-2", .text =
	"Resources:\n"
	"  Plan:\n"
	"    Type: AWS::Backup::BackupPlan\n"
	"    Properties:\n"
	"      BackupPlan:\n"
	"        BackupPlanName: orders\n"
	"        BackupPlanRule:\n"
	"          - RuleName: daily\n"
	"            TargetBackupVault: Default\n"
	"            ScheduleExpression: cron(0 5 ? * * *)\n"
	"            Lifecycle:\n"
	"              DeleteAfterDays: 35\n"
	"  Selection:\n"
	"    Type: AWS::Backup::BackupSelection\n"
	"    Properties:\n"
	"      BackupPlanId: !Ref Plan\n"
	"      BackupSelection:\n"
	"        SelectionName: orders\n"
	"        IamRoleArn: !Sub \"arn:${AWS::Partition}:iam::${AWS::AccountId}:role/service-role/AWSBackupDefaultServiceRole\"\n"
	"        Resources:\n"
	"          - !Sub \"arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/Orders\"\n" },
	EXAMPLES_END
};

const char bkp208_doc[] =
	"What it checks: a rule's TargetLogicallyAirGappedBackupVaultArn names a\n"
	"vault in the plan's own Region and account (the plan's Region from\n"
	"BackupPlanArn, the Region its selected ARNs agree on, or --region; its\n"
	"account from the selections' IamRoleArn or --account).\n"
	"\n"
	"Why: AWS Backup copies a rule's recovery points into its logically\n"
	"air-gapped vault as part of the backup job, in the plan's account and\n"
	"Region; a vault anywhere else is reached by a copy action, not by this\n"
	"member, and the plan is rejected or the job fails.\n";

const struct rule_example bkp208_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "template.yaml",
	  .args = "--region us-east-1", .text =
	"BackupPlan:\n"
	"  BackupPlanName: daily\n"
	"  Rules:\n"
	"    - RuleName: daily\n"
	"      TargetBackupVaultName: Default\n"
	"      TargetLogicallyAirGappedBackupVaultArn: arn:aws:backup:us-west-2:111122223333:backup-vault:air-gapped\n"
	"      ScheduleExpression: cron(0 5 ? * * *)\n"
	"      Lifecycle:\n"
	"        DeleteAfterDays: 35\n"
	"---\n"
	"SelectionName: volumes\n"
	"IamRoleArn: arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole\n"
	"Resources:\n"
	"  - arn:aws:ec2:us-east-1:111122223333:volume/vol-0abc1234def567890\n" },
	{ .kind = EXAMPLE_GOOD, .file = "template.yaml",
	  .args = "--region us-east-1", .text =
	"BackupPlan:\n"
	"  BackupPlanName: daily\n"
	"  Rules:\n"
	"    - RuleName: daily\n"
	"      TargetBackupVaultName: Default\n"
	"      TargetLogicallyAirGappedBackupVaultArn: arn:aws:backup:us-east-1:111122223333:backup-vault:air-gapped\n"
	"      ScheduleExpression: cron(0 5 ? * * *)\n"
	"      Lifecycle:\n"
	"        DeleteAfterDays: 35\n"
	"---\n"
	"SelectionName: volumes\n"
	"IamRoleArn: arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole\n"
	"Resources:\n"
	"  - arn:aws:ec2:us-east-1:111122223333:volume/vol-0abc1234def567890\n" },
	EXAMPLES_END
};
