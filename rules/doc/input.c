/* input.c - documentation of the input rules (BKP0xx: loading and
 * encoding): what each checks, why it matters, and a bad and a good
 * example. */
#include "doc.h"

const char bkp001_doc[] =
	"What it checks: the document parses. JSON is read as strictly as the AWS CLI\n"
	"reads it: no comments, no trailing commas, no single-quoted strings, no\n"
	"unquoted keys, nothing after the top-level value. YAML follows YAML 1.1 as\n"
	"libyaml reads it.\n\n"
	"Why: AWS rejects a document it cannot parse; nothing else in the file can be\n"
	"checked until it parses.\n\n"
	"Bad:\n"
	"  {\"BackupPlanName\": \"daily\", \"Rules\": [],}\n"
	"Good:\n"
	"  {\"BackupPlanName\": \"daily\", \"Rules\": []}\n";

const char bkp002_doc[] =
	"What it checks: no key appears twice in one mapping (JSON object or YAML\n"
	"mapping). Both places are named.\n\n"
	"Why: JSON parsers, the AWS CLI's included, silently keep the last value, so\n"
	"the first setting is lost without a word; YAML forbids duplicates outright.\n\n"
	"Bad:\n"
	"  {\"DeleteAfterDays\": 35, \"DeleteAfterDays\": 3650}\n"
	"Good:\n"
	"  {\"DeleteAfterDays\": 3650}\n";

const char bkp003_doc[] =
	"What it checks: a file named on the command line is one of the documents\n"
	"backuplint knows: CreateBackupPlan/UpdateBackupPlan input, GetBackupPlan\n"
	"output, a bare plan (--backup-plan file://), a backup selection, a\n"
	"StartCopyJob request, or a CloudFormation template. Files found by walking a\n"
	"directory are skipped silently instead.\n\n"
	"Why: a misspelt top-level key (\"BackupPlann\") makes the whole file\n"
	"invisible to every other rule.\n\n"
	"Bad:\n"
	"  {\"Plan\": {\"BackupPlanName\": \"daily\"}}\n"
	"Good:\n"
	"  {\"BackupPlan\": {\"BackupPlanName\": \"daily\", \"Rules\": [...]}}\n";

const char bkp004_doc[] =
	"What it checks: the file is UTF-8 (a byte-order mark is accepted) with no\n"
	"invalid or overlong sequences, no encoded surrogates, no NUL bytes, and that\n"
	"JSON \\u escapes do not leave a lone surrogate.\n\n"
	"Why: the AWS CLI and CloudFormation read documents as UTF-8; anything else is\n"
	"rejected or silently mangled (a name with a bad byte is not the name you\n"
	"typed).\n\n"
	"Bad: a file saved as UTF-16 by an editor or by PowerShell's Out-File.\n"
	"Good: the same file converted: iconv -f UTF-16 -t UTF-8 plan.json\n";

const char bkp005_doc[] =
	"What it checks: the file is at most --max-file-size bytes (default 256 MiB),\n"
	"nests containers at most --max-depth deep (default 512), and YAML aliases\n"
	"expand to at most --max-alias-nodes nodes (default 1,000,000). A file over a\n"
	"limit is not linted further.\n\n"
	"Why: a hostile or broken file (a \"billion laughs\" alias bomb, 100,000\n"
	"nested brackets) must not exhaust memory or stack in a pre-commit hook. No\n"
	"real backup plan comes near these limits; AWS's own request limits are far\n"
	"smaller.\n\n"
	"Bad:\n"
	"  a: &a [x, x, x, x, x, x, x, x, x]\n"
	"  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
	"  ... nine levels deep\n"
	"Good: a plan without recursive alias expansion.\n";
