#!/bin/sh
# BKP603 reads "today" from BACKUPLINT_NOW (YYYY-MM-DD) when set: a schedule
# whose last year is 2030 fires in 2030 and never again from 2031 on.
#   sh testdata/schedule/check-now.sh BACKUPLINT
set -u
bin=${1:?usage: check-now.sh BACKUPLINT}
cd "$(dirname "$0")/../.." || exit 2
pass=0 fail=0
doc='{"BackupPlanName": "now", "Rules": [{"RuleName": "r", "TargetBackupVaultName": "main", "ScheduleExpression": "cron(0 5 29 2 ? 2024-2030)", "Lifecycle": {"DeleteAfterDays": -1}}]}'
check() { # $1 = BACKUPLINT_NOW, $2 = expected rule ids (space-separated) or ""
	got=$(printf '%s\n' "$doc" | BACKUPLINT_NOW=$1 "$bin" --format gnu --no-color - 2>&1 |
		sed -n 's/.*\[\(BKP[0-9]*\) .*/\1/p' | tr '\n' ' ' | sed 's/ $//')
	if [ "$got" = "$2" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: BACKUPLINT_NOW=$1: got '$got', want '$2'"
	fi
}
check 2024-02-29 ""        # fires today
check 2025-01-01 ""        # 2028-02-29 is ahead
check 2028-02-29 ""
check 2028-03-01 "BKP603"  # no leap day left in 2028-2030
check 2031-01-01 "BKP603"
check 1999-12-31 ""
echo "$pass passed, $fail failed"
[ $fail = 0 ]
