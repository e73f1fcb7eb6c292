/* restype.c - documentation of the resource type rules (BKP3xx): what each
 * checks, why it matters, and a bad and a good example. */
#include "doc.h"

const char bkp301_doc[] =
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
	"Bad:\n"
	"  Resources: [arn:aws:dynamodb:us-east-1:111122223333:table/Orders]\n"
	"  CopyActions: [{DestinationBackupVaultArn: arn:aws:backup:us-west-2:111122223333:backup-vault:dr}]\n"
	"Good:\n"
	"  a separate plan for the tables, without the cross-Region copy.\n";

const char bkp302_doc[] =
	"What it checks: a Lifecycle (of a rule or a copy action) with\n"
	"MoveToColdStorageAfterDays in a plan whose selections include resource\n"
	"types that do not transition to cold storage; the message names them.\n"
	"spec: only EFS goes to cold storage. current: EFS, EBS and DynamoDB with\n"
	"advanced features; not RDS, Aurora, S3, EC2, FSx, DocumentDB, Neptune,\n"
	"Storage Gateway, Redshift, EKS.\n\n"
	"Why: AWS silently ignores the setting for those types, so the cost savings\n"
	"(and the retention arithmetic) you planned on do not happen.\n\n"
	"Bad:\n"
	"  Resources: [arn:aws:rds:us-east-1:111122223333:db:orders]\n"
	"  Lifecycle: {MoveToColdStorageAfterDays: 30, DeleteAfterDays: 365}\n"
	"Good:\n"
	"  Lifecycle: {DeleteAfterDays: 365}\n";

const char bkp303_doc[] =
	"What it checks: each ARN in a selection's Resources is of a service and\n"
	"resource type AWS Backup protects (schemas/resource-types.json: EC2\n"
	"instances, EBS volumes, EFS and FSx file systems, RDS instances, Aurora,\n"
	"DocumentDB and Neptune clusters, DynamoDB tables, S3 buckets, ...), and\n"
	"that the dataset lists the type as protected (spec: the resource types of\n"
	"botocore 1.29.27, without Redshift, Timestream, CloudFormation, SAP HANA,\n"
	"EKS).\n\n"
	"Why: AWS Backup skips resources it cannot protect without failing the\n"
	"plan, so nothing tells you the resource has no backup.\n\n"
	"Bad:\n"
	"  Resources: [arn:aws:ec2:us-east-1:111122223333:snapshot/snap-0abc]\n"
	"Good:\n"
	"  Resources: [arn:aws:ec2:us-east-1:111122223333:volume/vol-0abc]\n";

const char bkp304_doc[] =
	"What it checks: a plan whose selections include Amazon RDS DB instances\n"
	"and that copies to another Region.\n\n"
	"Why: AWS Backup copies the snapshot but not the instance's custom option\n"
	"group; a restore in the other Region needs the option group created there\n"
	"first, which is easy to discover only during an outage.\n\n"
	"Bad (if nobody knows):\n"
	"  an RDS plan with a copy to us-west-2 and no option group in us-west-2.\n"
	"Good:\n"
	"  the same plan, with the option group created in us-west-2 (or disable the rule).\n";

const char bkp305_doc[] =
	"What it checks: a rule with EnableContinuousBackup: true in a plan whose\n"
	"selections include types without continuous backup (point-in-time\n"
	"recovery); only S3, RDS, Aurora and SAP HANA on EC2 support it.\n\n"
	"Why: AWS Backup falls back to snapshots for the other types, so the\n"
	"point-in-time recovery you planned on does not exist for them.\n\n"
	"Bad:\n"
	"  Resources: [arn:aws:elasticfilesystem:us-east-1:111122223333:file-system/fs-0abc]\n"
	"  EnableContinuousBackup: true\n"
	"Good:\n"
	"  EnableContinuousBackup only in a plan of S3 buckets or RDS/Aurora databases.\n";

const char bkp306_doc[] =
	"What it checks: the resource types of a plan (other than DynamoDB across\n"
	"Regions, which is BKP301) support each kind of copy the plan makes.\n"
	"current: Redshift is never copied; in opt-in Regions DocumentDB copies\n"
	"neither way, FSx not across Regions, Neptune, CloudFormation and\n"
	"Timestream not across accounts. spec: no such limits.\n\n"
	"Why: the copy jobs of those resources fail.\n\n"
	"Bad (current):\n"
	"  Resources: [arn:aws:redshift:us-east-1:111122223333:cluster:dw] with a copy to us-west-2\n"
	"Good:\n"
	"  the Redshift cluster in a plan without copy actions.\n";

const char bkp307_doc[] =
	"What it checks: a rule with EnableContinuousBackup: true, in a plan that\n"
	"may protect a type with continuous backup (S3, RDS, Aurora, SAP HANA),\n"
	"with a copy action to another Region or account. current: the copy is a\n"
	"snapshot, without point-in-time restore. spec: the guide does not say;\n"
	"silent.\n\n"
	"Why: a disaster-recovery plan that counts on restoring to any second in\n"
	"the other Region can only restore to the copy's snapshot time.\n\n"
	"Bad (if nobody knows):\n"
	"  EnableContinuousBackup: true\n"
	"  CopyActions: [{DestinationBackupVaultArn: arn:aws:backup:us-west-2:111122223333:backup-vault:dr}]\n"
	"Good:\n"
	"  the same rule, with the copy's recovery point objective set by the\n"
	"  rule's schedule.\n";
