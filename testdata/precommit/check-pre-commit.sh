#!/bin/sh
# The pre-commit hooks with the real pre-commit (Debian's package), offline:
# a snapshot of this checkout (uncommitted changes included) is the hook
# repository; a temporary user repository installs the hook, a commit with a
# bad plan is refused with the finding shown, the fixed one passes, a plan
# committed alone is still linked to the selection committed before it, and
# files that are not backup documents (package.json, a tsconfig.json with
# comments) are left alone. Then the same with backuplint-system and the
# binary under test on PATH.
#   sh testdata/precommit/check-pre-commit.sh BACKUPLINT
set -u
bin=${1:?usage: check-pre-commit.sh BACKUPLINT}
cd "$(dirname "$0")/../.." || exit 2
root=$PWD
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
if ! command -v pre-commit >/dev/null 2>&1; then
	bad "pre-commit is not installed (make deps)"
	echo "$pass passed, $fail failed"
	exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PRE_COMMIT_HOME="$tmp/cache" GIT_CONFIG_NOSYSTEM=1 HOME="$tmp/home"
mkdir -p "$HOME"
git config --global user.name test
git config --global user.email test@example.com
git config --global init.defaultBranch main
git config --global advice.detachedHead false

# the hook repository: this checkout as it is, without build output
hooks=$tmp/hooks
mkdir -p "$hooks"
if git -C "$root" rev-parse --git-dir >/dev/null 2>&1; then
	git -C "$root" ls-files -co --exclude-standard -z | (cd "$root" && xargs -0 tar cf -) |
		(cd "$hooks" && tar xf -)
else
	(cd "$root" && tar cf - --exclude=./build --exclude='./build-*' --exclude=./backuplint .) |
		(cd "$hooks" && tar xf -)
fi
(cd "$hooks" && git init -q && git add -A && git commit -q -m snapshot) || bad "cannot snapshot the checkout"
rev=$(git -C "$hooks" rev-parse HEAD)

user=$tmp/user
mkdir -p "$user"
cd "$user" || exit 2
git init -q
cat >.pre-commit-config.yaml <<EOF
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: backuplint
EOF
pre-commit install >/dev/null || bad "pre-commit install failed"
cat >.backuplint.yaml <<'EOF'
# context: . is the default: the repository's other documents link the
# changed ones
region: us-east-1
rules:
  BKP003: off
EOF
echo '{"name": "app", "version": "1.0.0"}' >package.json
printf '{\n  // comments: JSON to TypeScript, not to backuplint\n  "compilerOptions": {}\n}\n' >tsconfig.json
# an update-backup-plan input: the selection names its BackupPlanId (a
# create input has no id, and a selection naming one is not linked to it)
cat >plan.yaml <<'EOF'
BackupPlanId: nightly
BackupPlan:
  BackupPlanName: nightly
  Rules:
    - RuleName: daily
      TargetBackupVaultName: main
      ScheduleExpression: cron(0 5 ? * * *)
      Lifecycle:
        MoveToColdStorageAfterDays: 30
        DeleteAfterDays: 60
EOF
git add -A
# the first commit builds the hook: allow it the time
if git commit -q -m "a bad plan" >"$tmp/out" 2>&1; then
	bad "a plan with a finding was committed: $(head -c 600 "$tmp/out")"
else
	if grep -q 'plan.yaml:10:26: error: DeleteAfterDays is 60 but must be at least 120' "$tmp/out" &&
		grep -q 'BKP501' "$tmp/out"; then
		ok "a bad plan is refused, the finding shown"
	else
		bad "refused, but the finding is not shown: $(head -c 800 "$tmp/out")"
	fi
	if grep -q 'tsconfig.json\|package.json' "$tmp/out"; then
		bad "files that are not backup documents were reported: $(grep -m 2 'json' "$tmp/out")"
	else
		ok "package.json and a tsconfig.json with comments: left alone"
	fi
fi

sed -i -e '/MoveToColdStorageAfterDays/d' -e 's/DeleteAfterDays: 60/DeleteAfterDays: 35/' plan.yaml
cat >selection.json <<'EOF'
{
  "BackupPlanId": "nightly",
  "BackupSelection": {
    "SelectionName": "tables",
    "IamRoleArn": "arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole",
    "Resources": ["arn:aws:dynamodb:us-east-1:111122223333:table/orders"]
  }
}
EOF
git add -A
if git commit -q -m "the fixed plan, and its selection" >"$tmp/out" 2>&1; then
	ok "the fixed plan is committed"
else
	bad "the fixed plan was refused: $(head -c 800 "$tmp/out")"
fi

# the plan alone, changed to copy to another Region: the selection, not in
# the commit, says it protects DynamoDB tables (spec facts: no copy)
cat >>plan.yaml <<'EOF'
      CopyActions:
        - DestinationBackupVaultArn: arn:aws:backup:us-west-2:111122223333:backup-vault:dr
EOF
git add plan.yaml
if git commit -q -m "copy to Oregon" >"$tmp/out" 2>&1; then
	bad "a plan committed alone was not linked to its selection: $(head -c 600 "$tmp/out")"
elif grep -q 'BKP301' "$tmp/out" && grep -q "selection 'tables'" "$tmp/out"; then
	ok "a plan committed alone is linked to the selection already committed"
else
	bad "refused without the linked finding: $(head -c 800 "$tmp/out")"
fi
git checkout -q -- plan.yaml 2>/dev/null || git reset -q --hard

# backuplint-system: the binary under test on PATH
cat >.pre-commit-config.yaml <<EOF
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: backuplint-system
EOF
printf 'BackupPlanName: broken\nRules:\n  - RuleName: r\n    TargetBackupVaultName: main\n    StartWindowMinutes: 30\n' >broken.yaml
git add -A
if PATH="$(dirname "$bin"):$PATH" git commit -q -m "system hook" >"$tmp/out" 2>&1; then
	bad "backuplint-system let a bad plan in: $(head -c 600 "$tmp/out")"
elif grep -q 'broken.yaml:5:25: error: StartWindowMinutes is 30' "$tmp/out"; then
	ok "backuplint-system refuses a bad plan, the finding shown"
else
	bad "backuplint-system: $(head -c 800 "$tmp/out")"
fi

echo "$pass passed, $fail failed"
[ $fail = 0 ]
