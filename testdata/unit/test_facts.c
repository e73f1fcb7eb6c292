/* test_facts.c - the facts datasets: Region lookups and suggestions, ARN
 * classification, per-type features and their differences between the
 * spec and current datasets. */
#include <stdio.h>
#include <string.h>

#include "facts.h"
#include "check.h"



static int ty(const char *name)
{
	int t = facts_type_index(name);
	if (t < 0) {
		printf("test_facts.c: no resource type %s\n", name);
		check_failures++;
		return 0;
	}
	return t;
}

static unsigned bit(const char *name)
{
	return 1u << ty(name);
}

/* Classify s and compare with the expected sets. */
static void arn(const char *s, int ret, unsigned known, unsigned maybe, int any,
		int unsupported, int line)
{
	struct arn_types t;
	int r = facts_arn_types(s, strlen(s), &t);
	if (r != ret ||
	    (r == 0 && (t.known != known || t.maybe != maybe || t.any != any ||
			t.unsupported != unsupported))) {
		printf("test_facts.c:%d: %s: got %d known=%#x maybe=%#x any=%d "
		       "unsupported=%d\n",
		       line, s, r, t.known, t.maybe, t.any, t.unsupported);
		check_failures++;
	}
}

int main(void)
{
	const struct facts *spec = facts_get("spec");
	const struct facts *cur = facts_get("current");
	const struct region_info *ri;
	struct arn_types t;
	char buf[64];
	const char *rp;

	/* dataset names */
	CHECK(facts_valid("spec") && facts_valid("current"));
	CHECK(!facts_valid("Spec") && !facts_valid("") && !facts_valid(NULL));
	CHECK(strcmp(facts_names()[0], "spec") == 0); /* schemas/aws.json default_facts */
	CHECK(facts_get(NULL) == spec && facts_get("nope") == NULL);
	CHECK(strstr(facts_cite(spec), "spec") &&
	      strstr(facts_cite(cur), "current"));
	CHECK(strcmp(facts_date(spec), facts_date(cur)) < 0);

	/* Regions */
	ri = facts_region("eu-south-1");
	CHECK(ri && strcmp(ri->name, "Europe (Milan)") == 0 &&
	      strcmp(ri->partition, "aws") == 0 && ri->opt_in);
	CHECK(facts_region("us-east-1") && !facts_region("us-east-1")->opt_in);
	CHECK(!facts_region("us-est-1") && !facts_region(NULL));
	CHECK(strcmp(facts_region_label("eu-south-1"),
		     "eu-south-1 (Europe (Milan))") == 0);
	CHECK(strcmp(facts_region_label("xx-1"), "xx-1") == 0);
	CHECK(facts_region_suggest("us-est-1") &&
	      strcmp(facts_region_suggest("us-est-1"), "us-east-1") == 0);
	CHECK(facts_region_suggest("eu-wset-1") == NULL ||
	      strcmp(facts_region_suggest("eu-wset-1"), "eu-west-1") == 0);
	CHECK(facts_region_suggest("completely-wrong") == NULL);
	CHECK(strcmp(facts_partition_of("cn-north-1"), "aws-cn") == 0);
	CHECK(strcmp(facts_partition_of("us-gov-west-9"), "aws-us-gov") == 0);
	CHECK(strcmp(facts_partition_of("us-west-9"), "aws") == 0);
	CHECK(facts_partition_of("zz-top-1") == NULL);
	CHECK(facts_partition_valid("aws-us-gov") &&
	      facts_partition_valid("aws"));
	CHECK(!facts_partition_valid("amazon") && !facts_partition_valid(NULL));

	/* the spec's four Regions without cross-Region copy, lifted today */
	CHECK(facts_cross_region_offered(spec, "ap-east-1") == FACT_NO);
	CHECK(facts_cross_region_offered(spec, "me-south-1") == FACT_NO);
	CHECK(facts_cross_region_offered(spec, "eu-south-1") == FACT_NO);
	CHECK(facts_cross_region_offered(spec, "af-south-1") == FACT_NO);
	CHECK(facts_cross_region_offered(spec, "eu-west-1") == FACT_YES);
	CHECK(facts_cross_region_offered(cur, "eu-south-1") == FACT_YES);
	CHECK(facts_cross_region_offered(cur, "nowhere-1") == FACT_UNKNOWN);
	CHECK(facts_region_note(spec, "eu-south-1", 0) != NULL);
	CHECK(facts_cross_account_offered(cur, "cn-north-1") == FACT_NO);
	/* spec is the guide over today's data: the guide says nothing of
	 * cross-account copy or of where AWS Backup is offered */
	CHECK(facts_base(spec) == cur && facts_base(cur) == NULL);
	CHECK(facts_cross_account_offered(spec, "cn-north-1") == FACT_NO);
	CHECK(strstr(facts_cite_region(spec, "cn-north-1", 1), "matrix") &&
	      strstr(facts_cite_region(spec, "cn-north-1", 1), "silent"));
	CHECK(strcmp(facts_cite_region(spec, "eu-south-1", 0), facts_cite(spec)) == 0);
	CHECK(facts_backup_offered(spec, "eu-central-2") == FACT_YES);
	CHECK(facts_backup_offered(cur, "eu-central-2") == FACT_YES);
	CHECK(facts_backup_offered(cur, "eu-isoe-west-1") == FACT_NO);

	/* ARN classification */
	arn("arn:aws:dynamodb:us-east-1:111122223333:table/Orders", 0,
	    bit("DynamoDB"), 0, 0, 0, __LINE__);
	arn("arn:aws:rds:us-east-1:111122223333:db:orders", 0, bit("RDS"), 0, 0,
	    0, __LINE__);
	arn("arn:aws:rds:us-east-1:111122223333:cluster:orders", 0,
	    bit("Aurora"), bit("DocumentDB") | bit("Neptune"), 0, 0, __LINE__);
	arn("arn:aws:elasticfilesystem:us-east-1:111122223333:file-system/fs-1",
	    0, bit("EFS"), 0, 0, 0, __LINE__);
	arn("arn:aws:s3:::my-bucket", 0, bit("S3"), 0, 0, 0, __LINE__);
	arn("arn:aws:ec2:us-east-1:111122223333:volume/vol-1", 0, bit("EBS"), 0,
	    0, 0, __LINE__);
	arn("arn:aws:ec2:*", 0, 0, bit("EC2") | bit("EBS"), 0, 0, __LINE__);
	arn("arn:aws:rds:us-east-1:111122223333:d*", 0, 0, bit("RDS"), 0, 0,
	    __LINE__);
	arn("*", 0, 0, 0, 1, 0, __LINE__);
	arn("arn:aws:*", 0, 0, 0, 1, 0, __LINE__);
	arn("arn:*", 0, 0, 0, 1, 0, __LINE__);
	arn("arn:aws:ec2:us-east-1:111122223333:snapshot/snap-1", 0, 0, 0, 0, 1,
	    __LINE__);
	arn("arn:aws:sqs:us-east-1:111122223333:queue", 0, 0, 0, 0, 1,
	    __LINE__);
	arn("not an arn", -1, 0, 0, 0, 0, __LINE__);
	arn("", -1, 0, 0, 0, 0, __LINE__);
	arn("arn:aws:rds", -1, 0, 0, 0, 0, __LINE__);
	rp = "arn:aws:rds:us-east-1:1:snapshot:awsbackup:x";
	CHECK(facts_recovery_point_types(rp, strlen(rp), &t) == 0 &&
	      t.known == bit("RDS"));
	rp = "arn:aws:backup:us-east-1:1:recovery-point:x";
	CHECK(facts_recovery_point_types(rp, strlen(rp), &t) == 0 &&
	      t.known == 0 && !t.unsupported);
	CHECK(facts_cfn_type("AWS::DynamoDB::Table") == ty("DynamoDB"));
	CHECK(facts_cfn_type("AWS::SQS::Queue") == -1);

	/* per-type features and the datasets' differences */
	CHECK(facts_type_feature(spec, ty("DynamoDB"), FEAT_CROSS_REGION_COPY,
				 NULL, NULL) == FACT_NO);
	CHECK(facts_type_feature(cur, ty("DynamoDB"), FEAT_CROSS_REGION_COPY,
				 NULL, NULL) == FACT_LIMITED);
	CHECK(facts_type_feature(spec, ty("RDS"), FEAT_BOTH_COPY_KINDS, NULL,
				 NULL) == FACT_NO);
	CHECK(facts_type_feature(cur, ty("RDS"), FEAT_BOTH_COPY_KINDS, NULL,
				 NULL) == FACT_LIMITED);
	CHECK(facts_type_feature(spec, ty("EBS"), FEAT_COLD_STORAGE, NULL,
				 NULL) == FACT_NO);
	/* EBS goes to the archive tier with the archive opt-in only; a
	 * document that uses the opt-in is written for today's AWS */
	CHECK(facts_type_feature(cur, ty("EBS"), FEAT_COLD_STORAGE, NULL,
				 NULL) == FACT_NO);
	CHECK(facts_type_feature(cur, ty("EBS"), FEAT_COLD_ARCHIVE, NULL,
				 NULL) == FACT_YES);
	CHECK(facts_type_feature(spec, ty("EBS"), FEAT_COLD_ARCHIVE, NULL,
				 NULL) == FACT_YES);
	CHECK(facts_type_feature(spec, ty("RDS"), FEAT_COLD_ARCHIVE, NULL,
				 NULL) == FACT_NO);
	CHECK(facts_type_feature(cur, ty("EFS"), FEAT_COLD_ARCHIVE, NULL,
				 NULL) == FACT_YES);
	CHECK(strcmp(facts_cite_type(spec, ty("EBS"), FEAT_COLD_STORAGE),
		     facts_cite(spec)) == 0);
	CHECK(strcmp(facts_cite_type(spec, ty("EBS"), FEAT_CONTINUOUS),
		     facts_cite(spec)) != 0);
	CHECK(facts_type_feature(spec, ty("EFS"), FEAT_COLD_STORAGE, NULL,
				 NULL) == FACT_YES);
	CHECK(facts_type_feature(spec, ty("Redshift"), FEAT_PROTECTED, NULL,
				 NULL) == FACT_YES);
	CHECK(facts_type_feature(cur, ty("Redshift"), FEAT_PROTECTED, NULL,
				 NULL) == FACT_YES);
	CHECK(facts_type_feature(cur, ty("S3"), FEAT_CONTINUOUS, NULL, NULL) ==
	      FACT_YES);
	CHECK(facts_type_feature(cur, ty("EFS"), FEAT_CONTINUOUS, NULL, NULL) ==
	      FACT_NO);
	CHECK(facts_type_feature(cur, -1, FEAT_CONTINUOUS, NULL, NULL) ==
	      FACT_UNKNOWN);
	/* opt-in Region limits, with Neptune's exceptions */
	CHECK(facts_type_feature(cur, ty("DocumentDB"), FEAT_CROSS_REGION_COPY,
				 "us-east-1", NULL) == FACT_YES);
	CHECK(facts_type_feature(cur, ty("DocumentDB"), FEAT_CROSS_REGION_COPY,
				 "ap-south-2", NULL) == FACT_NO);
	CHECK(facts_type_feature(cur, ty("Neptune"), FEAT_CROSS_REGION_COPY,
				 "af-south-1", NULL) == FACT_YES);
	CHECK(facts_type_feature(cur, ty("Neptune"), FEAT_CROSS_REGION_COPY,
				 "eu-south-2", NULL) == FACT_NO);
	CHECK(facts_types_with(spec, bit("EFS") | bit("RDS"), FEAT_COLD_STORAGE,
			       FACT_NO, NULL) == bit("RDS"));

	/* set display, truncated safely */
	CHECK(strcmp(facts_typeset_str(bit("EFS"), buf, sizeof(buf)),
		     "Amazon EFS file systems") == 0);
	facts_typeset_str(0xffffffffu, buf, sizeof(buf));
	CHECK(strlen(buf) < sizeof(buf) && strstr(buf, "..."));
	CHECK(strcmp(facts_typeset_str(0, buf, sizeof(buf)), "") == 0);

	return check_done("test_facts");
}
