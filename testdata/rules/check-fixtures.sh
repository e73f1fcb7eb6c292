#!/bin/sh
# Every rule of --list-rules fires in at least one golden case: its id is in
# some expected output under testdata/ ("rule":"BKPnnn" in the JSON goldens
# that testdata/run.sh compares). A rule with no golden fails, named, until
# a fixture for it is added (a bad case with its .out, and a clean twin under
# testdata/ok/). Prints "N passed, N failed" last.
#   sh testdata/rules/check-fixtures.sh BACKUPLINT
set -u
bin=${1:?usage: check-fixtures.sh BACKUPLINT}
cd "$(dirname "$0")/../.." || exit 2
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

find testdata -name '*.out' -type f -exec cat {} + |
	grep -o '"rule":"BKP[0-9]*"' | sort -u >"$tmp/fired"
"$bin" --list-rules >"$tmp/list" || { echo "FAIL: --list-rules exits $?"; fail=1; }
[ -s "$tmp/list" ] || { echo "FAIL: --list-rules lists nothing"; fail=$((fail + 1)); }
while read -r id name rest; do
	if grep -q "\"rule\":\"$id\"" "$tmp/fired"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $id $name fires in no golden case (no \"rule\":\"$id\" in testdata/**/*.out)"
	fi
done <"$tmp/list"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
