/* test_model.c - the policy model on in-memory documents: places from
 * literal ARNs, Fn::Sub (with and without a variable map), Fn::Join and
 * Fn::GetAtt of a vault; offsets of the Region part; cross-Region/account
 * comparison; selection types; linking across documents of one run. */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "lint.h"
#include "model.h"
#include "families.h"
#include "strbuf.h"
#include "check.h"



static int streq(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* Lint text as one file of run h and return its first kept document's
 * model. */
static struct doc_model *lint_text(struct harness *h, struct file *f,
				   const char *text, const struct options *o)
{
	harness_init(h, o);
	lint_buffer(&h->r, f, "t.yaml", text, strlen(text));
	return f->ndocs ? model_of(f->docs[0]) : NULL;
}

static const char cfn[] =
	"AWSTemplateFormatVersion: '2010-09-09'\n"
	"Resources:\n"
	"  Vault:\n"
	"    Type: AWS::Backup::BackupVault\n"
	"    Properties: {BackupVaultName: main}\n"
	"  Table:\n"
	"    Type: AWS::DynamoDB::Table\n"
	"  Plan:\n"
	"    Type: AWS::Backup::BackupPlan\n"
	"    Properties:\n"
	"      BackupPlan:\n"
	"        BackupPlanName: p\n"
	"        BackupPlanRule:\n"
	"          - RuleName: r\n"
	"            TargetBackupVault: !Ref Vault\n"
	"            CopyActions:\n"
	"              - DestinationBackupVaultArn: !Sub "
	"'arn:${AWS::Partition}:backup:us-west-2:${AWS::AccountId}:backup-vault:dr'\n"
	"              - DestinationBackupVaultArn: !Sub "
	"['arn:aws:backup:${AWS::Region}:${Acct}:backup-vault:x', {Acct: '444455556666'}]\n"
	"              - DestinationBackupVaultArn: !Join ['', ['arn:aws:backup:', "
	"!Ref 'AWS::Region', ':', !Ref 'AWS::AccountId', ':backup-vault:y']]\n"
	"              - DestinationBackupVaultArn: !GetAtt Vault.BackupVaultArn\n"
	"  Sel:\n"
	"    Type: AWS::Backup::BackupSelection\n"
	"    Properties:\n"
	"      BackupPlanId: !Ref Plan\n"
	"      BackupSelection:\n"
	"        SelectionName: s\n"
	"        IamRoleArn: arn:aws:iam::111122223333:role/r\n"
	"        Resources:\n"
	"          - !GetAtt Table.Arn\n"
	"          - !Sub 'arn:${AWS::Partition}:rds:${AWS::Region}:${AWS::AccountId}:db:x'\n";

static void test_cfn(void)
{
	struct file f;
	struct options o;
	struct doc_model *m;
	struct plan_m *p;
	struct harness h;
	struct file *fp = &f;

	options_init(&o);
	o.region = "us-east-1";
	m = lint_text(&h, &f, cfn, &o);
	CHECK(m && m->nplans == 1 && m->nsels == 1);
	if (!m || m->nplans != 1 || m->nsels != 1) {
		file_release(&f);
		harness_release(&h);
		return;
	}
	p = &m->plans[0];
	CHECK(p->nrules == 1 && p->ncopies == 4);
	CHECK(streq(p->src.region, "us-east-1") && !p->src.region_from_doc);
	CHECK(streq(p->rules[0].vault_ref, "Vault") &&
	      streq(p->rules[0].vault, "main"));
	/* literal Region in a Sub: cross-Region, same partition/account */
	CHECK(streq(p->copies[0].dst.region, "us-west-2"));
	CHECK(p->copies[0].dst.same_account && p->copies[0].dst.same_partition);
	CHECK(p->copies[0].cross_region == 1 && p->copies[0].cross_account == 0);
	CHECK(p->copies[0].region_part.len == 9 &&
	      memcmp(f.src.buf + node_text_start(p->copies[0].region_part.node) +
			     p->copies[0].region_part.off,
		     "us-west-2", 9) == 0);
	/* Sub with a variable map: the stack's Region, a literal account */
	CHECK(p->copies[1].dst.same_region && p->copies[1].cross_region == 0);
	CHECK(streq(p->copies[1].dst.account, "444455556666"));
	CHECK(p->copies[1].cross_account == -1); /* source account unknown */
	/* Join of pseudo-parameter Refs: same Region and account */
	CHECK(p->copies[2].cross_region == 0 && p->copies[2].cross_account == 0);
	CHECK(streq(p->copies[2].vault, "y"));
	/* GetAtt of the stack's vault: the rule's own target */
	CHECK(p->copies[3].cross_region == 0 && p->copies[3].cross_account == 0);
	CHECK(streq(p->copies[3].vault_ref, "Vault"));
	/* the selection: DynamoDB by GetAtt, RDS by Sub */
	CHECK(m->sels[0].nres == 2 && !m->sels[0].any);
	CHECK(m->sels[0].known == ((1u << facts_type_index("DynamoDB")) |
				   (1u << facts_type_index("RDS"))));
	CHECK(streq(m->sels[0].plan_logical, "Plan"));
	/* linking: the run's check_run does it; the role gives the account */
	h.r.files = &fp;
	h.r.nfiles = 1;
	model_link(&h.r);
	CHECK(m->sels[0].plan == p && p->nsels == 1 && p->sels[0] == &m->sels[0]);
	CHECK(streq(p->src.account, "111122223333"));
	CHECK(p->copies[1].cross_account == 1);
	file_release(&f);
	harness_release(&h);
}

static void test_api(void)
{
	static const char plan[] =
		"{\"BackupPlan\": {\"BackupPlanName\": \"p\", \"Rules\": [\n"
		"  {\"RuleName\": \"r\", \"TargetBackupVaultName\": \"main\",\n"
		"   \"CopyActions\": [{\"DestinationBackupVaultArn\":\n"
		"     \"arn:aws-cn:backup:cn-north-1:111122223333:backup-vault:main\"}]}]},\n"
		" \"BackupPlanArn\": \"arn:aws:backup:eu-south-1:111122223333:backup-plan:x\",\n"
		" \"BackupPlanId\": \"x\", \"VersionId\": \"v\"}\n";
	struct file f;
	struct options o;
	struct doc_model *m;
	struct copy_m *c;
	struct harness h;

	options_init(&o);
	o.region = "us-east-1"; /* the document's own ARN wins */
	m = lint_text(&h, &f, plan, &o);
	CHECK(m && m->nplans == 1);
	if (!m || m->nplans != 1) {
		file_release(&f);
		harness_release(&h);
		return;
	}
	CHECK(streq(m->plans[0].src.region, "eu-south-1"));
	CHECK(m->plans[0].src.region_from_doc);
	CHECK(streq(m->plans[0].src.partition, "aws"));
	c = &m->plans[0].copies[0];
	CHECK(c->cross_region == 1 && c->cross_account == 0 &&
	      c->cross_partition == 1);
	CHECK(streq(c->dst_partition, "aws-cn") && streq(c->vault, "main"));
	file_release(&f);
	harness_release(&h);
}

/* The hover hook over a Terraform plan (names of its dialect): the
 * lifecycle's dates from today (2026-06-15), the schedule's firings in its
 * zone; nothing over a name. */
static void test_hover(void)
{
	static const char tf[] =
		"resource \"aws_backup_plan\" \"p\" {\n"
		"  name = \"p\"\n"
		"  rule {\n"
		"    rule_name         = \"daily\"\n"
		"    target_vault_name = \"main\"\n"
		"    schedule          = \"cron(0 5 ? * SUN *)\"\n"
		"    schedule_expression_timezone = \"Asia/Tokyo\"\n"
		"    lifecycle {\n"
		"      cold_storage_after = 30\n"
		"      delete_after       = 120\n"
		"    }\n"
		"  }\n"
		"}\n";
	struct harness h;
	struct file f;
	struct strbuf b;
	const char *at;

	harness_init(&h, NULL);
	lint_buffer(&h.r, &f, "main.tf", tf, strlen(tf));
	CHECK(f.ndocs == 1);
	if (f.ndocs != 1)
		goto out;
	memset(&b, 0, sizeof(b));
	at = strstr(tf, "= 120");
	CHECK(aws_hover(f.docs[0], (size_t)(at + 3 - tf), &b) == 1);
	CHECK(b.s && strstr(b.s, "**lifecycle** of rule 'daily': a recovery point made on 2026-06-15"));
	CHECK(b.s && strstr(b.s, "goes to cold storage after 30 days, on 2026-07-15 (cold_storage_after 30)"));
	CHECK(b.s && strstr(b.s, "is deleted after 120 days, on 2026-10-13 (delete_after 120), after 90 days in cold storage"));
	free(b.s);
	memset(&b, 0, sizeof(b));
	at = strstr(tf, "cron(");
	CHECK(aws_hover(f.docs[0], (size_t)(at - tf), &b) == 1);
	CHECK(b.s && strstr(b.s, "**schedule** of rule 'daily', in Asia/Tokyo: next firings from 2026-06-15\n"
			    "- Sun 2026-06-21 05:00\n- Sun 2026-06-28 05:00\n"));
	free(b.s);
	memset(&b, 0, sizeof(b));
	at = strstr(tf, "\"daily\"");
	CHECK(aws_hover(f.docs[0], (size_t)(at - tf), &b) == 0 && !b.s);
	free(b.s);
out:
	file_release(&f);
	harness_release(&h);
}

int main(void)
{
	test_hover();
	test_cfn();
	test_api();
	CHECK(model_demotion(1, FACT_NO) == 0);
	CHECK(model_demotion(0, FACT_NO) == 1);
	CHECK(model_demotion(1, FACT_LIMITED) == 1);
	CHECK(model_demotion(0, FACT_LIMITED) == 2);
	return check_done("test_model");
}
