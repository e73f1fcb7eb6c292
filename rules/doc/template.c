/* template.c - documentation of the CloudFormation template rules (BKP8xx):
 * what each checks, why it matters, and a bad and a good example. */
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
	"CloudFormation rejects the stack with \"Template error\".\n\n"
	"Bad:\n"
	"  TargetBackupVault: !GetAtt BackupVault\n"
	"  DeleteAfterDays: !If [IsProd, 35]\n"
	"Good:\n"
	"  TargetBackupVault: !GetAtt BackupVault.BackupVaultName\n"
	"  DeleteAfterDays: !If [IsProd, 35, 7]\n";

const char bkp802_doc[] =
	"What it checks: the names used by Ref, Fn::GetAtt, the ${Name} and\n"
	"${Resource.Attribute} variables of Fn::Sub, Fn::If and Condition, Fn::FindInMap\n"
	"and DependsOn exist in the template's Parameters, Resources, Conditions or\n"
	"Mappings (or are pseudo parameters such as AWS::Region), with a did-you-mean.\n"
	"Templates with a Transform are skipped: a macro may define the names.\n\n"
	"Why: a misspelt logical id fails the whole deployment (\"Unresolved resource\n"
	"dependencies\"), after the change has been reviewed and merged.\n\n"
	"Bad:\n"
	"  Resources:\n"
	"    BackupVault: {Type: AWS::Backup::BackupVault, ...}\n"
	"    Plan: ... TargetBackupVault: !Ref BackupVualt\n"
	"Good:\n"
	"    Plan: ... TargetBackupVault: !Ref BackupVault\n";
