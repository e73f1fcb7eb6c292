#!/bin/sh
# A file of one plan document has its run phase done as soon as it is read,
# alone, and the document is freed (linter/release.c: release_early), while
# nothing read so far links documents. When a selection (or anything else
# that links) comes later, those run phases are taken back and the plans
# read again. Either way the findings must be those of a run that never
# released anything: here, a run where a selection comes first.
#   sh testdata/output/check-early.sh BACKUPLINT
set -u
bin=${1:?usage: check-early.sh BACKUPLINT}
cd "$(dirname "$0")/../.." || exit 2
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/plans" "$tmp/sel" "$tmp/other"

# plan a: its selection (in sel/) puts its resources in eu-west-1, so its
# copy to the China partition is "from eu-west-1" once linked, "from
# us-east-1" (--region) alone
plan() { # FILE NAME ID-OR-EMPTY DELETE-AFTER
	id=
	[ -n "$3" ] && id=", \"BackupPlanId\": \"$3\""
	cat > "$1" <<EOF
{"BackupPlan": {"BackupPlanName": "$2", "Rules": [
  {"RuleName": "daily", "TargetBackupVaultName": "main",
   "ScheduleExpression": "cron(0 5 ? * * *)",
   "Lifecycle": {"MoveToColdStorageAfterDays": 30, "DeleteAfterDays": $4},
   "CopyActions": [
     {"DestinationBackupVaultArn": "arn:aws-cn:backup:cn-north-1:111122223333:backup-vault:dr"},
     {"DestinationBackupVaultArn": "arn:aws:backup:cn-northwest-1:111122223333:backup-vault:dr"},
     {"DestinationBackupVaultArn": "arn:aws:backup:mars-east-1:111122223333:backup-vault:dr"}]}]}$id}
EOF
}
plan "$tmp/plans/a.json" a 11111111-2222-3333-4444-555555555555 60
plan "$tmp/plans/b.json" b "" 365
plan "$tmp/plans/c.json" c "" 100
# plan e has no finding alone (its bytes are let go after its early run
# phase); its selection of a DynamoDB table makes its cold storage setting
# one AWS ignores, a finding of the run phase once linked
cat > "$tmp/plans/e.json" <<'EOF'
{"BackupPlan": {"BackupPlanName": "e", "Rules": [
  {"RuleName": "daily", "TargetBackupVaultName": "main",
   "ScheduleExpression": "cron(0 5 ? * * *)",
   "Lifecycle": {"MoveToColdStorageAfterDays": 30, "DeleteAfterDays": 365}}]},
 "BackupPlanId": "eeeeeeee-2222-3333-4444-555555555555"}
EOF
cat > "$tmp/sel/y.json" <<'EOF'
{"BackupPlanId": "eeeeeeee-2222-3333-4444-555555555555",
 "BackupSelection": {"SelectionName": "tables", "IamRoleArn": "arn:aws:iam::111122223333:role/backup",
  "Resources": ["arn:aws:dynamodb:us-east-1:111122223333:table/orders"]}}
EOF
cat > "$tmp/sel/z.json" <<'EOF'
{"BackupPlanId": "11111111-2222-3333-4444-555555555555",
 "BackupSelection": {"SelectionName": "fs", "IamRoleArn": "arn:aws:iam::111122223333:role/backup",
  "Resources": ["arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/fs-0123456789abcdef0"]}}
EOF
# a selection of a plan that is not in the run: it links nothing, but
# the run is no longer one of plans alone
cat > "$tmp/other/sel.json" <<'EOF'
{"BackupPlanId": "99999999-2222-3333-4444-555555555555",
 "BackupSelection": {"SelectionName": "other", "IamRoleArn": "arn:aws:iam::111122223333:role/backup",
  "Resources": ["arn:aws:dynamodb:us-east-1:111122223333:table/t"]}}
EOF

lint() { # OUT ARGS...: gnu lines, sorted (the order of files differs)
	out=$1
	shift
	"$bin" --region us-east-1 --format gnu --no-color "$@" > "$out.raw" 2>&1
	echo "exit $?" >> "$out.raw"
	sort "$out.raw" > "$out"
}
same() { # WHAT A B
	if cmp -s "$2" "$3"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $1"
		diff "$2" "$3" | head -6
	fi
}
has() { # WHAT FILE PATTERN
	if grep -q "$3" "$2"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $1: no line matches '$3'"
	fi
}

P="$tmp/plans/a.json $tmp/plans/b.json $tmp/plans/c.json $tmp/plans/e.json"
S="$tmp/sel/y.json $tmp/sel/z.json"
# the selections first: nothing is released early
lint "$tmp/ref" $S $P
has "the reference links plan a to its selection" "$tmp/ref" "a.json:.*copy from eu-west-1"
has "the reference links plan e to its selection" "$tmp/ref" "e.json:.*BKP302"
for jobs in 1 2; do
	# the plans first: released early, then taken back for the selection
	lint "$tmp/late" --jobs $jobs $P $S
	same "plans before their selection (--jobs $jobs)" "$tmp/ref" "$tmp/late"
	lint "$tmp/dir" --jobs $jobs "$tmp/plans" "$tmp/sel"
	same "a folder of plans, then one of selections (--jobs $jobs)" "$tmp/ref" "$tmp/dir"
done

# plans alone: every run phase early, as when each file is linted alone
# or after a selection that links none of them
lint "$tmp/alone" --jobs 1 $P
has "plans alone: a's copy is from --region" "$tmp/alone" "a.json:.*copy from us-east-1"
lint "$tmp/unlinked" --jobs 1 "$tmp/other/sel.json" $P
grep -v 'other/sel.json' "$tmp/unlinked" > "$tmp/unlinked.plans"
same "plans alone, and after a selection of another plan" "$tmp/alone" "$tmp/unlinked.plans"
for f in $P; do
	"$bin" --region us-east-1 --format gnu --no-color "$f" 2>&1
done | sort > "$tmp/each"
grep -v '^exit' "$tmp/alone" > "$tmp/alone.lines"
same "plans alone, and each file linted alone" "$tmp/each" "$tmp/alone.lines"
# plan e, without a finding, lets its bytes go: SARIF still gives its length
"$bin" --region us-east-1 --format sarif $P > "$tmp/sarif" 2>&1
has "plans alone: e's length in SARIF" "$tmp/sarif" "e.json\"}, *\"length\": *$(wc -c < "$tmp/plans/e.json")"

# --max-findings reached in the run phase: which findings are kept follows
# the run phase of the whole file
for max in 1 2 3; do
	lint "$tmp/m1" --jobs 1 --max-findings $max $P
	lint "$tmp/m2" --jobs 1 --max-findings $max "$tmp/other/sel.json" $P
	grep -v 'other/sel.json' "$tmp/m2" > "$tmp/m2.plans"
	same "--max-findings $max, plans alone and after a selection" "$tmp/m1" "$tmp/m2.plans"
done
echo "$pass passed, $fail failed"
[ $fail = 0 ]
