/* test_session.c - one process, many sessions and runs: the same documents
 * linted again and again, alternating sessions with different severities and
 * different "todays", give each session's answer every time (no state leaks
 * from one run into the next: memos, links, the facts dataset). Run under
 * ASan and valgrind by make check. */
#include <stdio.h>
#include <string.h>

#include "lint.h"
#include "registry.h"
#include "check.h"



/* A plan whose lifecycle is too short for cold storage (BKP501) and whose
 * schedule fires only in 2026 (BKP603 once today is past 2026), with a copy
 * that links to a selection in a second document (BKP301 in the run phase). */
static const char plan[] =
	"{\"BackupPlan\": {\"BackupPlanName\": \"p\", \"Rules\": [{\n"
	"  \"RuleName\": \"r\", \"TargetBackupVaultName\": \"main\",\n"
	"  \"ScheduleExpression\": \"cron(0 5 ? * * 2026)\",\n"
	"  \"Lifecycle\": {\"MoveToColdStorageAfterDays\": 30, \"DeleteAfterDays\": 100},\n"
	"  \"CopyActions\": [{\"DestinationBackupVaultArn\":\n"
	"    \"arn:aws:backup:us-west-2:111122223333:backup-vault:dr\"}]}]}}\n";
static const char sel[] =
	"{\"BackupSelection\": {\"SelectionName\": \"s\",\n"
	"  \"IamRoleArn\": \"arn:aws:iam::111122223333:role/r\",\n"
	"  \"Resources\": [\"arn:aws:dynamodb:us-east-1:111122223333:table/t\"]}}\n";

struct result {
	int sev501;   /* severity of BKP501, 0 when absent */
	int n603;     /* BKP603 findings */
	int n301;     /* BKP301 findings */
	size_t total;
};

static void count(const struct file *f, struct result *r)
{
	size_t i;
	for (i = 0; i < f->diags.n; i++) {
		const struct diag *d = &f->diags.v[i];
		if (d->rule == BKP501)
			r->sev501 = d->severity;
		r->n603 += d->rule == BKP603;
		r->n301 += d->rule == BKP301;
	}
	r->total += f->diags.n;
}

/* One run of session s over the plan and the selection. */
static struct result lint_run(struct session *s)
{
	struct run run;
	struct file a, b, *files[2] = { &a, &b };
	struct result r;

	memset(&r, 0, sizeof(r));
	run_init(&run, s);
	lint_buffer(&run, &a, "plan.json", plan, strlen(plan));
	lint_buffer(&run, &b, "sel.json", sel, strlen(sel));
	run_finish(&run, files, 2);
	count(&a, &r);
	count(&b, &r);
	file_release(&a);
	file_release(&b);
	run_release(&run);
	return r;
}

static void open_session(struct session *s, const char *now)
{
	struct options o;
	char err[256];
	options_init(&o);
	o.now = now;
	o.region = "us-east-1";
	if (session_init(s, &backuplint, &o, err, sizeof(err)) < 0) {
		printf("test_session.c: %s\n", err);
		check_failures++;
	}
}

int main(void)
{
	struct session in2026, in2027, quiet;
	struct options o;
	char err[256];
	int round;

	open_session(&in2026, "2026-06-15");
	open_session(&in2027, "2027-03-01");
	open_session(&quiet, "2026-06-15");
	/* the third session: BKP501 a warning, BKP301 off */
	session_set_severity(&quiet, BKP501, SEV_WARNING);
	session_set_severity(&quiet, BKP301, SEV_NONE);

	for (round = 0; round < 3; round++) {
		struct result a = lint_run(&in2026);
		struct result b = lint_run(&in2027);
		struct result c = lint_run(&quiet);
		CHECK(a.sev501 == SEV_ERROR && a.n603 == 0 && a.n301 == 1);
		CHECK(b.sev501 == SEV_ERROR && b.n603 == 1 && b.n301 == 1);
		CHECK(c.sev501 == SEV_WARNING && c.n603 == 0 && c.n301 == 0);
		CHECK(b.total == a.total + 1 && c.total == a.total - 1);
	}

	session_release(&quiet);

	/* a session refuses what it cannot honour, and says why */
	options_init(&o);
	o.now = "2026-02-30";
	CHECK(session_init(&quiet, &backuplint, &o, err, sizeof(err)) < 0);
	CHECK(strstr(err, "2026-02-30") != NULL);
	options_init(&o);
	o.facts = "nonesuch";
	CHECK(session_init(&quiet, &backuplint, &o, err, sizeof(err)) < 0);
	CHECK(strstr(err, "nonesuch") != NULL);

	session_release(&in2026);
	session_release(&in2027);
	return check_done("test_session");
}
