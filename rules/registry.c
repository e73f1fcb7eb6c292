/* registry.c - the one table of rules, and the families that check them.
 *
 * Each row: id, name, default severity, flags, a one-line summary, the long
 * documentation shown by --explain (what it checks, why it matters, a bad
 * and a good example) and the AWS source it rests on. docs/rules.md is
 * generated from this table (make docs). */
#include "registry.h"

#include <string.h>
#include <strings.h>

#include "../linter/diag.h"
#include "families.h"

#define E SEV_ERROR
#define W SEV_WARNING
#define I SEV_INFO

const struct rule rules[RULE_COUNT] = {
/* ---- input (BKP0xx): loading and encoding, reported by linter/ ---- */
[BKP001] = {
	.id = "BKP001", .name = "syntax-error", .severity = E,
	.summary = "The file is not valid JSON or YAML.",
	.doc =
	"What it checks: the document parses. JSON is read as strictly as the AWS CLI\n"
	"reads it: no comments, no trailing commas, no single-quoted strings, no\n"
	"unquoted keys, nothing after the top-level value. YAML follows YAML 1.1 as\n"
	"libyaml reads it.\n\n"
	"Why: AWS rejects a document it cannot parse; nothing else in the file can be\n"
	"checked until it parses.\n\n"
	"Bad:\n  {\"BackupPlanName\": \"daily\", \"Rules\": [],}\n"
	"Good:\n  {\"BackupPlanName\": \"daily\", \"Rules\": []}\n",
	.source = "RFC 8259; YAML 1.1; AWS CLI file:// parameters",
},
[BKP002] = {
	.id = "BKP002", .name = "duplicate-key", .severity = E,
	.summary = "A mapping has the same key twice; only the last one counts.",
	.doc =
	"What it checks: no key appears twice in one mapping (JSON object or YAML\n"
	"mapping). Both places are named.\n\n"
	"Why: JSON parsers, the AWS CLI's included, silently keep the last value, so\n"
	"the first setting is lost without a word; YAML forbids duplicates outright.\n\n"
	"Bad:\n  {\"DeleteAfterDays\": 35, \"DeleteAfterDays\": 3650}\n"
	"Good:\n  {\"DeleteAfterDays\": 3650}\n",
	.source = "RFC 8259 section 4 (names SHOULD be unique); YAML 1.2 section 3.2.1.1",
},
[BKP003] = {
	.id = "BKP003", .name = "unrecognized-document", .severity = I,
	.summary = "The document is not a backup plan, selection, copy job or CloudFormation template.",
	.doc =
	"What it checks: a file named on the command line is one of the documents\n"
	"backuplint knows: CreateBackupPlan/UpdateBackupPlan input, GetBackupPlan\n"
	"output, a bare plan (--backup-plan file://), a backup selection, a\n"
	"StartCopyJob request, or a CloudFormation template. Files found by walking a\n"
	"directory are skipped silently instead.\n\n"
	"Why: a misspelt top-level key (\"BackupPlann\") makes the whole file\n"
	"invisible to every other rule.\n\n"
	"Bad:\n  {\"Plan\": {\"BackupPlanName\": \"daily\"}}\n"
	"Good:\n  {\"BackupPlan\": {\"BackupPlanName\": \"daily\", \"Rules\": [...]}}\n",
	.source = "AWS Backup API reference: CreateBackupPlan, GetBackupPlan, CreateBackupSelection, StartCopyJob",
},
[BKP004] = {
	.id = "BKP004", .name = "invalid-encoding", .severity = E,
	.summary = "The file is not valid UTF-8 text (bad bytes, NUL, UTF-16 or UTF-32).",
	.doc =
	"What it checks: the file is UTF-8 (a byte-order mark is accepted) with no\n"
	"invalid or overlong sequences, no encoded surrogates, no NUL bytes, and that\n"
	"JSON \\u escapes do not leave a lone surrogate.\n\n"
	"Why: the AWS CLI and CloudFormation read documents as UTF-8; anything else is\n"
	"rejected or silently mangled (a name with a bad byte is not the name you\n"
	"typed).\n\n"
	"Bad: a file saved as UTF-16 by an editor or by PowerShell's Out-File.\n"
	"Good: the same file converted: iconv -f UTF-16 -t UTF-8 plan.json\n",
	.source = "RFC 8259 section 8.1 (JSON text exchanged between systems MUST be UTF-8)",
},
[BKP005] = {
	.id = "BKP005", .name = "input-limits", .severity = E,
	.summary = "The file exceeds a safety limit (size, nesting depth, alias expansion).",
	.doc =
	"What it checks: the file is at most --max-file-size bytes (default 256 MiB),\n"
	"nests containers at most --max-depth deep (default 512), and YAML aliases\n"
	"expand to at most --max-alias-nodes nodes (default 1,000,000). A file over a\n"
	"limit is not linted further.\n\n"
	"Why: a hostile or broken file (a \"billion laughs\" alias bomb, 100,000\n"
	"nested brackets) must not exhaust memory or stack in a pre-commit hook. No\n"
	"real backup plan comes near these limits; AWS's own request limits are far\n"
	"smaller.\n\n"
	"Bad:\n  a: &a [x, x, x, x, x, x, x, x, x]\n  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n  ... nine levels deep\n"
	"Good: a plan without recursive alias expansion.\n",
	.source = "backuplint limits (README, Limits)",
},

/* ---- schema (BKP1xx): rules/schema.c ---- */

/* ---- regions (BKP2xx): rules/region.c ---- */

/* ---- resource types (BKP3xx): rules/restype.c ---- */

/* ---- copy modes (BKP4xx): rules/copymode.c ---- */

/* ---- lifecycle (BKP5xx): rules/lifecycle.c ---- */

/* ---- schedule and windows (BKP6xx): rules/schedule.c ---- */

/* ---- IAM (BKP7xx): rules/iam.c ---- */
};

/* Families run in this order on each document; schema first so that the
 * policy rules can rely on shapes having been reported. */
const struct family families[] = {
	{ .name = "input" },
};
const size_t nfamilies = sizeof(families) / sizeof(families[0]);

const struct rule *rule_lookup(const char *s)
{
	size_t i;
	for (i = 0; i < RULE_COUNT; i++) {
		if (!rules[i].id)
			continue;
		if (strcasecmp(rules[i].id, s) == 0 || strcmp(rules[i].name, s) == 0)
			return &rules[i];
	}
	return NULL;
}
