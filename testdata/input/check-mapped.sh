#!/bin/sh
# A file of SRC_MAP_MIN (1 MiB) or more is mapped, and its pages are given
# back once its tree is built (linter/source.h); standard input never is.
# The same big documents linted both ways must give the same output, byte
# for byte, in every format: positions (CRLF lines, multi-byte names),
# excerpts, fingerprints, suppressions. Kinds: a JSON plan, a YAML stream
# of plans (documents released and loaded again), a CloudFormation
# template with short tags.
#   sh testdata/input/check-mapped.sh BACKUPLINT
set -u
bin=${1:?usage: check-mapped.sh BACKUPLINT}
cd "$(dirname "$0")/../.." || exit 2
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# a JSON plan with CRLF line ends; a rule in 40 keeps too little after
# cold storage, one in 70 has a schedule AWS refuses
awk 'BEGIN {
	printf "{\r\n  \"BackupPlan\": {\r\n    \"BackupPlanName\": \"caf\303\251\",\r\n    \"Rules\": [\r\n"
	for (i = 0; i < 6000; i++) {
		del = i % 40 == 7 ? 95 : 400
		cron = i % 70 == 3 ? "cron(0 5 * * * *)" : "cron(0 5 ? * * *)"
		printf "      {\"RuleName\": \"r\342\202\254%d\", \"TargetBackupVaultName\": \"v\303\251\",\r\n", i
		printf "       \"ScheduleExpression\": \"%s\",\r\n", cron
		printf "       \"Lifecycle\": {\"MoveToColdStorageAfterDays\": 30, \"DeleteAfterDays\": %d}}%s\r\n", del, i < 5999 ? "," : ""
	}
	printf "    ]\r\n  }\r\n}\r\n"
}' > "$tmp/plan.json"

# a YAML stream of plans, one with a suppression comment
awk 'BEGIN {
	for (d = 0; d < 2500; d++) {
		printf "---\nBackupPlanName: p%d\nRules:\n", d
		for (i = 0; i < 3; i++) {
			if (d % 50 == 9 && i == 1)
				printf "  # backuplint: disable-next-line=BKP501 -- archive\n"
			printf "  - RuleName: r%d\n    TargetBackupVaultName: main\n", i
			printf "    ScheduleExpression: cron(0 %d ? * * *)\n", i + 1
			printf "    Lifecycle:\n      MoveToColdStorageAfterDays: 30\n"
			printf "      DeleteAfterDays: %d\n", d % 25 == 9 ? 100 : 365
		}
	}
}' > "$tmp/stream.yaml"

# a template: plans, vaults and selections with short tags
awk 'BEGIN {
	printf "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n"
	for (i = 0; i < 2200; i++) {
		printf "  Vault%d:\n    Type: AWS::Backup::BackupVault\n", i
		printf "    Properties:\n      BackupVaultName: !Sub \"vault-%d-${AWS::Region}\"\n", i
		printf "  Plan%d:\n    Type: AWS::Backup::BackupPlan\n    Properties:\n", i
		printf "      BackupPlan:\n        BackupPlanName: !Sub \"plan-%d\"\n", i
		printf "        BackupPlanRule:\n          - RuleName: daily\n"
		printf "            TargetBackupVault: !Ref Vault%d\n", i
		printf "            ScheduleExpression: %s\n", i % 60 == 5 ? "cron(0 5 * * * *)" : "cron(0 5 ? * * *)"
		printf "            Lifecycle: {MoveToColdStorageAfterDays: 7, DeleteAfterDays: %d}\n", i % 30 == 4 ? 20 : 120
		printf "  Selection%d:\n    Type: AWS::Backup::BackupSelection\n    Properties:\n", i
		printf "      BackupPlanId: !Ref Plan%d\n      BackupSelection:\n", i
		printf "        SelectionName: s%d\n        IamRoleArn: !GetAtt Role.Arn\n", i
		printf "        Resources: [\"arn:aws:dynamodb:*:*:table/t%d\"]\n", i
	}
	printf "  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: {}\n"
}' > "$tmp/template.yaml"

for f in plan.json stream.yaml template.yaml; do
	size=$(wc -c < "$tmp/$f")
	if [ "$size" -lt 1048576 ]; then
		fail=$((fail + 1))
		echo "FAIL: $f is $size bytes, under the 1 MiB a mapped file takes"
		continue
	fi
	n=$("$bin" --format gnu --no-color "$tmp/$f" 2>/dev/null | wc -l)
	if [ "$n" -lt 20 ]; then
		fail=$((fail + 1))
		echo "FAIL: $f: only $n findings: the comparison would prove little"
		continue
	fi
	for fmt in text json sarif gnu; do
		"$bin" --format "$fmt" --no-color "$tmp/$f" > "$tmp/mapped" 2>&1
		rc1=$?
		"$bin" --format "$fmt" --no-color --stdin-filename "$tmp/$f" - \
			< "$tmp/$f" > "$tmp/read" 2>&1
		rc2=$?
		if [ "$rc1" = "$rc2" ] && cmp -s "$tmp/mapped" "$tmp/read"; then
			pass=$((pass + 1))
		else
			fail=$((fail + 1))
			echo "FAIL: $f --format $fmt: mapped (exit $rc1) and read (exit $rc2) differ"
			diff "$tmp/mapped" "$tmp/read" | head -5
		fi
	done
done
echo "$pass passed, $fail failed"
[ $fail = 0 ]
