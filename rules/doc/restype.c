/* restype.c - documentation of the resource type rules (BKP3xx): what each
 * checks and why, and complete Bad and Good documents, which
 * testdata/rules/check-examples.sh runs through the binary. */
#include "doc.h"

const char bkp301_doc[] =
	"What it checks: a plan whose selections include DynamoDB tables has no copy\n"
	"action to another Region, and a StartCopyJob of a DynamoDB backup stays in\n"
	"its Region. Selections are linked to plans in a CloudFormation template\n"
	"(BackupPlanId !Ref/!GetAtt), across the documents of a run (BackupPlanId),\n"
	"or as the run's only plan. Known tables give an error; a selection that\n"
	"only may include tables (Resources \"*\", tags) one info per plan, and\n"
	"none when its NotResources takes all tables out. spec: never\n"
	"(\"DynamoDB does not support cross-Region backup\"). current: only with AWS\n"
	"Backup advanced features for DynamoDB enabled (one severity lower).\n\n"
	"Why: the copy job fails for every table, every day, and the disaster\n"
	"recovery copy you planned on does not exist.\n\n"
	"Fix: keep the tables' backups in their Region (a DynamoDB global table is\n"
	"the way to another Region); under --facts current, enabling advanced\n"
	"features for DynamoDB in AWS Backup allows the copy.\n";

const struct rule_example bkp301_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.yaml",
	  .args = "--region us-east-1", .text =
	"BackupPlan:\n"
	"  BackupPlanName: orders\n"
	"  Rules:\n"
	"    - RuleName: daily\n"
	"      TargetBackupVaultName: Default\n"
	"      ScheduleExpression: cron(0 5 ? * * *)\n"
	"      Lifecycle:\n"
	"        DeleteAfterDays: 35\n"
	"      CopyActions:\n"
	"        - DestinationBackupVaultArn: arn:aws:backup:us-west-2:111122223333:backup-vault:dr\n"
	"---\n"
	"SelectionName: orders\n"
	"IamRoleArn: arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole\n"
	"Resources:\n"
	"  - arn:aws:dynamodb:us-east-1:111122223333:table/Orders\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.yaml",
	  .args = "--region us-east-1", .text =
	"# DynamoDB tables stay in their Region's vault; a replica in another\n"
	"# Region is a global table's job.\n"
	"BackupPlan:\n"
	"  BackupPlanName: orders\n"
	"  Rules:\n"
	"    - RuleName: daily\n"
	"      TargetBackupVaultName: Default\n"
	"      ScheduleExpression: cron(0 5 ? * * *)\n"
	"      Lifecycle:\n"
	"        DeleteAfterDays: 35\n"
	"---\n"
	"SelectionName: orders\n"
	"IamRoleArn: arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole\n"
	"Resources:\n"
	"  - arn:aws:dynamodb:us-east-1:111122223333:table/Orders\n" },
	EXAMPLES_END
};

const char bkp302_doc[] =
	"What it checks: a Lifecycle (of a rule or a copy action) with\n"
	"MoveToColdStorageAfterDays in a plan whose selections include resource\n"
	"types that do not transition to cold storage; the message names them.\n"
	"spec: only EFS goes to cold storage (the guide). current: EFS; DynamoDB\n"
	"with advanced features; EBS in a Lifecycle with\n"
	"OptInToArchiveForSupportedResources: true (its archive tier); not RDS,\n"
	"Aurora, S3, EC2, FSx, DocumentDB, Neptune, Storage Gateway, Redshift, EKS.\n"
	"A Lifecycle with OptInToArchiveForSupportedResources is written for\n"
	"today's AWS, so spec takes the EBS archive tier from current. Types a\n"
	"selection only may include (tags, \"*\") give one info per plan, listing\n"
	"its rules.\n\n"
	"Why: AWS silently ignores the setting for those types, so the cost savings\n"
	"(and the retention arithmetic) you planned on do not happen.\n";

const struct rule_example bkp302_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.yaml", .text =
	"BackupPlan:\n"
	"  BackupPlanName: databases\n"
	"  Rules:\n"
	"    - RuleName: monthly\n"
	"      TargetBackupVaultName: Default\n"
	"      ScheduleExpression: cron(0 5 1 * ? *)\n"
	"      Lifecycle:\n"
	"        MoveToColdStorageAfterDays: 30\n"
	"        DeleteAfterDays: 365\n"
	"---\n"
	"SelectionName: databases\n"
	"IamRoleArn: arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole\n"
	"Resources:\n"
	"  - arn:aws:rds:us-east-1:111122223333:db:orders\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.yaml", .text =
	"BackupPlan:\n"
	"  BackupPlanName: databases\n"
	"  Rules:\n"
	"    - RuleName: monthly\n"
	"      TargetBackupVaultName: Default\n"
	"      ScheduleExpression: cron(0 5 1 * ? *)\n"
	"      Lifecycle:\n"
	"        DeleteAfterDays: 365\n"
	"---\n"
	"SelectionName: databases\n"
	"IamRoleArn: arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole\n"
	"Resources:\n"
	"  - arn:aws:rds:us-east-1:111122223333:db:orders\n" },
	EXAMPLES_END
};

const char bkp303_doc[] =
	"What it checks: each ARN in a selection's Resources is of a service and\n"
	"resource type AWS Backup protects (schemas/resource-types.json: EC2\n"
	"instances, EBS volumes, EFS and FSx file systems, RDS instances, Aurora,\n"
	"DocumentDB and Neptune clusters, DynamoDB tables, S3 buckets, ...), and\n"
	"that the dataset lists the type as protected (the guide names no such\n"
	"list, so spec takes today's from current). An S3 ARN with a '/' names\n"
	"objects, not a bucket, and selects nothing.\n\n"
	"Why: AWS Backup skips resources it cannot protect without failing the\n"
	"plan, so nothing tells you the resource has no backup.\n";

const struct rule_example bkp303_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "selection.yaml", .text =
	"SelectionName: volumes\n"
	"IamRoleArn: arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole\n"
	"Resources:\n"
	"  - arn:aws:ec2:us-east-1:111122223333:snapshot/snap-0123456789abcdef0\n" },
	{ .kind = EXAMPLE_GOOD, .file = "selection.yaml", .text =
	"SelectionName: volumes\n"
	"IamRoleArn: arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole\n"
	"Resources:\n"
	"  - arn:aws:ec2:us-east-1:111122223333:volume/vol-0123456789abcdef0\n" },
	EXAMPLES_END
};

const char bkp304_doc[] =
	"What it checks: a plan whose selections include Amazon RDS DB instances\n"
	"and that copies to another Region.\n\n"
	"Why: AWS Backup copies the snapshot but not the instance's custom option\n"
	"group; a restore in the other Region needs the option group created there\n"
	"first, which is easy to discover only during an outage.\n\n"
	"Fix: create the option group in the destination Region, then turn the\n"
	"reminder off (--disable rds-option-groups-not-copied, as in the Good\n"
	"example).\n";

const struct rule_example bkp304_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.yaml",
	  .args = "--region us-east-1", .text =
	"BackupPlan:\n"
	"  BackupPlanName: databases\n"
	"  Rules:\n"
	"    - RuleName: daily\n"
	"      TargetBackupVaultName: Default\n"
	"      ScheduleExpression: cron(0 5 ? * * *)\n"
	"      Lifecycle:\n"
	"        DeleteAfterDays: 35\n"
	"      CopyActions:\n"
	"        - DestinationBackupVaultArn: arn:aws:backup:us-west-2:111122223333:backup-vault:dr\n"
	"---\n"
	"SelectionName: databases\n"
	"IamRoleArn: arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole\n"
	"Resources:\n"
	"  - arn:aws:rds:us-east-1:111122223333:db:orders\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.yaml",
	  .args = "--region us-east-1 --disable rds-option-groups-not-copied", .text =
	"# The option group of db:orders exists in us-west-2 too (created with the\n"
	"# database's stack there), so the reminder is turned off.\n"
	"BackupPlan:\n"
	"  BackupPlanName: databases\n"
	"  Rules:\n"
	"    - RuleName: daily\n"
	"      TargetBackupVaultName: Default\n"
	"      ScheduleExpression: cron(0 5 ? * * *)\n"
	"      Lifecycle:\n"
	"        DeleteAfterDays: 35\n"
	"      CopyActions:\n"
	"        - DestinationBackupVaultArn: arn:aws:backup:us-west-2:111122223333:backup-vault:dr\n"
	"---\n"
	"SelectionName: databases\n"
	"IamRoleArn: arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole\n"
	"Resources:\n"
	"  - arn:aws:rds:us-east-1:111122223333:db:orders\n" },
	EXAMPLES_END
};

const char bkp305_doc[] =
	"What it checks: a rule with EnableContinuousBackup: true in a plan whose\n"
	"selections include types without continuous backup (point-in-time\n"
	"recovery); only S3, RDS, Aurora and SAP HANA on EC2 support it.\n\n"
	"Why: AWS Backup falls back to snapshots for the other types, so the\n"
	"point-in-time recovery you planned on does not exist for them.\n";

const struct rule_example bkp305_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.yaml", .text =
	"BackupPlan:\n"
	"  BackupPlanName: files\n"
	"  Rules:\n"
	"    - RuleName: continuous\n"
	"      TargetBackupVaultName: Default\n"
	"      EnableContinuousBackup: true\n"
	"      Lifecycle:\n"
	"        DeleteAfterDays: 35\n"
	"---\n"
	"SelectionName: files\n"
	"IamRoleArn: arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole\n"
	"Resources:\n"
	"  - arn:aws:elasticfilesystem:us-east-1:111122223333:file-system/fs-0123456789abcdef0\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.yaml", .text =
	"# EFS has no point-in-time recovery: an hourly snapshot is the closest.\n"
	"BackupPlan:\n"
	"  BackupPlanName: files\n"
	"  Rules:\n"
	"    - RuleName: hourly\n"
	"      TargetBackupVaultName: Default\n"
	"      ScheduleExpression: cron(0 * ? * * *)\n"
	"      Lifecycle:\n"
	"        DeleteAfterDays: 35\n"
	"---\n"
	"SelectionName: files\n"
	"IamRoleArn: arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole\n"
	"Resources:\n"
	"  - arn:aws:elasticfilesystem:us-east-1:111122223333:file-system/fs-0123456789abcdef0\n" },
	EXAMPLES_END
};

const char bkp306_doc[] =
	"What it checks: the resource types of a plan (other than DynamoDB across\n"
	"Regions, which is BKP301) support each kind of copy the plan makes.\n"
	"current: Redshift is never copied; in opt-in Regions DocumentDB copies\n"
	"neither way, FSx not across Regions, Neptune, CloudFormation and\n"
	"Timestream not across accounts. spec: the guide states none of these, so\n"
	"spec takes them from current. Types a selection only may include give one\n"
	"info per plan.\n\n"
	"Why: the copy jobs of those resources fail.\n";

const struct rule_example bkp306_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.yaml",
	  .args = "--facts current --region us-east-1", .text =
	"BackupPlan:\n"
	"  BackupPlanName: warehouse\n"
	"  Rules:\n"
	"    - RuleName: daily\n"
	"      TargetBackupVaultName: Default\n"
	"      ScheduleExpression: cron(0 5 ? * * *)\n"
	"      Lifecycle:\n"
	"        DeleteAfterDays: 35\n"
	"      CopyActions:\n"
	"        - DestinationBackupVaultArn: arn:aws:backup:us-west-2:111122223333:backup-vault:dr\n"
	"---\n"
	"SelectionName: warehouse\n"
	"IamRoleArn: arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole\n"
	"Resources:\n"
	"  - arn:aws:redshift:us-east-1:111122223333:cluster:warehouse\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.yaml",
	  .args = "--facts current --region us-east-1", .text =
	"BackupPlan:\n"
	"  BackupPlanName: warehouse\n"
	"  Rules:\n"
	"    - RuleName: daily\n"
	"      TargetBackupVaultName: Default\n"
	"      ScheduleExpression: cron(0 5 ? * * *)\n"
	"      Lifecycle:\n"
	"        DeleteAfterDays: 35\n"
	"---\n"
	"SelectionName: warehouse\n"
	"IamRoleArn: arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole\n"
	"Resources:\n"
	"  - arn:aws:redshift:us-east-1:111122223333:cluster:warehouse\n" },
	EXAMPLES_END
};

const char bkp307_doc[] =
	"What it checks: a rule with EnableContinuousBackup: true, in a plan that\n"
	"may protect a type with continuous backup (S3, RDS, Aurora, SAP HANA),\n"
	"with a copy action to another Region or account. current: the copy is a\n"
	"snapshot, without point-in-time restore. spec: the guide does not say,\n"
	"so the same, from current.\n\n"
	"Why: a disaster-recovery plan that counts on restoring to any second in\n"
	"the other Region can only restore to the copy's snapshot time.\n\n"
	"Fix: keep point-in-time recovery in the source Region, and copy a\n"
	"scheduled snapshot from a rule of its own, so that the plan says what the\n"
	"other Region gets (the Good example).\n";

const struct rule_example bkp307_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "plan.yaml",
	  .args = "--facts current --region us-east-1", .text =
	"BackupPlan:\n"
	"  BackupPlanName: orders\n"
	"  Rules:\n"
	"    - RuleName: continuous\n"
	"      TargetBackupVaultName: Default\n"
	"      EnableContinuousBackup: true\n"
	"      Lifecycle:\n"
	"        DeleteAfterDays: 35\n"
	"      CopyActions:\n"
	"        - DestinationBackupVaultArn: arn:aws:backup:us-west-2:111122223333:backup-vault:dr\n"
	"---\n"
	"SelectionName: orders\n"
	"IamRoleArn: arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole\n"
	"Resources:\n"
	"  - arn:aws:s3:::orders-archive\n" },
	{ .kind = EXAMPLE_GOOD, .file = "plan.yaml",
	  .args = "--facts current --region us-east-1", .text =
	"# Point-in-time recovery in us-east-1; a daily snapshot, on its own rule,\n"
	"# is what goes to us-west-2.\n"
	"BackupPlan:\n"
	"  BackupPlanName: orders\n"
	"  Rules:\n"
	"    - RuleName: continuous\n"
	"      TargetBackupVaultName: Default\n"
	"      EnableContinuousBackup: true\n"
	"      Lifecycle:\n"
	"        DeleteAfterDays: 35\n"
	"    - RuleName: daily-copy\n"
	"      TargetBackupVaultName: Default\n"
	"      ScheduleExpression: cron(0 5 ? * * *)\n"
	"      Lifecycle:\n"
	"        DeleteAfterDays: 35\n"
	"      CopyActions:\n"
	"        - DestinationBackupVaultArn: arn:aws:backup:us-west-2:111122223333:backup-vault:dr\n"
	"---\n"
	"SelectionName: orders\n"
	"IamRoleArn: arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole\n"
	"Resources:\n"
	"  - arn:aws:s3:::orders-archive\n" },
	EXAMPLES_END
};
