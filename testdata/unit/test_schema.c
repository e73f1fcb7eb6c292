/* test_schema.c - the validator's tricky parts: edit distance, did-you-mean
 * and the name patterns as compiled from schemas/shapes-*.json. */
#include <stdio.h>
#include <string.h>

#include "schema.h"

static int fails;

#define CHECK(cond) do { \
	if (!(cond)) { \
		printf("test_schema.c:%d: %s\n", __LINE__, #cond); \
		fails++; \
	} \
} while (0)

static unsigned dist(const char *a, const char *b, int nocase)
{
	return schema_edit_distance(a, strlen(a), b, strlen(b), nocase);
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
	const char *got = schema_did_you_mean(word, members,
					      sizeof(members) / sizeof(members[0]));
	if (!want)
		return got == NULL;
	return got && strcmp(got, want) == 0;
}

static int name_ok(const char *dialect, const char *shape, const char *s)
{
	return schema_pattern_match(dialect, shape, s, strlen(s));
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
	CHECK(schema_edit_distance("a", 65, "a", 1, 0) == 1000);

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
	/* The CloudFormation file falls back to the API's shapes. */
	CHECK(name_ok("cfn", "BackupRuleName", "daily") == 1);
	CHECK(name_ok("cfn", "LogicalId", "BackupPlan1") == 1);
	CHECK(name_ok("cfn", "LogicalId", "Backup-Plan") == 0);
	CHECK(name_ok("api", "String", "x") == -1);
	CHECK(name_ok("api", "NoSuchShape", "x") == -1);

	if (fails)
		printf("test_schema: %d failure(s)\n", fails);
	return fails != 0;
}
