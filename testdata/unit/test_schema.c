/* test_schema.c - the validator's tricky parts: edit distance, did-you-mean
 * and the name patterns as compiled from schemas/shapes-*.json. */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "data.h"
#include "lint.h"
#include "schema.h"
#include "shapes.h"
#include "suggest.h"
#include "check.h"



static unsigned dist(const char *a, const char *b, int nocase)
{
	return edit_distance(a, strlen(a), b, strlen(b), nocase);
}

static int mean(const char *word, const char *want)
{
	static const char *const members[] = {
		"RuleName", "TargetBackupVaultName", "ScheduleExpression",
		"ScheduleExpressionTimezone", "StartWindowMinutes",
		"CompletionWindowMinutes", "Lifecycle", "RecoveryPointTags",
		"CopyActions", "EnableContinuousBackup", "IndexActions",
		"ScanActions",
	};
	const char *got = did_you_mean(word, members,
					      sizeof(members) / sizeof(members[0]));
	if (!want)
		return got == NULL;
	return got && strcmp(got, want) == 0;
}

static int name_ok(const char *dialect, const char *shape, const char *s)
{
	return schema_pattern_match(dialect, shape, s, strlen(s));
}

/* Lint one in-memory document; return the rule id of the first finding of
 * the schema family (BKP1xx), or -1 when there is none. */
static int lint_one(const char *name, const char *text)
{
	struct harness h;
	struct file f, *fp = &f;
	size_t i;
	int found = -1;
	harness_init(&h, NULL);
	lint_buffer(&h.r, &f, name, text, strlen(text));
	run_finish(&h.r, &fp, 1);
	for (i = 0; i < f.diags.n; i++)
		if (f.diags.v[i].rule >= BKP101 && f.diags.v[i].rule <= BKP109) {
			found = f.diags.v[i].rule;
			break;
		}
	file_release(&f);
	harness_release(&h);
	return found;
}

/* A StartCopyJob request whose destination is `arn`. */
static int vault_arn(const char *arn)
{
	char buf[1024];
	snprintf(buf, sizeof(buf),
		 "{\"RecoveryPointArn\": \"arn:aws:backup:us-east-1:123456789012:"
		 "recovery-point:1\", \"SourceBackupVaultName\": \"Default\", "
		 "\"DestinationBackupVaultArn\": \"%s\", \"IamRoleArn\": "
		 "\"arn:aws:iam::123456789012:role/r\"}", arn);
	return lint_one("copy.json", buf);
}

/* A selection (bare) with one resource ARN. */
static int resource_arn(const char *arn)
{
	char buf[1024];
	snprintf(buf, sizeof(buf),
		 "{\"SelectionName\": \"s\", \"IamRoleArn\": "
		 "\"arn:aws:iam::123456789012:role/r\", \"Resources\": [\"%s\"]}",
		 arn);
	return lint_one("sel.json", buf);
}

/* A template whose copy action's destination is the YAML value `v`. */
static int cfn_vault(const char *v)
{
	char buf[1024];
	snprintf(buf, sizeof(buf),
		 "Parameters:\n  P: {Type: String}\n"
		 "Resources:\n  Plan:\n    Type: AWS::Backup::BackupPlan\n"
		 "    Properties:\n      BackupPlan:\n        BackupPlanName: p\n"
		 "        BackupPlanRule:\n          - RuleName: r\n"
		 "            TargetBackupVault: v1\n"
		 "            CopyActions:\n"
		 "              - DestinationBackupVaultArn: %s\n", v);
	return lint_one("t.yaml", buf);
}

/* The graphs compiled at build time (schemas/shapegen.c) against the
 * file they come from: every shape in the file's order, found by name,
 * each member under the name and with the shape the file gives it, found
 * by member_find(), each required name's member. Returns the shapes seen. */
static size_t graph_agrees(const struct db *db)
{
	const struct node *shapes = map_get(data_tree(db->file), "shapes");
	size_t i, j, seen = 0;
	CHECK(node_is(shapes, N_MAP) && shapes->len == db->nshapes, "%s", db->file);
	for (i = 0; node_is(shapes, N_MAP) && i < db->nshapes; i++) {
		const struct shape *sh = &db->shapes[i];
		const struct node *mem = map_get(map_val(shapes, (uint32_t)i), "members");
		CHECK(node_streq(map_key(shapes, (uint32_t)i), sh->name), "%s", sh->name);
		CHECK(db_find(db, sh->name) == sh, "%s: db_find(%s)", db->file, sh->name);
		CHECK(sh->nmembers == (mem ? mem->len : 0), "%s: members", sh->name);
		for (j = 0; mem && j < mem->len; j++) {
			const char *name = node_str(map_key(mem, (uint32_t)j));
			const struct member *m = member_find(sh, name);
			CHECK(m && !strcmp(m->name, name) &&
			      !strcmp(m->shape->name, node_str(map_val(mem, (uint32_t)j))),
			      "%s.%s", sh->name, name);
		}
		for (j = 0; j < sh->nrequired; j++)
			CHECK(sh->required_m[j] == member_find(sh, sh->required[j]),
			      "%s: required %s", sh->name, sh->required[j]);
		seen++;
	}
	return seen;
}

/* shape_match() against PCRE2 on every shape whose pattern it checks
 * without PCRE2: random strings of the class's characters, others, a
 * final newline and non-ASCII bytes, of lengths around the bounds.
 * Returns how many shapes were compared. */
static int simple_patterns_agree(const struct db *db)
{
	static const char extra[] = "aZ09-_. :/\n\r\t\xc3\xa4*$\xff\xc3\xed\xa0\x80\xf4\x90";
	unsigned seed = 12345;
	size_t i;
	int shapes = 0;
	for (i = 0; i < db->nshapes; i++) {
		const struct shape *sh = &db->shapes[i];
		char buf[300];
		int t;
		if (!sh->pattern || !sh->simple)
			continue;
		shapes++;
		{
			/* line ends, where PCRE2's $ has its own rules */
			static const char *const ends[] = {
				"abc\n", "abc\r\n", "abc\r", "ab\ncd", "\n",
				"abc\n\n", "",
			};
			size_t e;
			for (e = 0; e < sizeof(ends) / sizeof(ends[0]); e++)
				if (shape_match(sh, ends[e], strlen(ends[e])) !=
				    re_match(shape_re(sh), ends[e], strlen(ends[e]))) {
					printf("test_schema.c: %s: pattern %s disagrees "
					       "on line end case %zu\n", sh->name,
					       sh->pattern, e);
					check_failures++;
				}
		}
		for (t = 0; t < 3000; t++) {
			size_t len, k, top = sh->simple_max < 280 ? sh->simple_max + 3 : 280;
			seed = seed * 1103515245u + 12345u;
			len = (seed >> 8) % (top + 1);
			for (k = 0; k < len; k++) {
				seed = seed * 1103515245u + 12345u;
				if ((seed >> 16) % 50 == 0)
					buf[k] = extra[(seed >> 8) % (sizeof(extra) - 1)];
				else
					buf[k] = (char)(32 + (seed >> 9) % 95);
				/* mostly characters of the class */
				while ((seed >> 20) % 4 && !(sh->simple_set[(unsigned char)buf[k] >> 3] &
					    (1u << ((unsigned char)buf[k] & 7)))) {
					seed = seed * 1103515245u + 12345u;
					buf[k] = (char)(32 + (seed >> 9) % 95);
				}
			}
			if (shape_match(sh, buf, len) != re_match(shape_re(sh), buf, len)) {
				printf("test_schema.c: %s: pattern %s disagrees on \"%.*s\"\n",
				       sh->name, sh->pattern, (int)len, buf);
				check_failures++;
				break;
			}
		}
	}
	return shapes;
}

int main(void)
{
	char long_name[64];

	/* Edit distance: insertions, deletions, substitutions, and an
	 * adjacent transposition counting as one edit. */
	CHECK(dist("", "", 0) == 0);
	CHECK(dist("abc", "", 0) == 3);
	CHECK(dist("RuleName", "RuleName", 0) == 0);
	CHECK(dist("RuleNmae", "RuleName", 0) == 1);
	CHECK(dist("RuleNam", "RuleName", 0) == 1);
	CHECK(dist("RulleName", "RuleName", 0) == 1);
	CHECK(dist("RuleMame", "RuleName", 0) == 1);
	CHECK(dist("rulename", "RuleName", 0) == 2);
	CHECK(dist("rulename", "RuleName", 1) == 0);
	CHECK(dist("kitten", "sitting", 0) == 3);
	memset(long_name, 'x', 63);
	long_name[63] = '\0';
	CHECK(dist(long_name, "x", 0) == 62);
	CHECK(edit_distance("a", 65, "a", 1, 0) == 1000);

	/* The bounded distance: the same when within the bound, bound + 1
	 * beyond it, whatever the common head and tail. */
	CHECK(edit_distance_max("RuleNmae", 8, "RuleName", 8, 0, 2) == 1);
	CHECK(edit_distance_max("AWS::Backup::BackupPlan", 23,
				"AWS::Backup::BackupVault", 24, 0, 2) == 3);
	CHECK(edit_distance_max("AWS::Backup::BackupPlna", 23,
				"AWS::Backup::BackupPlan", 23, 0, 2) == 1);
	CHECK(edit_distance_max("AWS::IAM::Role", 14,
				"AWS::Backup::BackupPlan", 23, 0, 2) == 3);
	CHECK(edit_distance_max("kitten", 6, "sitting", 7, 0, 3) == 3);
	CHECK(edit_distance_max("kitten", 6, "sitting", 7, 0, 2) == 3);
	CHECK(edit_distance_max("ab", 2, "ba", 2, 0, 0) == 1);
	CHECK(edit_distance_max("abcd", 4, "badc", 4, 0, 2) == 2);

	/* Did you mean: close slips only, the closest wins. */
	CHECK(mean("RuleNmae", "RuleName"));
	CHECK(mean("lifecycle", "Lifecycle"));
	CHECK(mean("TargetBackupVaultNam", "TargetBackupVaultName"));
	CHECK(mean("CopyAction", "CopyActions"));
	CHECK(mean("ScheduleExpresion", "ScheduleExpression"));
	CHECK(mean("ScheduleExpressionTimeZone", "ScheduleExpressionTimezone"));
	CHECK(mean("StartWindowMinutesX", "StartWindowMinutes"));
	CHECK(mean("Schedule", NULL));
	CHECK(mean("Tags", NULL));
	CHECK(mean("", NULL));
	CHECK(mean("X", NULL));

	/* Patterns from the data, compiled on first use. */
	CHECK(name_ok("api", "BackupRuleName", "daily-backup_1.v2") == 1);
	CHECK(name_ok("api", "BackupRuleName", "daily backup") == 0);
	CHECK(name_ok("api", "BackupRuleName", "") == 0);
	CHECK(name_ok("api", "BackupRuleName",
		      "a12345678901234567890123456789012345678901234567890") == 0);
	CHECK(name_ok("api", "BackupRuleName",
		      "a1234567890123456789012345678901234567890123456789") == 1);
	CHECK(name_ok("api", "BackupVaultName", "my-vault_1") == 1);
	CHECK(name_ok("api", "BackupVaultName", "my.vault") == 0);
	CHECK(name_ok("api", "BackupVaultName", "x") == 0);
	CHECK(name_ok("api", "BackupRuleName", "t\xc3\xa4glich") == 0);
	/* Tag keys count characters, not bytes: 128 'ä' are fine. */
	{
		char tag[2 * 129 + 1];
		int i;
		for (i = 0; i < 128; i++)
			memcpy(tag + 2 * i, "\xc3\xa4", 2);
		tag[256] = '\0';
		CHECK(name_ok("api", "TagKey", tag) == 1);
		memcpy(tag + 256, "\xc3\xa4", 2);
		tag[258] = '\0';
		CHECK(name_ok("api", "TagKey", tag) == 0);
	}
	/* Simple patterns (one class repeated) are checked without PCRE2,
	 * with the same answers: the name patterns of both files are. */
	CHECK(graph_agrees(shapes_api()) > 10);
	CHECK(graph_agrees(shapes_cfn()) > 10);
	CHECK(graph_agrees(shapes_tf()) > 10);
	CHECK(simple_patterns_agree(shapes_api()) >= 3);
	simple_patterns_agree(shapes_cfn());
	CHECK(name_ok("api", "BackupRuleName", "daily\n") == 1); /* PCRE2's $ */
	CHECK(name_ok("api", "BackupRuleName", "daily\n\n") == 0);
	/* The CloudFormation file falls back to the API's shapes. */
	CHECK(name_ok("cfn", "BackupRuleName", "daily") == 1);
	CHECK(name_ok("cfn", "LogicalId", "BackupPlan1") == 1);
	CHECK(name_ok("cfn", "LogicalId", "Backup-Plan") == 0);
	CHECK(name_ok("api", "String", "x") == -1);
	CHECK(name_ok("api", "NoSuchShape", "x") == -1);

	/* Vault ARNs: each part checked. */
	CHECK(vault_arn("arn:aws:backup:us-west-2:123456789012:backup-vault:dr") == -1);
	CHECK(vault_arn("arn:aws-cn:backup:cn-north-1:123456789012:backup-vault:dr") == -1);
	CHECK(vault_arn("arn:aws-us-gov:backup:us-gov-west-1:123456789012:backup-vault:d_r-1") == -1);
	CHECK(vault_arn("arn:aws:backup:us-west-2:123456789012:vault:dr") == BKP106);
	CHECK(vault_arn("arn:aws:backup:us-west-2:123456789012:backup-vault/dr") == BKP106);
	CHECK(vault_arn("arn:aws:backup:us-west-2:123456789012:backup-vault:d") == BKP106);
	CHECK(vault_arn("arn:aws:backup:us-west-2:123456789012:backup-vault:d.r") == BKP106);
	CHECK(vault_arn("arn:aws:backup:us-west-2:123456789012:backup-vault") == BKP106);
	CHECK(vault_arn("arn:aws:backup:us-west-2:12345678901a:backup-vault:dr") == BKP106);
	CHECK(vault_arn("arn:aws:backup::123456789012:backup-vault:dr") == BKP106);
	CHECK(vault_arn("arn:aws:backup:US-WEST-2:123456789012:backup-vault:dr") == BKP106);
	CHECK(vault_arn("arn:aws:s3:us-west-2:123456789012:backup-vault:dr") == BKP106);
	CHECK(vault_arn("arn:awz:backup:us-west-2:123456789012:backup-vault:dr") == BKP106);
	CHECK(vault_arn("arn:aws:backup:us-west-2:123456789012") == BKP106);
	CHECK(vault_arn("backup-vault:dr") == BKP106);
	CHECK(vault_arn("") == BKP106);
	CHECK(vault_arn("*") == BKP106);

	/* Selection resources: '*' alone, prefix wildcards, any service. */
	CHECK(resource_arn("*") == -1);
	CHECK(resource_arn("arn:aws:s3:::my-bucket") == -1);
	CHECK(resource_arn("arn:aws:s3:::my-bucket-*") == -1);
	CHECK(resource_arn("arn:aws:ec2:us-east-1:123456789012:volume/*") == -1);
	CHECK(resource_arn("arn:aws:dynamodb:*") == -1);
	CHECK(resource_arn("arn:aws:rds:us-east-1:123456789012:db:mydb") == -1);
	CHECK(resource_arn("arn:aws:s3:::*-logs") == BKP109);
	/* AWS documents whole-field and whole-type wildcards (CDK emits
	 * arn:aws:rds:*:*:db:*); only a '*' inside the resource part before
	 * its end is ruled out */
	CHECK(resource_arn("arn:aws:ec2:*:*:volume/*") == -1);
	CHECK(resource_arn("arn:aws:ec2:::instance/*") == -1);
	CHECK(resource_arn("arn:aws:rds:::cluster:*") == -1);
	CHECK(resource_arn("arn:aws:rds:*:*:db:*") == -1);
	CHECK(resource_arn("arn:aws:ec2:*") == -1);
	CHECK(resource_arn("arn:aws:ec2:::instance/*-prod") == BKP109);
	CHECK(resource_arn("**") != -1);
	CHECK(resource_arn("arn:aws:ec2:us-east-1:1234:volume/v") == BKP106);
	CHECK(resource_arn("s3://my-bucket") == BKP106);
	CHECK(resource_arn("arn:aws:rds:us-east-1") == BKP106);
	CHECK(resource_arn("arn:amazon:s3:::b*") == BKP106);

	/* CloudFormation: intrinsics are unknown values; literal parts and
	 * literal Fn::Sub variables are checked. */
	CHECK(cfn_vault("!GetAtt V.BackupVaultArn") == -1);
	CHECK(cfn_vault("!Ref P") == -1);
	CHECK(cfn_vault("!Sub arn:${AWS::Partition}:backup:${AWS::Region}:${AWS::AccountId}:backup-vault:${P}") == -1);
	CHECK(cfn_vault("!Sub arn:${AWS::Partition}:backup:${AWS::Region}:${AWS::AccountId}:vault:${P}") == BKP106);
	CHECK(cfn_vault("!Sub arn:aws:backup:${AWS::Region}:${AWS::AccountId}:backup-vault:my.vault") == BKP106);
	CHECK(cfn_vault("!Sub '${P}:backup-vault:xy'") == -1);
	CHECK(cfn_vault("!Sub 'arn:aws:backup:${P}:backup-vault:xy'") == -1);
	CHECK(cfn_vault("!Sub 'arm:aws:backup:${P}:backup-vault:xy'") == BKP106);
	CHECK(cfn_vault("!Sub [ 'arn:aws:backup:${R}:123456789012:backup-vault:xy', {R: us-west-2} ]") == -1);
	CHECK(cfn_vault("!Sub [ 'arn:aws:backup:${R}:123456789012:backup-vault:xy', {R: 'us west'} ]") == BKP106);
	CHECK(cfn_vault("!Join ['', ['arn:aws:backup:us-west-2:', !Ref P, ':backup-vault:xy']]") == -1);
	CHECK(cfn_vault("!Join [':', [arn, aws, backup, us-west-2, !Ref 'AWS::AccountId', vault, x]]") == BKP106);
	CHECK(cfn_vault("!If [C, 'arn:aws:backup:us-west-2:123456789012:backup-vault:xy', !Ref 'AWS::NoValue']") == -1);
	CHECK(cfn_vault("!If [C, !Ref P, 'arn:aws:backup:us-west-2:123456789012:vault:x']") == BKP106);
	CHECK(cfn_vault("{'Fn::Sub': 'arn:aws:backup:us-west-2:${AWS::AccountId}:backup-vault:xy'}") == -1);
	CHECK(cfn_vault("{'Fn::Sub': 'arn:aws:backup:us-west-2:${AWS::AccountId}:backup-vault/x'}") == BKP106);

	return check_done("test_schema");
}
