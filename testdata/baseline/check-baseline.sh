#!/bin/sh
# Baselines as a team uses them: written once, then read after the files
# were edited without touching the findings (lines added above, YAML
# re-indented, JSON minified, rules reordered), from another folder of the
# repository; a new finding is the only one shown; a baseline that cannot be
# used is one line on standard error and exit 2, nothing linted.
#   sh testdata/baseline/check-baseline.sh BACKUPLINT
set -u
bin=${1:?usage: check-baseline.sh BACKUPLINT}
cd "$(dirname "$0")/../.." || exit 2
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
repo=$tmp/repo
mkdir -p "$repo/.git" "$repo/plans/team"
bl() { (cd "$repo" && BACKUPLINT_NOW=2026-06-15 "$bin" --format gnu --no-color "$@") \
	>"$tmp/out" 2>"$tmp/err"; code=$?; }
rules() { sed -n 's/.*\[\(BKP[0-9]*\) .*/\1/p' "$tmp/out" | sort | tr '\n' ' ' | sed 's/ $//'; }

cat >"$repo/plans/team/plan.yaml" <<'EOF'
BackupPlan:
  BackupPlanName: nightly
  Rules:
    - RuleName: daily
      TargetBackupVaultName: main
      ScheduleExpression: cron(0 5 ? * * *)
      StartWindowMinutes: 30
      Lifecycle:
        MoveToColdStorageAfterDays: 30
        DeleteAfterDays: 60
    - RuleName: weekly
      TargetBackupVaultName: main
      ScheduleExpression: cron(0 5 ? * SUN *)
      StartWindowMinutes: 45
      Lifecycle: {MoveToColdStorageAfterDays: 14, DeleteAfterDays: 100}
EOF
cat >"$repo/plans/copy.json" <<'EOF'
{
  "BackupPlan": {
    "BackupPlanName": "dr",
    "Rules": [
      {
        "RuleName": "daily",
        "TargetBackupVaultName": "main",
        "StartWindowMinutes": 20,
        "Lifecycle": {"DeleteAfterDays": 35},
        "CopyActions": [
          {"DestinationBackupVaultArn": "arn:aws:backup:eu-west-1:111122223333:backup-vault:dr",
           "Lifecycle": {"MoveToColdStorageAfterDays": 10, "DeleteAfterDays": 50}}
        ]
      }
    ]
  }
}
EOF

bl --write-baseline baseline.json plans
if [ $code = 1 ] && [ "$(rules)" = "BKP501 BKP501 BKP501 BKP604 BKP604 BKP604" ] &&
	grep -q '"backuplint-baseline"' "$repo/baseline.json" &&
	grep -q '"file":[[:space:]]*"plans/team/plan.yaml"' "$repo/baseline.json"; then
	ok "written: six findings, files named from the repository's root"
else
	bad "--write-baseline: exit $code, $(rules): $(head -c 300 "$tmp/err")"
fi
ls "$repo" | grep -q tmp && bad "a temporary file was left beside the baseline"

bl --baseline baseline.json plans
if [ $code = 0 ] && [ ! -s "$tmp/out" ]; then ok "same files: nothing shown, exit 0"
else bad "same files: exit $code: $(head -c 300 "$tmp/out")"; fi

# edits that leave the findings as they were: comment lines above, four
# spaces of indentation instead of two, a flow mapping made a block
cat >"$repo/plans/team/plan.yaml" <<'EOF'
# the nightly plan
# owned by the storage team

BackupPlan:
    BackupPlanName: nightly
    Rules:
        -   RuleName: daily
            TargetBackupVaultName: main
            ScheduleExpression: cron(0 5 ? * * *)
            StartWindowMinutes: 30
            Lifecycle:
                MoveToColdStorageAfterDays: 30
                DeleteAfterDays: 60
        -   RuleName: weekly
            TargetBackupVaultName: main
            ScheduleExpression: "cron(0 5 ? * SUN *)"
            StartWindowMinutes: 45
            Lifecycle:
                MoveToColdStorageAfterDays: 14
                DeleteAfterDays: 100
EOF
tr -d '\n ' <"$repo/plans/copy.json" >"$tmp/c.json"   # minified
mv "$tmp/c.json" "$repo/plans/copy.json"
bl --baseline baseline.json plans
if [ $code = 0 ] && [ ! -s "$tmp/out" ]; then ok "re-indented YAML, lines above, minified JSON: still matched"
else bad "reformatted: exit $code: $(cat "$tmp/out" "$tmp/err" | head -c 600)"; fi

# the rules of the plan in the other order: findings keyed by rule name
cat >"$repo/plans/team/plan.yaml" <<'EOF'
BackupPlan:
  BackupPlanName: nightly
  Rules:
    - RuleName: weekly
      TargetBackupVaultName: main
      ScheduleExpression: cron(0 5 ? * SUN *)
      StartWindowMinutes: 45
      Lifecycle: {MoveToColdStorageAfterDays: 14, DeleteAfterDays: 100}
    - RuleName: daily
      TargetBackupVaultName: main
      ScheduleExpression: cron(0 5 ? * * *)
      StartWindowMinutes: 30
      Lifecycle:
        MoveToColdStorageAfterDays: 30
        DeleteAfterDays: 60
    - RuleName: hourly
      TargetBackupVaultName: main
      ScheduleExpression: cron(0 * ? * * *)
      StartWindowMinutes: 50
      Lifecycle: {DeleteAfterDays: 7}
EOF
bl --baseline baseline.json plans
if [ $code = 1 ] && [ "$(rules)" = "BKP604" ] && grep -q ':19:27:' "$tmp/out"; then
	ok "rules reordered, one added: only the new rule's finding"
else bad "reordered: exit $code: $(cat "$tmp/out" | head -c 600)"; fi

# from another folder of the repository: the same names
(cd "$repo/plans" && BACKUPLINT_NOW=2026-06-15 "$bin" --format text --no-color \
	--baseline ../baseline.json team copy.json) >"$tmp/out" 2>"$tmp/err"
code=$?
if [ $code = 1 ] && grep -q '^1 error in 1 of 2 files; 6 more in the baseline, not shown; 0 fixed since the baseline$' "$tmp/out"; then
	ok "run from a subfolder: matched by repository names"
else bad "subfolder: exit $code: $(tail -n 2 "$tmp/out") $(head -c 300 "$tmp/err")"; fi

# fixed findings are counted
sed -i 's/StartWindowMinutes: 45/StartWindowMinutes: 60/' "$repo/plans/team/plan.yaml"
(cd "$repo" && "$bin" --format text --no-color --baseline baseline.json plans) >"$tmp/out" 2>&1
if tail -n 1 "$tmp/out" | grep -q '; 5 more in the baseline, not shown; 1 fixed since the baseline$'; then
	ok "a fixed finding is counted"
else bad "fixed: $(tail -n 1 "$tmp/out")"; fi

# the JSON output carries the fingerprints of the baseline
(cd "$repo" && "$bin" --format json plans) >"$tmp/out" 2>&1
fp=$(sed -n 's/.*"fingerprint":"\([0-9a-f]*\)".*/\1/p' "$tmp/out" | head -n 1)
if [ -n "$fp" ] && grep -q "\"$fp\"" "$repo/baseline.json"; then ok "JSON fingerprints are the baseline's"
else bad "JSON fingerprint '$fp' not in the baseline"; fi

# baselines that cannot be used: one line, exit 2, nothing linted
refuse() { # $1 = what, $2 = expected text on stderr
	bl --baseline "$bfile" plans
	if [ $code = 2 ] && [ ! -s "$tmp/out" ] && [ "$(wc -l <"$tmp/err")" = 1 ] &&
		grep -q "$2" "$tmp/err"; then ok "$1: refused ($(cat "$tmp/err"))"
	else bad "$1: exit $code, stdout $(head -c 100 "$tmp/out"), stderr $(cat "$tmp/err")"; fi
}
bfile=missing.json; refuse "a missing baseline" "missing.json: cannot open"
printf 'not: json' >"$repo/notjson.json"; bfile=notjson.json
refuse "a baseline that is not JSON" "not a backuplint baseline"
printf '{"version": 2, "results": []}' >"$repo/other.json"; bfile=other.json
refuse "another tool's JSON" "not a backuplint baseline"
printf '{"backuplint-baseline": 9, "version": "9.0.0", "findings": []}' >"$repo/newer.json"; bfile=newer.json
refuse "a baseline from a newer backuplint" "newer backuplint (9.0.0"
printf '{"backuplint-baseline": 1, "version": "0.1.0", "findings": [{"fingerprint": "xyz"}]}' >"$repo/badfp.json"; bfile=badfp.json
refuse "a finding without a fingerprint" "valid fingerprint"

bl --write-baseline no/such/folder/b.json plans
if [ $code = 2 ] && grep -q 'no/such/folder/b.json' "$tmp/err"; then ok "an unwritable baseline: exit 2, named"
else bad "unwritable baseline: exit $code $(cat "$tmp/err")"; fi

echo "$pass passed, $fail failed"
[ $fail = 0 ]
