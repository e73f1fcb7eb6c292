/* test_arn.c - arn_parse(): field spans, resource type split, and failures. */
#include <stdio.h>
#include <string.h>

#include "arn.h"

static int fails;

static void expect_part(const char *arn, const struct arn *a, struct span sp,
			const char *want, const char *what, int line)
{
	if ((size_t)sp.len != strlen(want) ||
	    memcmp(a->s + sp.off, want, sp.len) != 0) {
		printf("test_arn.c:%d: %s of %s: got \"%.*s\", want \"%s\"\n",
		       line, what, arn, (int)sp.len, a->s + sp.off, want);
		fails++;
	}
}

static void ok(const char *s, const char *part, const char *svc,
	       const char *region, const char *acct, const char *res,
	       const char *rtype, const char *rid, int line)
{
	struct arn a;
	struct arn_error e;
	if (arn_parse(s, strlen(s), &a, &e) != 0) {
		printf("test_arn.c:%d: %s: unexpected failure: %s\n", line, s,
		       e.msg);
		fails++;
		return;
	}
	expect_part(s, &a, a.partition, part, "partition", line);
	expect_part(s, &a, a.service, svc, "service", line);
	expect_part(s, &a, a.region, region, "region", line);
	expect_part(s, &a, a.account, acct, "account", line);
	expect_part(s, &a, a.resource, res, "resource", line);
	expect_part(s, &a, a.rtype, rtype, "rtype", line);
	expect_part(s, &a, a.rid, rid, "rid", line);
}

static void bad(const char *s, unsigned off, unsigned len, const char *needle,
		int line)
{
	struct arn a;
	struct arn_error e;
	memset(&e, 0, sizeof(e));
	if (arn_parse(s, strlen(s), &a, &e) == 0) {
		printf("test_arn.c:%d: %s: parsed but should fail\n", line, s);
		fails++;
		return;
	}
	if (e.at.off != off || e.at.len != len || !strstr(e.msg, needle)) {
		printf("test_arn.c:%d: %s: error at %u+%u \"%s\", want %u+%u "
		       "containing \"%s\"\n", line, s, e.at.off, e.at.len,
		       e.msg, off, len, needle);
		fails++;
	}
}

int main(void)
{
	struct arn a;
	struct arn_error e;

	ok("arn:aws:backup:us-east-1:123456789012:backup-vault:Default",
	   "aws", "backup", "us-east-1", "123456789012",
	   "backup-vault:Default", "backup-vault", "Default", __LINE__);
	ok("arn:aws:iam::123456789012:role/service-role/AWSBackupDefaultServiceRole",
	   "aws", "iam", "", "123456789012",
	   "role/service-role/AWSBackupDefaultServiceRole", "role",
	   "service-role/AWSBackupDefaultServiceRole", __LINE__);
	ok("arn:aws:s3:::my-bucket", "aws", "s3", "", "", "my-bucket", "",
	   "my-bucket", __LINE__);
	ok("arn:aws-us-gov:rds:us-gov-west-1:123456789012:db:mydb:extra",
	   "aws-us-gov", "rds", "us-gov-west-1", "123456789012",
	   "db:mydb:extra", "db", "mydb:extra", __LINE__);
	ok("arn:aws:ec2:eu-west-1::snapshot/snap-0123", "aws", "ec2",
	   "eu-west-1", "", "snapshot/snap-0123", "snapshot", "snap-0123",
	   __LINE__);
	ok("arn:aws:ec2:*:*:volume/*", "aws", "ec2", "*", "*", "volume/*",
	   "volume", "*", __LINE__);
	ok("arn:aws:backup:us-east-1:123456789012:", "aws", "backup",
	   "us-east-1", "123456789012", "", "", "", __LINE__);

	bad("", 0, 0, "arn:", __LINE__);
	bad("*", 0, 1, "arn:", __LINE__);
	bad("ARN:aws:s3:::b", 0, 3, "arn:", __LINE__);
	bad("arn:aws:backup:us-east-1", 0, 24, "account", __LINE__);
	bad("arn:aws:backup", 0, 14, "Region", __LINE__);
	bad("arn::backup:us-east-1:123456789012:backup-vault:x", 4, 0,
	    "partition", __LINE__);
	bad("arn:aws::us-east-1:123456789012:backup-vault:x", 8, 0,
	    "service", __LINE__);

	/* arn_part_eq compares exactly, not as a prefix. */
	if (arn_parse("arn:aws:backup:r:1:vault:x", 26, &a, &e) != 0 ||
	    !arn_part_eq(&a, a.rtype, "vault") ||
	    arn_part_eq(&a, a.rtype, "vaul") ||
	    arn_part_eq(&a, a.rtype, "vaults")) {
		printf("test_arn.c:%d: arn_part_eq\n", __LINE__);
		fails++;
	}
	if (fails)
		printf("test_arn: %d failure(s)\n", fails);
	return fails != 0;
}
