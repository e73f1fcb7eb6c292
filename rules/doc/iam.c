/* iam.c - documentation of the IAM rules (BKP7xx): what each checks, why it
 * matters, and a bad and a good example. */
#include "doc.h"

const char bkp701_doc[] =
	"What it checks: in a CloudFormation template, the AWS::IAM::Role that a\n"
	"BackupSelection's IamRoleArn names (!GetAtt Role.Arn, !Sub \"${Role.Arn}\",\n"
	"!Sub \"arn:...:role/${Role}\") has an AssumeRolePolicyDocument statement\n"
	"that allows sts:AssumeRole to the service principal backup.amazonaws.com.\n\n"
	"Why: AWS Backup must assume the role to back up the selected resources;\n"
	"without the trust every backup job of the selection fails.\n\n"
	"Bad:\n"
	"  Principal: {Service: ec2.amazonaws.com}\n"
	"Good:\n"
	"  Principal: {Service: backup.amazonaws.com}\n";
