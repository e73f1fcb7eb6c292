/* lifecycle.c - documentation of the lifecycle rules (BKP5xx): what each
 * checks, why it matters, and a bad and a good example. */
#include "doc.h"

const char bkp501_doc[] =
	"What it checks: in every Lifecycle (a backup rule's, each copy action's,\n"
	"and a StartCopyJob request's), when both MoveToColdStorageAfterDays and\n"
	"DeleteAfterDays are set, DeleteAfterDays is at least\n"
	"MoveToColdStorageAfterDays + 90. A value of -1 (never move, never delete)\n"
	"sets no minimum. Deleting on or before the cold transition day is called\n"
	"out as such.\n\n"
	"Why: recovery points in cold storage are kept there for at least 90 days;\n"
	"AWS rejects the plan at deploy time (CloudFormation fails the stack update),\n"
	"long after the change was reviewed.\n\n"
	"Bad:\n"
	"  \"Lifecycle\": {\"MoveToColdStorageAfterDays\": 30, \"DeleteAfterDays\": 100}\n"
	"Good:\n"
	"  \"Lifecycle\": {\"MoveToColdStorageAfterDays\": 30, \"DeleteAfterDays\": 120}\n";

const char bkp502_doc[] =
	"What it checks: MoveToColdStorageAfterDays and DeleteAfterDays are whole\n"
	"numbers from 1 to 36500 (100 years), or -1, which AWS reads as \"never\"\n"
	"(keep indefinitely, never move to cold storage). Zero, other negative\n"
	"numbers, fractions and values over 100 years are reported.\n\n"
	"Why: AWS rejects them (\"DeleteAfterDays cannot be less than 1 or more than\n"
	"36500 days\"); a 0 meant as \"keep forever\" is the usual mistake: omit the\n"
	"key instead.\n\n"
	"Bad:\n"
	"  \"Lifecycle\": {\"DeleteAfterDays\": 0}\n"
	"Good:\n"
	"  \"Lifecycle\": {\"DeleteAfterDays\": 35}\n";

const char bkp503_doc[] =
	"What it checks: a rule with EnableContinuousBackup true sets a Lifecycle\n"
	"DeleteAfterDays of at most 35.\n\n"
	"Why: continuous backups (point-in-time recovery) can be retained 1 to 35\n"
	"days; a longer or missing retention is rejected or not what you get. Keep\n"
	"long-lived snapshots in a second rule without EnableContinuousBackup.\n\n"
	"Bad:\n"
	"  {\"RuleName\": \"pitr\", \"EnableContinuousBackup\": true,\n"
	"   \"Lifecycle\": {\"DeleteAfterDays\": 365}, ...}\n"
	"Good:\n"
	"  {\"RuleName\": \"pitr\", \"EnableContinuousBackup\": true,\n"
	"   \"Lifecycle\": {\"DeleteAfterDays\": 35}, ...}\n";

const char bkp504_doc[] =
	"What it checks: a rule with EnableContinuousBackup true has no\n"
	"MoveToColdStorageAfterDays in its Lifecycle (-1, never, is accepted).\n\n"
	"Why: continuous backups cannot move to cold storage: cold storage needs at\n"
	"least 90 days and continuous backups live at most 35.\n\n"
	"Bad:\n"
	"  \"EnableContinuousBackup\": true,\n"
	"  \"Lifecycle\": {\"MoveToColdStorageAfterDays\": 7, \"DeleteAfterDays\": 35}\n"
	"Good:\n"
	"  \"EnableContinuousBackup\": true,\n"
	"  \"Lifecycle\": {\"DeleteAfterDays\": 35}\n";

const char bkp505_doc[] =
	"What it checks: a Lifecycle with OptInToArchiveForSupportedResources true\n"
	"also sets MoveToColdStorageAfterDays (other than -1).\n\n"
	"Why: the opt-in moves supported resources (such as EBS snapshots) to the\n"
	"archive tier when the lifecycle transitions them to cold storage; without\n"
	"a cold transition it does nothing, which is rarely what was meant.\n\n"
	"Bad:\n"
	"  \"Lifecycle\": {\"DeleteAfterDays\": 365,\n"
	"                \"OptInToArchiveForSupportedResources\": true}\n"
	"Good:\n"
	"  \"Lifecycle\": {\"MoveToColdStorageAfterDays\": 30, \"DeleteAfterDays\": 365,\n"
	"                \"OptInToArchiveForSupportedResources\": true}\n";
