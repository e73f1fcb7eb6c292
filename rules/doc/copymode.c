/* copymode.c - documentation of the copy mode rules (BKP4xx): what each
 * checks, why it matters, and a bad and a good example. */
#include "doc.h"

const char bkp401_doc[] =
	"What it checks: a plan whose selections include Amazon RDS or Aurora\n"
	"(current: also DocumentDB and Neptune) has copies to another Region and to\n"
	"another account, in one copy action or across its rules. spec: not\n"
	"supported in one plan (error). current: the matrix allows both in one\n"
	"action while \"Copy a backup\" still says only one is automated: a warning.\n\n"
	"Why: RDS and Aurora snapshots are encrypted with Region- and\n"
	"account-specific keys; AWS Backup automates only one of the two copies.\n\n"
	"Bad (RDS instances in us-east-1, account 111122223333):\n"
	"  CopyActions: [{DestinationBackupVaultArn: arn:aws:backup:us-west-2:444455556666:backup-vault:dr}]\n"
	"Good:\n"
	"  two plans, one copying to us-west-2 in the same account, one copying to\n"
	"  account 444455556666 in the same Region; or an EventBridge rule on\n"
	"  the copy job's completion that starts a second copy (StartCopyJob).\n";

const char bkp402_doc[] =
	"What it checks: a plan that assigns EFS file systems through more than one\n"
	"selection while its rules copy to different destinations (or some rules\n"
	"copy and others do not).\n\n"
	"Why: EFS cross-Region copy is set at the plan level: every file system\n"
	"of the plan is copied by every rule. A second selection meant to get a\n"
	"different copy rule gets all of them.\n\n"
	"Bad:\n"
	"  one plan, selections 'prod-fs' and 'scratch-fs', rule 'daily' copying to\n"
	"  us-west-2 and rule 'hourly' not copying.\n"
	"Good:\n"
	"  a separate plan for the scratch file systems.\n";
